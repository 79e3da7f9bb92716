import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'amity-demo-password';
export const STORAGE = {
  admin: 'e2e/.auth/admin.json',
  editor: 'e2e/.auth/editor.json',
  viewer: 'e2e/.auth/viewer.json',
} as const;

/** Signs in through the login page and waits until the app has taken the user somewhere else. */
export async function signIn(page: Page, email: string, password: string, opts: { from?: string } = {}) {
  await page.goto(opts.from ? `/login?callbackUrl=${encodeURIComponent(opts.from)}` : '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function expectSignedIn(page: Page, path: string) {
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, '\\$&')}$`));
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
}

/** A unique email for a user made by one test, so tests never share accounts they change. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@amity.test`;
}

/** Creates a user through the admin page (the page must be signed in as an admin). */
export async function createUserAsAdmin(page: Page, user: { name: string; email: string; role: string; password: string }) {
  await page.goto('/admin/users');
  const form = page.getByRole('region', { name: 'New user' });
  await form.getByLabel('Name').fill(user.name);
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Role').selectOption(user.role);
  await form.getByLabel('Initial password').fill(user.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`User ${user.email} created.`)).toBeVisible();
}

/** Fills the change-password form on the current page (current, new, new again) and sends it. */
export async function submitPasswordChange(page: Page, current: string, next: string) {
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('New password again').fill(next);
  await page.getByRole('button', { name: 'Change password' }).click();
}

/** A user's first sign-in with the initial password an admin gave: replaces it and waits for the confirmation. */
export async function firstSignIn(page: Page, email: string, initial: string, own: string) {
  await signIn(page, email, initial);
  await expect(page).toHaveURL(/\/account\/password$/);
  await submitPasswordChange(page, initial, own);
  await expect(page.getByText('Password changed.')).toBeVisible();
}
