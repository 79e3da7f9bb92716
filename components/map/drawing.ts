import { PARTNERSHIP_TYPES, type PartnershipType } from '@/lib/domain';
import { arcPath, escapeXml, MAP_WIDTH, mapFrame, projectPoint } from './geometry';
import { isFilledMark, TIE_COLOURS } from './tie-styles';

// The network map's drawing as one SVG string: written once, never rendered element by element by React. The map
// component (network-map.tsx) puts it in the page; the public directory serves it as a document of its own
// (app/map/[file]), framed by the page, so its several hundred elements travel neither in the page's HTML nor in
// React's payload, and the browser keeps it between pages.

/** One partner on the map. */
export interface MapPartner {
  /** A key unique among the partners given (the partnership's slug or id). */
  key: string;
  /** Where its mark links, already localised: "/partners/guangzhou-lahore", "/zh/partners/guangzhou-lahore". */
  href: string;
  /** The partner's name in the page's language: "Lahore", "拉合尔". */
  name: string;
  /** Its country's name in the page's language: "Pakistan". */
  country: string;
  /** The year the tie was established, or null when no source gives one. */
  year: number | null;
  type: PartnershipType;
  /** Degrees (WGS 84); a partner with either one null is not drawn and is counted in the note under the map. */
  latitude: number | null;
  longitude: number | null;
}

/** The home locality: the centre of the map, where the arcs start; its name in the page's language. */
export interface MapHome {
  name: string;
  latitude: number | null;
  longitude: number | null;
}

/** The class of a type's marks in the map's own style sheet: `network-mark-0`, `network-mark-1`, ... */
const MARK_CLASS = Object.fromEntries(PARTNERSHIP_TYPES.map((type, i) => [type, `network-mark-${i}`])) as Record<PartnershipType, string>;
/** Sister ties (and "other") are filled dots, friendly cooperation ties rings (tie-styles.ts); radius 5 units. */
const MARK_STYLES = PARTNERSHIP_TYPES.map((type) => {
  const colour = TIE_COLOURS[type];
  return isFilledMark(type)
    ? `.${MARK_CLASS[type]}{r:5px;fill:${colour};stroke:#fff;stroke-width:1px}`
    : `.${MARK_CLASS[type]}{r:5px;fill:#fff;stroke:${colour};stroke-width:2.5px}`;
}).join('');
/**
 * Marks grow on hover and on keyboard focus, and on a narrow screen (where 5 units are about 2 px). Written in the
 * drawing's own style sheet, scoped to the map: a page's Tailwind utilities sit in a cascade layer, which the
 * unlayered rules above would beat whatever their specificity; these outrank `.network-mark-N` (0-2-2 against 0-1-0).
 * In a document of its own the narrow screen is the frame's width.
 */
const INTERACTION_STYLES =
  '.network-map a:hover circle{r:7px}.network-map a:focus{outline:none}' +
  '.network-map a:focus-visible circle{r:8px;stroke:#0f172a;stroke-width:3px}' +
  '@media (max-width:639px){.network-map a circle[class]{r:9px}.network-map a:focus-visible circle[class]{r:11px}}';

/** What the map shows, before any drawing: where the marks fall, which types are drawn, what cannot be placed. */
export interface MapLayout {
  /** The centre meridian, whole degrees (the home locality's, or 0). */
  centre: number;
  /** Height of the viewBox; its width is MAP_WIDTH. */
  height: number;
  homeAt: [number, number] | null;
  homePoint: [number, number] | null;
  placed: Array<{ partner: MapPartner; at: [number, number] }>;
  /** Partners given without coordinates, or that the projection cannot place. */
  unplaced: number;
  /** The types of tie among the placed partners, in PARTNERSHIP_TYPES order: the legend. */
  typesDrawn: PartnershipType[];
}

/** Places the home locality and the partners on the map's projection (no arcs yet: those are the costly part). */
export function layOutMap(home: MapHome, partners: readonly MapPartner[]): MapLayout {
  const homeAt: [number, number] | null = home.latitude !== null && home.longitude !== null ? [home.longitude, home.latitude] : null;
  const centre = Math.round(homeAt ? homeAt[0] : 0);
  const frame = mapFrame(centre);
  const placed = partners.flatMap((partner) => {
    if (partner.latitude === null || partner.longitude === null) return [];
    const at = projectPoint(frame, [partner.longitude, partner.latitude]);
    return at ? [{ partner, at }] : [];
  });
  return {
    centre,
    height: frame.height,
    homeAt,
    homePoint: homeAt ? projectPoint(frame, homeAt) : null,
    placed,
    unplaced: partners.length - placed.length,
    typesDrawn: PARTNERSHIP_TYPES.filter((type) => placed.some((p) => p.partner.type === type)),
  };
}

/** How the drawing is written: inside a page (Tailwind classes, described by a note of the page) or as a document. */
export type MapDrawingMode =
  | { kind: 'inline'; describedBy?: string }
  /** A document of its own: the SVG namespace, its language, marks that open their page in the whole window. */
  | { kind: 'document'; lang: string };

/**
 * The map as one SVG string: the land (an image, app/map/[file]), a great-circle arc from home to each partner
 * coloured by type, the home mark, and a mark per partner that is a link named by `label(partner)` ("Lahore,
 * Pakistan, 2021"), in the order of `layout.placed`. Every text is escaped (escapeXml).
 */
export function drawNetworkMap(layout: MapLayout, title: string, label: (partner: MapPartner) => string, homeName: string, mode: MapDrawingMode): string {
  const frame = mapFrame(layout.centre);
  const arcs = layout.typesDrawn.map((type) => {
    const d = layout.homeAt
      ? layout.placed
          .filter(({ partner }) => partner.type === type)
          .map(({ partner }) => arcPath(frame, layout.homeAt!, [partner.longitude!, partner.latitude!]))
          .join('')
      : '';
    return d ? `<path d="${d}" stroke="${TIE_COLOURS[type]}" vector-effect="non-scaling-stroke"/>` : '';
  });
  const target = mode.kind === 'document' ? ' target="_top"' : '';
  const marks = layout.placed.map(({ partner, at }) => {
    const name = escapeXml(label(partner));
    return `<a href="${escapeXml(partner.href)}"${target} aria-label="${name}"><title>${name}</title><circle cx="${at[0]}" cy="${at[1]}" class="${MARK_CLASS[partner.type]}"/></a>`;
  });
  const { homePoint } = layout;
  const root =
    mode.kind === 'document'
      ? `<svg xmlns="http://www.w3.org/2000/svg" lang="${escapeXml(mode.lang)}" viewBox="0 0 ${MAP_WIDTH} ${layout.height}" width="100%" height="100%" class="network-map" role="group" aria-label="${escapeXml(title)}">`
      : `<svg viewBox="0 0 ${MAP_WIDTH} ${layout.height}" role="group" aria-label="${escapeXml(title)}"` +
        (mode.describedBy ? ` aria-describedby="${escapeXml(mode.describedBy)}"` : '') +
        ' class="network-map block h-auto w-full rounded-lg border border-slate-200 bg-slate-50 print:border-slate-400">';
  return [
    root,
    mode.kind === 'document' ? `<rect width="${MAP_WIDTH}" height="${layout.height}" fill="#f8fafc"/>` : '',
    // The land is the same drawing on every page: an image the browser fetches once (app/map/[file]).
    `<image href="/map/land-${layout.centre}.svg" width="${MAP_WIDTH}" height="${layout.height}" aria-hidden="true"/>`,
    // One path per type of tie holding all its arcs, and one rule per type for its marks: each colour once.
    `<style>${MARK_STYLES}${INTERACTION_STYLES}</style>`,
    `<g fill="none" stroke-width="1.25" stroke-opacity="0.7" aria-hidden="true">${arcs.join('')}</g>`,
    homePoint
      ? `<g aria-hidden="true"><title>${escapeXml(homeName)}</title><rect x="${homePoint[0] - 6}" y="${homePoint[1] - 6}" width="12" height="12" ` +
        `transform="rotate(45 ${homePoint[0]} ${homePoint[1]})" fill="#0f172a" stroke="#fff" stroke-width="1.5"/></g>`
      : '',
    '<g>',
    marks.join(''),
    '</g></svg>',
  ].join('');
}
