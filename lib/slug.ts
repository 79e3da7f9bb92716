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

/** Words that name the kind of a subdivision after its name: "Pest County", "Sindh Province", "Aichi Prefecture". */
const SUBDIVISION_WORDS = /-(county|province|prefecture|state|region|oblast|governorate|district|municipality|voivodeship)$/;

/**
 * Whether two English names of places of one country name the same locality: equal once accents, case and
 * punctuation are folded ("Lodz" is Łódź); and, when neither is a city, also once a trailing word naming the kind
 * of subdivision is dropped ("Pest" from ISO 3166-2 is the registry's "Pest County"). A city keeps its whole name,
 * so the city of Kent is never taken for Kent County. Levels are the registry's (`city`, `province`, `county`, ...).
 */
export function sameLocalityName(a: { nameEn: string; level: string }, b: { nameEn: string; level: string }): boolean {
  const fa = slugify(a.nameEn);
  const fb = slugify(b.nameEn);
  if (fa === fb) return fa !== '';
  if (a.level === 'city' || b.level === 'city') return false;
  const sa = fa.replace(SUBDIVISION_WORDS, '');
  const sb = fb.replace(SUBDIVISION_WORDS, '');
  return sa !== '' && sa === sb;
}
