// The time axis: events drawn to scale (a vague date as the span it covers), an overview strip
// of every event that can be brushed to zoom, and below both the same events as a list, which
// is also the chart's text alternative.
import { count, dateMarks, eventCard } from './cards.js';
import { byTime, dayMs, eventSpan } from './filters.js';
import { el, eventStatusLabel, fill, formatRange, monthKey } from './render.js';
import { svg } from './svg.js';

const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ROW = 26;

function isoDay(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Tick marks for a time extent: months, or weeks, or days, whichever gives a handful. */
function ticks(start, end, width) {
  const days = (end - start) / DAY;
  const room = Math.max(2, Math.floor(width / 70));
  const result = [];
  if (days / 30 > room) {
    const step = Math.ceil(days / 30 / room);
    const date = new Date(start);
    let cursor = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    while (cursor <= end) {
      const d = new Date(cursor);
      result.push({ at: cursor, label: `${MONTHS[d.getUTCMonth()]}${d.getUTCMonth() === 0 ? ` ${d.getUTCFullYear()}` : ''}` });
      cursor = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1);
    }
  } else {
    const step = Math.max(1, Math.ceil(days / room));
    for (let cursor = Math.ceil(start / DAY) * DAY; cursor <= end; cursor += step * DAY) {
      const d = new Date(cursor);
      result.push({ at: cursor, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` });
    }
  }
  return result;
}

function extentOf(events) {
  const spans = events.map(eventSpan).filter(Boolean);
  if (!spans.length) return null;
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/**
 * Draws the axis for `events` (already filtered) into `container`. `all` is every event the
 * other filters allow, for the overview; `range` the brushed {from, to}; `onRange(from, to)`
 * is called when the strip is brushed, and `onOpen(id, opener)` when an event is clicked.
 */
export function renderTimeline(container, { events, all, range, onRange, onOpen }) {
  const width = Math.max(280, container.clientWidth || 800);
  const dated = byTime(events).filter((event) => event.start);
  const undated = events.filter((event) => !event.start);
  const overall = extentOf(all) || extentOf(dated);
  let extent = range.from || range.to
    ? { start: range.from ? dayMs(range.from) : overall.start, end: range.to ? dayMs(range.to) + DAY : overall.end }
    : extentOf(dated);
  if (!overall || !extent) {
    fill(container, el('p', { class: 'placeholder' }, events.length ? `${count(undated.length, 'event')} with no date: see the list.` : 'No event matches the filters.'));
    return;
  }
  if (extent.end - extent.start < 2 * DAY) extent = { start: extent.start - DAY, end: extent.end + DAY };
  const pad = (extent.end - extent.start) * 0.02;
  const x0 = extent.start - pad;
  const x1 = extent.end + pad;
  const left = 8;
  const right = width - 8;
  const scale = (ms) => left + ((ms - x0) / (x1 - x0)) * (right - left);
  const axisY = 22;
  const height = axisY + 10 + dated.length * ROW + 6;

  const chart = svg('svg', {
    class: 'axis-chart', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `${count(dated.length, 'dated event')} from ${isoDay(extent.start)} to ${isoDay(extent.end - DAY)}, drawn to scale; the list below gives the same events.`,
  },
  ticks(x0, x1, width).map((tick) => svg('g', { class: 'tick' },
    svg('line', { x1: scale(tick.at), x2: scale(tick.at), y1: axisY - 4, y2: height }),
    svg('text', { x: scale(tick.at) + 3, y: axisY - 8 }, tick.label))),
  dated.map((event, row) => {
    const span = eventSpan(event);
    const y = axisY + 10 + row * ROW + ROW / 2;
    const a = Math.max(left, scale(span.start));
    const b = Math.min(right, Math.max(a + 2, scale(span.end)));
    const mid = span.exact ? (a + b) / 2 : a;
    const labelRight = mid < width * 0.6;
    return svg('g', {
      class: `axis-event status-${event.status}${span.exact ? '' : ' approximate'}`, 'data-id': event.id,
      onclick: (click) => onOpen(event.id, click.currentTarget),
    },
    svg('title', {}, `${event.title} · ${formatRange(event.start, event.end)} · ${eventStatusLabel(event.status)}`),
    span.exact && b - a < 10
      ? marker(event.status, mid, y)
      : [svg('rect', { class: 'span', x: a, y: y - 5, width: Math.max(4, b - a), height: 10, rx: 3 }), marker(event.status, a, y)],
    // Titles are cut to the room beside the mark (about 6.5 px a character at 12 px).
    labelText(event.title, labelRight ? Math.max(mid, b) + 9 : a - 9, y + 4, labelRight, width));
  }));

  fill(container,
    overview(all, overall, extent, range, width, onRange),
    el('div', { class: 'axis-scroll' }, chart),
    undated.length ? el('p', { class: 'panel-note' }, `${count(undated.length, 'event')} with no date ${undated.length === 1 ? 'is' : 'are'} not on the axis; the list below has ${undated.length === 1 ? 'it' : 'them'}.`) : null);
}

function labelText(title, x, y, toRight, width) {
  const room = Math.floor((toRight ? width - x - 4 : x - 4) / 6.8);
  const text = title.length > Math.min(48, room) ? `${title.slice(0, Math.max(1, Math.min(48, room) - 1))}…` : title;
  return svg('text', { x, y, 'text-anchor': toRight ? 'start' : 'end' }, text);
}

function marker(status, cx, cy) {
  if (status === 'rejected' || status === 'cancelled') {
    return svg('rect', { class: 'mark', x: cx - 5, y: cy - 5, width: 10, height: 10, transform: `rotate(45 ${cx} ${cy})` });
  }
  return svg('circle', { class: 'mark', cx, cy, r: 6 });
}

/** The strip of every event; dragging across it picks a range (the from/to fields do the same by keyboard). */
function overview(all, overall, extent, range, width, onRange) {
  const height = 34;
  const x0 = overall.start - DAY;
  const x1 = overall.end + DAY;
  const scale = (ms) => 8 + ((ms - x0) / (x1 - x0)) * (width - 16);
  const unscale = (px) => x0 + ((px - 8) / (width - 16)) * (x1 - x0);
  const zoomed = Boolean(range.from || range.to);
  const brush = svg('rect', {
    class: 'brush', y: 2, height: height - 4,
    x: zoomed ? scale(extent.start) : 0, width: zoomed ? Math.max(2, scale(extent.end) - scale(extent.start)) : 0,
  });
  let dragFrom = null;
  const strip = svg('svg', {
    class: 'overview', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Overview of all ${count(all.length, 'event')}; drag across it to zoom the axis (or use the From and To fields).`,
    onpointerdown: (down) => {
      dragFrom = down.offsetX;
      strip.setPointerCapture(down.pointerId);
      brush.setAttribute('x', dragFrom);
      brush.setAttribute('width', 0);
    },
    onpointermove: (move) => {
      if (dragFrom === null) return;
      brush.setAttribute('x', Math.min(dragFrom, move.offsetX));
      brush.setAttribute('width', Math.abs(move.offsetX - dragFrom));
    },
    onpointerup: (up) => {
      if (dragFrom === null) return;
      const a = Math.min(dragFrom, up.offsetX);
      const b = Math.max(dragFrom, up.offsetX);
      dragFrom = null;
      if (b - a < 4) return;
      onRange(isoDay(unscale(a)), isoDay(unscale(b)));
    },
  },
  svg('rect', { class: 'strip', x: 0, y: 0, width, height }),
  all.map(eventSpan).map((span, index) => (span ? svg('rect', {
    class: `tick-mark status-${all[index].status}`, x: scale(span.start), y: 8, width: Math.max(2, scale(span.end) - scale(span.start)), height: height - 16,
  }) : null)),
  brush);
  return strip;
}

/** The events as a list grouped by month: the chart's text alternative and the place to read cards. */
export function renderEventList(list, events, { emptyText }) {
  if (!events.length) {
    fill(list, el('li', { class: 'placeholder' }, emptyText));
    return;
  }
  const groups = [];
  for (const event of byTime(events)) {
    const { key, label } = monthKey(event.start);
    if (!groups.length || groups[groups.length - 1].key !== key) groups.push({ key, label, events: [] });
    groups[groups.length - 1].events.push(event);
  }
  fill(list, groups.map((group) => el('li', { class: 'month', dataset: { month: group.key } },
    el('h3', { class: 'month-label' }, group.label),
    el('ol', { class: 'month-events' }, group.events.map(listItem)))));
}

function listItem(event) {
  const precision = event.start ? event.start.precision : 'none';
  return el('li', {
    class: `event status-${event.status} precision-${precision}`,
    dataset: { id: event.id, status: event.status, date: event.start ? event.start.date : '' },
  },
  el('div', { class: 'event-when' },
    event.start
      ? el('time', { datetime: event.start.date }, formatRange(event.start, event.end))
      : el('span', { class: 'undated' }, 'Date unknown'),
    dateMarks(event)),
  el('span', { class: 'event-marker', 'aria-hidden': 'true' }, el('span', { class: 'marker' })),
  eventCard(event));
}
