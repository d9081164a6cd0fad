import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The `web/` folder of static pages. This file runs from `libs/sharing/src` (tests, ts-jest) or from
 * `dist/libs/sharing/src` (after `nest build`), so both depths are tried, then the working folder.
 */
export function webRoot(): string {
  const candidates = [resolve(__dirname, '../../../web'), resolve(__dirname, '../../../../web'), resolve(process.cwd(), 'web')];
  const found = candidates.find((dir) => existsSync(join(dir, 'verify.html')));
  if (!found) throw new Error(`The web pages (web/verify.html) were not found; looked in ${candidates.join(', ')}`);
  return found;
}
