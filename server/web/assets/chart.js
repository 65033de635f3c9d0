// Admissions per minute over the last hour as an inline SVG bar chart, drawn here: no chart
// library, nothing fetched. The SVG scales with its box (viewBox); each bar has a <title> with
// its minute and count, and the whole chart a label that says what a screen reader needs.
import { svg } from './dom.js';
import { number, shortTime } from './format.js';
import { t } from './i18n.js';

const WIDTH = 640;
const HEIGHT = 180;
const LEFT = 34;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 24;

// A round top for the y axis: 1, 2, 5, 10, 20, 50 ...
function niceMax(max) {
  if (max <= 4) return Math.max(1, max);
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

// minutes: [{minute, admissions}], the last 60 minutes, oldest first; `minute` is Unix ms.
export function perMinuteChart(minutes) {
  const list = Array.isArray(minutes) ? minutes : [];
  const counts = list.map((m) => Math.max(0, Number(m.admissions) || 0));
  const total = counts.reduce((a, b) => a + b, 0);
  const max = counts.length ? Math.max(...counts) : 0;
  const top = niceMax(max);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slots = Math.max(60, list.length);
  const slot = plotWidth / slots;
  const y = (value) => TOP + plotHeight - (value / top) * plotHeight;

  const grid = [];
  for (const value of top <= 1 ? [0, 1] : [0, top / 2, top]) {
    grid.push(svg('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(value), y2: y(value) }));
    grid.push(svg('text', { class: 'axis', x: LEFT - 6, y: y(value) + 4, 'text-anchor': 'end' },
                  number(value)));
  }

  const bars = list.map((m, i) => {
    const count = counts[i];
    const height = (count / top) * plotHeight;
    const x = LEFT + (slots - list.length + i) * slot + 1;
    return svg('rect', {
      class: count > 0 ? 'bar' : 'bar zero',
      x: x.toFixed(1),
      y: (TOP + plotHeight - height).toFixed(1),
      width: Math.max(1, slot - 2).toFixed(1),
      height: Math.max(count > 0 ? 1 : 0, height).toFixed(1),
    }, svg('title', {}, `${shortTime(Number(m.minute))}: ${number(count)}`));
  });

  const labels = [];
  if (list.length > 0) {
    const last = LEFT + plotWidth;
    labels.push(svg('text', { class: 'axis', x: last, y: HEIGHT - 6, 'text-anchor': 'end' },
                    t('overview.chartNow')));
    labels.push(svg('text', { class: 'axis', x: LEFT + plotWidth / 2, y: HEIGHT - 6,
                              'text-anchor': 'middle' }, t('overview.chartAgo', { n: 30 })));
    labels.push(svg('text', { class: 'axis', x: LEFT, y: HEIGHT - 6, 'text-anchor': 'start' },
                    t('overview.chartAgo', { n: 60 })));
  }

  const label = t('overview.chartLabel', { n: number(total), max: number(max) });
  return svg('svg', {
    class: 'chart',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': label,
    'data-total': total,
  }, svg('title', {}, label), grid, svg('line', {
    class: 'baseline', x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0),
  }), bars, labels);
}
