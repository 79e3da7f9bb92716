import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import { datePrecision, localityLevel, localityNameKind } from './enums';

/** A city, province, county, district or region, at home or abroad. */
export const localities = pgTable(
  'localities',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    nameEn: text().notNull(),
    nameZh: text(),
    level: localityLevel().notNull().default('city'),
    countryCode: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => localities.id, { onDelete: 'set null' }),
    latitude: doublePrecision(),
    longitude: doublePrecision(),
    wikidataId: text(),
    // Set when this locality was merged into another, which now holds its ties; a merged locality is also deleted.
    mergedIntoId: uuid().references((): AnyPgColumn => localities.id, { onDelete: 'set null' }),
    ...editable,
  },
  (t) => [
    uniqueIndex('localities_slug_key').on(t.slug),
    index('localities_country_idx').on(t.countryCode),
    index('localities_parent_idx').on(t.parentId),
    check('localities_country_code_check', sql`${t.countryCode} ~ '^[A-Z]{2}$'`),
    check('localities_latitude_check', sql`${t.latitude} between -90 and 90`),
    check('localities_longitude_check', sql`${t.longitude} between -180 and 180`),
    check('localities_wikidata_check', sql`${t.wikidataId} ~ '^Q[0-9]+$'`),
  ],
);

/**
 * A name a locality no longer uses, with the dates it was used (each with its precision): Dnipropetrovsk for Dnipro
 * until 2016-05, Roebourne Shire for Karratha (merged). `folded` is the English name without accents or case, as
 * `slugify` gives it, so search finds a locality by any of its names.
 */
export const localityNames = pgTable(
  'locality_names',
  {
    id: uuid().primaryKey().defaultRandom(),
    localityId: uuid()
      .notNull()
      .references(() => localities.id, { onDelete: 'cascade' }),
    kind: localityNameKind().notNull().default('renamed'),
    nameEn: text().notNull(),
    nameZh: text(),
    folded: text().notNull(),
    usedFrom: date({ mode: 'string' }),
    usedFromPrecision: datePrecision(),
    usedUntil: date({ mode: 'string' }),
    usedUntilPrecision: datePrecision(),
    // The locality record this name came from when it was merged in.
    mergedLocalityId: uuid().references((): AnyPgColumn => localities.id, { onDelete: 'set null' }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('locality_names_locality_idx').on(t.localityId),
    index('locality_names_folded_idx').on(t.folded),
    check('locality_names_from_precision', sql`(${t.usedFrom} is null) = (${t.usedFromPrecision} is null)`),
    check('locality_names_until_precision', sql`(${t.usedUntil} is null) = (${t.usedUntilPrecision} is null)`),
    check('locality_names_order', sql`${t.usedFrom} is null or ${t.usedUntil} is null or ${t.usedFrom} <= ${t.usedUntil}`),
  ],
);

export type Locality = typeof localities.$inferSelect;
export type LocalityName = typeof localityNames.$inferSelect;
export type NewLocality = typeof localities.$inferInsert;
