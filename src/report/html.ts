/** Writing HTML as text, safely: every value goes through {@link escapeHtml}. */

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface HtmlTable {
  readonly caption: string;
  readonly columns: readonly { readonly header: string; readonly numeric?: boolean }[];
  /** Cells as plain text (escaped here); the first cell of each row is its header. */
  readonly rows: readonly (readonly (string | number)[])[];
}

/** A table with a caption, column headers and row headers. */
export function htmlTable({ caption, columns, rows }: HtmlTable): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${columns[i]?.numeric ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
