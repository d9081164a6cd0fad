import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { CredentialFacts } from './credential-facts';

const A4 = 'A4';
const INK = '#1a1a2e';
const MUTED = '#4a4a5a';
const ACCENT = '#1f4e96';

/** A QR code as an SVG document, black on white with a quiet zone, for screens and print. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
}

/**
 * One A4 page: who, what, how much, by whom, and a QR code to the live verification page. The
 * paper proves nothing by itself; the QR code leads to a check of the signed credential, so the
 * certificate is worth exactly what the credential is worth, for as long as the link is open.
 */
export async function certificatePdf(facts: CredentialFacts, shareUrl: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(shareUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 480 });
  const doc = new PDFDocument({
    size: A4,
    margin: 56,
    info: { Title: `${facts.achievement} — ${facts.learnerName}`, Author: facts.issuer.name },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 112;
  doc
    .rect(28, 28, doc.page.width - 56, doc.page.height - 56)
    .lineWidth(2)
    .strokeColor(ACCENT)
    .stroke();
  doc
    .fillColor(ACCENT)
    .font('Helvetica-Bold')
    .fontSize(12)
    .text('AI4Gov-X · MAGIX', 56, 64, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(1.5).fillColor(INK).font('Helvetica').fontSize(14).text('This certifies that', { width, align: 'center' });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(26).text(facts.learnerName, { width, align: 'center' });
  doc
    .moveDown(0.6)
    .font('Helvetica')
    .fontSize(14)
    .text(facts.achievementType === 'MasterDegree' ? 'has been awarded the joint degree' : 'has achieved', { width, align: 'center' });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(20).fillColor(ACCENT).text(facts.achievement, { width, align: 'center' });
  if (facts.code) doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(facts.code, { width, align: 'center' });

  const details: Array<[string, string | null]> = [
    ['ECTS credits', facts.ects === null ? null : String(facts.ects)],
    ['EQF level', facts.eqfLevel === null ? null : String(facts.eqfLevel)],
    ['Grade', facts.grade],
    ['Date', facts.date],
    ['Issued by', `${facts.issuer.name}${facts.issuer.countryCode ? ` (${facts.issuer.countryCode})` : ''}`],
    ...facts.coAwardedBy.map((p, i): [string, string] => [
      i === 0 ? 'Co-awarded by' : '',
      `${p.name}${p.countryCode ? ` (${p.countryCode})` : ''}`,
    ]),
  ];
  doc.moveDown(1.5);
  for (const [label, value] of details) {
    if (value === null) continue;
    const y = doc.y;
    doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(label, 96, y, { width: 130 });
    doc
      .font('Helvetica-Bold')
      .fillColor(INK)
      .text(value, 236, y, { width: width - 180 });
    doc.moveDown(0.35);
  }

  // Fixed at the foot of the page, so a long list of co-awarders cannot push it onto a second page.
  const qrSize = 132;
  const qrTop = doc.page.height - 56 - qrSize - 40;
  doc.image(qr, 56 + 8, qrTop, { width: qrSize, height: qrSize });
  const noteX = 56 + qrSize + 28;
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .fillColor(INK)
    .text('Check this certificate', noteX, qrTop + 8, { width: width - qrSize - 28 });
  doc
    .font('Helvetica')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text('Scan the code or open the address below. It verifies the signed digital credential and tells you whether it is still valid.', {
      width: width - qrSize - 28,
    })
    .moveDown(0.4)
    .fillColor(ACCENT)
    .text(shareUrl, { width: width - qrSize - 28, link: shareUrl })
    .moveDown(0.4)
    .fillColor(MUTED)
    .text(`Credential ${facts.credentialId}`, { width: width - qrSize - 28 });
  doc.end();
  return done;
}
