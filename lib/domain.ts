// The closed sets of the domain. The database enums, the zod schemas and the message catalogues all key on these.

export const LOCALITY_LEVELS = ['city', 'province', 'county', 'district', 'region'] as const;
export type LocalityLevel = (typeof LOCALITY_LEVELS)[number];

// The ties of Chinese foreign-affairs practice, at each level: sister (友好城市/友好省州, formal) and friendly
// cooperation (友好合作, lighter), for cities, provinces or states, counties and districts.
export const PARTNERSHIP_TYPES = [
  'sister_city',
  'friendly_cooperation_city',
  'sister_province',
  'friendly_cooperation_province',
  'sister_county',
  'friendly_cooperation_county',
  'sister_district',
  'friendly_cooperation_district',
  'other',
] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

// The lifecycle of a tie as offices live it, in order: proposed and negotiated, a letter of intent, approved (by the
// city, the province or the national body), signed, in force; then paused, suspended until a review, terminated
// by a decision, or lapsed (no contact for years and no formal end).
export const PARTNERSHIP_STATUSES = [
  'proposed',
  'negotiating',
  'letter_of_intent',
  'approved',
  'signed',
  'active',
  'paused',
  'suspended',
  'terminated',
  'lapsed',
] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

/** Statuses a tie holds once both sides have signed: counted in the network. */
export const CONCLUDED_STATUSES: readonly PartnershipStatus[] = ['signed', 'active', 'paused', 'suspended', 'terminated', 'lapsed'];

/**
 * What a lifecycle step records: a change of status; an approval by a body (the city, the province, the national
 * body), which moves an unapproved tie to 'approved'; an upgrade of the tie's type (a friendly cooperation city
 * becoming a sister city), which keeps the same tie.
 */
export const LIFECYCLE_EVENT_KINDS = ['status', 'approval', 'upgrade'] as const;
export type LifecycleEventKind = (typeof LIFECYCLE_EVENT_KINDS)[number];

/** The level of the body that approved a tie. */
export const APPROVAL_LEVELS = ['city', 'province', 'national'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

/** Which side ended a tie: the home locality, the partner, or both by mutual decision. */
export const ENDING_PARTIES = ['home', 'partner', 'mutual'] as const;
export type EndingParty = (typeof ENDING_PARTIES)[number];

/** How a locality came by a name it no longer uses: renamed, or merged into the locality that now holds its ties. */
export const LOCALITY_NAME_KINDS = ['renamed', 'merged'] as const;
export type LocalityNameKind = (typeof LOCALITY_NAME_KINDS)[number];

/** How much of a stored date is known: a year-only date is stored as 1 January of that year. */
export const DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const COOPERATION_FIELDS = [
  'economy',
  'trade',
  'investment',
  'culture',
  'tourism',
  'science_technology',
  'education',
  'vocational_training',
  'health',
  'infrastructure',
  'transport',
  'environment',
  'agriculture',
  'sports',
  'youth',
  'media',
  'public_relations',
  'urban_governance',
  'other',
] as const;
export type CooperationField = (typeof COOPERATION_FIELDS)[number];

export const AGREEMENT_KINDS = [
  'letter_of_intent',
  'mou',
  'formal_agreement',
  'renewal',
  'termination',
  'other',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const SIGNATORY_SIDES = ['home', 'partner'] as const;
export type SignatorySide = (typeof SIGNATORY_SIDES)[number];

/**
 * The kinds of exchange activity: a donation, an infrastructure or technical project, a delegation visit, a
 * cultural event, an education exchange, an economic and trade mission, health cooperation, sports, youth,
 * correspondence (the mayor's letters to partner mayors), other.
 */
export const ACTIVITY_KINDS = [
  'donation',
  'project',
  'delegation_visit',
  'cultural_event',
  'education_exchange',
  'economic_trade_mission',
  'health_cooperation',
  'sports',
  'youth',
  'correspondence',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * Which way an activity went, seen from the home locality: outgoing (given or sent: aid to a partner, a delegation
 * abroad, a letter to a partner mayor), incoming (received: a partner's donation, a visiting delegation), or mutual
 * (done together).
 */
export const ACTIVITY_DIRECTIONS = ['outgoing', 'incoming', 'mutual'] as const;
export type ActivityDirection = (typeof ACTIVITY_DIRECTIONS)[number];

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
