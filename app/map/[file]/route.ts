import { landPath, MAP_WIDTH, mapFrame } from '@/components/map/geometry';
import { isLocale } from '@/lib/i18n/routing';
import { directoryFilterSchema } from '@/lib/validation/directory';
import { parseSearchParams } from '@/lib/validation/search-params';
import { directoryMapDocument } from '@/lib/directory-map';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * GET /map/partners-<en|zh>.svg?<the directory's filters>: the public directory's network map as an SVG document of
 * its own, which /partners frames (directory-map.ts): marks that are links named in the language, opening their
 * pages in the whole window. From the public cache, with an ETag and `no-cache`, so the browser keeps it and asks
 * again cheaply (304) whenever the page is shown. Anyone. Filters are read as the page reads them.
 *
 * GET /map/land-<centre>.svg: the world's land for the network map centred on meridian <centre> (whole degrees,
 * -180 to 180), as an SVG image the map draws under its arcs and marks (components/map/network-map.tsx). The same
 * 18 KB for every page and visitor, so it is fetched once and kept by the browser instead of riding in each
 * page's HTML (twice: markup and React payload). Anyone; the same 404 for any other name.
 */
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const directory = /^partners-(\w+)\.svg$/.exec(file);
  if (directory) {
    const locale = directory[1]!;
    if (!isLocale(locale)) return notFound();
    // Repeated parameters arrive as arrays, as a page's searchParams do: the schema takes the first.
    const query: Record<string, string[]> = {};
    for (const [name, value] of new URL(request.url).searchParams) (query[name] ??= []).push(value);
    const map = await directoryMapDocument(locale, parseSearchParams(directoryFilterSchema, query).value);
    if (!map) return notFound();
    const headers = { 'Content-Type': 'image/svg+xml; charset=utf-8', 'Cache-Control': 'no-cache', ETag: map.etag };
    if (request.headers.get('if-none-match') === map.etag) return new Response(null, { status: 304, headers });
    return new Response(map.body, { headers });
  }
  const match = /^land-(-?\d{1,3})\.svg$/.exec(file);
  const centre = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(centre) || centre < -180 || centre > 180 || String(centre) !== match![1]) {
    return notFound();
  }
  const { height } = mapFrame(centre);
  const body =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${height}" width="${MAP_WIDTH}" height="${height}">` +
    `<path d="${landPath(centre)}" fill="#e2e8f0" stroke="#cbd5e1" stroke-width="0.5"/></svg>`;
  return new Response(body, {
    headers: {
      'Content-Type': 'image/svg+xml',
      // The drawing changes only with the world-atlas package, i.e. with a new release: a day is plenty.
      'Cache-Control': 'public, max-age=86400',
    },
  });
}
