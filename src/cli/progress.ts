/**
 * A progress bar on a terminal for long imports: bytes read of the file's size.
 */
export function progressBar(write: (s: string) => void, label: string) {
  let last = -1;
  const width = 30;
  return {
    update(done: number, total: number): void {
      const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
      if (pct === last) return;
      last = pct;
      const filled = Math.round((pct / 100) * width);
      write(`\r${label.slice(-40)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(pct).padStart(3)}%`);
    },
    done(): void {
      if (last >= 0) write('\n');
    },
  };
}
