import { crc32, inflateSync } from 'node:zlib';

export interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  /** Non-premultiplied RGBA, 4 bytes a pixel. */
  rgba: Buffer;
}

const SIGNATURE = '89504e470d0a1a0a';

/**
 * A strict PNG reader for tests, written from the specification and apart from our encoder: checks
 * the signature and every chunk's CRC, and decodes 8-bit indexed (3) and RGBA (6) images with any
 * row filter. Throws on anything else or on any inconsistency.
 */
export function decodePng(png: Buffer): DecodedPng {
  if (png.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG signature');
  let at = 8;
  let header: Buffer | undefined;
  let palette: Buffer | undefined;
  let alpha: Buffer | undefined;
  const data: Buffer[] = [];
  let ended = false;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (body.length !== length) throw new Error(`truncated ${type} chunk`);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in ${type}`);
    at += 12 + length;
    if (type === 'IHDR') header = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') alpha = body;
    else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!header || !ended || at !== png.length) throw new Error('missing IHDR or IEND, or bytes after IEND');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const [bitDepth, colourType, compression, filterMethod, interlace] = header.subarray(8, 13);
  if (bitDepth !== 8 || compression !== 0 || filterMethod !== 0 || interlace !== 0) throw new Error('unsupported PNG options');
  const channels = colourType === 3 ? 1 : colourType === 6 ? 4 : 0;
  if (!channels) throw new Error(`unsupported colour type ${colourType}`);
  if (colourType === 3 && (!palette || palette.length % 3 !== 0)) throw new Error('indexed PNG without a valid PLTE');
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) throw new Error(`image data is ${raw.length} bytes, expected ${height * (stride + 1)}`);

  const rows = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? rows[y * stride + x - channels] : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? rows[(y - 1) * stride + x - channels] : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      } else throw new Error(`bad filter ${filter} on row ${y}`);
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  if (colourType === 6) return { width, height, colourType, rgba: rows };

  const entries = palette!.length / 3;
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const index = rows[i];
    if (index >= entries) throw new Error(`palette index ${index} out of range`);
    palette!.copy(rgba, i * 4, index * 3, index * 3 + 3);
    rgba[i * 4 + 3] = alpha && index < alpha.length ? alpha[index] : 0xff;
  }
  return { width, height, colourType, rgba };
}

/** The RGBA of the pixel at (x, y). */
export function pixelAt(image: DecodedPng, x: number, y: number): [number, number, number, number] {
  const at = (y * image.width + x) * 4;
  return [image.rgba[at], image.rgba[at + 1], image.rgba[at + 2], image.rgba[at + 3]];
}
