import { PARTNERSHIP_TYPES, type PartnershipType } from '@/lib/domain';
import { isFilledMark, TIE_COLOURS } from '@/components/map/tie-styles';

/** One series of a chart: a part of each stacked bar, an entry in the legend, a column of the table. */
export interface ChartSeries {
  /** The key of its numbers in each datum's `values`. */
  key: string;
  /** Its name in the page's language, for the legend and the table's header: "Sister city", "友好城市". */
  label: string;
  /**
   * A CSS colour with at least 4.5:1 contrast against white (Tailwind's 700 shades), since white labels are written on
   * it. Types of tie take theirs from the map (tieSeries). Default: SERIES_COLOURS in order.
   */
  colour?: string;
  /**
   * Drawn as a pale tint outlined in its colour rather than solid, as the map draws friendly cooperation ties as rings
   * beside solid sister ties: two families of series stay apart in grey print and for colour-blind readers.
   */
  tint?: boolean;
}

/** One category of a chart (a bar), or one year of the growth chart. */
export interface ChartDatum {
  /** Unique among the data: a country code, a year, a field's key. A whole number (a year) also spaces axis labels. */
  key: string;
  /** Its name in the page's language: "Japan", "2021", "Culture". */
  label: string;
  /** Its numbers by series key: non-negative, in the chart's unit (a count, or as `numberFormat` says); missing is 0. */
  values: Partial<Record<string, number>>;
}

/**
 * Colours for series that are not types of tie (kinds of activity, say): Tailwind's 700 shades, each 4.5:1 or more
 * against white, neighbours far apart in hue.
 */
export const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#047857', '#7e22ce', '#be123c', '#0e7490', '#4d7c0f', '#c2410c', '#475569'];

/**
 * The types of tie as chart series, in the domain's order, with the map's colour for each (TIE_COLOURS) and friendly
 * cooperation ties tinted as the map draws them as rings: a type of tie has one look on the whole dashboard.
 * `label` names a type in the page's language (next-intl's `getTranslations('partnershipType')`).
 */
export function tieSeries(label: (type: PartnershipType) => string, types: readonly PartnershipType[] = PARTNERSHIP_TYPES): ChartSeries[] {
  return types.map((type) => ({ key: type, label: label(type), colour: TIE_COLOURS[type], tint: !isFilledMark(type) }));
}

/** A series with its colour settled. */
export type DrawnSeries = ChartSeries & { colour: string };

/** The value of a datum for a series: 0 when missing, negative or not a finite number. */
export function valueOf(datum: Pick<ChartDatum, 'values'>, key: string): number {
  const v = datum.values[key];
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0;
}

/** The series that have a value somewhere in `data` (all of them when none has), each with its colour. */
export function seriesDrawn(series: readonly ChartSeries[], data: readonly ChartDatum[]): DrawnSeries[] {
  const coloured = series.map((s, i) => ({ ...s, colour: s.colour ?? SERIES_COLOURS[i % SERIES_COLOURS.length]! }));
  const used = coloured.filter((s) => data.some((d) => valueOf(d, s.key) > 0));
  return used.length > 0 ? used : coloured;
}

/** A datum's total over the drawn series. */
export function totalOf(datum: Pick<ChartDatum, 'values'>, series: readonly ChartSeries[]): number {
  return series.reduce((sum, s) => sum + valueOf(datum, s.key), 0);
}
