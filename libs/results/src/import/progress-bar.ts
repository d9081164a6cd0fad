const FULL = '█';
const EMPTY = '░';

/** One line of progress, e.g. `[███████░░░░░░░░░░░░░]  35%  70/200  (1 failed)`. */
export function progressBar(done: number, total: number, failed = 0, width = 30): string {
  const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  // Floor both, so the bar is full and the figure says 100% only when every row is done.
  const filled = Math.floor(ratio * width);
  const percent = Math.floor(ratio * 100);
  const failures = failed > 0 ? `  (${failed} failed)` : '';
  return `[${FULL.repeat(filled)}${EMPTY.repeat(width - filled)}] ${String(percent).padStart(3)}%  ${done}/${total}${failures}`;
}
