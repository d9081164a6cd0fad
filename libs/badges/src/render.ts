import { Resvg } from '@resvg/resvg-js';
import { FONT_FAMILY, FontFace, fontFileOf } from './fonts';
import { encodeIndexedPng } from './png';

/** A drawn image, ready to serve or to embed in a credential as a data: URI. */
export interface BadgeImage {
  mediaType: 'image/png';
  width: number;
  height: number;
  bytes: Buffer;
  /** `data:image/png;base64,…`: what an Open Badges `Image.id` may be. */
  dataUri: string;
}

/** Recently drawn images by SVG text: issuing a cohort draws each module's badge once. */
const drawn = new Map<string, BadgeImage>();
const DRAWN_KEPT = 256;

/** The faces an SVG of ours sets its text in, so that only their files are loaded. */
export function facesIn(svg: string): FontFace[] {
  const faces = new Set<FontFace>();
  for (const [tag] of svg.matchAll(/<text [^>]*>/g)) {
    const bold = tag.includes(' font-weight="bold"');
    const condensed = tag.includes(' font-stretch="condensed"');
    faces.add(bold ? (condensed ? 'condensedBold' : 'bold') : condensed ? 'condensed' : 'regular');
  }
  return [...faces].sort();
}

function draw(svg: string, width: number): BadgeImage {
  const faces = facesIn(svg);
  const rendered = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: {
      loadSystemFonts: false,
      fontFiles: (faces.length ? faces : ['regular' as const]).map(fontFileOf),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    logLevel: 'off',
  }).render();
  const bytes = encodeIndexedPng(rendered.pixels, rendered.width, rendered.height) ?? rendered.asPng();
  return {
    mediaType: 'image/png',
    width: rendered.width,
    height: rendered.height,
    bytes,
    dataUri: `data:image/png;base64,${bytes.toString('base64')}`,
  };
}

/**
 * Rasterises our own SVG to PNG at `width` pixels, with the bundled font faces it uses only: no
 * system font, no network (the SVG references no external resource). Deterministic, and memoised:
 * the same SVG gives the same bytes (each caller gets its own copy of them).
 */
export function renderPng(svg: string, width: number): BadgeImage {
  const key = `${width}\n${svg}`;
  let image = drawn.get(key);
  if (image) drawn.delete(key);
  else image = draw(svg, width);
  drawn.set(key, image);
  if (drawn.size > DRAWN_KEPT) drawn.delete(drawn.keys().next().value as string);
  return { ...image, bytes: Buffer.from(image.bytes) };
}
