import { hashPassword } from '../../lib/auth/password';
import type { NewUserInput } from '../../lib/validation/users';
import type { Database } from '../client';
import { users } from '../schema';
import { insertAuditEvent } from './audit';

/**
 * Creates a staff user for the operator's command line (not forced to change the password). Returns the new id,
 * or 'duplicate' when the email is taken. The audit event is written in the same transaction.
 */
export async function createUserFromCli(db: Database, input: NewUserInput): Promise<string | 'duplicate'> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.role, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) return 'duplicate';
    await insertAuditEvent(tx, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      actorEmail: 'operator (command line)',
      after: { email: input.email, name: input.name, role: input.role },
    });
    return row.id;
  });
}

