// DOM builders for the explorer. Every text from the API goes in as a text node; the only
// markup taken from the API is search snippets, and those are rebuilt keeping <mark> alone.

/** `el('p', {class: 'x'}, 'text', child)`: attributes (`on*` become listeners), then children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** Replaces a node's children (arrays are flattened, nulls skipped). */
export function fill(node, ...children) {
  clear(node);
  append(node, children);
  return node;
}

// MARK: labels

const EVENT_STATUS = {
  held: 'Held', scheduled: 'Scheduled', proposed: 'Proposed', rejected: 'Rejected', cancelled: 'Cancelled',
};
export const EVENT_STATUSES = Object.keys(EVENT_STATUS);
export const EVENT_STATUS_HINT = {
  held: 'took place',
  scheduled: 'planned, with a date',
  proposed: 'suggested, not agreed',
  rejected: 'turned down',
  cancelled: 'called off',
};

const PROPOSAL_STATUS = {
  proposed: 'Proposed',
  'under-discussion': 'Under discussion',
  'agreed-in-principle': 'Agreed in principle',
  pledged: 'Pledged',
  implemented: 'Implemented',
  rejected: 'Rejected',
};

export function eventStatusLabel(status) {
  return EVENT_STATUS[status] || humanize(status);
}

export function proposalStatusLabel(status) {
  return PROPOSAL_STATUS[status] || humanize(status);
}

/** "bilateral-meeting" → "Bilateral meeting"; "un-session" → "UN session". */
export function humanize(slug) {
  if (!slug) return '';
  const words = String(slug).split('-').map((word) => (word === 'un' || word === 'eu' || word === 'us' ? word.toUpperCase() : word));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// MARK: dates

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

function parts(iso) {
  const [year, month, day] = String(iso).split('-').map(Number);
  return { year, month, day };
}

/** "2025-08-18" at day precision → "18 Aug 2025"; week → "week of 1 Sep 2025"; month → "Aug 2025". */
export function formatPoint(point) {
  if (!point || !point.date) return 'Undated';
  const { year, month, day } = parts(point.date);
  switch (point.precision) {
    case 'year': return `${year}`;
    case 'month': return `${MONTHS[month - 1]} ${year}`;
    case 'week': return `week of ${day} ${MONTHS[month - 1]} ${year}`;
    default: return `${day} ${MONTHS[month - 1]} ${year}`;
  }
}

/** A start–end range, compact when both are exact days: "27–28 Aug 2025", "31 Aug – 3 Sep 2025". */
export function formatRange(start, end) {
  if (!start || !start.date) return 'Undated';
  if ((!end || !end.date) && start.precision === 'week') {
    // A week-precision date is the Monday of that week: show the whole week.
    const first = new Date(`${start.date}T00:00:00Z`);
    const last = new Date(first.getTime() + 6 * 86400000);
    end = { date: last.toISOString().slice(0, 10), precision: 'day' };
    start = { ...start, precision: 'day' };
  }
  if (!end || !end.date || end.date === start.date) return capitalize(formatPoint(start));
  if (start.precision === 'day' && end.precision === 'day') {
    const a = parts(start.date);
    const b = parts(end.date);
    if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
    if (a.year === b.year) return `${a.day} ${MONTHS[a.month - 1]} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
  }
  return `${capitalize(formatPoint(start))} – ${formatPoint(end)}`;
}

/** The group a date belongs to in the timeline: "August 2025", or "Undated". */
export function monthKey(point) {
  if (!point || !point.date) return { key: 'undated', label: 'Undated' };
  const { year, month } = parts(point.date);
  return { key: `${year}-${String(month).padStart(2, '0')}`, label: `${MONTHS_LONG[month - 1]} ${year}` };
}

export const PRECISION_LABEL = { day: 'exact day', week: '± week', month: '± month', year: '± year' };

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// MARK: snippets and quotes

/**
 * A search snippet as DOM: the API sends HTML-escaped text with <mark> around matches. It is
 * parsed inertly and rebuilt from text nodes and <mark> elements only, whatever else it holds.
 */
export function snippetFragment(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html || ''}</body>`, 'text/html');
  const fragment = document.createDocumentFragment();
  for (const node of parsed.body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
      fragment.append(el('mark', {}, node.textContent));
    } else {
      fragment.append(document.createTextNode(node.textContent));
    }
  }
  return fragment;
}

/**
 * A paragraph's text with the quote marked. Offsets count Unicode code points (the API's
 * convention), so the text is split into code points, not UTF-16 units. When the offsets do
 * not match the quote, the quote is looked up in the text instead.
 */
export function markedParagraph(text, quote, start, end) {
  const points = Array.from(text);
  let from = start;
  let to = end;
  if (quote && points.slice(from, to).join('') !== quote) {
    const at = text.indexOf(quote);
    if (at < 0) return [text];
    from = Array.from(text.slice(0, at)).length;
    to = from + Array.from(quote).length;
  }
  if (!(from >= 0 && to > from && to <= points.length)) return [text];
  return [points.slice(0, from).join(''), el('mark', { class: 'quote' }, points.slice(from, to).join('')), points.slice(to).join('')];
}
