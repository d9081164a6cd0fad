import { BadgeImage } from './render';

/** An Open Badges 3.0 `Image`: what `achievement.image` and `issuer.image` hold. */
export interface OpenBadgesImage {
  id: string;
  type: 'Image';
  caption?: string;
}

/**
 * The image as Open Badges 3.0 `Image` with the PNG inline as a data: URI, so that wallets show it
 * offline and the signature covers it. The object form (not a bare string) is what VerifierPlus
 * reads for `achievement.image` (`image.id`).
 */
export function imageObject(image: BadgeImage, caption?: string): OpenBadgesImage {
  return { id: image.dataUri, type: 'Image', ...(caption ? { caption } : {}) };
}
