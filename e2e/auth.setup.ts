import { test as setup } from '@playwright/test';
import { DEMO_PASSWORD, expectSignedIn, signIn, STORAGE } from './fixtures';

// One sign-in per role, saved as storage state for the specs that act as that role.
for (const role of ['admin', 'editor', 'viewer'] as const) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, `${role}@amity.test`, DEMO_PASSWORD);
    await expectSignedIn(page, '/account');
    await page.context().storageState({ path: STORAGE[role] });
  });
}
