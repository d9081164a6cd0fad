import { FontFace, metricsOf } from './fonts';

/** Text as SVG character data: the facts come from the database, never trust them as markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** One line of plain text: control characters and runs of white space become single spaces. */
export function normaliseText(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Kerning and shaping are not measured: keep this share of the width free. */
const SAFETY = 0.96;

export interface FittedLine {
  text: string;
  fontSize: number;
}

const ELLIPSIS = '…';

/** Cuts `text` (by whole characters, never inside a surrogate pair) until it fits, ending in an ellipsis. */
function ellipsize(text: string, face: FontFace, fontSize: number, width: number): string {
  const metrics = metricsOf(face);
  const chars = [...text];
  while (chars.length > 0 && metrics.width(chars.join('').trimEnd() + ELLIPSIS, fontSize) > width * SAFETY) chars.pop();
  return chars.join('').trimEnd() + ELLIPSIS;
}

/** One line at the largest size from `maxSize` down to `minSize` that fits `width`; cut short below that. */
export function fitLine(text: string, face: FontFace, width: number, maxSize: number, minSize: number): FittedLine {
  const metrics = metricsOf(face);
  const line = normaliseText(text);
  const natural = metrics.width(line, maxSize);
  if (natural <= width * SAFETY) return { text: line, fontSize: maxSize };
  const size = Math.max(minSize, Math.floor(((maxSize * width * SAFETY) / natural) * 2) / 2);
  if (metrics.width(line, size) <= width * SAFETY) return { text: line, fontSize: size };
  return { text: ellipsize(line, face, size, width), fontSize: size };
}

export interface WrappedText {
  lines: string[];
  fontSize: number;
}

/** Greedy word wrap into lines no wider than `width`; a word too long for a line is cut across lines. */
function wrap(text: string, face: FontFace, fontSize: number, width: number): string[] {
  const metrics = metricsOf(face);
  const fits = (line: string) => metrics.width(line, fontSize) <= width * SAFETY;
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (!fits(current) && [...current].length > 1) {
      const chars = [...current];
      let cut = chars.length - 1;
      while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--;
      lines.push(chars.slice(0, cut).join(''));
      current = chars.slice(cut).join('');
    }
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * Wraps `text` into at most `maxLines` lines of `width`, at the largest size from `maxSize` down to
 * `minSize` (in half points) at which it fits; if it fits at no size, the last line ends in an ellipsis.
 */
export function wrapText(text: string, face: FontFace, width: number, maxLines: number, maxSize: number, minSize: number): WrappedText {
  const line = normaliseText(text);
  if (!line) return { lines: [], fontSize: maxSize };
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    const lines = wrap(line, face, size, width);
    if (lines.length <= maxLines) return { lines, fontSize: size };
  }
  const lines = wrap(line, face, minSize, width);
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1]} ${lines[maxLines]}`, face, minSize, width);
  return { lines: kept, fontSize: minSize };
}
