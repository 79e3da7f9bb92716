import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import landTopology from 'world-atlas/land-110m.json';

// The world of the network map: Natural Earth's 1:110m land (world-atlas, public domain) on the Equal Earth
// projection, centred on the home locality's meridian so that arcs to the Americas and to Europe stay whole.
// Paths are written with whole-unit relative coordinates in a 1000-unit-wide frame (one unit is about 40 km at
// the equator, finer than the 1:110m data itself) and coastline detail under 2 units dropped: the land path is
// about 13 KB, not the 57 KB geoPath writes with one decimal.

/** Width of the map's viewBox, in its own units. */
export const MAP_WIDTH = 1000;
/** Coastline detail finer than this many viewBox units (about 2 px on a desktop screen) is dropped. */
const LAND_TOLERANCE = 2;
/** The southernmost latitude shown: Antarctica and the empty ocean above it are cropped. */
const SOUTH_LIMIT = -58;

/**
 * A path context that writes integer, relative SVG path data. It drops a point that rounds onto the previous one,
 * and one closer than `tolerance` units to the last point kept (a radial simplification: coastlines lose detail
 * finer than the tolerance, arcs are drawn with none).
 */
class CompactPath {
  private out: string[] = [];
  private x = 0;
  private y = 0;
  private keptX = 0;
  private keptY = 0;
  private open = false;

  constructor(private readonly tolerance = 0) {}

  moveTo(px: number, py: number): void {
    const x = Math.round(px);
    const y = Math.round(py);
    this.out.push(`M${x} ${y}`);
    this.x = x;
    this.y = y;
    this.keptX = px;
    this.keptY = py;
    this.open = false;
  }

  lineTo(px: number, py: number): void {
    if (this.tolerance > 0 && Math.hypot(px - this.keptX, py - this.keptY) < this.tolerance) return;
    this.keptX = px;
    this.keptY = py;
    const x = Math.round(px);
    const y = Math.round(py);
    const dx = x - this.x;
    const dy = y - this.y;
    if (dx === 0 && dy === 0) return;
    // After an "l" command, further coordinate pairs repeat it; a minus sign separates numbers by itself.
    const pair = `${dx}${dy < 0 ? '' : ' '}${dy}`;
    this.out.push(this.open ? (dx < 0 ? pair : ` ${pair}`) : `l${pair}`);
    this.open = true;
    this.x = x;
    this.y = y;
  }

  closePath(): void {
    this.out.push('z');
    this.open = false;
  }

  beginPath(): void {}

  // geoPath calls arc() only for Point geometries, which the map never passes as paths.
  arc(): void {}

  toString(): string {
    return this.out.join('');
  }
}

/** The map's frame for a centre meridian: the projection and the viewBox height (the width is MAP_WIDTH). */
export interface MapFrame {
  projection: GeoProjection;
  height: number;
}

const frames = new Map<number, MapFrame>();
const landPaths = new Map<number, string>();

/**
 * The projection centred on `centreLongitude` (degrees, rounded to a whole degree), fitted to MAP_WIDTH, and the
 * height that reaches SOUTH_LIMIT. Memoised per process: each page of one registry asks for the same one.
 */
export function mapFrame(centreLongitude: number): MapFrame {
  const key = Math.round(centreLongitude);
  let frame = frames.get(key);
  if (!frame) {
    const projection = geoEqualEarth().rotate([-key, 0]).fitWidth(MAP_WIDTH, { type: 'Sphere' });
    const height = Math.ceil(projection([key, SOUTH_LIMIT])![1]);
    frame = { projection, height };
    frames.set(key, frame);
  }
  return frame;
}

/**
 * The SVG path data of the world's land for a centre meridian, without Antarctica. Computed once per process and
 * meridian (the same string serves every page), about 13 KB.
 */
export function landPath(centreLongitude: number): string {
  const key = Math.round(centreLongitude);
  let path = landPaths.get(key);
  if (path === undefined) {
    const topology = landTopology as unknown as Topology<{ land: GeometryCollection }>;
    const land = feature(topology, topology.objects.land);
    // Drop the polygons that lie wholly south of the frame (Antarctica): they would be cropped anyway.
    const shown = {
      ...land,
      features: land.features.map((f) => {
        if (f.geometry.type !== 'MultiPolygon') return f;
        const coordinates = f.geometry.coordinates.filter((polygon) => polygon[0]!.some(([, lat]) => lat! > SOUTH_LIMIT));
        return { ...f, geometry: { ...f.geometry, coordinates } };
      }),
    };
    const context = new CompactPath(LAND_TOLERANCE);
    geoPath(mapFrame(key).projection, context)(shown);
    path = context.toString();
    landPaths.set(key, path);
  }
  return path;
}

/** Longitude and latitude, in degrees. */
export type LonLat = [number, number];

/** The great circle from `from` to `to` as SVG path data (d3-geo resamples the arc along the projection). */
export function arcPath(frame: MapFrame, from: LonLat, to: LonLat): string {
  const context = new CompactPath();
  geoPath(frame.projection, context)({ type: 'LineString', coordinates: [from, to] });
  return context.toString();
}

/** Where a place falls on the map, in whole viewBox units, or null when the projection cannot place it. */
export function projectPoint(frame: MapFrame, at: LonLat): [number, number] | null {
  const xy = frame.projection(at);
  return xy ? [Math.round(xy[0]), Math.round(xy[1])] : null;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for SVG (or HTML) text and quoted attribute values: & < > " ' as entities. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}
