const FOLD: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', ß: 'ss', đ: 'd', Đ: 'd' };

/** A URL slug from a Latin-script name: "Łódź" -> "lodz", "São Paulo" -> "sao-paulo". */
export function slugify(name: string): string {
  return name
    .replace(/[łŁøØæÆßđĐ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
