import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { db } from '../index';
import { auditEvents, users } from '../schema';
import { resetDatabase } from '../testing/reset';
import { createUserFromCli } from './users';

const input = { email: 'ops@example.org', name: 'Ops', role: 'admin' as const, password: 'correct horse battery' };

describe('createUserFromCli', () => {
  beforeEach(resetDatabase);

  it('stores an argon2id hash, not the password, and audits the creation', async () => {
    const id = await createUserFromCli(db, input);
    const [row] = await db.select().from(users).where(eq(users.email, 'ops@example.org'));
    expect(row?.id).toBe(id);
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(row!.passwordHash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(row!.passwordHash, 'wrong horse battery')).toBe(false);
    expect(row?.mustChangePassword).toBe(false);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.entityId, row!.id));
    expect(events.map((e) => e.action)).toEqual(['user.create']);
    expect(JSON.stringify(events[0]?.after)).not.toContain('correct horse');
  });

  it('refuses a second user with the same email in another case, writing nothing', async () => {
    await createUserFromCli(db, input);
    expect(await createUserFromCli(db, { ...input, email: 'OPS@example.org' })).toBe('duplicate');
    expect(await db.$count(users)).toBe(1);
    expect(await db.$count(auditEvents)).toBe(1);
  });
});
