import { Resvg } from '@resvg/resvg-js';
import { colourFor } from './colours';
import { fontFiles } from './fonts';
import { imageObject } from './image-object';
import { MODULE_BADGE_SIZE, moduleBadge, ModuleBadgeFacts, moduleBadgeSvg } from './module-badge';
import { decodePng, pixelAt } from './testing/decode-png';

const UPM = { name: 'Universidad Politécnica de Madrid', shortName: 'UPM', countryCode: 'ES' };
const AIG: ModuleBadgeFacts = { code: 'UPM-AIG-01', title: 'AI Governance and Public Policy', ectsCredits: 6, eqfLevel: 7, provider: UPM };

const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const titleLines = (svg: string) =>
  [...svg.matchAll(/font-size="[\d.]+" font-stretch="condensed" fill="#ffffff" text-anchor="middle">([^<]*)</g)].map((m) => m[1]);

describe('moduleBadge', () => {
  it('is a valid PNG of the announced size, a few KB, with its data: URI', () => {
    const badge = moduleBadge(AIG);
    const png = decodePng(badge.bytes);
    expect([png.width, png.height]).toEqual([MODULE_BADGE_SIZE, MODULE_BADGE_SIZE]);
    expect([badge.width, badge.height]).toEqual([MODULE_BADGE_SIZE, MODULE_BADGE_SIZE]);
    expect(badge.mediaType).toBe('image/png');
    expect(png.colourType).toBe(3); // indexed: the small encoding
    expect(badge.bytes.length).toBeLessThan(7 * 1024);
    expect(badge.dataUri).toBe(`data:image/png;base64,${badge.bytes.toString('base64')}`);
    expect(Buffer.from(badge.dataUri.split(',')[1], 'base64').equals(badge.bytes)).toBe(true);
  });

  it('draws a roundel in the provider’s colour on a transparent ground', () => {
    const png = decodePng(moduleBadge(AIG).bytes);
    expect(pixelAt(png, 0, 0)[3]).toBe(0);
    expect(pixelAt(png, MODULE_BADGE_SIZE - 1, MODULE_BADGE_SIZE - 1)[3]).toBe(0);
    // Inside the ring, above the provider's name: the plain colour, opaque.
    const [r, g, b, a] = pixelAt(png, MODULE_BADGE_SIZE / 2, Math.round(MODULE_BADGE_SIZE * 0.15));
    expect(a).toBe(255);
    expect(hex(r, g, b)).toBe(colourFor('UPM'));
  });

  it('is deterministic: the same facts give the same bytes', () => {
    expect(moduleBadge({ ...AIG }).bytes.equals(moduleBadge(AIG).bytes)).toBe(true);
    expect(moduleBadgeSvg({ ...AIG })).toBe(moduleBadgeSvg(AIG));
  });

  it('hands each caller its own bytes: the memo cannot be spoilt by a caller', () => {
    const first = moduleBadge(AIG);
    first.bytes.fill(0);
    const second = moduleBadge(AIG);
    expect(second.bytes.equals(first.bytes)).toBe(false);
    expect(decodePng(second.bytes).width).toBe(MODULE_BADGE_SIZE);
    expect(second.dataUri).toBe(`data:image/png;base64,${second.bytes.toString('base64')}`);
  });

  it('differs per module: code, title, credits, level and provider each change the picture', () => {
    const variants: ModuleBadgeFacts[] = [
      AIG,
      { ...AIG, code: 'UPM-AIG-02' },
      { ...AIG, title: 'AI Governance and Public Policy II' },
      { ...AIG, ectsCredits: 5 },
      { ...AIG, eqfLevel: 6 },
      { ...AIG, provider: { name: 'Politecnico di Milano', shortName: 'POLIMI', countryCode: 'IT' } },
    ];
    const images = variants.map((facts) => moduleBadge(facts).bytes.toString('base64'));
    expect(new Set(images).size).toBe(variants.length);
  });

  it('shows what it is about, in the SVG text and title', () => {
    const svg = moduleBadgeSvg({ ...AIG, ectsCredits: 7.5 });
    for (const part of [
      'UPM · ES',
      'UPM-AIG-01',
      'AI Governance and',
      'Public Policy',
      '7.5 ECTS · EQF 7',
      '<title>UPM-AIG-01: AI Governance and Public Policy</title>',
    ]) {
      expect(svg).toContain(part);
    }
  });

  it('wraps a long title into at most three lines, cut short with an ellipsis, inside the roundel', () => {
    const title = 'Datu aizsardzība un privātums: Bērziņa seminārs par mākslīgo intelektu valsts pārvaldē, tiesību aktiem un ētiku '.repeat(
      3,
    );
    const facts = { ...AIG, code: 'TALTECH-EGV-01-SEMINAR-2026', title };
    const svg = moduleBadgeSvg(facts);
    const lines = titleLines(svg);
    expect(lines.length).toBe(3);
    expect(lines[2].endsWith('…')).toBe(true);
    expect(svg).toMatch(/>TALTECH-EGV-01-SEMINAR-2026</); // a long code is shrunk to fit before it is cut
    expect(moduleBadgeSvg({ ...AIG, code: 'X'.repeat(60) })).toMatch(/>X+…</);
    // Everything drawn stays within the picture (the renderer's own measure of what it drew).
    const bbox = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles } }).getBBox();
    expect(bbox!.x).toBeGreaterThanOrEqual(0);
    expect(bbox!.x + bbox!.width).toBeLessThanOrEqual(256);
    expect(() => moduleBadge(facts)).not.toThrow();
  });

  it('draws non-Latin names and titles without throwing', () => {
    const cases: ModuleBadgeFacts[] = [
      { ...AIG, title: 'Ieva Bērziņa: ģeogrāfija, ķīmija, ļoti ņipri', provider: { name: 'Latvijas Universitāte', countryCode: 'LV' } },
      {
        ...AIG,
        code: 'UOA-ΕΛΛ-01',
        title: 'Ελληνικά: Τεχνητή νοημοσύνη στη δημόσια διοίκηση',
        provider: { name: 'Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών', countryCode: 'GR' },
      },
      { ...AIG, title: 'Кириллица, 中文标题, العربية, emoji 🎓 and a lone \ud800 surrogate' },
      { ...AIG, code: '', title: '', provider: { name: '', countryCode: '' } },
    ];
    for (const facts of cases) {
      const badge = moduleBadge(facts);
      expect(decodePng(badge.bytes).width).toBe(MODULE_BADGE_SIZE);
    }
    expect(moduleBadgeSvg(cases[0])).toContain('Ieva Bērziņa');
    expect(moduleBadgeSvg(cases[0])).toContain('LU · LV'); // initials, for want of a short name
    expect(moduleBadgeSvg(cases[1])).toContain('Ελληνικά');
  });

  it('escapes the facts: a title cannot inject markup', () => {
    const svg = moduleBadgeSvg({ ...AIG, title: '</text><script>alert("x")</script><image href="https://evil.example/x.png"/> & more' });
    expect(svg).not.toMatch(/<script|<image/);
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    expect(svg).toContain('&amp; more');
  });

  it('makes an Open Badges Image object', () => {
    const badge = moduleBadge(AIG);
    expect(imageObject(badge, 'Badge of UPM-AIG-01')).toEqual({ id: badge.dataUri, type: 'Image', caption: 'Badge of UPM-AIG-01' });
    expect(imageObject(badge)).toEqual({ id: badge.dataUri, type: 'Image' });
  });
});
