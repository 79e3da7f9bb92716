import { LANGUAGE_TAG, type Locale } from './i18n/routing';

/** One quantity of an activity as stored: an item in each language, an exact decimal amount as text, a unit. */
export interface QuantityRecord {
  itemEn: string;
  itemZh: string | null;
  amount: string;
  unit: string | null;
}

const formats = new Map<Locale, Intl.NumberFormat>();

/**
 * The words of a quantity for a message such as "{item}: {amount} {unit}": the item in `locale` (English when it
 * has no Chinese name), the amount grouped for `locale` and exact (amounts are numeric(18, 2) text, formatted as
 * written rather than through a float: "20000" is "20,000"), the unit or an empty string.
 */
export function quantityWords(q: QuantityRecord, locale: Locale): { item: string; amount: string; unit: string } {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(LANGUAGE_TAG[locale], { maximumFractionDigits: 2 });
    formats.set(locale, format);
  }
  return {
    item: (locale === 'zh' && q.itemZh) || q.itemEn,
    // Intl.NumberFormat takes a decimal string as it stands (ECMA-402 "exact decimal" strings).
    amount: format.format(q.amount as unknown as number),
    unit: q.unit ?? '',
  };
}
