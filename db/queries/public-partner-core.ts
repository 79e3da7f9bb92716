import { and, asc, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  ActivityKind,
  ActivityStatus,
  AgreementKind,
  CooperationField,
  DatePrecision,
  LocalityLevel,
  PartnershipStatus,
  PartnershipType,
} from '../../lib/domain';
import type { Executor } from '../client';
import { activities, activityPartnerships, agreements, localities, localityNames, partnerships } from '../schema';

// The public profile of one partner of the home locality (/partners/[slug]), without the cache: db/queries/
// public-partner.ts wraps it in 'use cache'; tests call it directly. Every column is named here, and only public
// ones: no internal notes, bases, sources, signatories, uploaders or record ids beyond what a public link needs.

const home = alias(localities, 'home_locality');
const partner = alias(localities, 'partner_locality');

// Inside a correlated subquery the outer row's id must be qualified: drizzle writes a one-table select's columns
// bare ("id"), which the subquery's own tables would claim.
const AGREEMENT_ID = sql.raw('"agreements"."id"');
const ACTIVITY_ID = sql.raw('"activities"."id"');

/** A slug as the registry writes them (lib/slug.ts): anything else is no partner, and never reaches SQL. */
export const PUBLIC_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$/;

export interface PublicPartnerLocality {
  nameEn: string;
  nameZh: string | null;
  countryCode: string;
  level: LocalityLevel;
  /** Degrees (WGS 84); null when the registry has no coordinates. */
  latitude: number | null;
  longitude: number | null;
}

export interface PublicAgreement {
  kind: AgreementKind;
  titleEn: string;
  titleZh: string | null;
  signedOn: string | null;
  signedPrecision: DatePrecision | null;
  signedPlaceEn: string | null;
  signedPlaceZh: string | null;
  cooperationFields: CooperationField[];
  summaryEn: string | null;
  summaryZh: string | null;
  /** Signed copies staff marked public, oldest first; each downloads at /files/<id>. `byteSize` in bytes. */
  files: Array<{ id: string; fileName: string; byteSize: number }>;
}

export interface PublicActivity {
  slug: string;
  kind: ActivityKind;
  /** This partner's status of the activity (completed, ongoing ...). */
  status: ActivityStatus;
  titleEn: string;
  titleZh: string | null;
  descriptionEn: string | null;
  descriptionZh: string | null;
  startedOn: string | null;
  startedPrecision: DatePrecision | null;
  endedOn: string | null;
  endedPrecision: DatePrecision | null;
  placeEn: string | null;
  placeZh: string | null;
  /** This partner's quantities, in their order; `amount` is a decimal string (numeric(18,2)). */
  quantities: Array<{ itemEn: string; itemZh: string | null; amount: string; unit: string | null }>;
  /** Photos staff marked public, oldest first; each shows at /photos/<id>; width and height of that copy in pixels. */
  photos: Array<{ id: string; captionEn: string | null; captionZh: string | null; width: number; height: number }>;
}

export interface PublicTie {
  /** The tie's slug when it is one of the home locality's public ties (it has a public page), else null. */
  slug: string | null;
  type: PartnershipType;
  status: PartnershipStatus;
  establishedOn: string | null;
  establishedPrecision: DatePrecision | null;
  /** The locality on the other side of the tie from the partner. */
  other: { nameEn: string; nameZh: string | null; countryCode: string };
}

/** Everything /partners/[slug] shows: public fields of public, live records only. Dates are 'YYYY-MM-DD' strings. */
export interface PublicPartnerProfile {
  slug: string;
  type: PartnershipType;
  status: PartnershipStatus;
  establishedOn: string | null;
  establishedPrecision: DatePrecision | null;
  cooperationFields: CooperationField[];
  summaryEn: string | null;
  summaryZh: string | null;
  home: { nameEn: string; nameZh: string | null; latitude: number | null; longitude: number | null };
  partner: PublicPartnerLocality;
  /** Names the partner locality no longer uses, latest out of use first ("formerly Dnipropetrovsk"). */
  formerNames: Array<{ nameEn: string; nameZh: string | null }>;
  /** Public, live agreements, oldest signing first (undated last). */
  agreements: PublicAgreement[];
  /** Public, live activities of this tie, newest first (undated last). */
  activities: PublicActivity[];
  /** The partner locality's other public, live ties in the registry, whichever side it is on, oldest first. */
  otherTies: PublicTie[];
}

/**
 * The public profile of the home locality's partnership `slug`, or null when there is none to show: an unknown or
 * malformed slug, a tie of another home locality, an internal (not public) or deleted tie, or a deleted partner
 * locality all give null alike. Anyone may call it; it reads no session.
 */
export async function queryPublicPartner(executor: Executor, homeLocalityId: string, slug: string): Promise<PublicPartnerProfile | null> {
  if (!PUBLIC_SLUG.test(slug)) return null;
  const [row] = await executor
    .select({
      id: partnerships.id,
      slug: partnerships.slug,
      type: partnerships.type,
      status: partnerships.status,
      establishedOn: partnerships.establishedOn,
      establishedPrecision: partnerships.establishedPrecision,
      cooperationFields: partnerships.cooperationFields,
      summaryEn: partnerships.summaryEn,
      summaryZh: partnerships.summaryZh,
      home: { nameEn: home.nameEn, nameZh: home.nameZh, latitude: home.latitude, longitude: home.longitude },
      partnerId: partner.id,
      partner: {
        nameEn: partner.nameEn,
        nameZh: partner.nameZh,
        countryCode: partner.countryCode,
        level: partner.level,
        latitude: partner.latitude,
        longitude: partner.longitude,
      },
    })
    .from(partnerships)
    .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
    .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
    .where(
      and(
        eq(partnerships.slug, slug),
        eq(partnerships.homeLocalityId, homeLocalityId),
        eq(partnerships.isPublic, true),
        isNull(partnerships.deletedAt),
        isNull(partner.deletedAt),
      ),
    );
  if (!row) return null;
  const { id, partnerId, ...profile } = row;

  const [formerNames, agreementRows, activityRows, tieRows] = await Promise.all([
    executor
      .select({ nameEn: localityNames.nameEn, nameZh: localityNames.nameZh })
      .from(localityNames)
      .where(eq(localityNames.localityId, partnerId))
      .orderBy(sql`${localityNames.usedUntil} desc nulls last`, desc(localityNames.createdAt)),
    executor
      .select({
        kind: agreements.kind,
        titleEn: agreements.titleEn,
        titleZh: agreements.titleZh,
        signedOn: agreements.signedOn,
        signedPrecision: agreements.signedPrecision,
        signedPlaceEn: agreements.signedPlaceEn,
        signedPlaceZh: agreements.signedPlaceZh,
        cooperationFields: agreements.cooperationFields,
        summaryEn: agreements.summaryEn,
        summaryZh: agreements.summaryZh,
        // The same rule as the public download (files-core.ts queryPublicFileMeta): marked public and not deleted.
        files: sql<PublicAgreement['files']>`coalesce((
          select json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'byteSize', f.byte_size) order by f.uploaded_at, f.id)
          from agreement_files f
          where f.agreement_id = ${AGREEMENT_ID} and f.is_public and f.deleted_at is null), '[]'::json)`,
      })
      .from(agreements)
      .where(and(eq(agreements.partnershipId, id), eq(agreements.isPublic, true), isNull(agreements.deletedAt)))
      .orderBy(sql`${agreements.signedOn} asc nulls last`, asc(agreements.createdAt), asc(agreements.id)),
    executor
      .select({
        slug: activities.slug,
        kind: activities.kind,
        status: activityPartnerships.status,
        titleEn: activities.titleEn,
        titleZh: activities.titleZh,
        descriptionEn: activities.descriptionEn,
        descriptionZh: activities.descriptionZh,
        startedOn: activities.startedOn,
        startedPrecision: activities.startedPrecision,
        endedOn: activities.endedOn,
        endedPrecision: activities.endedPrecision,
        placeEn: activities.placeEn,
        placeZh: activities.placeZh,
        quantities: sql<PublicActivity['quantities']>`coalesce((
          select json_agg(json_build_object('itemEn', q.item_en, 'itemZh', q.item_zh, 'amount', q.amount::text, 'unit', q.unit) order by q.position, q.id)
          from activity_quantities q where q.activity_id = ${ACTIVITY_ID} and q.partnership_id = ${id}), '[]'::json)`,
        // The same rule as the public photo (public-photo-core.ts): marked public and not deleted.
        photos: sql<PublicActivity['photos']>`coalesce((
          select json_agg(json_build_object('id', ph.id, 'captionEn', ph.caption_en, 'captionZh', ph.caption_zh,
            'width', ph.display_width, 'height', ph.display_height) order by ph.uploaded_at, ph.id)
          from activity_photos ph where ph.activity_id = ${ACTIVITY_ID} and ph.is_public and ph.deleted_at is null), '[]'::json)`,
      })
      .from(activityPartnerships)
      .innerJoin(activities, eq(activities.id, activityPartnerships.activityId))
      .where(and(eq(activityPartnerships.partnershipId, id), eq(activities.isPublic, true), isNull(activities.deletedAt)))
      .orderBy(sql`${activities.startedOn} desc nulls last`, asc(activities.titleEn), asc(activities.id)),
    // The partner's other ties, whichever side it is on; the locality across must be live too.
    executor
      .select({
        slug: partnerships.slug,
        homeLocalityId: partnerships.homeLocalityId,
        partnerIsHome: sql<boolean>`${partnerships.homeLocalityId} = ${partnerId}`,
        type: partnerships.type,
        status: partnerships.status,
        establishedOn: partnerships.establishedOn,
        establishedPrecision: partnerships.establishedPrecision,
        home: { nameEn: home.nameEn, nameZh: home.nameZh, countryCode: home.countryCode },
        partner: { nameEn: partner.nameEn, nameZh: partner.nameZh, countryCode: partner.countryCode },
      })
      .from(partnerships)
      .innerJoin(partner, eq(partner.id, partnerships.partnerLocalityId))
      .innerJoin(home, eq(home.id, partnerships.homeLocalityId))
      .where(
        and(
          ne(partnerships.id, id),
          eq(partnerships.isPublic, true),
          isNull(partnerships.deletedAt),
          isNull(home.deletedAt),
          isNull(partner.deletedAt),
          or(eq(partnerships.partnerLocalityId, partnerId), eq(partnerships.homeLocalityId, partnerId)),
        ),
      )
      .orderBy(sql`${partnerships.establishedOn} asc nulls last`, asc(partnerships.slug)),
  ]);

  return {
    ...profile,
    formerNames,
    agreements: agreementRows,
    activities: activityRows,
    otherTies: tieRows.map((t) => ({
      slug: t.homeLocalityId === homeLocalityId ? t.slug : null,
      type: t.type,
      status: t.status,
      establishedOn: t.establishedOn,
      establishedPrecision: t.establishedPrecision,
      other: t.partnerIsHome ? t.partner : t.home,
    })),
  };
}
