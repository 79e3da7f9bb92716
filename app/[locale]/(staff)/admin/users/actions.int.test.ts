import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { auditEvents, sessions, settings, users } from '@/db/schema';
import { resetDatabase } from '@/db/testing/reset';
import { insertSignedInUser } from '@/db/testing/staff';
import { IDLE } from '@/lib/action-state';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/domain';

// The actions read the session through this one function; the test decides who is calling.
const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock('@/lib/auth/session-id', () => ({ readSessionId: async () => session.id }));

const { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } = await import('./actions');
const { saveSettingsAction } = await import('../settings/actions');

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('a staff password that works');
});

async function signedIn(role: Role, email = `${role}@example.org`) {
  const { user, sessionId } = await insertSignedInUser(role, email, hash);
  session.id = sessionId;
  return user;
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

const newUser = { name: 'Li Wei', email: 'li.wei@example.org', role: 'editor', password: 'a brand new pass phrase' };

describe('user administration actions', () => {
  beforeEach(async () => {
    await resetDatabase();
    await db.insert(settings).values({ id: 1 });
    session.id = null;
  });

  it.each([
    ['nobody signed in', null, 'auth.signedOut'],
    ['a viewer', 'viewer', 'auth.forbidden'],
    ['an editor', 'editor', 'auth.forbidden'],
  ] as const)('refuse %s and write nothing', async (_who, role, key) => {
    if (role) await signedIn(role);
    const before = { users: await db.$count(users), audit: await db.$count(auditEvents) };
    const target = await db.insert(users).values({ email: 't@example.org', name: 'T', role: 'viewer', passwordHash: hash }).returning();
    const id = target[0]!.id;
    const results = [
      await createUserAction(IDLE, form(newUser)),
      await changeRoleAction(IDLE, form({ userId: id, version: '1', role: 'admin' })),
      await setActiveAction(IDLE, form({ userId: id, version: '1', active: 'false' })),
      await resetPasswordAction(IDLE, form({ userId: id, version: '1', password: 'another fine pass phrase' })),
      await saveSettingsAction(IDLE, form({ version: '1', requireTotp: 'on' })),
    ];
    for (const r of results) expect(r).toEqual({ status: 'error', message: { key } });
    expect(await db.$count(users)).toBe(before.users + 1);
    expect(await db.$count(auditEvents)).toBe(before.audit);
    expect((await db.select().from(users).where(eq(users.id, id)))[0]).toMatchObject({ role: 'viewer', isActive: true, version: 1 });
  });

  it('let an admin create a user, audited in the same transaction', async () => {
    const admin = await signedIn('admin');
    const result = await createUserAction(IDLE, form(newUser));
    expect(result).toEqual({ status: 'success', message: { key: 'users.created', values: { email: 'li.wei@example.org' } } });
    const [row] = await db.select().from(users).where(eq(users.email, 'li.wei@example.org'));
    expect(row).toMatchObject({ role: 'editor', mustChangePassword: true });
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, 'user.create'));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, entityId: row!.id });
  });

  it('put bad input beside its fields and write nothing', async () => {
    await signedIn('admin');
    const result = await createUserAction(IDLE, form({ name: '', email: 'nope', role: 'owner', password: 'short' }));
    expect(result).toMatchObject({
      status: 'invalid',
      fieldErrors: {
        name: { key: 'validation.required' },
        email: { key: 'validation.email' },
        role: { key: 'validation.role' },
        password: { key: 'validation.passwordTooShort' },
      },
    });
    expect(await db.$count(users)).toBe(1);
    expect(await db.$count(auditEvents)).toBe(0);
  });

  it('refuse a common password and a taken email', async () => {
    await signedIn('admin');
    expect(await createUserAction(IDLE, form({ ...newUser, password: 'password1234' }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { password: { key: 'validation.passwordCommon' } },
    });
    expect(await createUserAction(IDLE, form({ ...newUser, email: 'ADMIN@example.org' }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { email: { key: 'users.duplicate' } },
    });
    expect(await db.$count(users)).toBe(1);
  });

  it('refuse an admin acting on their own account', async () => {
    const admin = await signedIn('admin');
    for (const r of [
      await changeRoleAction(IDLE, form({ userId: admin.id, version: '1', role: 'viewer' })),
      await setActiveAction(IDLE, form({ userId: admin.id, version: '1', active: 'false' })),
    ]) {
      expect(r).toEqual({ status: 'error', message: { key: 'users.notSelf' } });
    }
  });

  it('report a conflict when the user changed since the page was loaded', async () => {
    await signedIn('admin');
    const [target] = await db.insert(users).values({ email: 't@example.org', name: 'T', role: 'viewer', passwordHash: hash }).returning();
    expect(await changeRoleAction(IDLE, form({ userId: target!.id, version: '1', role: 'editor' }))).toMatchObject({ status: 'success' });
    expect(await changeRoleAction(IDLE, form({ userId: target!.id, version: '1', role: 'admin' }))).toEqual({
      status: 'conflict',
      message: { key: 'users.conflict' },
    });
    expect((await db.select().from(users).where(eq(users.id, target!.id)))[0]?.role).toBe('editor');
  });

  it('refuse a deactivated admin at their next action', async () => {
    const admin = await signedIn('admin');
    await db.update(users).set({ isActive: false }).where(eq(users.id, admin.id));
    expect(await createUserAction(IDLE, form(newUser))).toEqual({ status: 'error', message: { key: 'auth.signedOut' } });
  });

  it('refuse an admin who must first change their password or enrol a second factor', async () => {
    const admin = await signedIn('admin');
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, admin.id));
    expect(await createUserAction(IDLE, form(newUser))).toEqual({ status: 'error', message: { key: 'auth.finishAccountSetup' } });
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.id, admin.id));
    await db.update(settings).set({ requireTotp: true });
    expect(await createUserAction(IDLE, form(newUser))).toEqual({ status: 'error', message: { key: 'auth.finishAccountSetup' } });
    expect(await db.$count(users)).toBe(1);
  });

  it('refuse to require two-step sign-in from an admin who has not set it up', async () => {
    const admin = await signedIn('admin');
    expect(await saveSettingsAction(IDLE, form({ version: '1', requireTotp: 'on' }))).toMatchObject({
      status: 'invalid',
      fieldErrors: { requireTotp: { key: 'settings.enrolFirst' } },
    });
    expect((await db.select().from(settings))[0]?.requireTotp).toBe(false);
    await db.update(users).set({ totpEnabledAt: new Date(), totpSecret: 'JBSWY3DPEHPK3PXP' }).where(eq(users.id, admin.id));
    expect(await saveSettingsAction(IDLE, form({ version: '1', requireTotp: 'on' }))).toMatchObject({ status: 'success' });
    expect((await db.select().from(settings))[0]).toMatchObject({ requireTotp: true, version: 2 });
    expect(await db.$count(auditEvents)).toBe(1);
    // Unticked, the checkbox is absent from the form data.
    expect(await saveSettingsAction(IDLE, form({ version: '2' }))).toMatchObject({ status: 'success' });
    expect((await db.select().from(settings))[0]).toMatchObject({ requireTotp: false, version: 3 });
  });
});
