import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, like, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  AgreementKind,
  ApprovalLevel,
  CooperationField,
  DatePrecision,
  EndingParty,
  LifecycleEventKind,
  LocalityLevel,
  PartnershipStatus,
  PartnershipType,
  SignatorySide,
} from '../../lib/domain';
import { slugify } from '../../lib/slug';
import { PARTNERSHIPS_PAGE_SIZE, type PartnershipFilter } from '../../lib/validation/partnerships';
import type { Executor } from '../client';
import { formerNameMatch, formerNameShown } from './former-names';
import { agreementFiles, agreements, agreementSignatories, auditEvents, localities, partnerships, partnershipStatusEvents } from '../schema';

// The queries behind the staff partnership pages, without the access check: db/queries/partnerships.ts checks the
// caller's role and calls these; tests and the benchmark call them directly.

const home = alias(localities, 'home_locality');
const partner = alias(localities, 'partner_locality');

/** Escapes LIKE wildcards so a search for "50%" means the characters, not a pattern. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface LocalityRef {
  id: string;
  nameEn: string;
  nameZh: string | null;
  countryCode: string;
  level: LocalityLevel;
}

export interface PartnershipListRow {
  id: string;
  type: PartnershipType;
  status: PartnershipStatus;
  establishedOn: string | null;
  establishedPrecision: DatePrecision | null;
  cooperationFields: CooperationField[];
  isPublic: boolean;
  deletedAt: Date | null;
  updatedAt: Date;
  version: number;
  partner: LocalityRef;
  home: LocalityRef;
  /** A former name of the partner to show beside its name: the one the search matched, or a recent one. */
  partnerFormerName?: { nameEn: string; nameZh: string | null } | null;
}

const listColumns = {
  id: partnerships.id,
  type: partnerships.type,
  status: partnerships.status,
  establishedOn: partnerships.establishedOn,
  establishedPrecision: partnerships.establishedPrecision,
  cooperationFields: partnerships.cooperationFields,
  isPublic: partnerships.isPublic,
  deletedAt: partnerships.deletedAt,
  updatedAt: partnerships.updatedAt,
  version: partnerships.version,
  partner: { id: partner.id, nameEn: partner.nameEn, nameZh: partner.nameZh, countryCode: partner.countryCode, level: partner.level },
  home: { id: home.id, nameEn: home.nameEn, nameZh: home.nameZh, countryCode: home.countryCode, level: home.level },
};

/** The WHERE clause of a filter: search text matches either side's English or Chinese name, current or former, accents optional. */
function filterWhere(filter: PartnershipFilter, homeLocalityId: string | null): SQL | undefined {
  const term = filter.q;
  const folded = slugify(term);
  const nameMatch = (l: typeof partner | typeof home) =>
    or(
      ilike(l.nameEn, `%${likeEscape(term)}%`),
      ilike(l.nameZh, `%${likeEscape(term)}%`),
      folded ? like(l.slug, `%${likeEscape(folded)}%`) : undefined,
      formerNameMatch(l.id, term),
    );
  return and(
    filter.deleted ? isNotNull(partnerships.deletedAt) : isNull(partnerships.deletedAt),
    term ? or(nameMatch(partner), nameMatch(home)) : undefined,
    filter.type ? eq(partnerships.type, filter.type) : undefined,
    filter.status ? eq(partnerships.status, filter.status) : undefined,
    filter.country ? eq(partner.countryCode, filter.country) : undefined,
    filter.level ? eq(partner.level, filter.level) : undefined,
    filter.field ? sql`${filter.field}::cooperation_field = any(${partnerships.cooperationFields})` : undefined,
    filter.visibility ? eq(partnerships.isPublic, filter.visibility === 'public') : undefined,
    filter.scope && homeLocalityId
      ? filter.scope === 'home'
        ? eq(partnerships.homeLocalityId, homeLocalityId)
        : ne(partnerships.homeLocalityId, homeLocalityId)
      : undefined,
    filter.from ? gte(partnerships.establishedOn, `${filter.from}-01-01`) : undefined,
    filter.to ? lte(partnerships.establishedOn, `${filter.to}-12-31`) : undefined,
  );
}

function orderBy(sort: PartnershipFilter['sort']): SQL[] {
  switch (sort) {
    // By the slug, the English name without accents or case: Łódź sorts with the Ls, not after Z.
    case '-partner':
      return [desc(partner.slug), desc(partner.nameEn), desc(partnerships.id)];
    case 'established':
      return [sql`${partnerships.establishedOn} asc nulls last`, asc(partner.nameEn), asc(partnerships.id)];
    case '-established':
      return [sql`${partnerships.establishedOn} desc nulls last`, asc(partner.nameEn), asc(partnerships.id)];
    case 'country':
      return [asc(partner.countryCode), asc(partner.nameEn), asc(partnerships.id)];
    case 'updated':
      return [asc(partnerships.updatedAt), asc(partnerships.id)];
    case '-updated':
      return [desc(partnerships.updatedAt), desc(partnerships.id)];
    default:
      return [asc(partner.slug), asc(partner.nameEn), asc(home.nameEn), asc(partnerships.id)];
  }
}

/**
 * One page of partnerships matching `filter` (PARTNERSHIPS_PAGE_SIZE rows), with the total count. `homeLocalityId`
 * decides what the `scope` filter means. Every partnership the registry holds, public or internal.
 */
export async function queryPartnerships(
  executor: Executor,
  filter: PartnershipFilter,
  homeLocalityId: string | null,
): Promise<{ rows: PartnershipListRow[]; total: number }> {
  const where = filterWhere(filter, homeLocalityId);
  const [rows, [count]] = await Promise.all([
    executor
      .select({ ...listColumns, partnerFormerName: formerNameShown(partner.id, filter.q) })
      .from(partnerships)
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .where(where)
      .orderBy(...orderBy(filter.sort))
      .limit(PARTNERSHIPS_PAGE_SIZE)
      .offset((filter.page - 1) * PARTNERSHIPS_PAGE_SIZE),
    executor
      .select({ n: sql<number>`count(*)::int` })
      .from(partnerships)
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** The most rows one CSV download holds. */
export const EXPORT_LIMIT = 20_000;

/** Every partnership matching `filter`, in its order, up to EXPORT_LIMIT rows: the CSV download. */
export async function queryPartnershipsForExport(
  executor: Executor,
  filter: PartnershipFilter,
  homeLocalityId: string | null,
): Promise<Array<PartnershipListRow & { establishedBasis: string | null; summaryEn: string | null; summaryZh: string | null }>> {
  return executor
    .select({
      ...listColumns,
      establishedBasis: partnerships.establishedBasis,
      summaryEn: partnerships.summaryEn,
      summaryZh: partnerships.summaryZh,
    })
    .from(partnerships)
    .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
    .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
    .where(filterWhere(filter, homeLocalityId))
    .orderBy(...orderBy(filter.sort))
    .limit(EXPORT_LIMIT);
}

export interface PartnershipDetail extends PartnershipListRow {
  slug: string;
  establishedBasis: string | null;
  summaryEn: string | null;
  summaryZh: string | null;
  internalNotes: string | null;
  sources: string[];
  createdAt: Date;
  agreements: Array<{
    id: string;
    kind: AgreementKind;
    titleEn: string;
    titleZh: string | null;
    signedOn: string | null;
    signedPrecision: DatePrecision | null;
    signedPlaceEn: string | null;
    signedPlaceZh: string | null;
    termEndsOn: string | null;
    cooperationFields: CooperationField[];
    summaryEn: string | null;
    summaryZh: string | null;
    isPublic: boolean;
    version: number;
    signatories: Array<{ side: SignatorySide; nameEn: string; nameZh: string | null; titleEn: string | null; titleZh: string | null }>;
    files: Array<{ id: string; fileName: string; byteSize: number; isPublic: boolean; uploadedAt: Date }>;
  }>;
  /** The lifecycle, newest effective date first: each step with what its kind records (see partnershipStatusEvents). */
  statusEvents: Array<{
    id: string;
    kind: LifecycleEventKind;
    status: PartnershipStatus;
    effectiveOn: string | null;
    effectivePrecision: DatePrecision | null;
    note: string | null;
    reviewOn: string | null;
    endedBy: EndingParty | null;
    decision: string | null;
    approvalLevel: ApprovalLevel | null;
    approvalBody: string | null;
    fromType: PartnershipType | null;
    toType: PartnershipType | null;
    agreementId: string | null;
    recordedAt: Date;
  }>;
  /** The partner locality's other ties in the registry (Lahore's page shows Zhengzhou-Lahore). */
  otherTies: Array<{ id: string; type: PartnershipType; status: PartnershipStatus; establishedOn: string | null; establishedPrecision: DatePrecision | null; other: LocalityRef }>;
}

/** One partnership with its agreements, status history and the partner's other ties; null when there is none. */
export async function queryPartnership(executor: Executor, id: string): Promise<PartnershipDetail | null> {
  const [row] = await executor
    .select({
      ...listColumns,
      slug: partnerships.slug,
      establishedBasis: partnerships.establishedBasis,
      summaryEn: partnerships.summaryEn,
      summaryZh: partnerships.summaryZh,
      internalNotes: partnerships.internalNotes,
      sources: partnerships.sources,
      createdAt: partnerships.createdAt,
    })
    .from(partnerships)
    .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
    .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
    .where(eq(partnerships.id, id));
  if (!row) return null;

  const [agreementRows, statusEvents, ties] = await Promise.all([
    executor
      .select({
        id: agreements.id,
        kind: agreements.kind,
        titleEn: agreements.titleEn,
        titleZh: agreements.titleZh,
        signedOn: agreements.signedOn,
        signedPrecision: agreements.signedPrecision,
        signedPlaceEn: agreements.signedPlaceEn,
        signedPlaceZh: agreements.signedPlaceZh,
        termEndsOn: agreements.termEndsOn,
        cooperationFields: agreements.cooperationFields,
        summaryEn: agreements.summaryEn,
        summaryZh: agreements.summaryZh,
        isPublic: agreements.isPublic,
        version: agreements.version,
      })
      .from(agreements)
      .where(and(eq(agreements.partnershipId, id), isNull(agreements.deletedAt)))
      .orderBy(sql`${agreements.signedOn} asc nulls last`, asc(agreements.createdAt)),
    executor
      .select({
        id: partnershipStatusEvents.id,
        status: partnershipStatusEvents.status,
        effectiveOn: partnershipStatusEvents.effectiveOn,
        effectivePrecision: partnershipStatusEvents.effectivePrecision,
        note: partnershipStatusEvents.note,
        kind: partnershipStatusEvents.kind,
        reviewOn: partnershipStatusEvents.reviewOn,
        endedBy: partnershipStatusEvents.endedBy,
        decision: partnershipStatusEvents.decision,
        approvalLevel: partnershipStatusEvents.approvalLevel,
        approvalBody: partnershipStatusEvents.approvalBody,
        fromType: partnershipStatusEvents.fromType,
        toType: partnershipStatusEvents.toType,
        agreementId: partnershipStatusEvents.agreementId,
        recordedAt: partnershipStatusEvents.recordedAt,
      })
      .from(partnershipStatusEvents)
      .where(eq(partnershipStatusEvents.partnershipId, id))
      // The timeline reads by effective date, newest first; steps of one date in the order they were recorded.
      .orderBy(
        sql`${partnershipStatusEvents.effectiveOn} desc nulls last`,
        desc(partnershipStatusEvents.recordedAt),
        desc(partnershipStatusEvents.id),
      ),
    // Ties of the partner locality other than this one, whichever side it is on.
    executor
      .select({
        id: partnerships.id,
        type: partnerships.type,
        status: partnerships.status,
        establishedOn: partnerships.establishedOn,
        establishedPrecision: partnerships.establishedPrecision,
        homeId: partnerships.homeLocalityId,
        home: { id: home.id, nameEn: home.nameEn, nameZh: home.nameZh, countryCode: home.countryCode, level: home.level },
        partner: { id: partner.id, nameEn: partner.nameEn, nameZh: partner.nameZh, countryCode: partner.countryCode, level: partner.level },
      })
      .from(partnerships)
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .where(
        and(
          ne(partnerships.id, id),
          isNull(partnerships.deletedAt),
          or(eq(partnerships.partnerLocalityId, row.partner.id), eq(partnerships.homeLocalityId, row.partner.id)),
        ),
      )
      .orderBy(sql`${partnerships.establishedOn} asc nulls last`),
  ]);

  const agreementIds = agreementRows.map((a) => a.id);
  const files =
    agreementIds.length === 0
      ? []
      : await executor
          .select({
            id: agreementFiles.id,
            agreementId: agreementFiles.agreementId,
            fileName: agreementFiles.fileName,
            byteSize: agreementFiles.byteSize,
            isPublic: agreementFiles.isPublic,
            uploadedAt: agreementFiles.uploadedAt,
          })
          .from(agreementFiles)
          .where(and(inArray(agreementFiles.agreementId, agreementIds), isNull(agreementFiles.deletedAt)))
          .orderBy(asc(agreementFiles.uploadedAt));
  const signatories =
    agreementIds.length === 0
      ? []
      : await executor
          .select({
            agreementId: agreementSignatories.agreementId,
            side: agreementSignatories.side,
            nameEn: agreementSignatories.nameEn,
            nameZh: agreementSignatories.nameZh,
            titleEn: agreementSignatories.titleEn,
            titleZh: agreementSignatories.titleZh,
          })
          .from(agreementSignatories)
          .where(inArray(agreementSignatories.agreementId, agreementRows.map((a) => a.id)))
          .orderBy(asc(agreementSignatories.side), asc(agreementSignatories.position));

  return {
    ...row,
    agreements: agreementRows.map((a) => ({
      ...a,
      signatories: signatories.filter((s) => s.agreementId === a.id).map(({ agreementId: _, ...s }) => s),
      files: files.filter((f) => f.agreementId === a.id).map(({ agreementId: _, ...f }) => f),
    })),
    statusEvents,
    otherTies: ties.map((t) => ({
      id: t.id,
      type: t.type,
      status: t.status,
      establishedOn: t.establishedOn,
      establishedPrecision: t.establishedPrecision,
      other: t.homeId === row.partner.id ? t.partner : t.home,
    })),
  };
}

/** Every live locality, for the partner picker, by English name. */
export async function queryLocalityOptions(executor: Executor): Promise<LocalityRef[]> {
  return executor
    .select({ id: localities.id, nameEn: localities.nameEn, nameZh: localities.nameZh, countryCode: localities.countryCode, level: localities.level })
    .from(localities)
    .where(isNull(localities.deletedAt))
    .orderBy(asc(localities.nameEn), asc(localities.countryCode));
}

/** The countries partners are in, for the list's country filter. */
export async function queryPartnerCountries(executor: Executor): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ code: partner.countryCode })
    .from(partnerships)
    .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
    .where(isNull(partnerships.deletedAt))
    .orderBy(asc(partner.countryCode));
  return rows.map((r) => r.code);
}

/**
 * What others changed on a record since `version`: each field's latest value from the audit trail's snapshots of
 * the changes after that version, with who made the last change. For the "someone else saved first" message.
 */
export async function queryChangesSince(
  executor: Executor,
  entityType: string,
  entityId: string,
  version: number,
): Promise<{ fields: Record<string, unknown>; by: string[] }> {
  const rows = await executor
    .select({ before: auditEvents.before, after: auditEvents.after, actorEmail: auditEvents.actorEmail })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, entityType),
        eq(auditEvents.entityId, entityId),
        sql`(${auditEvents.after}->>'version')::int > ${version}`,
      ),
    )
    .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.id));
  const fields: Record<string, unknown> = {};
  const by = new Set<string>();
  for (const r of rows) {
    const before = (r.before ?? {}) as Record<string, unknown>;
    const after = (r.after ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(after)) {
      if (key === 'version' || key === 'updatedAt') continue;
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) fields[key] = after[key];
    }
    // A date is shown at its precision, so a changed date carries its precision even when that stayed the same.
    for (const key of Object.keys(fields)) {
      const precision = key.replace(/On$/, 'Precision');
      if (precision !== key && precision in after) fields[precision] = after[precision];
    }
    if (r.actorEmail) by.add(r.actorEmail);
  }
  return { fields, by: [...by] };
}
