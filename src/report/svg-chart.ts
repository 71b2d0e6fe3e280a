/**
 * Charts as SVG text, for documents made without React (the evaluation report's HTML and PDF).
 * Series are told apart by line pattern and marker as well as colour; a year without a value
 * breaks the line instead of joining across it; each chart has a title and a description.
 */
import { escapeHtml } from './html.ts';

/** Round numbers for an axis: min .. a little above max, in 4-6 steps. */
export function niceTicks(max: number, min = 0): number[] {
  const span = max - min || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => span / s <= 6) ?? 10 * mag;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 0.999; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

export interface SvgSeries {
  readonly name: string;
  /** One value per category, null where there is none. */
  readonly values: readonly (number | null)[];
}

const STYLES = [
  { stroke: '#005ea2', dash: '', marker: (x: number, y: number, c: string) => `<circle cx="${x}" cy="${y}" r="4" fill="${c}"/>` },
  { stroke: '#c05600', dash: '6 3', marker: (x: number, y: number, c: string) => `<rect x="${x - 4}" y="${y - 4}" width="8" height="8" fill="${c}"/>` },
  { stroke: '#538200', dash: '2 3', marker: (x: number, y: number, c: string) => `<path d="M${x},${y - 5}L${x + 5},${y + 4}L${x - 5},${y + 4}Z" fill="${c}"/>` },
] as const;

const r = (v: number) => Math.round(v * 10) / 10;

export interface LineChartSvg {
  readonly title: string;
  readonly description: string;
  readonly categories: readonly string[];
  readonly series: readonly SvgSeries[];
  readonly format: (v: number) => string;
  readonly min?: number;
}

/** A line chart over categories (school years), as an SVG element with a legend. */
export function lineChartSvg({ title, description, categories, series, format, min }: LineChartSvg): string {
  const W = 720;
  const H = 280;
  const left = 60;
  const right = 36;
  const top = 34;
  const bottom = 40;
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const lo = min ?? Math.min(0, ...values);
  const ticks = niceTicks(Math.max(...values, lo + 1e-9), lo);
  const yMin = ticks[0]!;
  const yMax = ticks.at(-1)!;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const x = (i: number) => r(left + (categories.length <= 1 ? plotW / 2 : (i / (categories.length - 1)) * plotW));
  const y = (v: number) => r(top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH);
  const every = Math.max(1, Math.ceil(categories.length / 8));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title><desc>${escapeHtml(description)}</desc>`);
  for (const t of ticks) parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(t)}" y2="${y(t)}" stroke="#dfe1e2"/><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end" font-size="12" fill="#1b1b1b">${escapeHtml(format(t))}</text>`);
  categories.forEach((c, i) => {
    if (i % every === 0 || i === categories.length - 1) parts.push(`<text x="${x(i)}" y="${H - bottom + 18}" text-anchor="middle" font-size="11" fill="#1b1b1b">${escapeHtml(c)}</text>`);
  });
  series.forEach((s, k) => {
    const st = STYLES[k % STYLES.length]!;
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i)},${y(v)}`;
      pen = true;
    });
    parts.push(`<path d="${d}" fill="none" stroke="${st.stroke}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`);
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(st.marker(x(i), y(v), st.stroke));
    });
    // The legend, across the top.
    const lx = left + k * 260;
    parts.push(`<line x1="${lx}" x2="${lx + 30}" y1="12" y2="12" stroke="${st.stroke}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>${st.marker(lx + 15, 12, st.stroke)}<text x="${lx + 38}" y="16" font-size="12" fill="#1b1b1b">${escapeHtml(s.name)}</text>`);
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(yMin)}" y2="${y(yMin)}" stroke="#1b1b1b"/></svg>`);
  return parts.join('');
}
