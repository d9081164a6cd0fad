import { colourFor } from './colours';
import { countryOf, handleOf, HeiFacts } from './hei';
import { BadgeImage, renderPng } from './render';
import { CENTRE, svgOpen, svgText } from './svg-parts';
import { fitLine } from './text-fit';

/** Pixels a side: the wallets show issuer logos at 36–48 pt. */
export const ISSUER_LOGO_SIZE = 160;

const SHIELD = 'M36 34 H220 V118 C220 176 182 214 128 242 C74 214 36 176 36 118 Z';

/** The HEI's logo as SVG: a shield in its colour with its handle (e.g. UPM) and its country code. */
export function issuerLogoSvg(facts: HeiFacts): string {
  const colour = colourFor(handleOf(facts));
  const handle = fitLine(handleOf(facts), 'bold', 156, 64, 20);
  const country = fitLine(countryOf(facts), 'bold', 90, 34, 16);
  return [
    svgOpen(facts.name),
    `<path d="${SHIELD}" fill="${colour}"/>`,
    `<path d="${SHIELD}" fill="none" stroke="#ffffff" stroke-width="4.5" transform="translate(128 136) scale(0.88) translate(-128 -136)"/>`,
    svgText(CENTRE, 112 + handle.fontSize * 0.36, handle.fontSize, 'bold', '#ffffff', handle.text),
    `<rect x="${CENTRE - 34}" y="148" width="68" height="4" rx="2" fill="#ffffff"/>`,
    svgText(CENTRE, 188 + country.fontSize * 0.36, country.fontSize, 'bold', '#ffffff', country.text),
    '</svg>',
  ].join('\n');
}

/** The HEI's logo as a PNG, for `issuer.image`. Pure and deterministic. */
export function issuerLogo(facts: HeiFacts): BadgeImage {
  return renderPng(issuerLogoSvg(facts), ISSUER_LOGO_SIZE);
}
