import { expect, test } from '@playwright/test';

test.describe('platform', () => {
  test('health answers 200 while the database answers', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('every kind of response carries the security headers', async ({ request, page }) => {
    await page.goto('/partners');
    const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute('src');
    for (const path of ['/partners', '/zh/partners', '/api/health', '/no-such-page', script!]) {
      const res = await request.get(path);
      const h = res.headers();
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
      expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(h['x-powered-by'], path).toBeUndefined();
    }
  });

  test('page scripts run under a nonce CSP without violations', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto('/zh/partners');
    // The language switch is a client component: it only navigates client-side once React has hydrated.
    await page.getByRole('link', { name: '切换到英文' }).click();
    await expect(page).toHaveURL(/\/partners$/);
    expect(violations).toEqual([]);
  });

  test('the icon is served, not sent to a locale', async ({ request }) => {
    const res = await request.get('/icon.svg');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('image/svg+xml');
  });

  test('an unknown page is a localized 404', async ({ page }) => {
    const res = await page.goto('/zh/no-such-page');
    expect(res?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: '找不到页面' })).toBeVisible();
  });
});

test.describe('cross-site requests', () => {
  test('a POST from another origin is refused with 403 before any action runs', async ({ baseURL }) => {
    const res = await fetch(`${baseURL}/login`, {
      method: 'POST',
      body: '[]',
      headers: { 'Next-Action': 'ff'.repeat(21), Origin: 'https://evil.example', 'Content-Type': 'text/plain;charset=UTF-8' },
    });
    expect(res.status).toBe(403);
  });

  test('every response says its request id, and it is unique', async ({ request }) => {
    const a = (await request.get('/partners')).headers()['x-request-id'];
    const b = (await request.get('/partners')).headers()['x-request-id'];
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
  });
});
