/**
 * Deep colours on which white text reads at any size (contrast with white ≥ 7:1, WCAG AAA).
 * Each HEI gets one, from its short name, so its logo and its modules' badges match.
 */
export const BADGE_COLOURS = [
  '#1d4f91',
  '#0b6161',
  '#5b2a86',
  '#9a2f1c',
  '#285e2a',
  '#862045',
  '#374151',
  '#6b4500',
  '#1e5b78',
  '#6d2a6d',
] as const;

/** FNV-1a, 32 bits: a stable hash of a string, the same on every machine and version. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function colourFor(key: string): string {
  return BADGE_COLOURS[stableHash(key.trim().toUpperCase()) % BADGE_COLOURS.length];
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
