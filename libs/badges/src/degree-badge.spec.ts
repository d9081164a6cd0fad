import { DEGREE_BADGE_SIZE, degreeBadge, DegreeBadgeFacts, degreeBadgeSvg } from './degree-badge';
import { decodePng } from './testing/decode-png';

const MAGIX: DegreeBadgeFacts = {
  code: 'MAGIX',
  title: 'Joint Master in Artificial Intelligence for Public Administration',
  ectsCredits: 120,
  eqfLevel: 7,
  awarders: [
    { name: 'Universidad Politécnica de Madrid', shortName: 'UPM', countryCode: 'ES' },
    { name: 'Politecnico di Milano', shortName: 'POLIMI', countryCode: 'IT' },
    { name: 'Friedrich-Alexander-Universität Erlangen-Nürnberg', shortName: 'FAU', countryCode: 'DE' },
    { name: 'Tallinn University of Technology', shortName: 'TalTech', countryCode: 'EE' },
  ],
};

describe('degreeBadge', () => {
  it('is a valid PNG of the announced size, a few KB, deterministic', () => {
    const badge = degreeBadge(MAGIX);
    expect(decodePng(badge.bytes).width).toBe(DEGREE_BADGE_SIZE);
    expect(badge.bytes.length).toBeLessThan(8 * 1024);
    expect(degreeBadge({ ...MAGIX }).bytes.equals(badge.bytes)).toBe(true);
  });

  it('names the degree, its credits and level, and every co-awarder', () => {
    const svg = degreeBadgeSvg(MAGIX);
    for (const part of ['JOINT MASTER’S DEGREE', '>MAGIX<', '120 ECTS · EQF 7', 'UPM · POLIMI · FAU · TalTech'])
      expect(svg).toContain(part);
    expect(degreeBadgeSvg({ ...MAGIX, label: 'MASTER OF SCIENCE' })).toContain('>MASTER OF SCIENCE<');
  });

  it('survives many awarders, long and non-Latin titles', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `Πανεπιστήμιο ${i}`, countryCode: 'GR' }));
    const facts = { ...MAGIX, title: 'Ελληνικά και Bērziņa — '.repeat(20), awarders: many };
    expect(decodePng(degreeBadge(facts).bytes).width).toBe(DEGREE_BADGE_SIZE);
    expect(degreeBadge({ ...MAGIX, awarders: [] }).bytes.length).toBeGreaterThan(0);
  });
});
