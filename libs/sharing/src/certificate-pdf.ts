import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { fontFileOf } from '@magix/badges';
import { formatDate, formatNumber, Language, translate, Values } from '@magix/i18n';
import { CredentialFacts, englishOf, GradeScale, textIn } from './credential-facts';

const A4 = 'A4';
const INK = '#1a1a2e';
const MUTED = '#4a4a5a';
const ACCENT = '#1f4e96';

// DejaVu Sans, embedded (subset) from the `dejavu-fonts-ttf` package the badges use too: it has
// every Latin, Greek and Cyrillic letter a learner's name may hold, where Helvetica has only WinAnsi.
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

/** A QR code as an SVG document, black on white with a quiet zone, for screens and print. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}

export interface Square {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The dark squares of a QR code for the URL, in a square of `size` with a two-module quiet zone:
 * one rectangle per run of dark modules in a row (fewer paths, no hairline between neighbours).
 */
export function qrSquares(url: string, size: number): Square[] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  const squares: Square[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size;) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column++;
      squares.push({ x: (start + quiet) * cell, y: (row + quiet) * cell, width: (column - start) * cell, height: cell });
    }
  }
  return squares;
}

/** Drawn as vectors, black on white: sharp at any print size, and no PNG to encode (that took seconds). */
function drawQr(doc: PDFKit.PDFDocument, url: string, x: number, y: number, size: number): void {
  doc.rect(x, y, size, size).fill('#ffffff');
  for (const square of qrSquares(url, size)) doc.rect(x + square.x, y + square.y, square.width, square.height);
  doc.fill('#000000');
}

/** The certificate's words in its two languages: the issuer's first, English second (none when they are one). */
interface Bilingual {
  primary: Language;
  english: boolean;
  t: (key: string, values?: Values) => string;
  en: (key: string, values?: Values) => string;
  /** "Calificación / Grade", or "Grade" alone. */
  both: (key: string, separator?: string) => string;
}

function bilingual(primary: Language): Bilingual {
  const english = primary !== 'en';
  const t = (key: string, values?: Values) => translate(primary, `certificate.${key}`, values);
  const en = (key: string, values?: Values) => translate('en', `certificate.${key}`, values);
  return { primary, english, t, en, both: (key, separator = ' / ') => (english ? `${t(key)}${separator}${en(key)}` : t(key)) };
}

/** A grade as the issuer's language writes a number ("8,5" in Spanish), a letter or "30 e lode" as it is. */
function gradeIn(language: Language, grade: string): string {
  const number = /^(\d+)(?:\.(\d+))?$/.exec(grade);
  if (!number) return grade;
  const decimals = number[2]?.length ?? 0;
  return formatNumber(language, Number(grade), { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** "scale 0 to 10, pass 5" in the language, from the scale's data. */
function scaleIn(language: Language, scale: GradeScale): string | null {
  const key = (name: string) => `certificate.scale.${name}`;
  if (scale.kind === 'LETTER') {
    const letters = scale.letters ?? [];
    const passing = letters.filter((letter) => scale.passingLetters?.includes(letter));
    if (letters.length === 0 || passing.length === 0) return null;
    return translate(language, key('letters'), { from: letters[0], to: letters[letters.length - 1], pass: passing[passing.length - 1] });
  }
  if (scale.minGrade === null || scale.maxGrade === null || scale.passMark === null) return null;
  const n = (value: number) => formatNumber(language, value, { maximumFractionDigits: scale.decimals });
  const [best, worst] = scale.higherIsBetter ? [scale.maxGrade, scale.minGrade] : [scale.minGrade, scale.maxGrade];
  return scale.higherIsBetter
    ? translate(language, key('numeric'), { from: n(worst), to: n(best), pass: n(scale.passMark) })
    : translate(language, key('lowerIsBetter'), { from: n(best), to: n(worst), pass: n(scale.passMark) });
}

type Row = { label: string; value: string; english?: string };

function detailRows(facts: CredentialFacts, words: Bilingual): Row[] {
  const { primary } = words;
  const rows: Row[] = [];
  const pair = (inPrimary: string, inEnglish: string): Row['english'] => (words.english && inEnglish !== inPrimary ? inEnglish : undefined);
  if (facts.ects !== null) rows.push({ label: words.both('ects'), value: formatNumber(primary, facts.ects) });
  if (facts.eqfLevel !== null) rows.push({ label: words.both('eqf'), value: String(facts.eqfLevel) });
  if (facts.grade !== null) {
    const grade = (language: Language) => {
      const value = gradeIn(language, facts.grade!);
      const scale = (facts.scale && scaleIn(language, facts.scale)) ?? facts.gradingScale;
      return scale ? translate(language, 'certificate.gradeOnScale', { grade: value, scale }) : value;
    };
    rows.push({ label: words.both('grade'), value: grade(primary), english: pair(grade(primary), grade('en')) });
  }
  if (facts.date !== null) {
    const date = (language: Language) => formatDate(language, facts.date!, { short: true });
    rows.push({ label: words.both('date'), value: date(primary), english: pair(date(primary), date('en')) });
  }
  const where = (p: { name: string; countryCode: string | null }) => `${p.name}${p.countryCode ? ` (${p.countryCode})` : ''}`;
  rows.push({ label: words.both('issuedBy'), value: where(facts.issuer) });
  facts.coAwardedBy.forEach((p, i) => rows.push({ label: i === 0 ? words.both('coAwardedBy') : '', value: where(p) }));
  return rows;
}

/**
 * One A4 page, in the issuer's language and English: who, what, how much, by whom, and a QR
 * code to the live verification page. The paper proves nothing by itself; the QR code leads to a
 * check of the signed credential, so the certificate is worth exactly what the credential is
 * worth, for as long as the link is open.
 */
export function certificatePdf(facts: CredentialFacts, shareUrl: string): Promise<Buffer> {
  const words = bilingual(facts.issuerLanguage);
  const { t, en } = words;
  const englishTitle = englishOf(facts.achievement);
  const title = textIn(facts.achievement, words.primary);
  const doc = new PDFDocument({
    size: A4,
    margin: 56,
    lang: words.primary,
    info: { Title: `${englishTitle} — ${facts.learnerName}`, Author: facts.issuer.name },
  });
  doc.registerFont(REGULAR, fontFileOf('regular'));
  doc.registerFont(BOLD, fontFileOf('bold'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  const centred = { width, align: 'center' as const };
  /** A line in the issuer's language, and its English beneath in smaller, muted type. */
  const withEnglish = (primary: string, english: string | null, size: number, font = REGULAR) => {
    doc.font(font).fontSize(size).fillColor(INK).text(primary, centred);
    if (english !== null && english !== primary)
      doc
        .font(REGULAR)
        .fontSize(size * 0.72)
        .fillColor(MUTED)
        .text(english, centred);
  };

  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .strokeColor(ACCENT)
    .stroke();
  doc
    .fillColor(ACCENT)
    .font(BOLD)
    .fontSize(11)
    .text('AI4Gov-X · MAGIX', 56, 60, { ...centred, characterSpacing: 2 });
  doc.moveDown(0.8).fillColor(ACCENT).font(BOLD).fontSize(22).text(words.both('heading', ' · '), centred);
  doc.moveDown(0.8);
  withEnglish(t('certifies'), words.english ? en('certifies') : null, 14);
  doc.moveDown(0.4).font(BOLD).fontSize(26).fillColor(INK).text(facts.learnerName, centred);
  doc.moveDown(0.4);
  const verb = facts.achievementType === 'MasterDegree' ? 'awardedDegree' : 'achieved';
  withEnglish(t(verb), words.english ? en(verb) : null, 14);
  doc.moveDown(0.4).font(BOLD).fontSize(19).fillColor(ACCENT).text(title, centred);
  if (title !== englishTitle) doc.font(REGULAR).fontSize(13).fillColor(MUTED).text(englishTitle, centred);
  if (facts.code) doc.moveDown(0.2).font(REGULAR).fontSize(10).fillColor(MUTED).text(facts.code, centred);

  doc.moveDown(1.2);
  const labelX = 76;
  const valueX = 256;
  for (const row of detailRows(facts, words)) {
    const y = doc.y;
    doc
      .font(REGULAR)
      .fontSize(10)
      .fillColor(MUTED)
      .text(row.label, labelX, y, { width: valueX - labelX - 12 });
    const labelBottom = doc.y;
    doc
      .font(BOLD)
      .fontSize(10.5)
      .fillColor(INK)
      .text(row.value, valueX, y, { width: width + 56 - valueX });
    if (row.english)
      doc
        .font(REGULAR)
        .fontSize(9)
        .fillColor(MUTED)
        .text(row.english, valueX, doc.y, { width: width + 56 - valueX });
    doc.y = Math.max(doc.y, labelBottom);
    doc.moveDown(0.3);
  }

  // Fixed at the foot of the page, so a long list of co-awarders cannot push it onto a second page.
  const qrSize = 124;
  const qrTop = doc.page.height - 56 - qrSize - 36;
  drawQr(doc, shareUrl, 56 + 8, qrTop, qrSize);
  const noteX = 56 + qrSize + 28;
  const noteWidth = width - qrSize - 28;
  doc.font(BOLD).fontSize(10.5).fillColor(INK).text(words.both('check', ' · '), noteX, qrTop, { width: noteWidth });
  doc.font(REGULAR).fontSize(8.5).fillColor(MUTED).text(t('checkHow'), { width: noteWidth });
  if (words.english) doc.moveDown(0.2).text(en('checkHow'), { width: noteWidth });
  doc
    .moveDown(0.4)
    .fillColor(ACCENT)
    .text(shareUrl, { width: noteWidth, link: shareUrl })
    .moveDown(0.4)
    .fillColor(MUTED)
    .text(t('credential', { id: facts.credentialId }), { width: noteWidth });
  doc.end();
  return done;
}
