import { landPath, MAP_WIDTH, mapFrame } from '@/components/map/geometry';

/**
 * GET /map/land-<centre>.svg: the world's land for the network map centred on meridian <centre> (whole degrees,
 * -180 to 180), as an SVG image the map draws under its arcs and marks (components/map/network-map.tsx). The same
 * 18 KB for every page and visitor, so it is fetched once and kept by the browser instead of riding in each
 * page's HTML (twice: markup and React payload). Anyone; the same 404 for any other name.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const match = /^land-(-?\d{1,3})\.svg$/.exec(file);
  const centre = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(centre) || centre < -180 || centre > 180 || String(centre) !== match![1]) {
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
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
