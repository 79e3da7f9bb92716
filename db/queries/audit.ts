import 'server-only';
import { and, desc, eq, gte, ilike, lt, sql } from 'drizzle-orm';
import { requireCapability } from '@/lib/auth/guards';
import type { AuditFilter } from '@/lib/validation/audit';
import { db } from '../index';
import { auditEvents } from '../schema';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRow {
  id: string;
  occurredAt: Date;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  before: unknown;
  after: unknown;
}

/**
 * One page of audit events, newest first, filtered by actor email (part of it), action (prefix), record type,
 * and a date range of whole days in the office's time zone. Fetches one row more than a page to know whether
 * an older page exists. Admins only.
 */
export async function listAuditEvents(filter: AuditFilter): Promise<{ rows: AuditRow[]; hasOlder: boolean }> {
  await requireCapability('audit:read', '/admin/audit');
  const zone = process.env.AMITY_TIME_ZONE || 'Asia/Shanghai';
  const where = and(
    filter.user ? ilike(auditEvents.actorEmail, `%${filter.user.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    filter.action ? ilike(auditEvents.action, `${filter.action.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    filter.record ? eq(auditEvents.entityType, filter.record) : undefined,
    filter.from ? gte(auditEvents.occurredAt, sql`(${filter.from}::date)::timestamp at time zone ${zone}`) : undefined,
    filter.to ? lt(auditEvents.occurredAt, sql`(${filter.to}::date + 1)::timestamp at time zone ${zone}`) : undefined,
  );
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      ip: auditEvents.ip,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((filter.page - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasOlder: rows.length > AUDIT_PAGE_SIZE };
}

/** The record types that occur in the trail, for the filter's choices. Admins only. */
export async function listAuditRecordTypes(): Promise<string[]> {
  await requireCapability('audit:read', '/admin/audit');
  const rows = await db.selectDistinct({ t: auditEvents.entityType }).from(auditEvents).orderBy(auditEvents.entityType);
  return rows.map((r) => r.t);
}
