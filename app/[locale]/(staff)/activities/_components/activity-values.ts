import type { ActivityDetail, ActivityPartnerRef } from '@/db/queries/activities';
import { partialDateText } from '@/lib/calendar-date';
import type { CooperationField } from '@/lib/domain';
import { localizedName } from '@/lib/i18n/names';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';
import { ACTIVITY_SLOTS, type ActivityRowKind } from '@/lib/validation/activities';

// Shared by the activity pages (server) and the form (client).

export interface ActivityFormValues {
  kind: string;
  status: string;
  direction: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  started: string;
  ended: string;
  placeEn: string;
  placeZh: string;
  cooperationFields: CooperationField[];
  valueAmount: string;
  valueCurrency: string;
  participants: string;
  links: string;
  internalNotes: string;
  isPublic: boolean;
  partners: Array<{ partnershipId: string; status: string }>;
  quantities: Array<{ partnershipId: string; itemEn: string; itemZh: string; amount: string; unit: string }>;
  organisations: Array<{ nameEn: string; nameZh: string; roleEn: string; roleZh: string }>;
  milestones: Array<{ date: string; titleEn: string; titleZh: string; note: string }>;
}

/** An empty row of each repeated section. */
export const EMPTY_ROW = {
  partners: { partnershipId: '', status: 'completed' },
  quantities: { partnershipId: '', itemEn: '', itemZh: '', amount: '', unit: '' },
  organisations: { nameEn: '', nameZh: '', roleEn: '', roleZh: '' },
  milestones: { date: '', titleEn: '', titleZh: '', note: '' },
} as const satisfies { [K in ActivityRowKind]: ActivityFormValues[K][number] };

/** The rows given and then empty slots, so the form works without JavaScript (which can add more). */
export function withEmptySlots(values: ActivityFormValues): ActivityFormValues {
  const pad = <K extends ActivityRowKind>(kind: K): ActivityFormValues[K] => {
    const given = values[kind] as Array<ActivityFormValues[K][number]>;
    const rows = [...given];
    const target = Math.min(ACTIVITY_SLOTS[kind].max, Math.max(given.length + ACTIVITY_SLOTS[kind].empty, ACTIVITY_SLOTS[kind].empty));
    while (rows.length < target) rows.push({ ...EMPTY_ROW[kind] } as ActivityFormValues[K][number]);
    return rows as ActivityFormValues[K];
  };
  return { ...values, partners: pad('partners'), quantities: pad('quantities'), organisations: pad('organisations'), milestones: pad('milestones') };
}

/** A new activity's form: a completed outgoing donation, public, with `partnershipId` as its first partner. */
export function newActivityValues(partnershipId?: string): ActivityFormValues {
  return withEmptySlots({
    kind: 'donation',
    status: 'completed',
    direction: 'outgoing',
    titleEn: '',
    titleZh: '',
    descriptionEn: '',
    descriptionZh: '',
    started: '',
    ended: '',
    placeEn: '',
    placeZh: '',
    cooperationFields: [],
    valueAmount: '',
    valueCurrency: '',
    participants: '',
    links: '',
    internalNotes: '',
    isPublic: true,
    partners: partnershipId ? [{ partnershipId, status: 'completed' }] : [],
    quantities: [],
    organisations: [],
    milestones: [],
  });
}

/** A stored numeric as typed: '20000.00' is '20000', '12.50' is '12.5'. */
export function amountText(stored: string): string {
  return stored.includes('.') ? stored.replace(/0+$/, '').replace(/\.$/, '') : stored;
}

/** The edit form's values from a stored activity. */
export function activityValues(a: ActivityDetail): ActivityFormValues {
  return withEmptySlots({
    kind: a.kind,
    status: a.status,
    direction: a.direction,
    titleEn: a.titleEn,
    titleZh: a.titleZh ?? '',
    descriptionEn: a.descriptionEn ?? '',
    descriptionZh: a.descriptionZh ?? '',
    started: partialDateText(a.startedOn, a.startedPrecision),
    ended: partialDateText(a.endedOn, a.endedPrecision),
    placeEn: a.placeEn ?? '',
    placeZh: a.placeZh ?? '',
    cooperationFields: a.cooperationFields,
    valueAmount: a.valueAmount ? amountText(a.valueAmount) : '',
    valueCurrency: a.valueCurrency ?? '',
    participants: a.participants === null ? '' : String(a.participants),
    links: a.links.join('\n'),
    internalNotes: a.internalNotes ?? '',
    isPublic: a.isPublic,
    partners: a.partnerRows.map((p) => ({ partnershipId: p.partnershipId, status: p.status })),
    quantities: a.quantities.map((q) => ({ partnershipId: q.partnershipId ?? '', itemEn: q.itemEn, itemZh: q.itemZh ?? '', amount: amountText(q.amount), unit: q.unit ?? '' })),
    organisations: a.organisations.map((o) => ({ nameEn: o.nameEn, nameZh: o.nameZh ?? '', roleEn: o.roleEn ?? '', roleZh: o.roleZh ?? '' })),
    milestones: a.milestones.map((m) => ({ date: partialDateText(m.occurredOn, m.occurredPrecision), titleEn: m.titleEn, titleZh: m.titleZh ?? '', note: m.note ?? '' })),
  });
}

/**
 * A partnership as the reader names it: "Lahore · 拉合尔 (Pakistan)" for the home city's own ties, "Zhengzhou –
 * Lahore (Pakistan)" for another locality's.
 */
export function partnershipLabel(p: ActivityPartnerRef, locale: Locale, homeNameEn: string | null): string {
  const countries = new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' });
  const partnerName = { nameEn: p.partnerNameEn, nameZh: p.partnerNameZh };
  const names = locale === 'zh' ? [p.partnerNameZh ?? p.partnerNameEn, p.partnerNameZh ? p.partnerNameEn : null] : [p.partnerNameEn, p.partnerNameZh];
  const country = countries.of(p.countryCode) ?? p.countryCode;
  if (homeNameEn && p.homeNameEn !== homeNameEn) {
    return `${localizedName({ nameEn: p.homeNameEn, nameZh: p.homeNameZh }, locale)} – ${localizedName(partnerName, locale)} (${country})`;
  }
  return `${names.filter(Boolean).join(' · ')} (${country})`;
}

/** Picker options, sorted in the reader's language. */
export function partnershipOptions(choices: ActivityPartnerRef[], locale: Locale, homeNameEn: string | null): Array<{ id: string; label: string }> {
  const collator = new Intl.Collator(LANGUAGE_TAG[locale]);
  return choices.map((c) => ({ id: c.partnershipId, label: partnershipLabel(c, locale, homeNameEn) })).sort((a, b) => collator.compare(a.label, b.label));
}
