import { describe, expect, it } from 'vitest';
import { GET } from './route';

const get = (file: string) => GET(new Request(`http://localhost/map/${file}`), { params: Promise.resolve({ file }) });

describe('GET /map/land-<centre>.svg', () => {
  it("draws the world's land centred on a meridian, as a cacheable SVG image", async () => {
    const res = await get('land-113.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    const body = await res.text();
    expect(body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 1000 \d+"/);
    expect(body).toMatch(/<path d="M[-\d ]+l[-\d lMz ]+"/);
    // A different centre is a different drawing.
    expect(await (await get('land--75.svg')).text()).not.toBe(body);
  });

  it('is the same 404 for any other name', async () => {
    for (const file of ['land-181.svg', 'land-0113.svg', 'land-113.png', 'land-1.5.svg', 'land-.svg', 'world.svg', 'land-113.svg.map']) {
      expect((await get(file)).status, file).toBe(404);
    }
  });
});
