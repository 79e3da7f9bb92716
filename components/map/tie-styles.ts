import type { PartnershipType } from '@/lib/domain';

/**
 * The colour of each type of tie on the map and in its legend. Tailwind's 700 shades: each has at least 4.5:1
 * contrast against the white sea and 4.5:1 against the slate-200 land, so a mark stands out on either (WCAG 1.4.11
 * asks 3:1). Sister ties are filled dots and friendly cooperation ties rings, so colour is never the only cue.
 */
export const TIE_COLOURS: Record<PartnershipType, string> = {
  sister_city: '#b91c1c',
  friendly_cooperation_city: '#1d4ed8',
  sister_province: '#7e22ce',
  friendly_cooperation_province: '#0f766e',
  sister_county: '#c2410c',
  friendly_cooperation_county: '#4d7c0f',
  sister_district: '#be185d',
  friendly_cooperation_district: '#0369a1',
  other: '#475569',
};

/** Whether a type is drawn as a filled dot (sister ties, "other") rather than a ring (friendly cooperation). */
export function isFilledMark(type: PartnershipType): boolean {
  return !type.startsWith('friendly_cooperation');
}
