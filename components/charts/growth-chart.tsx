import { ChartFigure, type ChartFrameProps, type ChartText } from './chart-figure';
import { allWhole, bandAxis, bandCentre, bandLabels, columns, type Format, gridLines, roomFor, svgRoot, svgText } from './draw';
import { niceTicks, pct, px } from './scale';
import { type ChartDatum, type ChartSeries, type DrawnSeries, seriesDrawn, totalOf, valueOf } from './series';

/** The numbers of one year: how many ties of each series (type) were established in it. */
export interface GrowthYear {
  /** The year, e.g. 1979. */
  year: number;
  /** Ties established that year by series key (the type of tie); missing is 0. */
  values: Partial<Record<string, number>>;
}

/** Props of GrowthChart. */
export interface GrowthChartProps extends ChartFrameProps {
  /** The page's locale ("en", "zh"): numbers are written for it. */
  locale: string;
  /** The years that have any tie, in any order; a year between `from` and `to` without an entry counts 0. */
  years: GrowthYear[];
  /** What each year's column is made of, stacked in this order (tieSeries for types of tie). Empty series are left out. */
  series: ChartSeries[];
  /** The first year on the axis; default the earliest year given. Years given before it count into the line's start. */
  from?: number;
  /** The last year on the axis (this year, so that the axis runs to today); default the latest year given. Years given after it are left out. */
  to?: number;
  /**
   * Ties established before the axis and not in `years`, where the line starts; default 0. Ties with no year recorded
   * belong in no year: leave them out and say so in `description`, rather than start the line with them.
   */
  before?: number;
  /**
   * Strings around the chart: `year` heads the table's first column ("Year"), `perYear` names the columns' panel and
   * table column ("New that year"), `cumulative` the line's ("Total to date").
   */
  text: ChartText & { year: string; perYear: string; cumulative: string };
}

/** The two panels sharing the year axis, px: the cumulative line above, the columns of each year below. */
const LINE_PLOT = { top: 24, height: 96 };
const COLUMN_PLOT = { top: 152, height: 110 };
const PANEL_TITLE_GAP = 12;
const INK = '#0f172a';
const BOLD = `fill="${INK}" font-weight="600"`;

/**
 * The growth of the network: ties established each year as columns stacked by type, and the running total as a line
 * above them, in two panels on one year axis (two scales on one plot would make a reader compare a column of 3 with a
 * line at 90 as if alike). Year labels thin out to every 5th or 10th year where the chart is narrow (48 years on a
 * 375 px phone); the total of each year shows above its column where there is room. The table lists each year that
 * has a tie, with its numbers by type, its total and the total to date.
 */
export function GrowthChart(props: GrowthChartProps) {
  const given = props.years.filter((y) => Number.isInteger(y.year));
  const from = props.from ?? Math.min(...given.map((y) => y.year));
  const to = props.to ?? Math.max(...given.map((y) => y.year));
  const byYear = new Map(given.map((y) => [y.year, y.values]));
  const data: ChartDatum[] = [];
  for (let year = from; year <= to; year++) data.push({ key: String(year), label: String(year), values: byYear.get(year) ?? {} });

  const series = seriesDrawn(props.series, data);
  const format: Format = new Intl.NumberFormat(props.locale).format;
  // Ties of years given before the axis starts count into where the line starts.
  const earlier = given.filter((y) => y.year < from).reduce((sum, y) => sum + totalOf(y, props.series), 0);
  let running = (props.before ?? 0) + earlier;
  const cumulative = data.map((d) => (running += totalOf(d, series)));
  const drawn = data.length > 0 && running > 0;
  const stacked = series.length > 1;

  const rows = data.flatMap((d, i) => {
    const total = totalOf(d, series);
    if (total === 0) return [];
    const parts = stacked ? series.map((s) => format(valueOf(d, s.key))) : [];
    return [{ key: d.key, label: d.label, cells: [...parts, format(total), format(cumulative[i]!)] }];
  });
  const table = {
    rowHeader: props.text.year,
    columns: [...(stacked ? series.map((s) => s.label) : []), props.text.perYear, props.text.cumulative],
    rows,
  };
  return (
    <ChartFigure {...props} svg={drawn ? growthSvg(data, series, cumulative, format, props.text) : null} legend={series} table={table} />
  );
}

function growthSvg(data: ChartDatum[], series: DrawnSeries[], cumulative: number[], format: Format, text: GrowthChartProps['text']): string {
  const lineTicks = niceTicks(cumulative.at(-1)!, 3);
  const columnTicks = niceTicks(Math.max(...data.map((d) => totalOf(d, series))), 3, allWhole(data, series));
  const left = roomFor([...lineTicks, ...columnTicks].map(format));
  const axis = bandAxis(data, left);
  const line = { ...LINE_PLOT, left, right: axis.right };
  const cols = { ...COLUMN_PLOT, left, right: axis.right };
  const top = lineTicks.at(-1)!;
  const n = data.length;

  // The line is drawn in a plot stretched to one unit per year and one per tie, so its points are short whole numbers;
  // its stroke keeps its width however the plot is stretched.
  const points = cumulative.map((c, i) => `${i + 0.5},${top - c}`).join(' ');
  const last = cumulative.at(-1)!;
  const lastX = pct(bandCentre(line, n, n - 1));
  const lastY = px(line.top + line.height * (1 - last / top));
  const body = [
    svgText('0', LINE_PLOT.top - PANEL_TITLE_GAP, text.cumulative, BOLD),
    gridLines(line, lineTicks, format),
    `<svg x="${pct(left)}" y="${line.top}" width="${pct(100 - left - axis.right)}" height="${line.height}" viewBox="0 0 ${n} ${top}" preserveAspectRatio="none">`,
    `<polygon points="0.5,${top} ${points} ${n - 0.5},${top}" fill="#e2e8f0"/>`,
    `<polyline points="${points}" fill="none" stroke="${INK}" stroke-width="2" stroke-linejoin="round" vector-effect="non-scaling-stroke"/></svg>`,
    `<circle cx="${lastX}" cy="${lastY}" r="3" fill="${INK}"/>`,
    svgText(lastX, lastY - 7, format(last), `text-anchor="end" ${BOLD}`),
    svgText('0', COLUMN_PLOT.top - PANEL_TITLE_GAP, text.perYear, BOLD),
    columns(cols, data, series, columnTicks, format),
    bandLabels(cols, data, axis),
  ];
  return svgRoot(cols.top + cols.height + axis.height, body.join(''));
}
