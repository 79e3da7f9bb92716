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

export const PARTNERSHIP_STATUSES = [
  'proposed',
  'negotiating',
  'signed',
  'active',
  'dormant',
  'ended',
] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];

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

export const ACTIVITY_KINDS = [
  'donation',
  'project',
  'delegation_visit',
  'cultural_exchange',
  'education_exchange',
  'economic_trade',
  'event',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
