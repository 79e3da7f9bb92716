import type { DrawnSeries } from './series';

/** The strings every chart shows around its drawing, in the page's language (the catalogue's `charts` namespace). */
export interface ChartText {
  /** The disclosure that opens the table: "Show the figures". */
  showData: string;
  /** The header of the total column, when bars are stacked: "Total". */
  total: string;
  /** Said instead of a chart when there is nothing to draw: "Nothing recorded yet." */
  empty: string;
}

/** What a chart's frame shows: the same for every kind of chart. */
export interface ChartFrameProps {
  /** The chart's heading, also its table's caption: "Partners by country". */
  title: string;
  /** The level of the heading, by where the chart sits in the page (default 3: under a section's h2). */
  headingLevel?: 2 | 3 | 4;
  /** A sentence under the heading saying what the chart shows or what stands out; plain text. */
  description?: string;
  /** Open the table from the start rather than behind its disclosure (it is always open in print). */
  tableOpen?: boolean;
  /**
   * Extra classes for the outer <figure> (margins, grid placement). The figure is a size container (its labels follow
   * its width), so its width must come from its parent: a block, or a grid track such as `1fr`, not `auto`/`max-content`.
   */
  className?: string;
}

/** A table of the chart's numbers: the header of the row names' column, the numbers' columns and the rows. */
export interface ChartTable {
  rowHeader: string;
  columns: string[];
  rows: { key: string; label: string; cells: string[] }[];
}

/**
 * A chart's frame: a <figure> whose caption is the heading (and description), the drawing, the legend, and the data
 * table in a <details> (open in print). The drawing is hidden from assistive technology and the table is its
 * accessible version: a screen reader walks the table cell by cell with its headers, where an image could only give
 * one sentence that either repeats the heading or drops the numbers. The legend only keys the drawing's colours, so
 * it is hidden too; the table's headers name the same series.
 */
export function ChartFigure(props: ChartFrameProps & { svg: string | null; legend: readonly DrawnSeries[]; table: ChartTable; text: ChartText }) {
  const Heading = `h${props.headingLevel ?? 3}` as const;
  return (
    <figure className={`@container space-y-3 ${props.className ?? ''}`}>
      <figcaption className="space-y-1 print:break-after-avoid">
        <Heading className="text-base font-semibold text-slate-900">{props.title}</Heading>
        {props.description && <p className="text-sm text-slate-700">{props.description}</p>}
      </figcaption>
      {props.svg === null ? (
        <p className="text-sm text-slate-700">{props.text.empty}</p>
      ) : (
        <>
          <div className="space-y-2 break-inside-avoid">
            {/* One string, as the map's drawing: every name in it escaped (draw.ts). */}
            <div dangerouslySetInnerHTML={{ __html: props.svg }} />
            {props.legend.length > 1 && <Legend series={props.legend} />}
          </div>
          <details
            open={props.tableOpen}
            className="text-sm print:[&>summary]:hidden print:details-content:block print:details-content:[content-visibility:visible]"
          >
            <summary className="cursor-pointer text-brand-700 underline">{props.text.showData}</summary>
            <NumberTable title={props.title} table={props.table} />
          </details>
        </>
      )}
    </figure>
  );
}

function Legend({ series }: { series: readonly DrawnSeries[] }) {
  return (
    <ul aria-hidden="true" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <svg viewBox="0 0 12 12" className="h-3 w-3 shrink-0">
            {s.tint ? (
              <rect x={0.75} y={0.75} width={10.5} height={10.5} fill={s.colour} fillOpacity={0.22} stroke={s.colour} strokeWidth={1.5} />
            ) : (
              <rect width={12} height={12} fill={s.colour} />
            )}
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The numbers as a table: row names as row headers, numbers right-aligned in tabular figures. Its box scrolls sideways
 * on a phone, so it takes focus (a keyboard user can scroll it) and is a region named by the chart.
 */
function NumberTable({ title, table }: { title: string; table: ChartTable }) {
  return (
    <div tabIndex={0} role="region" aria-label={title} className="mt-2 overflow-x-auto rounded-lg border border-slate-200 print:overflow-visible">
      {/* Cells take their styles from the table, not each its own class list: a table of 48 years is half the size. */}
      <table className="w-full text-sm [&_td]:px-3 [&_td]:py-1.5 [&_td]:text-right [&_td]:tabular-nums [&_th]:px-3 [&_tr]:break-inside-avoid">
        <caption className="sr-only">{title}</caption>
        <thead className="bg-slate-50 text-slate-700 [&_th]:py-2 [&_th]:font-semibold">
          <tr>
            <th scope="col" className="text-left">
              {table.rowHeader}
            </th>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className="text-right">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 [&_th]:py-1.5 [&_th]:text-left [&_th]:font-normal">
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
