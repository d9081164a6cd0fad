import fc from 'fast-check';
import { encodeIndexedPng } from './png';
import { decodePng } from './testing/decode-png';

describe('encodeIndexedPng', () => {
  it('round-trips any image of up to 256 colours, losslessly (fully transparent pixels as one)', () => {
    const colour = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.constantFrom(0, 128, 255));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 24 }),
        fc.array(colour, { minLength: 1, maxLength: 200 }),
        (width, height, colours) => {
          const rgba = Buffer.alloc(width * height * 4);
          for (let i = 0; i < width * height; i++) Buffer.from(colours[(i * 7) % colours.length]).copy(rgba, i * 4);
          const png = encodeIndexedPng(rgba, width, height);
          expect(png).toBeDefined();
          const decoded = decodePng(png!);
          expect([decoded.width, decoded.height]).toEqual([width, height]);
          for (let i = 0; i < width * height; i++) {
            const alpha = rgba[i * 4 + 3];
            const expected = alpha === 0 ? [0, 0, 0, 0] : [...rgba.subarray(i * 4, i * 4 + 4)];
            expect([...decoded.rgba.subarray(i * 4, i * 4 + 4)]).toEqual(expected);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('declines an image of more than 256 colours (the renderer’s own PNG is used then)', () => {
    const rgba = Buffer.alloc(300 * 4, 255);
    for (let i = 0; i < 300; i++) rgba.writeUInt16BE(i, i * 4);
    expect(encodeIndexedPng(rgba, 300, 1)).toBeUndefined();
  });

  it('rejects a pixel buffer of the wrong length', () => {
    expect(() => encodeIndexedPng(Buffer.alloc(10), 2, 2)).toThrow(/expected 16 bytes/);
  });
});
