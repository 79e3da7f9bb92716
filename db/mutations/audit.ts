import type { Executor } from '../client';
import { auditEvents, type NewAuditEvent } from '../schema';

/** Writes an audit event with the caller's transaction handle, so it commits or rolls back with the change. */
export async function insertAuditEvent(tx: Executor, event: NewAuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}
