import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  index,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { editable } from './common';
import { localityLevel } from './enums';

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

export type Locality = typeof localities.$inferSelect;
export type NewLocality = typeof localities.$inferInsert;
