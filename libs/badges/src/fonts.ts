import { dirname, join } from 'node:path';
import { FontMetrics } from './font-metrics';

/**
 * The badges are drawn with DejaVu Sans from the `dejavu-fonts-ttf` package: its TrueType files
 * cover Latin (ā, ņ, ő, ł…), Greek and Cyrillic, and ship with `npm ci`, so drawing needs no system
 * font and no network.
 */
const fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FAMILY = 'DejaVu Sans';

export type FontFace = 'regular' | 'bold' | 'condensed' | 'condensedBold';

const files: Record<FontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
};

/** The SVG attributes that select a face of FONT_FAMILY. */
export const faceAttributes: Record<FontFace, string> = {
  regular: '',
  bold: ' font-weight="bold"',
  condensed: ' font-stretch="condensed"',
  condensedBold: ' font-weight="bold" font-stretch="condensed"',
};

export const fontFiles: string[] = Object.values(files).map((file) => join(fontDir, file));

export const fontFileOf = (face: FontFace): string => join(fontDir, files[face]);

const metrics = new Map<FontFace, FontMetrics>();

/** The advance widths of a face, read once. */
export function metricsOf(face: FontFace): FontMetrics {
  let found = metrics.get(face);
  if (!found) {
    found = new FontMetrics(fontFileOf(face));
    metrics.set(face, found);
  }
  return found;
}
