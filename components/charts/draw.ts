import { escapeXml } from '@/components/map/geometry';
import { axisLabelClass, fitClass, NARROWEST, niceTicks, pct, px, textWidth } from './scale';
import { type ChartDatum, type DrawnSeries, totalOf, valueOf } from './series';

// The pieces of the charts' SVG, written as strings (as the map is: the page and React's payload carry one string
// instead of hundreds of elements). Every text and attribute that comes from a caller goes through escapeXml.
// x is a percentage of the chart's width, y a pixel from its top (see scale.ts).

/** Text size of labels and ticks, px. */
export const FONT = 11;
const INK = '#0f172a';
const TEXT = '#334155';
const GRID = '#cbd5e1';
const AXIS = '#64748b';
/** How a number is written for the page's language. */
export type Format = (n: number) => string;

/** The attributes that paint a series: solid with white seams between stacked parts, or a tint outlined in its colour. */
export function seriesPaint(s: DrawnSeries): string {
  const colour = escapeXml(s.colour);
  return s.tint ? `fill="${colour}" fill-opacity=".22" stroke="${colour}" stroke-width="1.5"` : `fill="${colour}" stroke="#fff"`;
}

/** An SVG text element, its content escaped; `cls` null means the text is left out. */
export function svgText(x: string, y: number, content: string, attrs: string, cls: string | null = ''): string {
  if (cls === null) return '';
  return `<text x="${x}" y="${px(y)}"${attrs ? ` ${attrs}` : ''}${cls ? ` class="${cls}"` : ''}>${escapeXml(content)}</text>`;
}

/** The outer <svg>: the chart's full width, `height` px high, hidden from assistive technology (the table speaks). */
export function svgRoot(height: number, body: string): string {
  return (
    `<svg width="100%" height="${Math.ceil(height)}" aria-hidden="true" focusable="false" font-size="${FONT}" fill="${TEXT}" ` +
    `class="block">${body}</svg>`
  );
}

/** Whether every number in the data is whole, so that ticks are too. */
export function allWhole(data: readonly ChartDatum[], series: readonly DrawnSeries[]): boolean {
  return data.every((d) => series.every((s) => Number.isInteger(valueOf(d, s.key))));
}

/**
 * The room (in % of the width) a column of labels needs at the narrowest chart: the widest label and a margin.
 * Capped at 40%, so that the plot keeps most of a phone's width.
 */
export function roomFor(labels: readonly string[]): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, FONT)));
  return Math.min(40, ((widest + 8) / NARROWEST) * 100);
}

/** Layout of horizontal bars, px: each row a label line and a bar under it. */
export const ROW = { height: 34, labelBaseline: 12, barTop: 16, barHeight: 14 } as const;

/**
 * Horizontal bars, one row per datum: its label on a line of its own above the bar (long names of countries and
 * fields need the whole width on a phone), the bar stacked by series, the total at its end, each part's value inside
 * it where it fits, round ticks under the rows. Returns the SVG.
 */
export function horizontalBars(data: readonly ChartDatum[], series: readonly DrawnSeries[], format: Format): string {
  const totals = data.map((d) => totalOf(d, series));
  const max = Math.max(0, ...totals);
  // The longest bar ends early enough for its value to fit after it; as many ticks as their labels leave room for.
  const right = 100 - roomFor(totals.map(format));
  const tickCount = Math.max(1, Math.min(4, Math.floor((right * NARROWEST) / 100 / (textWidth(format(max), FONT) + 16))));
  const ticks = niceTicks(max, tickCount, allWhole(data, series));
  const top = ticks.at(-1)!;
  const xOf = (v: number) => (right * v) / top;
  const bottom = data.length * ROW.height;
  const parts: string[] = [];

  parts.push(
    `<g stroke="${GRID}">`,
    ...ticks.map((t) => `<line x1="${pct(xOf(t))}" x2="${pct(xOf(t))}" y1="${ROW.barTop - 4}" y2="${bottom + 2}"/>`),
    '</g>',
  );
  for (const [si, s] of series.entries()) {
    const rects = data.flatMap((d, i) => {
      const v = valueOf(d, s.key);
      if (v === 0) return [];
      const start = series.slice(0, si).reduce((sum, o) => sum + valueOf(d, o.key), 0);
      return [`<rect x="${pct(xOf(start))}" y="${i * ROW.height + ROW.barTop}" width="${pct(xOf(v))}" height="${ROW.barHeight}"/>`];
    });
    if (rects.length > 0) parts.push(`<g ${seriesPaint(s)}>${rects.join('')}</g>`);
  }
  parts.push(`<line x1="0" x2="0" y1="${ROW.barTop - 4}" y2="${bottom + 2}" stroke="${AXIS}" stroke-width="2"/>`);
  for (const [i, d] of data.entries()) {
    const y = i * ROW.height;
    parts.push(svgText('0', y + ROW.labelBaseline, d.label, `fill="${INK}"`));
    parts.push(svgText(pct(xOf(totals[i]!)), y + ROW.barTop + 11, format(totals[i]!), 'dx="4"'));
    if (series.length < 2) continue;
    let start = 0;
    for (const s of series) {
      const v = valueOf(d, s.key);
      if (v > 0) {
        const text = format(v);
        const fits = fitClass(xOf(v) / 100, textWidth(text, FONT) + 6);
        parts.push(svgText(pct(xOf(start + v / 2)), y + ROW.barTop + 11, text, `text-anchor="middle" fill="${s.tint ? INK : '#fff'}"`, fits));
      }
      start += v;
    }
  }
  parts.push(
    ...ticks.map((t, i) =>
      svgText(pct(xOf(t)), bottom + 15, format(t), i === 0 ? '' : `text-anchor="middle"`),
    ),
  );
  return svgRoot(bottom + 20, parts.join(''));
}

/** A plot of columns: `top` and `height` in px; `left` and `right` the room kept beside it, in % of the width. */
export interface Plot {
  top: number;
  height: number;
  left: number;
  right: number;
}

/** Horizontal grid lines at `ticks`, their labels in the gutter left of the plot. */
export function gridLines(plot: Plot, ticks: readonly number[], format: Format): string {
  const top = ticks.at(-1)!;
  const yOf = (t: number) => px(plot.top + plot.height * (1 - t / top));
  const x2 = pct(100 - plot.right);
  return (
    `<g stroke="${GRID}">${ticks.map((t) => `<line x1="${pct(plot.left)}" x2="${x2}" y1="${yOf(t)}" y2="${yOf(t)}"/>`).join('')}</g>` +
    ticks.map((t) => svgText(pct(plot.left), yOf(t) + 4, format(t), 'dx="-4" text-anchor="end"')).join('')
  );
}

/** The width of one band (one datum's column), in % of the chart's width. */
export function bandWidth(plot: Plot, count: number): number {
  return (100 - plot.left - plot.right) / count;
}

/** The centre of band `i`, in % of the chart's width. */
export function bandCentre(plot: Plot, count: number, i: number): number {
  return plot.left + bandWidth(plot, count) * (i + 0.5);
}

/** Line height of a label wrapped under its column, px. */
const LINE = 13;

/** The labels under a row of bands, worked out before the plot is placed. */
export interface BandAxis {
  /** Each datum's label in lines: one, or two where a name is wider than its column on a phone ("North / America"). */
  lines: string[][];
  /** Whether labels are spaced by their number (years: 1980, 1985 ...) rather than their place. */
  numbered: boolean;
  /** The width the widest label needs, px. */
  widest: number;
  /** Room to keep right of the plot (% of the width), so that the last label is not cut at the edge. */
  right: number;
  /** Height of the labels under the axis, px. */
  height: number;
}

/** The labels of `data` as bands of a plot starting at `left` (% of the width). */
export function bandAxis(data: readonly ChartDatum[], left: number): BandAxis {
  const numbered = data.every((d) => /^-?\d+$/.test(d.key));
  const room = (((100 - left) / Math.max(1, data.length)) * NARROWEST) / 100 - 6;
  const lines = data.map((d) => (numbered || textWidth(d.label, FONT) <= room ? [d.label] : wrapInTwo(d.label)));
  const widest = Math.max(0, ...lines.flat().map((l) => textWidth(l, FONT)));
  const halfBand = (100 - left) / Math.max(1, data.length) / 2;
  const right = Math.max(0, ((widest / 2 + 2) / NARROWEST) * 100 - halfBand);
  return { lines, numbered, widest, right, height: 22 + LINE * (Math.max(1, ...lines.map((l) => l.length)) - 1) };
}

/** A label in two lines, split at the space nearest its middle (one line if it has no space). */
function wrapInTwo(label: string): string[] {
  const middle = label.length / 2;
  let at = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) if (at < 0 || Math.abs(i - middle) < Math.abs(at - middle)) at = i;
  return at < 0 ? [label] : [label.slice(0, at), label.slice(at + 1)];
}

/**
 * Columns stacked by series, one band per datum, on grid lines at `ticks` (whose last is the top of the plot), with
 * each column's total above it where the band is wide enough for it. Returns SVG elements (no root).
 */
export function columns(plot: Plot, data: readonly ChartDatum[], series: readonly DrawnSeries[], ticks: readonly number[], format: Format): string {
  const top = ticks.at(-1)!;
  const band = bandWidth(plot, data.length);
  const hOf = (v: number) => (plot.height * v) / top;
  const parts = [gridLines(plot, ticks, format)];
  for (const [si, s] of series.entries()) {
    const rects = data.flatMap((d, i) => {
      const v = valueOf(d, s.key);
      if (v === 0) return [];
      const below = series.slice(0, si).reduce((sum, o) => sum + valueOf(d, o.key), 0);
      const y = plot.top + plot.height - hOf(below + v);
      return [`<rect x="${pct(plot.left + band * (i + 0.15))}" y="${px(y)}" width="${pct(band * 0.7)}" height="${px(hOf(v))}"/>`];
    });
    if (rects.length > 0) parts.push(`<g ${seriesPaint(s)}>${rects.join('')}</g>`);
  }
  const base = plot.top + plot.height;
  parts.push(`<line x1="${pct(plot.left)}" x2="${pct(100 - plot.right)}" y1="${base}" y2="${base}" stroke="${AXIS}" stroke-width="1.5"/>`);
  for (const [i, d] of data.entries()) {
    const total = totalOf(d, series);
    if (total === 0) continue;
    const text = format(total);
    parts.push(svgText(pct(bandCentre(plot, data.length, i)), base - hOf(total) - 4, text, 'text-anchor="middle"', fitClass(band / 100, textWidth(text, FONT) + 2)));
  }
  return parts.join('');
}

/**
 * The labels under a row of bands (see bandAxis), thinned where they would crowd: a datum whose key is a whole number
 * (a year) is labelled when that number is a multiple of the step, others by their place; a small tick marks every band.
 */
export function bandLabels(plot: Plot, data: readonly ChartDatum[], axis: BandAxis): string {
  const base = plot.top + plot.height;
  const band = bandWidth(plot, data.length);
  // The ticks are one path in a plot stretched to one unit per band, so 48 years cost one element, not 48.
  const ticks = data.map((_, i) => `M${i + 0.5} 0v4`).join('');
  return (
    `<svg x="${pct(plot.left)}" y="${base}" width="${pct(100 - plot.left - plot.right)}" height="4" viewBox="0 0 ${data.length} 4" preserveAspectRatio="none">` +
    `<path d="${ticks}" stroke="${AXIS}" vector-effect="non-scaling-stroke"/></svg>` +
    data
      .map((d, i) => {
        const cls = axisLabelClass(axis.numbered ? Number(d.key) : i, band / 100, axis.widest + 6);
        if (cls === null) return '';
        const x = pct(bandCentre(plot, data.length, i));
        const [first, ...more] = axis.lines[i]!;
        return (
          `<text x="${x}" y="${base + 16}" text-anchor="middle"${cls ? ` class="${cls}"` : ''}>${escapeXml(first!)}` +
          more.map((line) => `<tspan x="${x}" dy="${LINE}">${escapeXml(line)}</tspan>`).join('') +
          '</text>'
        );
      })
      .join('')
  );
}
