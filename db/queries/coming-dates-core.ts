import { and, eq, isNotNull, isNull, or } from 'drizzle-orm';
import { comingDatesIn, comingWindow, type ComingDate } from '../../lib/anniversaries';
import type { AgreementKind, PartnershipStatus, PartnershipType } from '../../lib/domain';
import type { Executor } from '../client';
import { agreements, localities, partnerships } from '../schema';

// The coming dates of a home locality's network, without an access check: db/queries/coming-dates.ts checks the
// caller's role for pages; the calendar feed's route checks the feed's token; tests call this directly.

/** The tie a coming date belongs to, with its partner's names for the label and its slug for a link. */
export interface ComingDateTie {
  id: string;
  slug: string;
  type: PartnershipType;
  /** A lapsed tie keeps its anniversaries (lib/anniversaries.ts ANNIVERSARY_STATUSES): show it, as a chance to revive. */
  status: PartnershipStatus;
  partner: { id: string; slug: string; nameEn: string; nameZh: string | null; countryCode: string };
}

/** The agreement of an agreement's anniversary or term end. */
export interface ComingDateAgreement {
  id: string;
  kind: AgreementKind;
  titleEn: string;
  titleZh: string | null;
  signedOn: string | null;
}

/**
 * One coming date (lib/anniversaries.ts ComingDate: kind, key, on..until at its precision, and for an anniversary
 * its years and observance) with its tie and, unless it is a tie's anniversary, its agreement.
 */
export type ComingDateItem = ComingDate & { tie: ComingDateTie; agreement: ComingDateAgreement | null };

/** The window looked at (both ends included, 'YYYY-MM-DD') and what falls in it, in date order. */
export interface ComingDates {
  from: string;
  to: string;
  items: ComingDateItem[];
}

/**
 * The coming dates of the network of `homeLocalityId` in the `months` calendar months from `from` ('YYYY-MM-DD'):
 * round anniversaries of its live ties and their live agreements, and agreement terms ending (the rules are in
 * lib/anniversaries.ts comingDatesIn). Internal ties are included: this is staff data. Two queries, whatever the
 * size of the network. Throws a RangeError for a malformed `from` or `months` (1 to 120).
 */
export async function listComingDates(executor: Executor, homeLocalityId: string, from: string, months = 12): Promise<ComingDates> {
  const window = comingWindow(from, months);
  const live = and(eq(partnerships.homeLocalityId, homeLocalityId), isNull(partnerships.deletedAt));
  const [ties, deeds] = await Promise.all([
    executor
      .select({
        id: partnerships.id,
        slug: partnerships.slug,
        type: partnerships.type,
        status: partnerships.status,
        establishedOn: partnerships.establishedOn,
        establishedPrecision: partnerships.establishedPrecision,
        partner: {
          id: localities.id,
          slug: localities.slug,
          nameEn: localities.nameEn,
          nameZh: localities.nameZh,
          countryCode: localities.countryCode,
        },
      })
      .from(partnerships)
      .innerJoin(localities, eq(localities.id, partnerships.partnerLocalityId))
      .where(live),
    executor
      .select({
        id: agreements.id,
        partnershipId: agreements.partnershipId,
        kind: agreements.kind,
        titleEn: agreements.titleEn,
        titleZh: agreements.titleZh,
        signedOn: agreements.signedOn,
        signedPrecision: agreements.signedPrecision,
        termEndsOn: agreements.termEndsOn,
      })
      .from(agreements)
      .innerJoin(partnerships, eq(partnerships.id, agreements.partnershipId))
      .where(and(live, isNull(agreements.deletedAt), or(isNotNull(agreements.signedOn), isNotNull(agreements.termEndsOn)))),
  ]);
  const tieById = new Map(ties.map((t) => [t.id, t]));
  const agreementById = new Map(deeds.map((a) => [a.id, a]));
  const items = comingDatesIn(ties, deeds, window).map((date): ComingDateItem => {
    const t = tieById.get(date.partnershipId)!;
    const a = date.agreementId ? agreementById.get(date.agreementId)! : null;
    return {
      ...date,
      tie: { id: t.id, slug: t.slug, type: t.type, status: t.status, partner: t.partner },
      agreement: a && { id: a.id, kind: a.kind, titleEn: a.titleEn, titleZh: a.titleZh, signedOn: a.signedOn },
    };
  });
  return { ...window, items };
}
