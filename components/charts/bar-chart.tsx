import { ChartFigure, type ChartFrameProps, type ChartTable, type ChartText } from './chart-figure';
import { allWhole, bandAxis, bandLabels, columns, type Format, horizontalBars, roomFor, svgRoot } from './draw';
import { niceTicks } from './scale';
import { type ChartDatum, type ChartSeries, type DrawnSeries, seriesDrawn, totalOf, valueOf } from './series';

/** Props of BarChart. */
export interface BarChartProps extends ChartFrameProps {
  /** The page's locale ("en", "zh"): numbers are written for it. */
  locale: string;
  /** The bars, in the order drawn (top to bottom, or left to right): sort them as the reader should compare them. */
  data: ChartDatum[];
  /**
   * What each bar is made of, stacked in this order: one series for plain bars (its label heads the table's column),
   * several for stacked bars with a legend and a total column. Series with no value anywhere are left out.
   */
  series: ChartSeries[];
  /**
   * 'horizontal' (default): a row per bar, its label above it, for long names (countries, fields of cooperation) and
   * long lists; 'vertical': columns with their labels under the axis, for years and other short labels.
   */
  orientation?: 'horizontal' | 'vertical';
  /** Strings around the chart; `category` heads the table's first column: "Country", "Year". */
  text: ChartText & { category: string };
  /** How the numbers are written (Intl.NumberFormat options), e.g. a unit: { style: 'unit', unit: 'kilogram' }. */
  numberFormat?: Intl.NumberFormatOptions;
}

/** Height of the plot of vertical bars, px, and the room above it for the tallest column's total. */
const COLUMN_PLOT = { top: 18, height: 200 };

/**
 * A bar chart drawn on the server as SVG: categories (countries, continents, fields, years) as bars, optionally stacked
 * by series (types of tie, kinds of activity), with round ticks, each bar's total at its end, a legend for stacked
 * series and the numbers in a table below. No client JavaScript.
 */
export function BarChart(props: BarChartProps) {
  const { data } = props;
  const series = seriesDrawn(props.series, data);
  const format: Format = new Intl.NumberFormat(props.locale, props.numberFormat).format;
  const svg = data.length === 0 ? null : props.orientation === 'vertical' ? verticalBars(data, series, format) : horizontalBars(data, series, format);
  return <ChartFigure {...props} svg={svg} legend={series} table={barTable(data, series, format, props.text)} />;
}

function verticalBars(data: readonly ChartDatum[], series: readonly DrawnSeries[], format: Format): string {
  const ticks = niceTicks(Math.max(0, ...data.map((d) => totalOf(d, series))), 5, allWhole(data, series));
  const left = roomFor(ticks.map(format));
  const axis = bandAxis(data, left);
  const plot = { ...COLUMN_PLOT, left, right: axis.right };
  return svgRoot(plot.top + plot.height + axis.height, columns(plot, data, series, ticks, format) + bandLabels(plot, data, axis));
}

function barTable(data: readonly ChartDatum[], series: readonly DrawnSeries[], format: Format, text: BarChartProps['text']): ChartTable {
  const stacked = series.length > 1;
  return {
    rowHeader: text.category,
    columns: [...series.map((s) => s.label), ...(stacked ? [text.total] : [])],
    rows: data.map((d) => ({
      key: d.key,
      label: d.label,
      cells: [...series.map((s) => format(valueOf(d, s.key))), ...(stacked ? [format(totalOf(d, series))] : [])],
    })),
  };
}
