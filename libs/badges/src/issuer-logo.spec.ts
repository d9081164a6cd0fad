import { colourFor } from './colours';
import { initialsOf } from './hei';
import { ISSUER_LOGO_SIZE, issuerLogo, issuerLogoSvg } from './issuer-logo';
import { decodePng, pixelAt } from './testing/decode-png';

const UPM = { name: 'Universidad Politécnica de Madrid', shortName: 'UPM', countryCode: 'ES' };
const hex = (r: number, g: number, b: number) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

describe('issuerLogo', () => {
  it('is a small valid PNG of the announced size', () => {
    const logo = issuerLogo(UPM);
    const png = decodePng(logo.bytes);
    expect([png.width, png.height, logo.width, logo.height]).toEqual([
      ISSUER_LOGO_SIZE,
      ISSUER_LOGO_SIZE,
      ISSUER_LOGO_SIZE,
      ISSUER_LOGO_SIZE,
    ]);
    expect(logo.bytes.length).toBeLessThan(3 * 1024);
    expect(logo.dataUri.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('draws a shield in the HEI’s colour (the colour of its module badges), with its handle and country', () => {
    const png = decodePng(issuerLogo(UPM).bytes);
    expect(pixelAt(png, 0, 0)[3]).toBe(0);
    expect(pixelAt(png, 0, ISSUER_LOGO_SIZE - 1)[3]).toBe(0); // beside the point of the shield
    const [r, g, b, a] = pixelAt(png, Math.round(ISSUER_LOGO_SIZE * 0.2), Math.round(ISSUER_LOGO_SIZE * 0.5));
    expect(a).toBe(255);
    expect(hex(r, g, b)).toBe(colourFor('UPM'));
    const svg = issuerLogoSvg(UPM);
    expect(svg).toContain('>UPM<');
    expect(svg).toContain('>ES<');
    expect(svg).toContain('<title>Universidad Politécnica de Madrid</title>');
  });

  it('is deterministic, and differs per HEI', () => {
    expect(issuerLogo({ ...UPM }).bytes.equals(issuerLogo(UPM).bytes)).toBe(true);
    const others = [
      { name: 'Politecnico di Milano', shortName: 'POLIMI', countryCode: 'IT' },
      { ...UPM, countryCode: 'PT' },
      { ...UPM, shortName: 'UPMA' },
    ].map((hei) => issuerLogo(hei).bytes.toString('base64'));
    expect(new Set([issuerLogo(UPM).bytes.toString('base64'), ...others]).size).toBe(4);
  });

  it('takes initials from the name when there is no short name, in any script', () => {
    expect(initialsOf('Universidad Politécnica de Madrid')).toBe('UPM');
    expect(initialsOf('Friedrich-Alexander-Universität Erlangen-Nürnberg')).toBe('FAUEN');
    expect(initialsOf('Tallinn University of Technology')).toBe('TUT');
    expect(initialsOf('Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών')).toBe('ΕΚΠΑ');
    expect(initialsOf('Latvijas Universitāte')).toBe('LU');
    expect(initialsOf('')).toBe('?');
    expect(issuerLogoSvg({ name: 'Ελληνικό Ανοικτό Πανεπιστήμιο', countryCode: 'gr' })).toContain('>ΕΑΠ<');
    expect(issuerLogoSvg({ name: 'Ελληνικό Ανοικτό Πανεπιστήμιο', countryCode: 'gr' })).toContain('>GR<');
  });

  it('fits a long handle and survives odd names', () => {
    for (const hei of [
      { name: 'Rīgas Tehniskā universitāte — Bērziņa fakultāte', shortName: 'RTU-BERZINA-FAKULTATE', countryCode: 'LV' },
      { name: '<b>&</b>', shortName: '<&>', countryCode: '"' },
      { name: '   ', shortName: '', countryCode: '' },
    ]) {
      expect(decodePng(issuerLogo(hei).bytes).width).toBe(ISSUER_LOGO_SIZE);
    }
    expect(issuerLogoSvg({ name: '<b>&</b>', shortName: '<&>', countryCode: 'XX' })).toContain('>&lt;&amp;&gt;<');
  });
});
