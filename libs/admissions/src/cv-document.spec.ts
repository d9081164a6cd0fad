import PDFKit from 'pdfkit';
import { createDeflate, deflateSync } from 'node:zlib';
import { DomainError } from '@magix/common';
import { checkCvPdf, CV_NOT_A_PDF, CV_UNSAFE_PDF, MAX_CV_DECOMPRESSED_BYTES } from './cv-document';

/** A real one-page PDF, as a word processor or pdfkit writes it. */
async function aGenuinePdf(text = 'Curriculum vitae — Lucía Martín'): Promise<Buffer> {
  const doc = new PDFKit();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.text(text);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** A small PDF with `catalog` entries added, and one Flate stream of `streamBytes` if given. */
function aHandMadePdf({ catalog = '', streamBytes }: { catalog?: string; streamBytes?: Buffer } = {}): Buffer {
  const head =
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${catalog} >>\nendobj\n` +
    `2 0 obj\n<< /Type /Pages /Kids [4 0 R] /Count 1 >>\nendobj\n` +
    `4 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n`;
  const parts: Buffer[] = [Buffer.from(head, 'latin1')];
  if (streamBytes) {
    parts.push(Buffer.from(`3 0 obj\n<< /Length ${streamBytes.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), streamBytes);
    parts.push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  }
  parts.push(Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'));
  return Buffer.concat(parts);
}

/** `size` zero bytes deflated, written a megabyte at a time (never held whole). */
async function aFlateBomb(size: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => deflate.on('end', resolve));
  const megabyte = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < size; written += megabyte.length) deflate.write(megabyte);
  deflate.end();
  await ended;
  return Buffer.concat(chunks);
}

async function refusal(bytes: Buffer): Promise<DomainError> {
  try {
    await checkCvPdf(bytes);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the CV was accepted');
}

describe('checkCvPdf', () => {
  it('accepts a genuine PDF and a minimal hand-written one of one page', async () => {
    await expect(checkCvPdf(await aGenuinePdf())).resolves.toBeUndefined();
    await expect(checkCvPdf(aHandMadePdf())).resolves.toBeUndefined();
    await expect(
      checkCvPdf(aHandMadePdf({ streamBytes: deflateSync(Buffer.from('BT /F1 12 Tf (Hello) Tj ET')) })),
    ).resolves.toBeUndefined();
  });

  it('refuses what is not a PDF, or has anything before %PDF-', async () => {
    expect((await refusal(Buffer.from('<html>cv</html>'))).code).toBe(CV_NOT_A_PDF);
    expect((await refusal(Buffer.concat([Buffer.from(' '), await aGenuinePdf()]))).code).toBe(CV_NOT_A_PDF);
    expect((await refusal(Buffer.from('%PDF-1.4\nnothing else'))).code).toBe(CV_NOT_A_PDF);
  });

  it('refuses a PDF with no page, or with a page tree that cannot be read (it could hide any number of pages)', async () => {
    const noPages = await refusal(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'));
    expect(noPages.code).toBe(CV_NOT_A_PDF);
    const cyclic = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 3 >> endobj\n' +
        'trailer << /Root 1 0 R >>\n%%EOF\n',
    );
    expect((await refusal(cyclic)).code).toBe(CV_NOT_A_PDF);
  });

  it('refuses a PDF/HTML polyglot', async () => {
    const polyglot = Buffer.concat([await aGenuinePdf(), Buffer.from('<html><body><script>fetch("/graphql")</script></body></html>')]);
    const error = await refusal(polyglot);
    expect(error).toMatchObject({ code: CV_UNSAFE_PDF, field: 'file', httpStatus: 422 });
  });

  it.each([
    ['a JavaScript open action', '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'],
    ['a launch action', '/OpenAction << /S /Launch /F (cmd.exe) >>'],
    ['an embedded file', '/Names << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /EF << /F 2 0 R >> >>] >> >>'],
    ['additional actions', '/AA << /O << /S /JavaScript /JS (x) >> >>'],
  ])('refuses %s', async (_what, catalog) => {
    expect((await refusal(aHandMadePdf({ catalog }))).code).toBe(CV_UNSAFE_PDF);
  });

  it('refuses a flate bomb without inflating it past the bound', async () => {
    const bomb = await aFlateBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(aHandMadePdf({ streamBytes: bomb }));
    expect(error.code).toBe(CV_UNSAFE_PDF);
    expect(error.message).toContain(String(MAX_CV_DECOMPRESSED_BYTES));
  });

  it('refuses a bomb split across many streams that are each under the bound', async () => {
    const part = await aFlateBomb(12 * 1024 * 1024);
    const objects = [0, 1, 2, 3].map((n) =>
      Buffer.concat([
        Buffer.from(`${10 + n} 0 obj\n<< /Length ${part.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
        part,
        Buffer.from('\nendstream\nendobj\n'),
      ]),
    );
    const pdf = aHandMadePdf();
    const trailer = pdf.indexOf('trailer');
    const split = Buffer.concat([pdf.subarray(0, trailer), ...objects, pdf.subarray(trailer)]);
    expect((await refusal(split)).code).toBe(CV_UNSAFE_PDF);
  });
});
