import { DomainError } from '@magix/common';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFObject, PDFRawStream, PDFRef } from 'pdf-lib';
import { constants, inflateSync } from 'node:zlib';

/** A CV decompresses to at most this much in all (a text CV is a few hundred KB; a 200 MB bomb is refused). */
export const MAX_CV_DECOMPRESSED_BYTES = 32 * 1024 * 1024;

/** The programme's call for applications: a CV of at most two pages. */
export const MAX_CV_PAGES = 2;

/** The call for applications: the motivation as text or a one-page PDF. */
export const MAX_MOTIVATION_PAGES = 1;

export const CV_NOT_A_PDF = 'NOT_A_PDF';
export const CV_TOO_LONG = 'CV_TOO_LONG';
export const MOTIVATION_TOO_LONG = 'MOTIVATION_TOO_LONG';
export const CV_UNSAFE_PDF = 'UNSAFE_PDF';

/** What a document of an application is checked against: its name in messages, its page limit. */
export interface DocumentRules {
  what: string;
  maxPages: number;
  tooLongCode: string;
}

export const CV_RULES: DocumentRules = { what: 'The CV', maxPages: MAX_CV_PAGES, tooLongCode: CV_TOO_LONG };
export const MOTIVATION_RULES: DocumentRules = {
  what: 'The motivation letter',
  maxPages: MAX_MOTIVATION_PAGES,
  tooLongCode: MOTIVATION_TOO_LONG,
};

const notAPdf = (what: string, reason: string) => new DomainError(CV_NOT_A_PDF, `${what} must be a PDF file: ${reason}`, 'file', 415);
const unsafe = (what: string, reason: string) => new DomainError(CV_UNSAFE_PDF, `${what} is refused: ${reason}`, 'file', 422);

// What makes a file also a web page, a script or an archive when opened as something else.
const MARKUP = /<\s*(?:!doctype|html|head|body|script|iframe|object|embed|svg|img|meta|form|style|link)\b|javascript:|<\?xml|<\?php/i;

// Keys and names of PDF features that run code or carry other files when the CV is opened.
const ACTIVE_KEYS = ['JS', 'JavaScript', 'OpenAction', 'AA', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'RichMedia', 'XFA'];
const ACTIVE_NAMES = new Set([
  'JavaScript',
  'Launch',
  'EmbeddedFile',
  'RichMedia',
  'SubmitForm',
  'ImportData',
  'GoToE',
  'Rendition',
  'Sound',
  'Movie',
]);

interface RawStream {
  /** The text just before the `stream` keyword: the stream's dictionary. */
  dict: string;
  start: number;
  end: number;
}

/**
 * The streams as their keywords delimit them, in one linear pass (a regular expression with a
 * lazy `[\s\S]*?` would go quadratic on a file full of unterminated `stream` keywords).
 */
function rawStreams(latin1: string): RawStream[] {
  const streams: RawStream[] = [];
  let from = 0;
  for (;;) {
    const keyword = latin1.indexOf('stream', from);
    if (keyword === -1) return streams;
    from = keyword + 'stream'.length;
    if (latin1.startsWith('end', keyword - 3)) continue;
    let start = from;
    if (latin1[start] === '\r') start += 1;
    if (latin1[start] !== '\n') continue;
    start += 1;
    const end = latin1.indexOf('endstream', start);
    if (end === -1) return streams;
    const before = latin1.slice(Math.max(0, keyword - 4000), keyword);
    streams.push({ dict: before.slice(before.lastIndexOf(' obj') + 1), start, end });
    from = end + 'endstream'.length;
  }
}

/** The file with every stream's bytes cut out, for the checks of what lies outside them. */
function outsideStreams(latin1: string, streams: RawStream[]): string {
  let outside = '';
  let from = 0;
  for (const { start, end } of streams) {
    outside += latin1.slice(from, start);
    from = end;
  }
  return outside + latin1.slice(from);
}

/** Inflates with a bound: zlib stops at `budget` bytes and says so, whatever the ratio. */
function inflatedSize(bytes: Uint8Array, budget: number): number | 'over' | 'broken' {
  try {
    return inflateSync(bytes, { maxOutputLength: Math.max(budget, 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : 'broken';
  }
}

/**
 * Before any PDF parser inflates anything (pdf-lib inflates object streams as it loads, without a
 * bound): every Flate stream, found by its keywords, inflated under the remaining budget.
 */
function boundRawStreams(bytes: Buffer, streams: RawStream[], what: string): void {
  let budget = MAX_CV_DECOMPRESSED_BYTES;
  for (const { dict, start, end } of streams) {
    if (!/\/FlateDecode|\/Fl\b/.test(dict)) continue;
    const size = inflatedSize(bytes.subarray(start, end), budget);
    if (size === 'over') throw unsafe(what, `it decompresses to more than ${MAX_CV_DECOMPRESSED_BYTES} bytes`);
    if (size === 'broken' && /\/ObjStm\b/.test(dict)) throw notAPdf(what, 'an object stream cannot be read');
    if (typeof size === 'number') budget -= size;
  }
}

function* walk(object: PDFObject, depth = 0): Generator<PDFObject> {
  if (depth > 32) return;
  yield object;
  if (object instanceof PDFDict) for (const [, value] of object.entries()) yield* walk(value, depth + 1);
  else if (object instanceof PDFArray) for (const value of object.asArray()) yield* walk(value, depth + 1);
  else if (object instanceof PDFRawStream) yield* walk(object.dict, depth + 1);
}

function activeContentIn(document: PDFDocument): string | null {
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    for (const part of walk(object)) {
      if (part instanceof PDFDict) {
        const key = ACTIVE_KEYS.find((name) => part.has(PDFName.of(name)));
        if (key) return `/${key}`;
      }
      if (part instanceof PDFName && ACTIVE_NAMES.has(part.decodeText())) return `/${part.decodeText()}`;
    }
  }
  return null;
}

function isFlate(stream: PDFRawStream): boolean {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const names = filter instanceof PDFArray ? filter.asArray() : [filter];
  return names.some((name) => name instanceof PDFName && (name.decodeText() === 'FlateDecode' || name.decodeText() === 'Fl'));
}

/** The streams as the parser delimits them (by /Length), inflated under one budget for the whole file. */
function boundParsedStreams(document: PDFDocument, what: string): void {
  let budget = MAX_CV_DECOMPRESSED_BYTES;
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || !isFlate(object)) continue;
    const size = inflatedSize(object.getContents(), budget);
    if (size === 'over') throw unsafe(what, `it decompresses to more than ${MAX_CV_DECOMPRESSED_BYTES} bytes`);
    if (typeof size === 'number') budget -= size;
  }
}

/**
 * Accepts an application's document (the CV, a motivation letter) only if it is a PDF and nothing
 * else: parsed by a real parser (pdf-lib) from its first byte, with a catalog; no markup outside
 * its streams (an HTML/PDF polyglot); no scripts, launch actions, open actions or embedded files;
 * not encrypted (it could not be checked); a bounded decompressed size (a flate bomb); and at most
 * `rules.maxPages` pages. Throws a DomainError (415 or 422) naming `file`.
 */
export async function checkApplicationPdf(bytes: Buffer, rules: DocumentRules): Promise<void> {
  const { what } = rules;
  const latin1 = bytes.toString('latin1');
  if (!latin1.startsWith('%PDF-')) throw notAPdf(what, 'it does not start with %PDF-');
  const streams = rawStreams(latin1);
  if (MARKUP.test(outsideStreams(latin1, streams))) throw unsafe(what, 'it carries markup or a script outside its content streams');
  boundRawStreams(bytes, streams, what);
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    const encrypted = error instanceof Error && /encrypt/i.test(error.message);
    throw encrypted ? unsafe(what, 'it is encrypted, so it cannot be checked') : notAPdf(what, 'it cannot be read as a PDF');
  }
  const root = document.context.trailerInfo.Root;
  const catalog = root instanceof PDFRef ? document.context.lookup(root) : root;
  if (!(catalog instanceof PDFDict)) throw notAPdf(what, 'it has no document catalog');
  const active = activeContentIn(document);
  if (active) throw unsafe(what, `it carries active content (${active})`);
  boundParsedStreams(document, what);
  const pages = pageCountOf(document);
  // A page tree the parser cannot walk could hide any number of pages: it is not taken as none.
  if (pages === null) throw notAPdf(what, 'its pages cannot be read');
  if (pages === 0) throw notAPdf(what, 'it has no page');
  if (pages > rules.maxPages) {
    const limit = rules.maxPages === 1 ? 'one page' : `at most ${rules.maxPages} pages`;
    throw new DomainError(rules.tooLongCode, `${what} must have ${limit}; this one has ${pages}`, 'file', 422);
  }
}

/** The CV: a safe PDF of at most two pages (see checkApplicationPdf). */
export const checkCvPdf = (bytes: Buffer): Promise<void> => checkApplicationPdf(bytes, CV_RULES);

/** Pages as the page tree counts them; null when the tree cannot be read. */
function pageCountOf(document: PDFDocument): number | null {
  try {
    return document.getPageCount();
  } catch {
    return null;
  }
}
