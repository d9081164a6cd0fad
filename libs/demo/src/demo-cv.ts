import PDFDocument from 'pdfkit';
import { fontFileOf } from '@magix/badges';

/**
 * A one-page CV, as an applicant would upload it (the call asks for at most two pages). Written
 * in DejaVu Sans, embedded, as the certificates are: a standard PDF font (Helvetica) has no
 * glyph for "ņ", "Ł" or Greek, and pdf-lib refuses to write a name with one.
 */
export function demoCv(name: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Curriculum vitae: ${name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('DejaVuSans', fontFileOf('regular'));
  doc.font('DejaVuSans').fontSize(14).text(`Curriculum vitae: ${name}`);
  doc.end();
  return done;
}
