import { getTranslations } from 'next-intl/server';
import { PARTNERSHIP_TYPES, type PartnershipType } from '@/lib/domain';
import { arcPath, escapeXml, MAP_WIDTH, mapFrame, projectPoint } from './geometry';
import { isFilledMark, TIE_COLOURS } from './tie-styles';

/** The class of a type's marks in the map's own style sheet: `network-mark-0`, `network-mark-1`, ... */
const MARK_CLASS = Object.fromEntries(PARTNERSHIP_TYPES.map((type, i) => [type, `network-mark-${i}`])) as Record<PartnershipType, string>;
/** Sister ties (and "other") are filled dots, friendly cooperation ties rings (tie-styles.ts); radius 5 units. */
const MARK_STYLES = PARTNERSHIP_TYPES.map((type) => {
  const colour = TIE_COLOURS[type];
  return isFilledMark(type)
    ? `.${MARK_CLASS[type]}{r:5px;fill:${colour};stroke:#fff;stroke-width:1px}`
    : `.${MARK_CLASS[type]}{r:5px;fill:#fff;stroke:${colour};stroke-width:2.5px}`;
}).join('');

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

/** Props of NetworkMap. Only `home` and `partners` are required. */
export interface NetworkMapProps {
  /** The home locality (the centre of the map, where the arcs start); its name in the page's language. */
  home: { name: string; latitude: number | null; longitude: number | null };
  /** The partners to draw, in the order their marks take in the tab order (the list's order). */
  partners: MapPartner[];
  /** The map's accessible name; by default "Map of {home}'s partners". */
  title?: string;
  /**
   * A visually hidden note read after the map's name, pointing to the list alternative ("The table below lists
   * the same partners."). Give it whenever the page has one.
   */
  listNote?: string;
  /** The id of the element after the map that a "Skip the map" link (shown on focus) moves to. */
  skipTo?: string;
  /** Partners matching but left out by the caller (beyond a limit): the note under the map says so. */
  notShown?: number;
  /** The legend of the types of tie drawn (default true); a one-partner map may leave it out. */
  legend?: boolean;
  /** Extra classes for the outer <figure> (its width, margins). */
  className?: string;
}

/**
 * The home locality's network on a world map, as server-rendered SVG that needs no client JavaScript and no
 * network: a great-circle arc from home to each partner and a mark per partner, coloured by type of tie (sister
 * ties filled, friendly cooperation ties as rings), each mark a link with an accessible name and a tooltip such as
 * "Lahore, Pakistan, 2021". Marks follow the order of `partners`. The land path is computed once per process.
 * Used by the public directory, the partner page (one partner) and the staff dashboard (every partner).
 */
export async function NetworkMap(props: NetworkMapProps) {
  const t = await getTranslations('networkMap');
  const tType = await getTranslations('partnershipType');
  const { home, partners } = props;
  const homeAt: [number, number] | null =
    home.latitude !== null && home.longitude !== null ? [home.longitude, home.latitude] : null;
  const centre = homeAt ? homeAt[0] : 0;
  const frame = mapFrame(centre);
  const placed = partners.flatMap((p) => {
    if (p.latitude === null || p.longitude === null) return [];
    const at = projectPoint(frame, [p.longitude, p.latitude]);
    return at ? [{ partner: p, at, arc: homeAt ? arcPath(frame, homeAt, [p.longitude, p.latitude]) : null }] : [];
  });
  const unplaced = partners.length - placed.length;
  const homePoint = homeAt ? projectPoint(frame, homeAt) : null;
  const typesDrawn = PARTNERSHIP_TYPES.filter((type) => placed.some((p) => p.partner.type === type));
  const label = (p: MapPartner) =>
    p.year === null ? t('markLabelUndated', { name: p.name, country: p.country }) : t('markLabel', { name: p.name, country: p.country, year: String(p.year) });
  const noteId = `network-map-note-${props.skipTo ?? 'map'}`;

  const title = props.title ?? t('title', { home: home.name });
  const arcs = typesDrawn.map((type) => {
    const d = placed.flatMap(({ partner, arc }) => (arc && partner.type === type ? [arc] : [])).join('');
    return d ? `<path d="${d}" stroke="${TIE_COLOURS[type]}" vector-effect="non-scaling-stroke"/>` : '';
  });
  const marks = placed.map(({ partner, at }) => {
    const name = escapeXml(label(partner));
    return `<a href="${escapeXml(partner.href)}" aria-label="${name}"><title>${name}</title><circle cx="${at[0]}" cy="${at[1]}" class="${MARK_CLASS[partner.type]}"/></a>`;
  });
  const svg = [
    `<svg viewBox="0 0 ${MAP_WIDTH} ${frame.height}" role="group" aria-label="${escapeXml(title)}"`,
    props.listNote ? ` aria-describedby="${noteId}"` : '',
    ' class="block h-auto w-full rounded-lg border border-slate-200 bg-slate-50 print:border-slate-400">',
    // The land is the same drawing on every page: an image the browser fetches once (app/map/[file]).
    `<image href="/map/land-${Math.round(centre)}.svg" width="${MAP_WIDTH}" height="${frame.height}" aria-hidden="true"/>`,
    // One path per type of tie holding all its arcs, and one rule per type for its marks: each colour once.
    `<style>${MARK_STYLES}</style>`,
    `<g fill="none" stroke-width="1.25" stroke-opacity="0.7" aria-hidden="true">${arcs.join('')}</g>`,
    homePoint
      ? `<g aria-hidden="true"><title>${escapeXml(home.name)}</title><rect x="${homePoint[0] - 6}" y="${homePoint[1] - 6}" width="12" height="12" ` +
        `transform="rotate(45 ${homePoint[0]} ${homePoint[1]})" fill="#0f172a" stroke="#fff" stroke-width="1.5"/></g>`
      : '',
    // One set of classes for every mark, not one per mark: bigger on a phone, on hover and on focus.
    '<g class="max-sm:[&_circle]:[r:9] [&_a:hover_circle]:[r:7] [&_a:focus-visible_circle]:[r:8] [&_a:focus-visible_circle]:stroke-[#0f172a] [&_a:focus-visible_circle]:[stroke-width:3]">',
    marks.join(''),
    '</g></svg>',
  ].join('');

  return (
    <figure className={`space-y-2 break-inside-avoid ${props.className ?? ''}`}>
      {props.skipTo && (
        <a href={`#${props.skipTo}`} className="sr-only focus:not-sr-only focus:inline-block focus:rounded focus:bg-white focus:px-2 focus:py-1">
          {t('skip')}
        </a>
      )}
      {/* The drawing is written as one string: the page and React's payload carry it as text, instead of several
          hundred elements React would render one by one on every request (each name is escaped: escapeXml). */}
      <div dangerouslySetInnerHTML={{ __html: svg }} />
      {props.listNote && (
        <p id={noteId} className="sr-only">
          {props.listNote}
        </p>
      )}
      <figcaption className="space-y-1 text-sm text-slate-700">
        {props.legend !== false && (typesDrawn.length > 0 || homePoint) && (
          <ul aria-label={t('legend')} className="flex flex-wrap gap-x-4 gap-y-1">
            {homePoint && (
              <li className="flex items-center gap-1.5">
                <svg viewBox="0 0 12 12" className="h-3 w-3" aria-hidden="true">
                  <rect x={2} y={2} width={8} height={8} transform="rotate(45 6 6)" fill="#0f172a" />
                </svg>
                {home.name}
              </li>
            )}
            {typesDrawn.map((type) => (
              <li key={type} className="flex items-center gap-1.5">
                <svg viewBox="0 0 12 12" className="h-3 w-3" aria-hidden="true">
                  {isFilledMark(type) ? (
                    <circle cx={6} cy={6} r={5} fill={TIE_COLOURS[type]} />
                  ) : (
                    <circle cx={6} cy={6} r={4} fill="#fff" stroke={TIE_COLOURS[type]} strokeWidth={2.5} />
                  )}
                </svg>
                {tType(type)}
              </li>
            ))}
          </ul>
        )}
        {unplaced > 0 && <p>{t('unplaced', { count: unplaced })}</p>}
        {props.notShown !== undefined && props.notShown > 0 && (
          <p>{t('notShown', { shown: partners.length, total: partners.length + props.notShown })}</p>
        )}
      </figcaption>
    </figure>
  );
}
