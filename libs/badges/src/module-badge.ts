import { colourFor } from './colours';
import { metricsOf } from './fonts';
import { countryOf, handleOf, HeiFacts } from './hei';
import { BadgeImage, renderPng } from './render';
import { CENTRE, fitCode, formatCredits, svgOpen, svgText } from './svg-parts';
import { fitLine, wrapText } from './text-fit';

/** What a module's badge shows: its catalogue entry and who provides it. */
export interface ModuleBadgeFacts {
  code: string;
  title: string;
  ectsCredits: number;
  /** European Qualifications Framework level, 1 to 8. */
  eqfLevel: number;
  provider: HeiFacts;
}

/** Pixels a side: sharp at the 36–48 pt the wallets show it at, on 3× screens, and about 5 KB. */
export const MODULE_BADGE_SIZE = 192;

/**
 * The badge as SVG: a roundel in the provider's colour with the provider and country at the top,
 * the module code large in the middle, the title below it (wrapped, shrunk, cut short if need be)
 * and a white pill with the ECTS credits and the EQF level.
 */
export function moduleBadgeSvg(facts: ModuleBadgeFacts): string {
  const colour = colourFor(handleOf(facts.provider));
  const provider = fitLine(`${handleOf(facts.provider)} · ${countryOf(facts.provider)}`, 'bold', 150, 17, 10);
  const code = fitCode(facts.code, 200, 30);
  const title = wrapText(facts.title, 'condensed', 184, 3, 17, 11);
  const pill = fitLine(`${formatCredits(facts.ectsCredits)} ECTS · EQF ${facts.eqfLevel}`, 'bold', 150, 16, 10);
  const pillWidth = Math.min(176, metricsOf('bold').width(pill.text, pill.fontSize) + 28);

  // The title block sits centred between the code and the pill.
  const lineHeight = title.fontSize * 1.18;
  const firstBaseline = 149 - (lineHeight * title.lines.length) / 2 + title.fontSize * 0.8;

  return [
    svgOpen(`${facts.code}: ${facts.title}`),
    `<circle cx="${CENTRE}" cy="${CENTRE}" r="125" fill="${colour}"/>`,
    `<circle cx="${CENTRE}" cy="${CENTRE}" r="114" fill="none" stroke="#ffffff" stroke-width="2.5"/>`,
    svgText(CENTRE, 62, provider.fontSize, 'bold', '#ffffff', provider.text),
    `<rect x="${CENTRE - 30}" y="73" width="60" height="2.5" rx="1.25" fill="#ffffff"/>`,
    svgText(CENTRE, 104 + code.fontSize * 0.36, code.fontSize, code.face, '#ffffff', code.text),
    ...title.lines.map((line, i) => svgText(CENTRE, firstBaseline + i * lineHeight, title.fontSize, 'condensed', '#ffffff', line)),
    `<rect x="${(CENTRE - pillWidth / 2).toFixed(1)}" y="183" width="${pillWidth.toFixed(1)}" height="30" rx="15" fill="#ffffff"/>`,
    svgText(CENTRE, 198 + pill.fontSize * 0.36, pill.fontSize, 'bold', colour, pill.text),
    '</svg>',
  ].join('\n');
}

/** The module's badge as a PNG, for `achievement.image`. Pure and deterministic. */
export function moduleBadge(facts: ModuleBadgeFacts): BadgeImage {
  return renderPng(moduleBadgeSvg(facts), MODULE_BADGE_SIZE);
}
