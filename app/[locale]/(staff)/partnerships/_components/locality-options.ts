import type { LocalityRef } from '@/db/queries/partnerships';
import { LANGUAGE_TAG, type Locale } from '@/lib/i18n/routing';

/** Picker labels in the reader's language, both names and the country: "Lahore · 拉合尔 (Pakistan)", sorted. */
export function localityOptions(localities: LocalityRef[], locale: Locale, exclude?: string): Array<{ id: string; label: string }> {
  const countries = new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' });
  const collator = new Intl.Collator(LANGUAGE_TAG[locale]);
  return localities
    .filter((l) => l.id !== exclude)
    .map((l) => {
      const names = locale === 'zh' ? [l.nameZh ?? l.nameEn, l.nameZh ? l.nameEn : null] : [l.nameEn, l.nameZh];
      return { id: l.id, label: `${names.filter(Boolean).join(' · ')} (${countries.of(l.countryCode) ?? l.countryCode})` };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}
