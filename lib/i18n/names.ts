/** The name to show in a locale: the Chinese name under zh when there is one, else the English name. */
export function localizedName(item: { nameEn: string; nameZh: string | null }, locale: string): string {
  return locale === 'zh' && item.nameZh ? item.nameZh : item.nameEn;
}
