import { FONT_FAMILY, faceAttributes, FontFace } from './fonts';
import { escapeXml, FittedLine, fitLine, normaliseText } from './text-fit';

/** Every picture is drawn on a 256-unit square and rendered at its own pixel size. */
export const VIEW = 256;
export const CENTRE = VIEW / 2;

/** The opening of a badge's SVG, with its accessible title. */
export const svgOpen = (title: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${VIEW}" height="${VIEW}" viewBox="0 0 ${VIEW} ${VIEW}">\n<title>${escapeXml(normaliseText(title))}</title>`;

/** A line of text centred on x, its content escaped. */
export const svgText = (x: number, y: number, size: number, face: FontFace, fill: string, content: string) =>
  `<text x="${x}" y="${y.toFixed(1)}" font-family="${FONT_FAMILY}" font-size="${size}"${faceAttributes[face]} fill="${fill}" text-anchor="middle">${escapeXml(content)}</text>`;

/** 6 → "6", 7.5 → "7.5", 3.333 → "3.33". */
export function formatCredits(credits: number): string {
  return String(Math.round(credits * 100) / 100);
}

/** A code large and bold; a long one in the condensed face rather than too small. */
export function fitCode(code: string, width: number, maxSize: number): FittedLine & { face: FontFace } {
  const bold = fitLine(code, 'bold', width, maxSize, 11);
  if (bold.fontSize >= 22) return { ...bold, face: 'bold' };
  const condensed = fitLine(code, 'condensedBold', width, maxSize, 11);
  return condensed.fontSize > bold.fontSize || !condensed.text.endsWith('…')
    ? { ...condensed, face: 'condensedBold' }
    : { ...bold, face: 'bold' };
}
