// The explorer's only door to the data: Accord's public JSON API, exactly as any client sees it.
// Plain `fetch` (the browser's HTTP cache revalidates with the ETags), `links.next` for paging,
// RFC 9457 problems turned into readable errors.

/** An API failure: `unreachable` when no HTTP answer came back at all (down, CORS, timeout). */
export class ApiError extends Error {
  constructor(message, { url, status = 0, problem = null, unreachable = false } = {}) {
    super(message);
    this.name = 'ApiError';
    this.url = url;
    this.status = status;
    this.problem = problem;
    this.unreachable = unreachable;
  }
}

/**
 * The API base URL, always ending in "/": `?api=http://host:port[/prefix]` in the page's URL,
 * otherwise the directory the page was served from (same origin, proxy prefixes included).
 */
// `configured` is the server's publicUrl (a <meta name="accord-api"> in the page), which wins
// over the page's own address; `?api=` still wins over both.
export function apiBaseFrom(location, configured = '') {
  const requested = new URLSearchParams(location.search).get('api');
  let base;
  if (requested) {
    try {
      base = new URL(requested);
    } catch {
      throw new ApiError(`The api parameter “${requested}” is not a URL (expected e.g. ?api=http://localhost:8080).`, { url: requested });
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new ApiError(`The api parameter must be an http or https URL, not “${requested}”.`, { url: requested });
    }
  } else if (configured) {
    base = new URL(configured);
  } else {
    base = new URL('./', location.href);
  }
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base.href;
}

const TIMEOUT_MS = 15000;
const MAX_PAGES = 200;

export class Api {
  constructor(base, pageOrigin = globalThis.location ? globalThis.location.origin : null) {
    this.base = base;
    // Another origin: revalidate every time (a conditional request, answered 304 with the
    // CORS headers). A response cached from a same-origin visit carries no
    // Access-Control-Allow-Origin (Accord sends it only when a request has an Origin, without
    // Vary: Origin), and reusing it would fail the CORS check.
    this.cache = pageOrigin && new URL(base).origin !== pageOrigin ? 'no-cache' : 'default';
  }

  /** Absolute URL of an API path relative to the base ("events?limit=100"). */
  url(path) {
    return new URL(path.replace(/^\/+/, ''), this.base).href;
  }

  /** GET one JSON document (a path relative to the base, or an absolute URL the API gave us). */
  async get(pathOrURL) {
    const url = /^https?:\/\//.test(pathOrURL) ? pathOrURL : this.url(pathOrURL);
    let response;
    try {
      response = await fetch(url, {
        headers: { Accept: 'application/json' },
        mode: 'cors',
        cache: this.cache,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (cause) {
      const reason = cause && cause.name === 'TimeoutError' ? 'it did not answer in time' : 'the request failed before any answer';
      throw new ApiError(`Cannot reach the Accord API at ${this.base} (${reason}).`, { url, unreachable: true });
    }
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      const detail = body && (body.detail || body.title);
      throw new ApiError(detail ? `${detail}` : `The API answered ${response.status} for ${url}.`, {
        url, status: response.status, problem: body,
      });
    }
    if (body === null) throw new ApiError(`The API sent something that is not JSON for ${url}.`, { url, status: response.status });
    return body;
  }

  /** Every record of a list: the first page, then `links.next` until it is null. */
  async all(path) {
    const records = [];
    let next = this.url(path);
    let total = 0;
    for (let pages = 0; next && pages < MAX_PAGES; pages += 1) {
      const page = await this.get(next);
      records.push(...(page.data || []));
      total = page.meta ? page.meta.total : records.length;
      next = page.links ? page.links.next : null;
    }
    return Object.assign(records, { total });
  }

  /** One page of a list, for "show more" paging (search). */
  page(pathOrURL) {
    return this.get(pathOrURL);
  }
}
