import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page } from '@playwright/test';
import { STORAGE } from '../fixtures';

// Helpers shared by the staff specs: a page signed in as a role, the role's cookies for a request made outside the
// browser, and an axe check.

/** A new browser context signed in as `role` (its storage state from auth.setup.ts), and a page in it. */
export async function asRole(browser: Browser, role: keyof typeof STORAGE, opts: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ storageState: STORAGE[role], ...opts });
  return { context, page: await context.newPage() };
}

/** The signed-in cookies of a role, as a Cookie header for a request made outside the browser. */
export function cookieHeader(role: keyof typeof STORAGE): string {
  const state = JSON.parse(readFileSync(STORAGE[role], 'utf8')) as { cookies: Array<{ name: string; value: string }> };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Fails the test with axe's findings on the page as it is now, if there are any. */
export async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}
