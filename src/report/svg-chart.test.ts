import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlTable } from './html.ts';
import { lineChartSvg, niceTicks } from './svg-chart.ts';

describe('report HTML pieces', () => {
  it('escapes every character that could open markup or end an attribute', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const t = htmlTable({ caption: 'A <b>', columns: [{ header: 'Year' }, { header: 'Rate', numeric: true }], rows: [['2019-20', '<script>']] });
    expect(t).not.toContain('<script>');
    expect(t).toContain('<th scope="row">2019-20</th><td class="num">&lt;script&gt;</td>');
  });

  it('breaks a line at a year without a value instead of joining across it', () => {
    const svg = lineChartSvg({ title: 'T & U', description: 'd', categories: ['a', 'b', 'c', 'd'], series: [{ name: 'S', values: [0.5, null, 0.6, 0.7] }], format: String, min: 0 });
    const path = /<path d="([^"]+)" fill="none"/.exec(svg)![1]!;
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(1);
    expect(svg).toContain('<title>T &amp; U</title>');
    // Three markers for three values.
    expect(svg.match(/<circle /g)).toHaveLength(3 + 1 /* the legend's */);
  });

  it('axis ticks are round and cover the range', () => {
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.93, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const t = niceTicks(87, 12);
    expect(t[0]!).toBeLessThanOrEqual(12);
    expect(t.at(-1)!).toBeGreaterThanOrEqual(87);
  });
});
