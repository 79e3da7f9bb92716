import { pgEnum } from 'drizzle-orm/pg-core';
import {
  ACTIVITY_DIRECTIONS,
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  AGREEMENT_KINDS,
  APPROVAL_LEVELS,
  COOPERATION_FIELDS,
  DATE_PRECISIONS,
  ENDING_PARTIES,
  LIFECYCLE_EVENT_KINDS,
  LOCALITY_LEVELS,
  LOCALITY_NAME_KINDS,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  ROLES,
  SIGNATORY_SIDES,
} from '../../lib/domain';

// The closed sets live in lib/domain.ts so forms, schemas and the database share one list.
export const localityLevel = pgEnum('locality_level', LOCALITY_LEVELS);
export const partnershipType = pgEnum('partnership_type', PARTNERSHIP_TYPES);
export const partnershipStatus = pgEnum('partnership_status', PARTNERSHIP_STATUSES);
export const datePrecision = pgEnum('date_precision', DATE_PRECISIONS);
export const cooperationField = pgEnum('cooperation_field', COOPERATION_FIELDS);
export const agreementKind = pgEnum('agreement_kind', AGREEMENT_KINDS);
export const signatorySide = pgEnum('signatory_side', SIGNATORY_SIDES);
export const activityKind = pgEnum('activity_kind', ACTIVITY_KINDS);
export const role = pgEnum('role', ROLES);
export const lifecycleEventKind = pgEnum('lifecycle_event_kind', LIFECYCLE_EVENT_KINDS);
export const approvalLevel = pgEnum('approval_level', APPROVAL_LEVELS);
export const endingParty = pgEnum('ending_party', ENDING_PARTIES);
export const localityNameKind = pgEnum('locality_name_kind', LOCALITY_NAME_KINDS);
export const activityStatus = pgEnum('activity_status', ACTIVITY_STATUSES);
export const activityDirection = pgEnum('activity_direction', ACTIVITY_DIRECTIONS);
