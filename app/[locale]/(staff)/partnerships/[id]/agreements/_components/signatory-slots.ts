import type { CooperationField } from '@/lib/domain';
import { SIGNATORY_SLOTS } from '@/lib/validation/agreements';

// Shared by the agreement pages (server) and the form (client).

export interface AgreementFormValues {
  kind: string;
  titleEn: string;
  titleZh: string;
  signed: string;
  signedPlaceEn: string;
  signedPlaceZh: string;
  termEndsOn: string;
  cooperationFields: CooperationField[];
  summaryEn: string;
  summaryZh: string;
  isPublic: boolean;
  signatories: Array<{ side: 'home' | 'partner'; nameEn: string; nameZh: string; titleEn: string; titleZh: string }>;
}

/** Two signatory rows a side, filled from the agreement's own signatories. */
export function signatorySlots(given: AgreementFormValues['signatories']): AgreementFormValues['signatories'] {
  const side = (s: 'home' | 'partner') => {
    const rows = given.filter((g) => g.side === s).slice(0, SIGNATORY_SLOTS / 2);
    while (rows.length < SIGNATORY_SLOTS / 2) rows.push({ side: s, nameEn: '', nameZh: '', titleEn: '', titleZh: '' });
    return rows;
  };
  return [...side('home'), ...side('partner')];
}

