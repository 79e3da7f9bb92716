import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { totpCode } from '../lib/auth/totp';
import {
  createUserAsAdmin,
  DEMO_PASSWORD,
  expectSignedIn,
  firstSignIn,
  signIn,
  STORAGE,
  submitPasswordChange,
  uniqueEmail,
} from './fixtures';

const INVALID = 'The email, password or code is not correct.';

test.describe('signing in', () => {
  test('a staff page sends an anonymous visitor to sign in, then back', async ({ page }) => {
    await page.goto('/admin/audit?action=auth');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Faudit%3Faction%3Dauth$/);
    await page.getByLabel('Email').fill('admin@amity.test');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin\/audit\?action=auth$/);
    await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  });

  test('in Chinese too, and the staff pages are not cached', async ({ page }) => {
    const res = await page.goto('/zh/account');
    await expect(page).toHaveURL(/\/zh\/login\?callbackUrl=%2Faccount$/);
    expect(res?.headers()['cache-control']).toContain('no-store');
    await page.getByLabel('电子邮箱').fill('viewer@amity.test');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '我的账户' })).toBeVisible();
    await expect(page).toHaveURL(/\/zh\/account$/);
  });

  test('a wrong password and an unknown email get the same message', async ({ page }) => {
    await signIn(page, 'editor@amity.test', 'not the right password');
    await expect(page.getByRole('status').filter({ hasText: INVALID })).toBeVisible();
    await signIn(page, 'nobody-here@amity.test', 'not the right password');
    await expect(page.getByRole('status').filter({ hasText: INVALID })).toBeVisible();
  });

  test('bad input is refused beside the field, before anything is sent', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter a valid email address.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Fill in this field.')).toBeVisible();
  });

  test('five failures pause the account, even for the right password, and say until when', async ({ page, browser }) => {
    const admin = await browser.newPage({ storageState: STORAGE.admin });
    const email = uniqueEmail('throttle');
    await createUserAsAdmin(admin, { name: 'Throttle Test', email, role: 'viewer', password: 'a long enough initial secret' });
    await admin.close();
    for (let i = 0; i < 5; i++) {
      await signIn(page, email, `wrong password number ${i}`);
      await expect(page.getByRole('status').filter({ hasText: INVALID })).toBeVisible();
    }
    await signIn(page, email, 'a long enough initial secret');
    await expect(page.getByRole('status')).toContainText(/Too many failed attempts\. Sign-in is paused; try again after \d\d:\d\d/);
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'editor@amity.test', DEMO_PASSWORD);
    await expectSignedIn(page, '/account');
    const cookies = await page.context().cookies();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
    await expect(page.getByText('You have signed out.')).toBeVisible();
    // The old cookie, replayed, no longer opens anything: the session row is ended.
    await page.context().addCookies(cookies);
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  });
});

test.describe('roles', () => {
  test.describe('viewer', () => {
    test.use({ storageState: STORAGE.viewer });
    test('sees their account but not the admin pages', async ({ page }) => {
      await page.goto('/account');
      await expect(page.getByText('Signed in as Demo Viewer (Viewer)')).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Staff' }).getByRole('link')).toHaveText(['Dashboard', 'Partnerships', 'Activities', 'My account']);
      for (const path of ['/admin/users', '/admin/audit', '/admin/settings']) {
        await page.goto(path);
        await expect(page).toHaveURL(/\/forbidden$/);
        await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
      }
    });
  });

  test.describe('editor', () => {
    test.use({ storageState: STORAGE.editor });
    test('cannot manage users', async ({ page }) => {
      await page.goto('/admin/users');
      await expect(page).toHaveURL(/\/forbidden$/);
    });
  });

  test.describe('admin', () => {
    test.use({ storageState: STORAGE.admin });

    test('creates a user, who must change the initial password at first sign-in', async ({ page, browser }) => {
      const email = uniqueEmail('new');
      await createUserAsAdmin(page, { name: 'Nadia New', email, role: 'editor', password: 'initial secret phrase' });
      await expect(page.getByRole('row', { name: /Nadia New/ })).toContainText('Editor');

      const ctx = await browser.newContext({ storageState: undefined });
      const user = await ctx.newPage();
      await signIn(user, email, 'initial secret phrase');
      await expect(user).toHaveURL(/\/account\/password$/);
      await expect(user.getByText('An administrator set your password.')).toBeVisible();
      // Other staff pages send them back here until they have changed it.
      await user.goto('/account');
      await expect(user).toHaveURL(/\/account\/password$/);
      await submitPasswordChange(user, 'initial secret phrase', 'password123456');
      await expect(user.getByText('This password is too common.')).toBeVisible();
      await submitPasswordChange(user, 'initial secret phrase', 'my own new pass phrase');
      await expect(user.getByText('Password changed.')).toBeVisible();
      await user.goto('/account');
      await expect(user.getByRole('heading', { name: 'My account' })).toBeVisible();
      await ctx.close();
    });

    test('deactivating a user ends their open session at its next request', async ({ page, browser }) => {
      const email = uniqueEmail('deact');
      await createUserAsAdmin(page, { name: 'Dora Deactivate', email, role: 'viewer', password: 'initial secret phrase' });
      const ctx = await browser.newContext({ storageState: undefined });
      const user = await ctx.newPage();
      await signIn(user, email, 'initial secret phrase');
      await expect(user).toHaveURL(/\/account\/password$/);

      await page.reload();
      const row = page.getByRole('row', { name: /Dora Deactivate/ });
      await row.getByRole('button', { name: 'Deactivate' }).click();
      await expect(page.getByText('User deactivated and signed out everywhere.')).toBeVisible();
      await expect(page.getByRole('row', { name: /Dora Deactivate/ })).toContainText('Deactivated');

      await user.reload();
      await expect(user).toHaveURL(/\/login\?callbackUrl=/);
      await signIn(user, email, 'initial secret phrase');
      await expect(user.getByRole('status').filter({ hasText: INVALID })).toBeVisible();
      await ctx.close();
    });

    test('changing a role signs the user out and the new role applies', async ({ page, browser }) => {
      const email = uniqueEmail('role');
      await createUserAsAdmin(page, { name: 'Rolf Role', email, role: 'viewer', password: 'initial secret phrase' });
      const ctx = await browser.newContext({ storageState: undefined });
      const user = await ctx.newPage();
      await signIn(user, email, 'initial secret phrase');
      await expect(user).toHaveURL(/\/account\/password$/);

      await page.reload();
      const row = page.getByRole('row', { name: /Rolf Role/ });
      await row.getByLabel('Role', { exact: true }).selectOption('admin');
      await row.getByRole('button', { name: 'Change role' }).click();
      await expect(page.getByText('Role changed.')).toBeVisible();
      await user.reload();
      await expect(user).toHaveURL(/\/login/);
      await ctx.close();
    });

    test('the audit trail lists sign-ins and filters them', async ({ page }) => {
      await page.goto('/admin/audit?action=auth.sign_in_failed');
      const rows = page.getByRole('table', { name: 'Audit events, newest first' }).getByRole('row');
      await expect(rows.nth(1)).toContainText('auth.sign_in_failed');
      await page.getByLabel('Action').fill('user.create');
      await page.getByRole('button', { name: 'Filter' }).click();
      await expect(page).toHaveURL(/action=user\.create/);
      await expect(rows.nth(1)).toContainText('user.create');
      await expect(page.getByRole('table').getByText('auth.sign_in_failed')).toHaveCount(0);

      // A record's id leads to that record's whole history.
      const link = rows.nth(1).getByRole('link', { name: /^History of record / });
      const id = (await link.innerText()).trim();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`recordId=${id}`));
      await expect(page.getByLabel('Record id')).toHaveValue(id);
      const count = await rows.count();
      expect(count).toBeGreaterThan(1);
      for (let i = 1; i < count; i++) await expect(rows.nth(i)).toContainText(id);
    });

    for (const path of ['/account', '/admin/users', '/admin/audit', '/admin/settings', '/account/security', '/zh/admin/users']) {
      test(`axe finds nothing on ${path}`, async ({ page }) => {
        await page.goto(path);
        expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
      });
    }
  });

  test('axe finds nothing on the sign-in page', async ({ page }) => {
    await page.goto('/login');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});

test.describe('two-step sign-in', () => {
  test('enrol, then sign in with a code and once with a recovery code', async ({ browser }) => {
    const admin = await browser.newPage({ storageState: STORAGE.admin });
    const email = uniqueEmail('totp');
    await createUserAsAdmin(admin, { name: 'Tara Totp', email, role: 'editor', password: 'initial secret phrase' });
    await admin.close();

    const ctx = await browser.newContext({ storageState: undefined });
    const page = await ctx.newPage();
    await firstSignIn(page, email, 'initial secret phrase', 'tara own pass phrase');

    await page.goto('/account/security');
    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const secret = (await page.locator('code').innerText()).replace(/\s+/g, '');
    await page.getByLabel('Code from the app').fill('000000' === totpCode(secret, Date.now()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await expect(page.getByText('That code is not correct.')).toBeVisible();
    await page.getByLabel('Code from the app').fill(totpCode(secret, Date.now()));
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    const list = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(list).toHaveCount(10);
    const codes = await list.allInnerTexts();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, email, 'tara own pass phrase');
    await expect(page.getByText('Enter the code from your authenticator app to finish signing in.')).toBeVisible();
    // The code of the step used at enrolment is spent; the next step's code is accepted.
    await page.getByLabel('Authentication code').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedIn(page, '/account');
    await expect(page.getByText('Two-step sign-in is on.')).toBeVisible();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, email, 'tara own pass phrase');
    await page.getByLabel('Authentication code').fill(codes[0]!.toUpperCase());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSignedIn(page, '/account');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await signIn(page, email, 'tara own pass phrase');
    await page.getByLabel('Authentication code').fill(codes[0]!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('status').filter({ hasText: INVALID })).toBeVisible();
    await ctx.close();
  });
});

test.describe('keyboard', () => {
  test('signs in with the keyboard alone', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').focus();
    await page.keyboard.type('viewer@amity.test');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expectSignedIn(page, '/account');
  });
});

test.describe('required two-step sign-in', () => {
  test('an admin with two-step sign-in requires it; a user without it must set it up first', async ({ browser }) => {
    // Two users created, two first sign-ins with password changes and an enrolment: many argon2 hashes on two
    // cores. A timeout would leave the requirement on for every later test, so give it room.
    test.setTimeout(90_000);
    const adminPage = await browser.newPage({ storageState: STORAGE.admin });
    const bossEmail = uniqueEmail('boss');
    const userEmail = uniqueEmail('req');
    await createUserAsAdmin(adminPage, { name: 'Bo Boss', email: bossEmail, role: 'admin', password: 'initial secret phrase' });
    await createUserAsAdmin(adminPage, { name: 'Reza Required', email: userEmail, role: 'viewer', password: 'initial secret phrase' });

    // The demo admin has no second factor, so the setting refuses them rather than lock them out.
    await adminPage.goto('/admin/settings');
    await adminPage.getByLabel('Require two-step sign-in for every staff user').check();
    await adminPage.getByRole('button', { name: 'Save settings' }).click();
    await expect(adminPage.getByRole('status')).toContainText('Set up your own two-step sign-in first');
    await adminPage.close();

    const bossCtx = await browser.newContext({ storageState: undefined });
    const boss = await bossCtx.newPage();
    await firstSignIn(boss, bossEmail, 'initial secret phrase', 'bo boss own pass phrase');
    await boss.goto('/account/security');
    await boss.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    const secret = (await boss.locator('code').innerText()).replace(/\s+/g, '');
    await boss.getByLabel('Code from the app').fill(totpCode(secret, Date.now()));
    await boss.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await expect(boss.getByRole('list', { name: 'Recovery codes' })).toBeVisible();

    await boss.goto('/admin/settings');
    await boss.getByLabel('Require two-step sign-in for every staff user').check();
    await boss.getByRole('button', { name: 'Save settings' }).click();
    await expect(boss.getByText('Settings saved.')).toBeVisible();
    try {
      const ctx = await browser.newContext({ storageState: undefined });
      const user = await ctx.newPage();
      await firstSignIn(user, userEmail, 'initial secret phrase', 'reza own pass phrase');
      await user.goto('/account');
      await expect(user).toHaveURL(/\/account\/security$/);
      await expect(user.getByText('Your office requires two-step sign-in.')).toBeVisible();
      await ctx.close();
    } finally {
      // Every other test signs in without a code: turn the requirement off again whatever happened above.
      await boss.goto('/admin/settings');
      await boss.getByLabel('Require two-step sign-in for every staff user').uncheck();
      await boss.getByRole('button', { name: 'Save settings' }).click();
      await expect(boss.getByText('Settings saved.')).toBeVisible();
      await bossCtx.close();
    }
  });
});
