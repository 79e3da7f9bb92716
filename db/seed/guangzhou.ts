import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { parseCsv } from '../../lib/csv';
import { slugify } from '../../lib/slug';
import type { ActivityStatus, CooperationField, DatePrecision, LocalityLevel, PartnershipType } from '../../lib/domain';
import type { Executor } from '../client';
import {
  activities,
  activityMilestones,
  activityOrganisations,
  activityPartnerships,
  activityQuantities,
  agreements,
  auditEvents,
  localities,
  partnerships,
  partnershipStatusEvents,
  settings,
  type NewLocality,
} from '../schema';
import { ensurePublishedTotals } from './published-totals';

export const DATA_FILE = path.resolve(process.cwd(), 'db/seed/data/guangzhou-partner-cities.csv');

export interface PartnerRow {
  cityEn: string;
  cityZh: string;
  countryCode: string;
  relationship: PartnershipType;
  year: number | null;
  date: string | null;
  latitude: number;
  longitude: number;
  sources: string[];
}

/** The rows of the shipped dataset, checked field by field. */
export function readPartnerRows(file = DATA_FILE): PartnerRow[] {
  return parseCsv(readFileSync(file, 'utf8')).map((r, i) => {
    const where = `${path.basename(file)} row ${i + 2}`;
    const relationship = r.relationship;
    if (relationship !== 'sister_city' && relationship !== 'friendly_cooperation_city') {
      throw new Error(`${where}: unknown relationship ${relationship}`);
    }
    const latitude = Number(r.latitude);
    const longitude = Number(r.longitude);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) throw new Error(`${where}: bad coordinates`);
    if (!/^[A-Z]{2}$/.test(r.country_code ?? '')) throw new Error(`${where}: bad country code`);
    return {
      cityEn: r.city_en!.trim(),
      cityZh: r.city_zh!.trim(),
      countryCode: r.country_code!,
      relationship,
      year: r.established_year ? Number(r.established_year) : null,
      date: r.established_date || null,
      latitude,
      longitude,
      sources: (r.source ?? '').split(';').map((s) => s.trim()).filter(Boolean),
    };
  });
}

/** The level a dataset name implies: "Mombasa County" is a county, Guam and Penang Island are regions. */
export function levelOf(nameEn: string): LocalityLevel {
  if (/\bCounty$/.test(nameEn)) return 'county';
  if (/\bProvince$/.test(nameEn)) return 'province';
  if (nameEn === 'Guam' || nameEn === 'Penang Island') return 'region';
  return 'city';
}

// What some dates rest on, from the dataset's own notes (db/seed/data/README.md).
const DATE_BASIS: Record<string, string> = {
  Birmingham: 'Official FAO date (zh.wikipedia gives 2006-12-07).',
  Hambantota: 'Official FAO date (zh.wikipedia gives 2007-03-02).',
  Gorgan: 'FAO list and zh.wikipedia; Mehr News implies 2018-12-08.',
  Lahore: 'Year of the FAO notice of 2021-11-19; the signing day is not given.',
  Dakar: 'Reported in mid-March 2021 as the 51st friendly city; the day is unknown.',
  Kyiv: 'MoU reported on 2020-09-07; the signing day is unknown.',
  Tehran: '26 Esfand 1400, a virtual signing.',
  Kingston: 'A paper of 2023-02-10 says "yesterday".',
  Limassol: 'Year inferred: an FAO list gives 11 September, next to Hanoi in 2023.',
  'San Francisco': 'Guangzhou time; 22 July in the evening, Pacific time.',
  'São Paulo': 'Local time; the year is inferred from the report.',
};

const UNDATED_NOTE: Record<string, string> = {
  Brazzaville: 'Named among 81 partner cities by Xinhua (2019-11-01); probably added between Dec 2018 and Nov 2019.',
  Edinburgh: 'Named among 81 partner cities by Xinhua (2019-11-01); probably added between Dec 2018 and Nov 2019.',
  Darwin: 'Weak source: one Information Times report on a city-to-city MoU; check it.',
  Busan: 'A Busan source (2022) calls Guangzhou a friendly cooperation city; no date or Guangzhou-side confirmation.',
};

function dateOf(row: PartnerRow): { on: string | null; precision: DatePrecision | null } {
  if (row.date) return { on: row.date, precision: 'day' };
  if (row.year) return { on: `${row.year}-01-01`, precision: 'year' };
  return { on: null, precision: null };
}

export interface SeedReport {
  localities: number;
  partnerships: number;
  agreements: number;
  activities: number;
  /** Quantities, organisations and milestones added to seeded activities (also to those an older seed made). */
  activityDetails: number;
  /** The office's announced counts of the network (db/seed/published-totals.ts). */
  publishedTotals: number;
}

/** Inserts or finds a locality by slug; never overwrites a row staff may have edited. */
async function ensureLocality(tx: Executor, row: NewLocality, report: SeedReport): Promise<string> {
  const inserted = await tx
    .insert(localities)
    .values(row)
    .onConflictDoNothing({ target: localities.slug })
    .returning({ id: localities.id });
  if (inserted[0]) {
    report.localities++;
    return inserted[0].id;
  }
  const [found] = await tx.select({ id: localities.id }).from(localities).where(eq(localities.slug, row.slug));
  if (!found) throw new Error(`locality ${row.slug} vanished during seeding`);
  return found.id;
}

interface TieSeed {
  slug: string;
  homeId: string;
  partnerId: string;
  type: PartnershipType;
  establishedOn: string | null;
  precision: DatePrecision | null;
  basis?: string | null;
  fields?: CooperationField[];
  summaryEn?: string | null;
  summaryZh?: string | null;
  internalNotes?: string | null;
  sources: string[];
}

async function ensurePartnership(tx: Executor, t: TieSeed, report: SeedReport): Promise<string> {
  const inserted = await tx
    .insert(partnerships)
    .values({
      slug: t.slug,
      homeLocalityId: t.homeId,
      partnerLocalityId: t.partnerId,
      type: t.type,
      status: 'active',
      establishedOn: t.establishedOn,
      establishedPrecision: t.precision,
      establishedBasis: t.basis ?? null,
      cooperationFields: t.fields ?? [],
      summaryEn: t.summaryEn ?? null,
      summaryZh: t.summaryZh ?? null,
      internalNotes: t.internalNotes ?? null,
      sources: t.sources,
    })
    .onConflictDoNothing({ target: partnerships.slug })
    .returning({ id: partnerships.id });
  if (inserted[0]) {
    report.partnerships++;
    await tx.insert(partnershipStatusEvents).values({
      partnershipId: inserted[0].id,
      status: 'active',
      effectiveOn: t.establishedOn,
      effectivePrecision: t.precision,
      note: 'Loaded from the demo dataset',
    });
    return inserted[0].id;
  }
  const [found] = await tx.select({ id: partnerships.id }).from(partnerships).where(eq(partnerships.slug, t.slug));
  if (!found) throw new Error(`partnership ${t.slug} vanished during seeding`);
  return found.id;
}

const CN = 'CN';

/** Loads the Guangzhou network and the brief's cases. Idempotent: a second run inserts and changes nothing. */
export async function seedGuangzhou(tx: Executor, rows = readPartnerRows()): Promise<SeedReport> {
  const report: SeedReport = { localities: 0, partnerships: 0, agreements: 0, activities: 0, activityDetails: 0, publishedTotals: 0 };
  const loc = (row: NewLocality) => ensureLocality(tx, row, report);

  const guangdong = await loc({ slug: 'guangdong', nameEn: 'Guangdong', nameZh: '广东', level: 'province', countryCode: CN });
  const guangzhou = await loc({
    slug: 'guangzhou',
    nameEn: 'Guangzhou',
    nameZh: '广州',
    level: 'city',
    countryCode: CN,
    parentId: guangdong,
    latitude: 23.11667,
    longitude: 113.25,
  });
  // The home locality is set once; an admin who changed it keeps their choice.
  await tx
    .insert(settings)
    .values({ id: 1, homeLocalityId: guangzhou })
    .onConflictDoUpdate({ target: settings.id, set: { homeLocalityId: sql`coalesce(${settings.homeLocalityId}, excluded.home_locality_id)` } });

  const seenSlugs = new Set<string>();
  const partnerIds = new Map<string, string>();
  for (const row of rows) {
    let slug = slugify(row.cityEn);
    if (seenSlugs.has(slug) || slug === 'guangzhou') slug = `${slug}-${row.countryCode.toLowerCase()}`;
    seenSlugs.add(slug);
    const partnerId = await loc({
      slug,
      nameEn: row.cityEn,
      nameZh: row.cityZh || null,
      level: levelOf(row.cityEn),
      countryCode: row.countryCode,
      latitude: row.latitude,
      longitude: row.longitude,
    });
    const { on, precision } = dateOf(row);
    const id = await ensurePartnership(
      tx,
      {
        slug: `guangzhou-${slug}`,
        homeId: guangzhou,
        partnerId,
        type: row.relationship,
        establishedOn: on,
        precision,
        basis: DATE_BASIS[row.cityEn] ?? (precision === 'year' ? 'Only the year is given by the source.' : precision ? 'Date given by the source.' : null),
        internalNotes: UNDATED_NOTE[row.cityEn] ?? null,
        sources: row.sources,
      },
      report,
    );
    partnerIds.set(row.cityEn, id);
  }

  const lahoreTie = partnerIds.get('Lahore');
  if (lahoreTie) await seedLahoreCases(tx, lahoreTie, report);
  await seedOtherTies(tx, loc, report);
  report.publishedTotals = await ensurePublishedTotals(tx);

  if (Object.values(report).some((n) => n > 0)) {
    await tx.insert(auditEvents).values({
      action: 'seed.load',
      entityType: 'registry',
      entityId: null,
      after: { ...report, dataset: path.basename(DATA_FILE) },
    });
  }
  return report;
}

const LAHORE_FIELDS: CooperationField[] = ['economy', 'trade', 'culture', 'tourism', 'science_technology', 'education'];
const XINHUA_LAHORE = 'Xinhua/People\'s Daily, 2021-11-20';

async function ensureAgreement(
  tx: Executor,
  values: typeof agreements.$inferInsert,
  report: SeedReport,
): Promise<void> {
  const [existing] = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.partnershipId, values.partnershipId), eq(agreements.titleEn, values.titleEn)));
  if (existing) return;
  await tx.insert(agreements).values(values);
  report.agreements++;
}

interface ActivityDetails {
  /** Each partner's status of the activity (the activity's own by default). */
  links: { partnershipId: string; status?: ActivityStatus }[];
  quantities?: Omit<typeof activityQuantities.$inferInsert, 'activityId'>[];
  organisations?: Omit<typeof activityOrganisations.$inferInsert, 'activityId'>[];
  milestones?: Omit<typeof activityMilestones.$inferInsert, 'activityId'>[];
}

/**
 * Inserts an activity by slug with its partners, and adds each quantity (by partner and item), organisation (by
 * name) and milestone (by title) it lacks. A database seeded before activities had these gets them on its next
 * seed; an activity staff have edited (version above 1) is theirs, and the seed adds nothing to it.
 */
async function ensureActivity(tx: Executor, values: typeof activities.$inferInsert, details: ActivityDetails, report: SeedReport): Promise<void> {
  const [inserted] = await tx
    .insert(activities)
    .values(values)
    .onConflictDoNothing({ target: activities.slug })
    .returning({ id: activities.id });
  if (inserted) {
    report.activities++;
    await tx.insert(activityPartnerships).values(details.links.map((l, position) => ({ activityId: inserted.id, partnershipId: l.partnershipId, status: l.status ?? values.status, position })));
  }
  const [row] = await tx.select({ id: activities.id, version: activities.version }).from(activities).where(eq(activities.slug, values.slug));
  if (!row || row.version !== 1) return;
  const activityId = row.id;
  if (!inserted && values.status) {
    // Made by the seed before activities had a status (the migration set 'completed'), never edited since.
    const status = values.status;
    const changed = await tx
      .update(activities)
      .set({ status })
      .where(and(eq(activities.id, activityId), sql`${activities.status} <> ${status}`))
      .returning({ id: activities.id });
    if (changed.length > 0) {
      for (const l of details.links) {
        await tx
          .update(activityPartnerships)
          .set({ status: l.status ?? status })
          .where(and(eq(activityPartnerships.activityId, activityId), eq(activityPartnerships.partnershipId, l.partnershipId)));
      }
      report.activityDetails++;
    }
  }
  for (const [position, q] of (details.quantities ?? []).entries()) {
    const [found] = await tx
      .select({ id: activityQuantities.id })
      .from(activityQuantities)
      .where(
        and(
          eq(activityQuantities.activityId, activityId),
          q.partnershipId ? eq(activityQuantities.partnershipId, q.partnershipId) : sql`${activityQuantities.partnershipId} is null`,
          eq(activityQuantities.itemEn, q.itemEn),
        ),
      );
    if (found) continue;
    await tx.insert(activityQuantities).values({ position, ...q, activityId });
    report.activityDetails++;
  }
  for (const [position, o] of (details.organisations ?? []).entries()) {
    const [found] = await tx
      .select({ id: activityOrganisations.id })
      .from(activityOrganisations)
      .where(and(eq(activityOrganisations.activityId, activityId), eq(activityOrganisations.nameEn, o.nameEn)));
    if (found) continue;
    await tx.insert(activityOrganisations).values({ position, ...o, activityId });
    report.activityDetails++;
  }
  for (const [position, m] of (details.milestones ?? []).entries()) {
    const [found] = await tx
      .select({ id: activityMilestones.id })
      .from(activityMilestones)
      .where(and(eq(activityMilestones.activityId, activityId), eq(activityMilestones.titleEn, m.titleEn)));
    if (found) continue;
    await tx.insert(activityMilestones).values({ position, ...m, activityId });
    report.activityDetails++;
  }
}

async function seedLahoreCases(tx: Executor, lahoreTie: string, report: SeedReport) {
  // The MoU's fields are the partnership's fields too; set them only while the tie still has none.
  await tx
    .update(partnerships)
    .set({ cooperationFields: LAHORE_FIELDS })
    .where(and(eq(partnerships.id, lahoreTie), sql`cardinality(${partnerships.cooperationFields}) = 0`));
  await ensureAgreement(
    tx,
    {
      partnershipId: lahoreTie,
      kind: 'mou',
      // A descriptive title: the sources name the document an MoU but give no official title.
      titleEn: 'Guangzhou–Lahore memorandum of understanding',
      titleZh: '广州—拉合尔谅解备忘录',
      signedOn: '2021-01-01',
      signedPrecision: 'year',
      cooperationFields: LAHORE_FIELDS,
      summaryEn: 'Announced by the Guangzhou Foreign Affairs Office on 19 November 2021; the signing day is not given.',
      summaryZh: '广州市外办于2021年11月19日公布；未载明签署日期。',
      sources: [XINHUA_LAHORE],
    },
    report,
  );
  // The sources give the masks' number and year only: no month, value or other items, so none are recorded.
  await ensureActivity(
    tx,
    {
      slug: 'lahore-surgical-masks-2020',
      kind: 'donation',
      status: 'completed',
      direction: 'outgoing',
      titleEn: '20,000 disposable surgical masks donated to Lahore',
      titleZh: '向拉合尔捐赠2万只一次性医用外科口罩',
      descriptionEn: 'Guangzhou donated 20,000 disposable surgical masks to Lahore during the COVID-19 pandemic.',
      descriptionZh: '新冠疫情期间，广州向拉合尔捐赠2万只一次性医用外科口罩。',
      startedOn: '2020-01-01',
      startedPrecision: 'year',
      cooperationFields: ['health'],
      sources: [XINHUA_LAHORE],
    },
    {
      links: [{ partnershipId: lahoreTie }],
      quantities: [{ partnershipId: lahoreTie, itemEn: 'Disposable surgical masks', itemZh: '一次性医用外科口罩', amount: '20000' }],
    },
    report,
  );
  // The sources date the start of operation only (October 2020); the contract, construction and handovers are
  // left out until a source dates them.
  await ensureActivity(
    tx,
    {
      slug: 'lahore-orange-line-metro',
      kind: 'project',
      status: 'ongoing',
      direction: 'outgoing',
      titleEn: 'Lahore Orange Line metro: operation and maintenance',
      titleZh: '拉合尔轨道交通橙线运营维护',
      descriptionEn:
        'Lahore\'s Orange Line metro has run since October 2020, operated and maintained by a consortium led by Guangzhou Metro.',
      descriptionZh: '拉合尔轨道交通橙线自2020年10月开通运营，由广州地铁牵头的联合体负责运营和维护。',
      startedOn: '2020-10-01',
      startedPrecision: 'month',
      placeEn: 'Lahore',
      placeZh: '拉合尔',
      cooperationFields: ['infrastructure', 'transport'],
      sources: [XINHUA_LAHORE],
    },
    {
      links: [{ partnershipId: lahoreTie }],
      organisations: [
        { nameEn: 'Consortium led by Guangzhou Metro', nameZh: '广州地铁牵头的联合体', roleEn: 'Operator and maintainer', roleZh: '运营和维护' },
      ],
      milestones: [{ occurredOn: '2020-10-01', occurredPrecision: 'month', titleEn: 'Start of operation', titleZh: '开通运营' }],
    },
    report,
  );
}

async function seedOtherTies(tx: Executor, loc: (row: NewLocality) => Promise<string>, report: SeedReport) {
  const pakistanSource = ['Customer brief (China-Pakistan subnational ties, 2021)'];
  const henan = await loc({ slug: 'henan', nameEn: 'Henan', nameZh: '河南', level: 'province', countryCode: CN });
  const hubei = await loc({ slug: 'hubei', nameEn: 'Hubei', nameZh: '湖北', level: 'province', countryCode: CN });
  const zhengzhou = await loc({ slug: 'zhengzhou', nameEn: 'Zhengzhou', nameZh: '郑州', level: 'city', countryCode: CN, parentId: henan });
  const punjab = await loc({ slug: 'punjab-pk', nameEn: 'Punjab', nameZh: '旁遮普省', level: 'province', countryCode: 'PK' });
  const balochistan = await loc({ slug: 'balochistan', nameEn: 'Balochistan', nameZh: '俾路支斯坦省', level: 'province', countryCode: 'PK' });
  const sindh = await loc({ slug: 'sindh', nameEn: 'Sindh', nameZh: '信德省', level: 'province', countryCode: 'PK' });
  // Lahore came from the dataset; give it its province once, if nobody set one.
  await tx
    .update(localities)
    .set({ parentId: punjab })
    .where(and(eq(localities.slug, 'lahore'), sql`${localities.parentId} is null`));
  const [lahore] = await tx.select({ id: localities.id }).from(localities).where(eq(localities.slug, 'lahore'));
  if (lahore) {
    await ensurePartnership(
      tx,
      {
        slug: 'zhengzhou-lahore',
        homeId: zhengzhou,
        partnerId: lahore.id,
        type: 'sister_city',
        establishedOn: '2021-01-01',
        precision: 'year',
        basis: 'Set up in 2021, marking 70 years of China-Pakistan diplomatic relations.',
        summaryEn: 'Sister cities since 2021, the 70th year of China-Pakistan diplomatic relations.',
        summaryZh: '2021年中巴建交70周年之际结为友好城市。',
        sources: pakistanSource,
      },
      report,
    );
  }
  const henanBalochistan = await ensurePartnership(
    tx,
    {
      slug: 'henan-balochistan',
      homeId: henan,
      partnerId: balochistan,
      type: 'sister_province',
      establishedOn: '2021-01-01',
      precision: 'year',
      basis: 'A letter signed in 2021.',
      summaryEn: 'Sister provinces by a letter signed in 2021.',
      summaryZh: '2021年签署函件，结为友好省份。',
      sources: pakistanSource,
    },
    report,
  );
  await ensurePartnership(
    tx,
    {
      slug: 'hubei-sindh',
      homeId: hubei,
      partnerId: sindh,
      type: 'sister_province',
      establishedOn: '2021-11-01',
      precision: 'month',
      basis: 'November 2021.',
      fields: ['education', 'science_technology', 'vocational_training', 'culture', 'public_relations'],
      summaryEn:
        'Sister provinces since November 2021: education, science and technology, technical and vocational training, cultural exchange and public relations.',
      summaryZh: '2021年11月结为友好省份：教育、科技、职业技术培训、文化交流和公共关系。',
      sources: pakistanSource,
    },
    report,
  );
  await ensureAgreement(
    tx,
    {
      partnershipId: henanBalochistan,
      kind: 'letter_of_intent',
      titleEn: 'Henan–Balochistan sister-province letter',
      titleZh: '河南—俾路支斯坦友好省份函',
      signedOn: '2021-01-01',
      signedPrecision: 'year',
      sources: pakistanSource,
    },
    report,
  );
}
