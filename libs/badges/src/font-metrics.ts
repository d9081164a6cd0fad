import { readFileSync } from 'node:fs';

/**
 * Advance widths of one TrueType font, read from its `cmap`, `hhea` and `hmtx` tables: enough to
 * lay out a line of text before the renderer draws it (no kerning, no shaping; callers keep a margin).
 */
export class FontMetrics {
  private readonly unitsPerEm: number;
  private readonly advances: number[];
  private readonly glyphOf = new Map<number, number>();

  constructor(readonly path: string) {
    const font = readFileSync(path);
    const tables = new Map<string, number>();
    const count = font.readUInt16BE(4);
    for (let i = 0; i < count; i++) {
      const record = 12 + i * 16;
      tables.set(font.toString('latin1', record, record + 4), font.readUInt32BE(record + 8));
    }
    const table = (tag: string) => {
      const offset = tables.get(tag);
      if (offset === undefined) throw new Error(`${path}: no ${tag} table`);
      return offset;
    };
    this.unitsPerEm = font.readUInt16BE(table('head') + 18);
    const metricsCount = font.readUInt16BE(table('hhea') + 34);
    const hmtx = table('hmtx');
    this.advances = Array.from({ length: metricsCount }, (_, i) => font.readUInt16BE(hmtx + i * 4));
    this.readCmap(font, table('cmap'));
  }

  /** The width of `text` set at `fontSize`, in the same unit as `fontSize`. */
  width(text: string, fontSize: number): number {
    let units = 0;
    for (const char of text) {
      const glyph = this.glyphOf.get(char.codePointAt(0) ?? 0) ?? 0;
      units += this.advances[Math.min(glyph, this.advances.length - 1)];
    }
    return (units * fontSize) / this.unitsPerEm;
  }

  /** Whether the font draws this character (others would show as an empty box). */
  covers(char: string): boolean {
    return this.glyphOf.has(char.codePointAt(0) ?? 0);
  }

  /** Reads the Unicode subtable: format 12 (full range) when present, else format 4 (BMP). */
  private readCmap(font: Buffer, cmap: number): void {
    const subtables = font.readUInt16BE(cmap + 2);
    let format4: number | undefined;
    let format12: number | undefined;
    for (let i = 0; i < subtables; i++) {
      const platform = font.readUInt16BE(cmap + 4 + i * 8);
      const encoding = font.readUInt16BE(cmap + 6 + i * 8);
      const offset = cmap + font.readUInt32BE(cmap + 8 + i * 8);
      const format = font.readUInt16BE(offset);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (unicode && format === 12) format12 = offset;
      if (unicode && format === 4) format4 = offset;
    }
    if (format12 !== undefined) {
      const groups = font.readUInt32BE(format12 + 12);
      for (let g = 0; g < groups; g++) {
        const group = format12 + 16 + g * 12;
        const start = font.readUInt32BE(group);
        const end = font.readUInt32BE(group + 4);
        const firstGlyph = font.readUInt32BE(group + 8);
        for (let code = start; code <= end; code++) this.glyphOf.set(code, firstGlyph + code - start);
      }
      return;
    }
    if (format4 === undefined) throw new Error(`${this.path}: no Unicode cmap`);
    const segments = font.readUInt16BE(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const end = font.readUInt16BE(ends + s * 2);
      const start = font.readUInt16BE(starts + s * 2);
      const delta = font.readInt16BE(deltas + s * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2);
      for (let code = start; code <= end && code !== 0xffff; code++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
        else {
          const at = rangeOffsets + s * 2 + rangeOffset + (code - start) * 2;
          const raw = font.readUInt16BE(at);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) this.glyphOf.set(code, glyph);
      }
    }
  }
}
