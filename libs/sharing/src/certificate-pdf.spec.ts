import { buildModuleCredential } from '@magix/credentials';
import { aModuleCredential } from '../../credentials/src/testing/credential-factories';
import { pdfText } from '../../../test/support/pdf-text';
import jsQR from 'jsqr';
import { certificatePdf, qrSquares } from './certificate-pdf';
import { credentialFacts, GradeScale, languageText } from './credential-facts';

const SHARE_URL = 'https://magix.example/c/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

type Json = Record<string, unknown>;

/** A UPM (Spain) module credential for a learner, its title as given (any of VC 2.0's three forms). */
function aCredential(
  name: string,
  title?: unknown,
  issuer: { name: string; countryCode: string } = { name: 'Universidad Politécnica de Madrid', countryCode: 'ES' },
): Json {
  const facts = aModuleCredential();
  const document = buildModuleCredential({
    ...facts,
    issuer: { ...facts.issuer, ...issuer },
    recipient: { ...facts.recipient, name },
    result: { grade: '8.5', gradingScale: 'Spanish scale 0–10', creditsEarned: 6, assessedOn: '2026-11-20' },
  });
  if (title !== undefined) ((document.credentialSubject as Json).achievement as Json).name = title;
  return document;
}

const textOf = async (document: Json) => {
  const { pages, lines } = await pdfText(await certificatePdf(credentialFacts(document), SHARE_URL));
  return { pages, text: lines.map((line) => line.text).join('\n') };
};

describe('language-tagged values (VC 2.0 § 11.1)', () => {
  it('reads a plain string, a value object and an array of them, English as the default', () => {
    expect(languageText('AI for Public Governance')).toEqual({ fallback: 'AI for Public Governance', byLanguage: {} });
    expect(languageText({ '@value': 'IA para la gobernanza pública', '@language': 'es-ES' })).toEqual({
      fallback: 'IA para la gobernanza pública',
      byLanguage: { es: 'IA para la gobernanza pública' },
    });
    const both = languageText([
      { '@value': 'IA para la gobernanza pública', '@language': 'es' },
      { '@value': 'AI for Public Governance', '@language': 'en' },
    ]);
    expect(both).toEqual({
      fallback: 'AI for Public Governance',
      byLanguage: { es: 'IA para la gobernanza pública', en: 'AI for Public Governance' },
    });
    expect(languageText([{ '@value': 'KI', '@language': 'de' }, 'AI, untagged'])?.fallback).toBe('AI, untagged');
    expect(languageText([{ '@language': 'de' }, 42, ''])).toBeNull();
  });
});

describe('the certificate PDF', () => {
  it.each(['Ieva Bērziņa', 'Jan Łukasiewicz', 'Eleni Παπαδόπουλος'])('prints %s as written, in an embedded Unicode font', async (name) => {
    const { pages, text } = await textOf(aCredential(name));
    expect(pages).toBe(1);
    expect(text).toContain(name);
  });

  it('embeds its font, and no longer names Helvetica (which has no ņ, Ł or Greek)', async () => {
    const pdf = (await certificatePdf(credentialFacts(aCredential('Ieva Bērziņa')), SHARE_URL)).toString('latin1');
    expect(pdf).toMatch(/\/FontFile2 /);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(pdf).not.toContain('Helvetica');
  });

  it('is bilingual for a Spanish HEI: Spanish first, then English; grade on its scale, dates for people', async () => {
    const title = [
      { '@value': 'IA para la gobernanza pública', '@language': 'es' },
      { '@value': 'AI for Public Governance', '@language': 'en' },
    ];
    const { text } = await textOf(aCredential('Lucía Martín', title));
    expect(text).toContain('Certificado · Certificate');
    expect(text).toMatch(
      /Se certifica que\nThis certifies that\nLucía Martín\nha superado\nhas achieved\nIA para la gobernanza pública\nAI for Public Governance/,
    );
    expect(text).toContain('Calificación / Grade');
    expect(text).toContain('8,5 (Spanish scale 0–10)');
    expect(text).toContain('8.5 (Spanish scale 0–10)');
    expect(text).toContain('20 de noviembre de 2026');
    expect(text).toContain('20 November 2026');
    expect(text).toContain('Créditos ECTS / ECTS credits');
    expect(text).toContain('Verifique este certificado · Check this certificate');
    expect(text).toContain(SHARE_URL);
  });

  it('is in English alone for an issuer outside the four countries, and in German for a German one', async () => {
    const english = await textOf(aCredential('Ieva Bērziņa', undefined, { name: 'Vidzeme University', countryCode: 'LV' }));
    expect(english.text).toContain('Certificate\nThis certifies that\nIeva Bērziņa');
    expect(english.text).not.toContain(' / ');
    const german = await textOf(
      aCredential('Jörg Müller', [{ '@value': 'KI in der Verwaltung', '@language': 'de' }, 'AI in administration'], {
        name: 'FAU',
        countryCode: 'DE',
      }),
    );
    expect(german.text).toContain('Zertifikat · Certificate');
    expect(german.text).toContain('KI in der Verwaltung\nAI in administration');
    expect(german.text).toContain('20. November 2026');
    expect(german.text).toContain('Note / Grade');
  });

  it('explains the grade by its scale’s range and pass mark, in both languages', async () => {
    const scales: Array<[string, string, GradeScale, string[]]> = [
      [
        'ES',
        '8.5',
        { kind: 'NUMERIC', minGrade: 0, maxGrade: 10, passMark: 5, higherIsBetter: true, decimals: 1, letters: null, passingLetters: null },
        ['8,5 (escala de 0 a 10, aprobado desde 5)', '8.5 (scale 0 to 10, pass 5)'],
      ],
      [
        'IT',
        '28',
        {
          kind: 'NUMERIC',
          minGrade: 0,
          maxGrade: 30,
          passMark: 18,
          higherIsBetter: true,
          decimals: 0,
          letters: null,
          passingLetters: null,
        },
        ['28 (scala da 0 a 30, sufficienza 18)', '28 (scale 0 to 30, pass 18)'],
      ],
      [
        'DE',
        '1.7',
        { kind: 'NUMERIC', minGrade: 1, maxGrade: 5, passMark: 4, higherIsBetter: false, decimals: 1, letters: null, passingLetters: null },
        ['1,7 (Skala 1 bis 5, beste 1, bestanden bis 4)', '1.7 (scale 1 to 5, best 1, pass 4)'],
      ],
      [
        'EE',
        'B',
        {
          kind: 'LETTER',
          minGrade: null,
          maxGrade: null,
          passMark: null,
          higherIsBetter: true,
          decimals: 0,
          letters: ['A', 'B', 'C', 'D', 'E', 'F'],
          passingLetters: ['A', 'B', 'C', 'D', 'E'],
        },
        ['B (skaala A kuni F, positiivne kuni E)', 'B (scale A to F, pass E)'],
      ],
    ];
    for (const [countryCode, grade, scale, expected] of scales) {
      const document = aCredential('Jan Łukasiewicz', undefined, { name: `An HEI in ${countryCode}`, countryCode });
      ((document.credentialSubject as Json).result as Json[])[0].value = grade;
      const facts = { ...credentialFacts(document), scale };
      const text = (await pdfText(await certificatePdf(facts, SHARE_URL))).lines.map((line) => line.text).join('\n');
      for (const line of expected) expect({ countryCode, text }).toEqual({ countryCode, text: expect.stringContaining(line) });
    }
  });

  it('keeps a degree with three co-awarders on one page, its foot below the details', async () => {
    const document = aCredential('Eleni Παπαδόπουλος');
    document.coAwardedBy = ['Politecnico di Milano', 'Friedrich-Alexander-Universität Erlangen-Nürnberg', 'Tallinna Tehnikaülikool'].map(
      (name, i) => ({ type: ['Profile'], name, address: { addressCountryCode: ['IT', 'DE', 'EE'][i] } }),
    );
    const { pages, lines } = await pdfText(await certificatePdf(credentialFacts(document), SHARE_URL));
    expect(pages).toBe(1);
    const last = lines.find((line) => line.text.includes('Tallinna Tehnikaülikool'))!;
    const foot = lines.find((line) => line.text.startsWith('Verifique este certificado'))!;
    expect(last.y).toBeLessThan(foot.y);
  });
});

describe('the certificate’s QR code', () => {
  it('reads back as the share link when its squares are printed', () => {
    const size = 300;
    const pixels = new Uint8ClampedArray(size * size * 4).fill(255);
    for (const square of qrSquares(SHARE_URL, size))
      for (let y = Math.round(square.y); y < Math.round(square.y + square.height); y++)
        for (let x = Math.round(square.x); x < Math.round(square.x + square.width); x++)
          pixels.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    expect(jsQR(pixels, size, size)?.data).toBe(SHARE_URL);
  });
});
