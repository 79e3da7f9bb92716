import { getLocale, getTranslations } from 'next-intl/server';
import { drawNetworkMap, layOutMap, type MapHome, type MapPartner } from './drawing';
import { MAP_WIDTH } from './geometry';
import { isFilledMark, TIE_COLOURS } from './tie-styles';

import type { Locale } from '@/lib/i18n/routing';

export type { MapHome, MapPartner };

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
  /**
   * The address of the same drawing served as a document of its own (the public directory's /map/partners-en.svg
   * with its filters), framed instead of written into the page. `partners` still gives the legend and the notes.
   */
  document?: string;
  /** The page's language, for a map drawn where the request's is not known (in a 'use cache' scope). */
  locale?: Locale;
}

/** The words of a mark's name and tooltip in the current language: "Lahore, Pakistan, 2021", "Busan, South Korea". */
export async function mapMarkLabel(locale?: Locale): Promise<(partner: MapPartner) => string> {
  const t = await getTranslations({ locale: locale ?? ((await getLocale()) as Locale), namespace: 'networkMap' });
  return (p) =>
    p.year === null ? t('markLabelUndated', { name: p.name, country: p.country }) : t('markLabel', { name: p.name, country: p.country, year: String(p.year) });
}

/**
 * The home locality's network on a world map, as server-rendered SVG that needs no client JavaScript and no
 * network: a great-circle arc from home to each partner and a mark per partner, coloured by type of tie (sister
 * ties filled, friendly cooperation ties as rings), each mark a link with an accessible name and a tooltip such as
 * "Lahore, Pakistan, 2021". Marks follow the order of `partners`. The land path is computed once per process.
 * Used by the public directory, the partner page (one partner) and the staff dashboard (every partner).
 */
export async function NetworkMap(props: NetworkMapProps) {
  const { home, partners } = props;
  const locale = props.locale ?? ((await getLocale()) as Locale);
  const [t, tType] = await Promise.all([
    getTranslations({ locale, namespace: 'networkMap' }),
    getTranslations({ locale, namespace: 'partnershipType' }),
  ]);
  const layout = layOutMap(home, partners);
  const { homePoint, typesDrawn, unplaced } = layout;
  const noteId = `network-map-note-${props.skipTo ?? 'map'}`;
  const title = props.title ?? t('title', { home: home.name });
  const label = await mapMarkLabel(locale);
  const drawing = props.document ? null : drawNetworkMap(layout, title, label, home.name, { kind: 'inline', describedBy: props.listNote ? noteId : undefined });

  return (
    <figure className={`space-y-2 break-inside-avoid ${props.className ?? ''}`}>
      {props.skipTo && (
        <a href={`#${props.skipTo}`} className="sr-only focus:not-sr-only focus:inline-block focus:rounded focus:bg-white focus:px-2 focus:py-1">
          {t('skip')}
        </a>
      )}
      {props.document ? (
        // The drawing as a document of its own (app/map/[file]): the frame is as wide as the page allows and as
        // tall as the map's proportions; its marks open their pages in the whole window.
        <iframe
          src={props.document}
          title={title}
          aria-describedby={props.listNote ? noteId : undefined}
          style={{ aspectRatio: `${MAP_WIDTH} / ${layout.height}` }}
          className="block w-full rounded-lg border border-slate-200 bg-slate-50 print:border-slate-400"
        />
      ) : (
        // The drawing is written as one string: the page and React's payload carry it as text, instead of several
        // hundred elements React would render one by one on every request (each name is escaped: escapeXml).
        <div dangerouslySetInnerHTML={{ __html: drawing! }} />
      )}
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
