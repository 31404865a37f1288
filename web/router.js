// The explorer's state lives in its URL: every view, filter and open dialog is a query
// parameter, so any state can be linked, and Back and Forward undo and redo it.
// `?view=timeline&entity=donald-trump&status=held,scheduled&open=event:<id>`.

export const VIEWS = ['timeline', 'proposals', 'matrix', 'map'];
export const VIEW_LABEL = { timeline: 'Timeline', proposals: 'Proposals', matrix: 'Stances', map: 'Map' };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Parameters that are not state: `api` (another origin) is kept as it is on every URL.
const KEYS = ['view', 'entity', 'status', 'kind', 'prov', 'from', 'to', 'q', 'sort', 'open'];

/** The state a URL's query names; unknown or malformed values fall back to the defaults. */
export function parseRoute(search) {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const date = (name) => (DATE.test(params.get(name) || '') ? params.get(name) : '');
  const status = (params.get('status') || '').split(',').filter(Boolean);
  return {
    view: VIEWS.includes(view) ? view : 'timeline',
    entity: (params.get('entity') || '').trim(),
    status: status.length ? status.sort() : null, // null: every status
    kind: params.get('kind') || '',
    prov: ['curated', 'extracted'].includes(params.get('prov')) ? params.get('prov') : '',
    from: date('from'),
    to: date('to'),
    q: (params.get('q') || '').trim(),
    sort: params.get('sort') || '',
    open: params.get('open') || '',
  };
}

/** The URL of a state: defaults are left out, so the plain page is `./`. */
export function routeURL(route, current = window.location.href) {
  const url = new URL(current);
  for (const key of KEYS) url.searchParams.delete(key);
  const values = {
    view: route.view === 'timeline' ? '' : route.view,
    entity: route.entity,
    status: route.status ? route.status.join(',') : '',
    kind: route.kind, prov: route.prov, from: route.from, to: route.to, q: route.q, sort: route.sort, open: route.open,
  };
  for (const key of KEYS) if (values[key]) url.searchParams.set(key, values[key]);
  url.hash = '';
  return url.href;
}

export function sameRoute(a, b) {
  return routeURL(a, 'http://x/') === routeURL(b, 'http://x/');
}

/** `open=event:<id>` → {type: 'event', id, extra}; `open=stance:<proposal>:<entity>` has an extra part. */
export function parseOpen(open) {
  if (!open) return null;
  const [type, id, ...rest] = open.split(':');
  if (!type || !id) return null;
  return { type, id, extra: rest.join(':') };
}

export class Router {
  /** `onChange(route)` renders a state; it runs on every navigation and on Back/Forward. */
  constructor(onChange) {
    this.onChange = onChange;
    this.route = parseRoute(window.location.search);
    this.lastPush = { key: '', at: 0 };
    window.addEventListener('popstate', () => {
      this.route = parseRoute(window.location.search);
      this.onChange(this.route, { popped: true });
    });
  }

  /**
   * A new state from `changes`. It gets its own history entry, except repeated changes of one
   * control within a second (arrow keys on a select, typing a date), which replace it.
   */
  go(changes, { replace = false, coalesce = '' } = {}) {
    const next = { ...this.route, ...changes };
    if (sameRoute(next, this.route)) return;
    const now = Date.now();
    const merge = replace || (coalesce && this.lastPush.key === coalesce && now - this.lastPush.at < 1000);
    this.lastPush = { key: coalesce, at: now };
    window.history[merge ? 'replaceState' : 'pushState'](null, '', routeURL(next));
    this.route = next;
    this.onChange(next, { popped: false });
  }
}
