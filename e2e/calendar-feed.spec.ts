import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, test } from '@playwright/test';
import { STORAGE } from './fixtures';

// A staff user's calendar feed, made, replaced and turned off from the account page (with and without JavaScript,
// in both languages), fetched as a calendar app does: without any session, through the proxy.

async function asRole(browser: Browser, role: keyof typeof STORAGE, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ storageState: STORAGE[role], javaScriptEnabled });
  return { context, page: await context.newPage() };
}

/** A calendar app: no cookies, no session. */
async function calendarApp(browser: Browser): Promise<{ request: APIRequestContext; close: () => Promise<void> }> {
  const context = await browser.newContext();
  return { request: context.request, close: () => context.close() };
}

const words = {
  en: { path: '/account', section: 'Calendar feed', create: 'Make a feed address', regenerate: 'Make a new address', revoke: 'Turn off the feed', address: 'Address, events in English', addressZh: 'Address, events in Chinese', off: 'Your calendar feed is off: its address no longer works.' },
  zh: { path: '/zh/account', section: '日历订阅', create: '生成订阅地址', regenerate: '生成新地址', revoke: '关闭订阅', address: '地址（英文事件）', addressZh: '地址（中文事件）', off: '您的日历订阅已关闭，其地址已失效。' },
};

for (const [javaScriptEnabled, role, lang] of [
  [true, 'viewer', 'en'],
  [false, 'editor', 'zh'],
] as const) {
  test(`makes, replaces and turns off a feed as ${role} (JavaScript ${javaScriptEnabled ? 'on' : 'off'}, ${lang})`, async ({ browser }) => {
    const w = words[lang];
    const { context, page } = await asRole(browser, role, javaScriptEnabled);
    const app = await calendarApp(browser);
    await page.goto(w.path);
    const section = page.getByRole('region', { name: w.section });
    await section.getByRole('button', { name: w.create }).click();
    const address = section.getByLabel(w.address, { exact: true });
    await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}$/);
    const url = await address.inputValue();
    await expect(section.getByLabel(w.addressZh, { exact: true })).toHaveValue(`${url}?lang=zh`);
    if (javaScriptEnabled) expect((await new AxeBuilder({ page }).include('main').analyze()).violations).toEqual([]);

    const feed = await app.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers()['cache-control']).toContain('no-store');
    expect(feed.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(feed.headers()['set-cookie']).toBeUndefined();
    const body = await feed.text();
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    // The demo network has coming anniversaries; every event is all-day.
    const starts = body.split('\r\n').filter((l) => l.startsWith('DTSTART'));
    expect(starts.length).toBeGreaterThan(0);
    for (const line of starts) expect(line).toMatch(/^DTSTART;VALUE=DATE:\d{8}$/);
    expect(await (await app.request.get(`${url}?lang=zh`)).text()).toContain('周年');

    await section.getByRole('button', { name: w.regenerate }).click();
    await expect(address).not.toHaveValue(url);
    const renewed = await address.inputValue();
    expect((await app.request.get(url)).status()).toBe(404);
    expect((await app.request.get(renewed)).status()).toBe(200);

    await section.getByRole('button', { name: w.revoke }).click();
    await expect(section.getByRole('button', { name: w.create })).toBeVisible();
    await expect(section.getByRole('status')).toHaveText(w.off);
    const refused = await app.request.get(renewed);
    expect([refused.status(), await refused.text()]).toEqual([404, '{"error":"not_found"}']);
    await app.close();
    await context.close();
  });
}
