/**
 * Charts drawn as SVG on the server: readable without JavaScript, printable, and accessible —
 * each has a title, a one-sentence summary and its data as a table. Series are told apart by
 * marker shape and line pattern as well as colour, and values are printed on bars.
 */
import { useId, type ReactNode } from 'react';
import { niceTicks } from '../../src/report/svg-chart.ts';
import { ScrollX } from './scroll-x.tsx';

export interface ChartTableProps {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ReactNode[])[];
  readonly numeric?: readonly boolean[];
  readonly summaryLabel: string;
}

/** The figures behind a chart, in a table a screen reader (and a printer) can read. */
export function ChartTable({ caption, columns, rows, numeric, summaryLabel }: ChartTableProps) {
  return (
    <details className="data-table">
      <summary>{summaryLabel}</summary>
      <ScrollX label={caption}>
        <table className="usa-table usa-table--compact">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c, i) => (
                <th key={c} scope="col" className={numeric?.[i] ? 'numeric' : undefined}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} className={numeric?.[j] ? 'numeric' : undefined}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </details>
  );
}

export interface BarChartProps {
  readonly title: string;
  readonly summary: string;
  readonly data: readonly { label: string; value: number; note?: string }[];
  readonly format: (v: number) => string;
  /** The axis's labels, given each tick and the largest (for a unit that fits, e.g. formatMoneyAxis). */
  readonly axisFormat?: (v: number, max: number) => string;
  readonly table: Omit<ChartTableProps, 'rows'> & { rows?: ChartTableProps['rows'] };
}

export function BarChart({ title, summary, data, format, axisFormat, table }: BarChartProps) {
  const id = useId();
  const W = 760;
  const H = 300;
  const left = 70;
  const bottom = 40;
  const top = 24;
  const max = Math.max(1, ...data.map((d) => d.value));
  const ticks = niceTicks(max);
  const yMax = ticks.at(-1)!;
  const plotH = H - top - bottom;
  const band = (W - left - 10) / Math.max(1, data.length);
  const y = (v: number) => top + plotH - (v / yMax) * plotH;
  return (
    <figure className="figure">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} width={W} height={H}>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={W - 10} y1={y(t)} y2={y(t)} stroke="#dfe1e2" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#1b1b1b">
              {axisFormat ? axisFormat(t, yMax) : format(t)}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const x = left + i * band + band * 0.15;
          const w = band * 0.7;
          return (
            <g key={d.label}>
              <rect x={x} y={y(d.value)} width={w} height={Math.max(0, y(0) - y(d.value))} fill={d.note ? '#73b3e7' : '#005ea2'} stroke="#162e51" strokeDasharray={d.note ? '4 2' : undefined}>
                <title>{`${d.label}: ${format(d.value)}${d.note ? ` (${d.note})` : ''}`}</title>
              </rect>
              <text x={x + w / 2} y={H - bottom + 16} textAnchor="middle" fontSize="11" fill="#1b1b1b">
                {d.label}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={W - 10} y1={y(0)} y2={y(0)} stroke="#1b1b1b" />
      </svg>
      <p className="chart-summary">{summary}</p>
      <ChartTable {...table} rows={table.rows ?? data.map((d) => [d.label, format(d.value), ...(d.note !== undefined ? [d.note] : [])])} />
    </figure>
  );
}

export interface LineSeries {
  readonly name: string;
  readonly points: readonly { x: string; y: number }[];
}

const SERIES_STYLE = [
  { stroke: '#005ea2', dash: undefined, marker: 'circle' },
  { stroke: '#c05600', dash: '6 3', marker: 'square' },
  { stroke: '#538200', dash: '2 3', marker: 'triangle' },
  { stroke: '#5c1111', dash: '10 3 2 3', marker: 'diamond' },
] as const;

function Marker({ kind, x, y, color }: { kind: (typeof SERIES_STYLE)[number]['marker']; x: number; y: number; color: string }) {
  switch (kind) {
    case 'circle':
      return <circle cx={x} cy={y} r={4} fill={color} />;
    case 'square':
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
    case 'triangle':
      return <path d={`M${x},${y - 5}L${x + 5},${y + 4}L${x - 5},${y + 4}Z`} fill={color} />;
    case 'diamond':
      return <path d={`M${x},${y - 5}L${x + 5},${y}L${x},${y + 5}L${x - 5},${y}Z`} fill={color} />;
  }
}

export interface LineChartProps {
  readonly title: string;
  readonly summary: string;
  readonly series: readonly LineSeries[];
  readonly format: (v: number) => string;
  readonly min?: number;
  readonly table: Omit<ChartTableProps, 'rows' | 'columns'> & { firstColumn: string };
}

export function LineChart({ title, summary, series, format, min, table }: LineChartProps) {
  const id = useId();
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const values = series.flatMap((s) => s.points.map((p) => p.y));
  const W = 760;
  const H = 280;
  const left = 64;
  const right = 20;
  const top = 20;
  const bottom = 44;
  const lo = min ?? Math.min(0, ...values);
  const ticks = niceTicks(Math.max(...values, lo + 1), lo);
  const yMin = ticks[0]!;
  const yMax = ticks.at(-1)!;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const x = (label: string) => left + (xs.length <= 1 ? plotW / 2 : (xs.indexOf(label) / (xs.length - 1)) * plotW);
  const y = (v: number) => top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const labelEvery = Math.max(1, Math.ceil(xs.length / 10));
  return (
    <figure className="figure">
      <figcaption id={`${id}-t`}>{title}</figcaption>
      {series.length > 1 ? (
        <ul className="map-legend" aria-hidden="true">
          {series.map((s, i) => {
            const st = SERIES_STYLE[i % SERIES_STYLE.length]!;
            return (
              <li key={s.name}>
                <svg width="36" height="12" aria-hidden="true">
                  <line x1="0" x2="36" y1="6" y2="6" stroke={st.stroke} strokeWidth="2" strokeDasharray={st.dash} />
                  <Marker kind={st.marker} x={18} y={6} color={st.stroke} />
                </svg>
                {s.name}
              </li>
            );
          })}
        </ul>
      ) : null}
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} width={W} height={H}>
        <desc id={`${id}-d`}>{summary}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={W - right} y1={y(t)} y2={y(t)} stroke="#dfe1e2" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize="12" fill="#1b1b1b">
              {format(t)}
            </text>
          </g>
        ))}
        {xs.map((label, i) =>
          i % labelEvery === 0 || i === xs.length - 1 ? (
            <text key={label} x={x(label)} y={H - bottom + 18} textAnchor="middle" fontSize="11" fill="#1b1b1b">
              {label}
            </text>
          ) : null,
        )}
        {series.map((s, i) => {
          const st = SERIES_STYLE[i % SERIES_STYLE.length]!;
          const pts = [...s.points].sort((a, b) => (a.x < b.x ? -1 : 1));
          return (
            <g key={s.name}>
              <path d={pts.map((p, k) => `${k ? 'L' : 'M'}${x(p.x)},${y(p.y)}`).join('')} fill="none" stroke={st.stroke} strokeWidth="2" strokeDasharray={st.dash} />
              {pts.map((p) => (
                <g key={p.x}>
                  <Marker kind={st.marker} x={x(p.x)} y={y(p.y)} color={st.stroke} />
                  <title>{`${s.name}, ${p.x}: ${format(p.y)}`}</title>
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      <p className="chart-summary">{summary}</p>
      <ChartTable
        caption={table.caption}
        summaryLabel={table.summaryLabel}
        columns={[table.firstColumn, ...series.map((s) => s.name)]}
        numeric={[false, ...series.map(() => true)]}
        rows={xs.map((label) => [label, ...series.map((s) => {
          const p = s.points.find((q) => q.x === label);
          return p ? format(p.y) : '—';
        })])}
      />
    </figure>
  );
}
