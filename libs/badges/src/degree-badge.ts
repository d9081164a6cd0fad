import { metricsOf } from './fonts';
import { handleOf, HeiFacts } from './hei';
import { BadgeImage, renderPng } from './render';
import { CENTRE, fitCode, formatCredits, svgOpen, svgText } from './svg-parts';
import { fitLine, wrapText } from './text-fit';

/** What the degree's badge shows: the programme and the HEIs that award it together. */
export interface DegreeBadgeFacts {
  code: string;
  title: string;
  ectsCredits: number;
  eqfLevel: number;
  /** The co-awarding HEIs, the coordinator first. */
  awarders: HeiFacts[];
  /** The words over the code; by default JOINT MASTER’S DEGREE. */
  label?: string;
}

export const DEGREE_BADGE_SIZE = 192;

/** The degree's own colour, apart from the HEIs' (contrast with white 12.6:1). */
export const DEGREE_COLOUR = '#14325c';
const GOLD = '#e9c46a';

/**
 * The degree as SVG: a double-ringed roundel with the label, the programme code large, its title,
 * a gold pill with the ECTS credits and the EQF level, and the co-awarders' handles below.
 */
export function degreeBadgeSvg(facts: DegreeBadgeFacts): string {
  const label = fitLine(facts.label ?? 'JOINT MASTER’S DEGREE', 'bold', 150, 13, 9);
  const code = fitCode(facts.code, 196, 36);
  const title = wrapText(facts.title, 'condensed', 184, 2, 16, 11);
  const pill = fitLine(`${formatCredits(facts.ectsCredits)} ECTS · EQF ${facts.eqfLevel}`, 'bold', 140, 15, 10);
  const pillWidth = Math.min(164, metricsOf('bold').width(pill.text, pill.fontSize) + 26);
  const awarders = fitLine(facts.awarders.map(handleOf).join(' · '), 'condensedBold', 140, 12, 8);

  const lineHeight = title.fontSize * 1.18;
  const firstBaseline = 140 - (lineHeight * title.lines.length) / 2 + title.fontSize * 0.8;

  return [
    svgOpen(`${facts.label ?? 'Joint master’s degree'}: ${facts.title}`),
    `<circle cx="${CENTRE}" cy="${CENTRE}" r="125" fill="${DEGREE_COLOUR}"/>`,
    `<circle cx="${CENTRE}" cy="${CENTRE}" r="116" fill="none" stroke="${GOLD}" stroke-width="3"/>`,
    `<circle cx="${CENTRE}" cy="${CENTRE}" r="109" fill="none" stroke="#ffffff" stroke-width="1.5"/>`,
    svgText(CENTRE, 60, label.fontSize, 'bold', GOLD, label.text),
    svgText(CENTRE, 96 + code.fontSize * 0.36, code.fontSize, code.face, '#ffffff', code.text),
    ...title.lines.map((line, i) => svgText(CENTRE, firstBaseline + i * lineHeight, title.fontSize, 'condensed', '#ffffff', line)),
    `<rect x="${(CENTRE - pillWidth / 2).toFixed(1)}" y="163" width="${pillWidth.toFixed(1)}" height="28" rx="14" fill="${GOLD}"/>`,
    svgText(CENTRE, 177 + pill.fontSize * 0.36, pill.fontSize, 'bold', DEGREE_COLOUR, pill.text),
    svgText(CENTRE, 214, awarders.fontSize, 'condensedBold', '#ffffff', awarders.text),
    '</svg>',
  ].join('\n');
}

/** The degree's badge as a PNG, for the degree credential's `achievement.image`. Pure and deterministic. */
export function degreeBadge(facts: DegreeBadgeFacts): BadgeImage {
  return renderPng(degreeBadgeSvg(facts), DEGREE_BADGE_SIZE);
}
