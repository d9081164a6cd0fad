import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { BADGE_COLOURS, colourFor, contrastRatio } from './colours';
import { faceAttributes, FONT_FAMILY, FontFace, fontFiles, metricsOf } from './fonts';
import { escapeXml, fitLine, wrapText } from './text-fit';

describe('text layout', () => {
  it('measures text never narrower than the renderer draws it, and close to it (kerning is not measured)', () => {
    const faces: FontFace[] = ['regular', 'bold', 'condensed', 'condensedBold'];
    for (const face of faces) {
      for (const sample of ['UPM-AIG-01', 'AI Governance and Public Policy', 'Bērziņa Ελληνικά Кириллица', 'WWWWiiii']) {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="2000" height="100"><text x="10" y="50" font-family="${FONT_FAMILY}" font-size="20"${faceAttributes[face]}>${escapeXml(sample)}</text></svg>`;
        const drawn = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles } }).getBBox()!.width;
        const measured = metricsOf(face).width(sample, 20);
        expect(measured).toBeGreaterThanOrEqual(drawn);
        expect(measured / drawn).toBeLessThan(1.06);
      }
    }
  });

  it('keeps a short line at its full size and shrinks, then cuts, a long one', () => {
    expect(fitLine('FAU-LAW', 'bold', 200, 30, 12)).toEqual({ text: 'FAU-LAW', fontSize: 30 });
    const shrunk = fitLine('TALTECH-EGV-01-2026', 'bold', 200, 30, 12);
    expect(shrunk.text).toBe('TALTECH-EGV-01-2026');
    expect(shrunk.fontSize).toBeLessThan(30);
    const cut = fitLine('X'.repeat(200), 'bold', 200, 30, 12);
    expect(cut.fontSize).toBe(12);
    expect(cut.text.endsWith('…')).toBe(true);
    expect(metricsOf('bold').width(cut.text, 12)).toBeLessThanOrEqual(200);
  });

  it('wraps any text into at most the lines asked for, each within the width', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 1, max: 4 }), (text, maxLines) => {
        const wrapped = wrapText(text, 'condensed', 184, maxLines, 17, 11);
        expect(wrapped.lines.length).toBeLessThanOrEqual(maxLines);
        for (const line of wrapped.lines) expect(metricsOf('condensed').width(line, wrapped.fontSize)).toBeLessThanOrEqual(184);
      }),
      { numRuns: 200 },
    );
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('uses colours on which white text reads (WCAG AAA), the same one for a HEI every time', () => {
    for (const colour of BADGE_COLOURS) expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(7);
    expect(colourFor('UPM')).toBe(colourFor(' upm '));
  });
});
