import { and, desc, eq, gte, ilike, lt, sql } from 'drizzle-orm';
import type { AuditFilter } from '@/lib/validation/audit';
import type { Executor } from '../client';
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
 * The query behind listAuditEvents (db/queries/audit.ts), without the access check: for it and the benchmark only.
 */
export async function queryAuditEvents(
  executor: Executor,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; hasOlder: boolean }> {
  const zone = process.env.AMITY_TIME_ZONE || 'Asia/Shanghai';
  const where = and(
    filter.user ? ilike(auditEvents.actorEmail, `%${filter.user.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    filter.action ? ilike(auditEvents.action, `${filter.action.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
    filter.record ? eq(auditEvents.entityType, filter.record) : undefined,
    filter.recordId ? eq(auditEvents.entityId, filter.recordId) : undefined,
    filter.from ? gte(auditEvents.occurredAt, sql`(${filter.from}::date)::timestamp at time zone ${zone}`) : undefined,
    filter.to ? lt(auditEvents.occurredAt, sql`(${filter.to}::date + 1)::timestamp at time zone ${zone}`) : undefined,
  );
  const rows = await executor
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
