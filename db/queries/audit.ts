import 'server-only';
import { requireCapability } from '@/lib/auth/guards';
import type { AuditFilter } from '@/lib/validation/audit';
import { db } from '../index';
import { auditEvents } from '../schema';
import { queryAuditEvents, type AuditRow } from './audit-core';

export type { AuditRow };

/**
 * One page of audit events, newest first, filtered by actor email (part of it), action (prefix), record type,
 * and a date range of whole days in the office's time zone. Fetches one row more than a page to know whether
 * an older page exists. Admins only.
 */
export async function listAuditEvents(filter: AuditFilter): Promise<{ rows: AuditRow[]; hasOlder: boolean }> {
  await requireCapability('audit:read', '/admin/audit');
  return queryAuditEvents(db, filter);
}

/** The record types that occur in the trail, for the filter's choices. Admins only. */
export async function listAuditRecordTypes(): Promise<string[]> {
  await requireCapability('audit:read', '/admin/audit');
  const rows = await db.selectDistinct({ t: auditEvents.entityType }).from(auditEvents).orderBy(auditEvents.entityType);
  return rows.map((r) => r.t);
}
