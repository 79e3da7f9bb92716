import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/db/index';
import { localities, partnerships } from '@/db/schema';
import { seedGuangzhou } from '@/db/seed/guangzhou';
import { resetDatabase } from '@/db/testing/reset';

// The map is worded through next-intl's getTranslations; outside a Next server the real catalogues stand in.
vi.mock('next-intl/server', async () => {
  const { createTranslator } = await import('next-intl');
  const messages = { en: (await import('@/lib/i18n/messages/en.json')).default, zh: (await import('@/lib/i18n/messages/zh.json')).default };
  return {
    getLocale: async () => 'en',
    getTranslations: async ({ locale, namespace }: { locale: 'en' | 'zh'; namespace: string }) =>
      createTranslator({ locale, messages: messages[locale], namespace: namespace as never }),
  };
});

const { GET } = await import('./route');

// The public directory's map as a document of its own (/map/partners-<locale>.svg), on the demo seed: every public
// partner a link opening its page in the whole window, the page's filters applied, an ETag answered with 304,
// internal ties and unknown languages left out.

const get = (file: string, query = '', headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/map/${file}${query}`, { headers }), { params: Promise.resolve({ file }) });
const links = (svg: string) => [...svg.matchAll(/<a href="([^"]+)" target="_top" aria-label="([^"]+)">/g)].map((m) => ({ href: m[1], name: m[2] }));

describe('GET /map/partners-<locale>.svg', () => {
  beforeAll(async () => {
    await resetDatabase();
    await seedGuangzhou(db);
  });

  it('draws every public partner as a link named in the language, as an SVG document', async () => {
    const res = await get('partners-en.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const body = await res.text();
    expect(body).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" lang="en"/);
    expect(body).toContain(`aria-label="Map of Guangzhou&#39;s partners"`);
    expect(body).toContain('<image href="/map/land-113.svg"');
    const marks = links(body);
    expect(marks).toHaveLength(93);
    expect(marks).toContainEqual({ href: '/partners/guangzhou-lahore', name: 'Lahore, Pakistan, 2021' });
    expect(marks).toContainEqual({ href: '/partners/guangzhou-busan', name: 'Busan, South Korea' });
    expect(body).not.toMatch(/<script|on\w+=/i);

    const zh = await (await get('partners-zh.svg')).text();
    expect(zh).toContain('lang="zh-CN"');
    expect(links(zh)).toContainEqual({ href: '/zh/partners/guangzhou-lahore', name: '拉合尔，巴基斯坦，2021年' });
  });

  it('applies the filters the page reads, the first of repeated ones, and ignores the page number', async () => {
    expect(links(await (await get('partners-en.svg', '?country=PK')).text())).toEqual([{ href: '/partners/guangzhou-lahore', name: 'Lahore, Pakistan, 2021' }]);
    expect(links(await (await get('partners-en.svg', '?q=japan&q=lahore')).text())).toHaveLength(3);
    expect(links(await (await get('partners-en.svg', '?page=2')).text())).toHaveLength(93);
    // A country no public partner is in is not applied, as on the page.
    expect(links(await (await get('partners-en.svg', '?country=AQ')).text())).toHaveLength(93);
    expect(links(await (await get('partners-en.svg', '?q=nothing-here')).text())).toEqual([]);
  });

  it('answers a request that holds its ETag with 304 and no body', async () => {
    const first = await get('partners-en.svg', '?continent=EU');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    const again = await get('partners-en.svg', '?continent=EU', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get('partners-en.svg', '?continent=AS', { 'if-none-match': etag })).status).toBe(200);
  });

  it('leaves out internal ties, and escapes every name', async () => {
    const [lahore] = await db.select({ id: localities.id }).from(localities).where(eq(localities.nameEn, 'Lahore'));
    await db.update(partnerships).set({ isPublic: false }).where(eq(partnerships.partnerLocalityId, lahore!.id));
    const [fukuoka] = await db.select({ id: localities.id }).from(localities).where(eq(localities.nameEn, 'Fukuoka'));
    await db.update(localities).set({ nameEn: 'Fukuoka <script>alert(1)</script> & "Co"' }).where(eq(localities.id, fukuoka!.id));
    const body = await (await get('partners-en.svg')).text();
    expect(links(body).map((l) => l.href)).not.toContain('/partners/guangzhou-lahore');
    expect(body).toContain('Fukuoka &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;, Japan, 1979');
    expect(body).not.toContain('<script');
  });

  it('is the same 404 for a language the site does not have', async () => {
    for (const file of ['partners-fr.svg', 'partners-.svg', 'partners-en.png', 'partners-EN.svg']) {
      expect((await get(file)).status, file).toBe(404);
    }
  });
});
