// Small inline-SVG charts: no library, no network. Each has a text alternative for screen readers.
import { s } from './dom.js';
import { formatNumber, t } from './i18n.js';

const ACCENT = '#1f4e96';
const SECOND = '#b45309';
const TRACK = '#dde3ee';
const GOOD = '#166534';
const INK = '#1a1a2e';

/** @param {number} n */
const fmt = (n) => formatNumber(n, { maximumFractionDigits: 1 });

/**
 * A horizontal progress bar toward a target, with the number written beside it.
 * @param {{ label: string, value: number, max: number, text: string, marker?: number | null, id?: string }} options
 */
export function progressBar({ label, value, max, text, marker = null, id }) {
  const width = 300;
  const ratio = max > 0 ? Math.min(value / max, 1) : 0;
  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${width} 34`,
      width: '100%',
      height: 28,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': `${label}: ${text}`,
      id,
      'data-value': value,
      'data-max': max,
    },
    s('rect', { x: 0, y: 8, width, height: 18, rx: 4, fill: TRACK }),
    s('rect', { x: 0, y: 8, width: Math.max(ratio * width, ratio > 0 ? 2 : 0), height: 18, rx: 4, fill: ratio >= 1 ? GOOD : ACCENT }),
    marker !== null && max > 0
      ? s('line', {
          x1: Math.min(marker / max, 1) * width,
          x2: Math.min(marker / max, 1) * width,
          y1: 2,
          y2: 32,
          stroke: SECOND,
          'stroke-width': 3,
          'stroke-dasharray': '4 2',
        })
      : null,
  );
  return svg;
}

/**
 * Grouped horizontal bars, one row per label, one bar per series.
 * @param {{ title: string, rows: Array<{ label: string, values: number[] }>, series: string[], id?: string }} options
 */
export function barChart({ title, rows, series, id }) {
  const colors = [ACCENT, SECOND, GOOD];
  const labelWidth = 120;
  const barArea = 200;
  const barHeight = 12;
  const rowHeight = series.length * (barHeight + 2) + 12;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const height = rows.length * rowHeight + 30;
  const description = rows.map((r) => `${r.label}: ${r.values.map((v, i) => `${fmt(v)} ${series[i]}`).join(', ')}`).join('; ');
  return s(
    'svg',
    { viewBox: `0 0 ${labelWidth + barArea + 50} ${height}`, width: '100%', role: 'img', 'aria-label': `${title}. ${description}`, id },
    series.map((name, i) =>
      s(
        'g',
        {},
        s('rect', { x: i * 120, y: 4, width: 12, height: 12, fill: colors[i % colors.length] }),
        s('text', { x: 16 + i * 120, y: 15, 'font-size': 14 }, name),
      ),
    ),
    rows.map((row, r) =>
      s(
        'g',
        { transform: `translate(0 ${30 + r * rowHeight})` },
        s(
          'text',
          { x: labelWidth - 6, y: rowHeight / 2, 'font-size': 14, 'text-anchor': 'end' },
          row.label.length > 20 ? `${row.label.slice(0, 19)}…` : row.label,
        ),
        row.values.map((value, i) =>
          s(
            'g',
            {},
            s('rect', {
              x: labelWidth,
              y: 4 + i * (barHeight + 2),
              width: Math.max((value / max) * barArea, value > 0 ? 1 : 0),
              height: barHeight,
              fill: colors[i % colors.length],
            }),
            s('text', { x: labelWidth + (value / max) * barArea + 4, y: 4 + i * (barHeight + 2) + 11, 'font-size': 12 }, fmt(value)),
          ),
        ),
      ),
    ),
  );
}

/**
 * Cumulative monthly counts, then a dashed line to the projection at the programme's end.
 * @param {{ title: string, points: Array<{ month: string, value: number }>, projected: { month: string, value: number } | null, target: number, id?: string }} options
 */
export function lineChart({ title, points, projected, target, id }) {
  const width = 320;
  const height = 160;
  const pad = { left: 40, right: 12, top: 12, bottom: 28 };
  const all = projected ? [...points, projected] : points;
  const max = Math.max(1, target, ...all.map((p) => p.value));
  const x = (/** @type {number} */ i) => pad.left + (all.length > 1 ? (i / (all.length - 1)) * (width - pad.left - pad.right) : 0);
  const y = (/** @type {number} */ v) => height - pad.bottom - (v / max) * (height - pad.top - pad.bottom);
  const line = points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ');
  const last = points.length - 1;
  const text = [
    `${title}: ${points.map((p) => `${p.month} ${fmt(p.value)}`).join(', ')}`,
    projected ? t('common:chart.projected', { value: fmt(projected.value), month: projected.month }) : null,
    t('common:chart.target', { value: fmt(target) }),
  ]
    .filter(Boolean)
    .join('; ');
  return s(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': text, id },
    s('line', { x1: pad.left, x2: width - pad.right, y1: y(target), y2: y(target), stroke: GOOD, 'stroke-dasharray': '6 3' }),
    s('text', { x: pad.left + 2, y: y(target) - 3, 'font-size': 10 }, t('common:chart.target', { value: fmt(target) })),
    s('line', { x1: pad.left, x2: pad.left, y1: pad.top, y2: height - pad.bottom, stroke: INK }),
    s('line', { x1: pad.left, x2: width - pad.right, y1: height - pad.bottom, y2: height - pad.bottom, stroke: INK }),
    s('text', { x: pad.left - 4, y: height - pad.bottom, 'font-size': 10, 'text-anchor': 'end' }, '0'),
    s('text', { x: pad.left - 4, y: pad.top + 8, 'font-size': 10, 'text-anchor': 'end' }, fmt(max)),
    points.length ? s('text', { x: pad.left, y: height - 8, 'font-size': 10 }, points[0].month) : null,
    projected ? s('text', { x: width - pad.right, y: height - 8, 'font-size': 10, 'text-anchor': 'end' }, projected.month) : null,
    s('polyline', { points: line, fill: 'none', stroke: ACCENT, 'stroke-width': 2.5 }),
    projected && last >= 0
      ? s('line', {
          x1: x(last),
          y1: y(points[last].value),
          x2: x(all.length - 1),
          y2: y(projected.value),
          stroke: SECOND,
          'stroke-width': 2.5,
          'stroke-dasharray': '5 4',
        })
      : null,
  );
}

/**
 * The learner's road to the degree as a ring: credits counted against credits required.
 * @param {{ counted: number, required: number, eligible: boolean }} options
 */
export function progressRing({ counted, required, eligible }) {
  const r = 52;
  const circumference = 2 * Math.PI * r;
  const ratio = required > 0 ? Math.min(counted / required, 1) : 0;
  return s(
    'svg',
    {
      viewBox: '0 0 140 140',
      width: 160,
      height: 160,
      role: 'img',
      'aria-label': t('common:chart.ectsCounted', { counted: fmt(counted), required: fmt(required) }),
      id: 'progress-ring',
    },
    s('circle', { cx: 70, cy: 70, r, fill: 'none', stroke: TRACK, 'stroke-width': 16 }),
    s('circle', {
      cx: 70,
      cy: 70,
      r,
      fill: 'none',
      stroke: eligible ? GOOD : ACCENT,
      'stroke-width': 16,
      'stroke-dasharray': `${ratio * circumference} ${circumference}`,
      transform: 'rotate(-90 70 70)',
    }),
    s('text', { x: 70, y: 68, 'text-anchor': 'middle', 'font-size': 22, 'font-weight': 700 }, fmt(counted)),
    s('text', { x: 70, y: 88, 'text-anchor': 'middle', 'font-size': 11 }, t('common:chart.ofEcts', { required: fmt(required) })),
  );
}
