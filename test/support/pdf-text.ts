import { spawn } from 'node:child_process';
import { join } from 'node:path';

// Run as an ES module in a child node process, because pdfjs-dist is ES modules only and Jest
// runs tests as CommonJS. Reads the PDF on stdin, prints { pages, lines: [{ page, y, text }] }.
const EXTRACT = `
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0, isEvalSupported: false }).promise;
const lines = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const { items } = await page.getTextContent();
  // Items on one baseline make one line, read from the top of the page down.
  const byLine = new Map();
  for (const item of items) {
    if (!('str' in item) || item.str === '') continue;
    const y = Math.round(page.view[3] - item.transform[5]);
    byLine.set(y, [...(byLine.get(y) ?? []), { x: item.transform[4], str: item.str }]);
  }
  for (const [y, parts] of [...byLine].sort(([a], [b]) => a - b)) {
    lines.push({
      page: number,
      y,
      text: parts
        .sort((a, b) => a.x - b.x)
        .map((p) => p.str)
        .join(''),
    });
  }
}
process.stdout.write(JSON.stringify({ pages: pdf.numPages, lines }));
`;

export interface PdfText {
  pages: number;
  /** Top to bottom; y in points from the top of the page. */
  lines: Array<{ page: number; y: number; text: string }>;
}

/** The text of a PDF as a reader's copy-paste gets it (pdfjs-dist, run in a child node process). */
export function pdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '--eval', EXTRACT], {
      cwd: join(__dirname, '..', '..'), // where pdfjs-dist resolves from
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`pdf-text exited with ${code}: ${Buffer.concat(err).toString()}`));
      else resolve(JSON.parse(Buffer.concat(out).toString()) as PdfText);
    });
    child.stdin.end(pdf);
  });
}
