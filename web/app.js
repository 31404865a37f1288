// Accord explorer: the wiring. Data is loaded once (events, proposals, articles and the index:
// four requests); every view filters it locally (filters.js), so filters work offline. All
// state is in the URL (router.js): views, filters, search and the open dialog.
import { Api, ApiError, apiBaseFrom } from './api.js';
import { count, eventCard, positionEvidence, proposalCard, setCardActions, evidenceItem } from './cards.js';
import { entityPage } from './entity.js';
import { exportLinks, shareBox } from './export.js';
import { eventEntities, filterEvents, filterProposals, proposalEntities } from './filters.js';
import { MATRIX_SORTS, renderMatrix } from './matrix.js';
import { readerPage } from './reader.js';
import {
  EVENT_STATUSES, EVENT_STATUS_HINT, clear, el, eventStatusLabel, fill, humanize, snippetFragment,
} from './render.js';
import { Router, VIEWS, VIEW_LABEL, parseOpen, routeURL } from './router.js';
import { renderEventList, renderTimeline } from './timeline.js';

const $ = (id) => document.getElementById(id);
const ui = Object.fromEntries(['banner', 'dataset', 'entity', 'entity-clear', 'entity-about', 'filter-status', 'notice', 'search-form', 'q',
  'search-results', 'search-list', 'search-summary', 'search-more', 'search-close', 'legend', 'axis', 'timeline',
  'timeline-count', 'proposals', 'proposals-count', 'matrix', 'matrix-sort', 'map', 'map-list', 'map-count', 'view-tabs',
  'kind', 'prov', 'from', 'to', 'reset', 'downloads', 'detail', 'detail-title', 'detail-body', 'detail-close', 'detail-origin', 'api-link', 'api-origin',
  'main'].map((id) => [id.replace(/-(\w)/g, (_, c) => c.toUpperCase()), $(id)]));

const state = {
  api: null,
  loaded: false,
  events: [],
  proposals: [],
  articles: new Map(),
  refs: new Map(), // every entity an event or proposal names: {id, name, type}
  resolved: new Map(), // ?entity= text → {id, name} | {missing} | {error} | {pending}
  points: null, // event id → [lon, lat], from the GeoJSON (loaded with the map)
  search: { key: '', next: null },
  viewKey: '', // what the view was last drawn for
  viewWidth: window.innerWidth,
  openKey: '', // the dialog's `open=` value, '' when closed
  opener: null,
};

const router = new Router((route, { popped }) => apply(route, { popped }));

// MARK: errors

function showError(error) {
  const unreachable = error instanceof ApiError && error.unreachable;
  fill(ui.banner,
    el('div', { class: 'banner-text' },
      el('strong', {}, unreachable ? 'The Accord API is unreachable.' : 'Something went wrong.'), ' ',
      error.message || String(error),
      unreachable ? el('span', { class: 'banner-hint' },
        ' Check that the server is running and, if it is on another origin, that it allows this one (CORS).') : null),
    el('button', { type: 'button', class: 'button', id: 'retry', onclick: retry }, 'Retry'));
  ui.banner.hidden = false;
  document.body.classList.add('has-error');
}

function hideError() {
  ui.banner.hidden = true;
  document.body.classList.remove('has-error');
}

// Retry keeps focus where the reader is: on the refreshed view, or on Retry again.
async function retry() {
  const ok = await boot();
  if (ok) {
    hideError();
    $(`${router.route.view}-heading`).focus();
  } else {
    $('retry')?.focus();
  }
}

// MARK: boot

// A link with ?api= can show another API's data on this server's page (its address bar and
// its look): whenever the data comes from another base than the page's own (the server's
// publicUrl, the <meta>, or the page's directory), the page says so and from where, on every
// view and in the detail dialog, which covers the page. The operator's publicUrl is not flagged.
function showApiOrigin(configured) {
  // Without ?api= the base is this one by construction: no second reading of the parameter.
  const own = apiBaseFrom({ search: '', href: window.location.href }, configured);
  const foreign = state.api.base !== own;
  const where = new URL(state.api.base);
  const shown = where.origin === window.location.origin ? state.api.base : where.origin;
  ui.apiOrigin.textContent = foreign
    ? `This page shows data from ${shown}, not from the API that sent the page (${own}), because its address asks for it (?api=). What you see is that API's record, not necessarily this one's.`
    : '';
  ui.apiOrigin.hidden = !foreign;
  ui.detailOrigin.textContent = foreign ? `Data from ${shown}, not from this server (?api=).` : '';
  ui.detailOrigin.hidden = !foreign;
}

async function boot() {
  document.body.dataset.ready = 'loading';
  try {
    const configured = document.querySelector('meta[name="accord-api"]')?.content ?? '';
    state.api = new Api(apiBaseFrom(window.location, configured));
    ui.apiLink.href = state.api.base;
    ui.apiLink.textContent = state.api.base;
    showApiOrigin(configured);
    if (!state.loaded) {
      for (const list of [ui.timeline, ui.proposals]) fill(list, el('li', { class: 'placeholder' }, 'Loading…'));
      // The dataset line is not needed to draw anything: it fills in when it comes, and a
      // failure leaves dashes instead of holding the views back.
      state.api.get('').then(renderDataset, () => renderDataset({}));
      const [events, proposals, articles] = await Promise.all([
        state.api.all('events?limit=1000'),
        state.api.all('proposals?limit=1000'),
        state.api.all('articles?limit=1000'),
      ]);
      state.events = events;
      // A proposal carries its first positions inline; the matrix needs them all.
      await Promise.all(proposals.filter((proposal) => (proposal.positionCount || 0) > (proposal.positions || []).length)
        .map(async (proposal) => { proposal.positions = await state.api.all(`proposals/${encodeURIComponent(proposal.id)}/positions?limit=1000`); }));
      state.proposals = proposals;
      state.articles = new Map(articles.map((article) => [article.id, article]));
      state.loaded = true;
      collectEntities();
      renderKinds();
    }
    hideError();
    state.viewKey = '';
    setCardActions({
      articles: state.articles, proposals: new Map(state.proposals.map((proposal) => [proposal.id, proposal])),
      open: (type, id, opener) => openRecord(type, id, opener),
      filterEntity: (id) => filterByEntity(id),
      readArticle: (id, evidence, opener) => openRecord('article', id, opener, evidence),
    });
    await apply(router.route, { popped: true });
    document.body.dataset.ready = 'true';
    return true;
  } catch (error) {
    for (const list of [ui.timeline, ui.proposals]) fill(list, el('li', { class: 'placeholder' }, 'Unavailable: the data could not be loaded.'));
    for (const box of [ui.axis, ui.matrix, ui.map]) clear(box);
    clear(ui.mapList);
    ui.filterStatus.textContent = 'Nothing is shown: the data could not be loaded.';
    showError(error);
    document.body.dataset.ready = 'error';
    return false;
  }
}

function renderDataset(index) {
  const dataset = index.dataset || {};
  const stat = (value, label) => el('span', { class: 'stat' }, el('strong', {}, value ?? '–'), ` ${label}`);
  fill(ui.dataset,
    stat(dataset.articles, 'articles'), stat(dataset.events, 'events'), stat(dataset.proposals, 'proposals'),
    stat(dataset.entities, 'entities'),
    el('span', { class: 'stat version', title: `Dataset version (SHA-256 of the seeds): ${dataset.version || ''}` },
      'dataset ', el('code', {}, String(dataset.version || '').slice(0, 12))));
}

// The entity picker lists every entity an event or proposal names; those references carry
// names and types, so the 500-entity list is never needed for it.
function collectEntities() {
  state.refs.clear();
  for (const event of state.events) for (const ref of eventEntities(event)) state.refs.set(ref.id, ref);
  for (const proposal of state.proposals) for (const ref of proposalEntities(proposal)) state.refs.set(ref.id, ref);
  renderEntityOptions();
}

const TYPE_GROUPS = [['person', 'People'], ['country', 'Countries'], ['organisation', 'Organisations'], ['place', 'Places'],
  ['agreement', 'Agreements']];

function renderEntityOptions() {
  const select = clear(ui.entity);
  select.append(el('option', { value: '' }, 'All entities'));
  const refs = [...state.refs.values()];
  const types = [...TYPE_GROUPS, ...[...new Set(refs.map((ref) => ref.type))]
    .filter((type) => !TYPE_GROUPS.some(([known]) => known === type)).map((type) => [type, humanize(type)])];
  for (const [type, label] of types) {
    const members = refs.filter((ref) => ref.type === type).sort((a, b) => a.name.localeCompare(b.name));
    if (members.length) select.append(el('optgroup', { label }, members.map((ref) => el('option', { value: ref.id }, ref.name))));
  }
}

function renderKinds() {
  const kinds = [...new Set(state.events.map((event) => event.kind))].sort();
  fill(ui.kind, el('option', { value: '' }, 'Any kind'), kinds.map((kind) => el('option', { value: kind }, humanize(kind))));
  fill(ui.matrixSort, Object.entries(MATRIX_SORTS).map(([value, label]) => el('option', { value }, label)));
}

// MARK: entity from the URL

/** The entity `?entity=` names: an id we know, else /entities/resolve (names and aliases). */
function entityOf(route) {
  if (!route.entity) return { id: '' };
  if (state.refs.has(route.entity)) return { id: route.entity, name: state.refs.get(route.entity).name };
  const known = state.resolved.get(route.entity);
  if (known) return known;
  state.resolved.set(route.entity, { pending: true });
  state.api.get(`entities/resolve?name=${encodeURIComponent(route.entity)}`).then(
    (answer) => state.resolved.set(route.entity, { id: answer.entity.id, name: answer.entity.name, type: answer.entity.type }),
    (error) => state.resolved.set(route.entity, error instanceof ApiError && error.status === 404
      ? { missing: true } : { error: error.message || String(error) }),
  ).then(() => {
    if (router.route.entity === route.entity) apply(router.route, { popped: true });
  });
  return { pending: true };
}

// MARK: apply a state

async function apply(route, { popped = false } = {}) {
  syncControls(route);
  if (!state.loaded) return;
  const entity = entityOf(route);
  if (entity.id && !state.refs.has(entity.id)) {
    // A real entity no event or proposal names: offer it anyway, so the select says what is shown.
    state.refs.set(entity.id, { id: entity.id, name: entity.name, type: entity.type || 'other' });
    renderEntityOptions();
  }
  ui.entity.value = entity.id || '';
  ui.entityClear.hidden = !route.entity;
  ui.entityAbout.hidden = !entity.id;
  ui.entityAbout.setAttribute('aria-label', entity.id ? `Profile of ${entity.name}` : 'Profile');
  showNotice(route, entity);
  setCardActions({ currentEntity: entity.id || '' });
  const events = filterEvents(state.events, route, entity.id);
  const proposals = filterProposals(state.proposals, route, entity.id);
  renderLegend(route, filterEvents(state.events, { ...route, status: null }, entity.id));
  describeFilters(route, entity, events, proposals);
  fill(ui.downloads, exportLinks(state.api, route, entity.id));
  // Opening or closing a dialog leaves the view as it is, so focus can return to its opener.
  const viewKey = `${routeURL({ ...route, open: '' }, 'http://x/')} ${entity.id || ''} ${state.viewWidth}`;
  if (viewKey !== state.viewKey) {
    state.viewKey = viewKey;
    await renderView(route, events, proposals);
  }
  runSearch(route, entity);
  syncDialog(route, popped);
}

function syncControls(route) {
  for (const view of VIEWS) $(`view-${view}`).hidden = view !== route.view;
  // The tabs are made once and updated, so a tab keeps its focus and identity across states.
  if (!ui.viewTabs.firstChild) {
    fill(ui.viewTabs, VIEWS.map((view) => el('li', {}, el('a', {
      href: './', class: 'view-tab', dataset: { view },
      onclick: (click) => {
        if (click.ctrlKey || click.metaKey || click.shiftKey) return;
        click.preventDefault();
        router.go({ view, open: '' });
        $(`${view}-heading`).focus();
      },
    }, VIEW_LABEL[view]))));
  }
  for (const tab of ui.viewTabs.querySelectorAll('a')) {
    tab.href = routeURL({ ...route, view: tab.dataset.view, open: '' });
    if (tab.dataset.view === route.view) tab.setAttribute('aria-current', 'page'); else tab.removeAttribute('aria-current');
  }
  ui.kind.value = route.kind;
  ui.prov.value = route.prov;
  ui.from.value = route.from;
  ui.to.value = route.to;
  ui.matrixSort.value = MATRIX_SORTS[route.sort] ? route.sort : 'actor-name';
  if (document.activeElement !== ui.q) ui.q.value = route.q;
  if (route.kind || route.prov || route.from || route.to) $('more-filters').open = true;
}

function showNotice(route, entity) {
  let text = '';
  if (entity.missing) text = `No entity is called “${route.entity}”, so no entity filter is applied. Choose one from the list.`;
  else if (entity.error) text = `“${route.entity}” could not be looked up (${entity.error}), so no entity filter is applied.`;
  else if (entity.pending) text = `Looking up “${route.entity}”…`;
  ui.notice.textContent = text;
  ui.notice.hidden = !text;
}

function describeFilters(route, entity, events, proposals) {
  const parts = [];
  if (entity.name) parts.push(`involving ${entity.name}`);
  if (route.status) parts.push(`events ${route.status.map(eventStatusLabel).join(' or ').toLowerCase()}`);
  if (route.kind) parts.push(`kind ${humanize(route.kind).toLowerCase()}`);
  if (route.prov) parts.push(`${route.prov} only`);
  if (route.from || route.to) parts.push(`dated ${route.from || '…'} to ${route.to || '…'}`);
  ui.filterStatus.textContent = parts.length
    ? `Showing ${count(events.length, 'event')} of ${state.events.length} and ${count(proposals.length, 'proposal')} of ${state.proposals.length}: ${parts.join(', ')}.`
    : `Showing all ${count(events.length, 'event')} and ${count(proposals.length, 'proposal')}.`;
}

function renderLegend(route, events) {
  const counts = {};
  for (const event of events) counts[event.status] = (counts[event.status] || 0) + 1;
  const statuses = EVENT_STATUSES.filter((status) => counts[status] || ['held', 'scheduled', 'proposed'].includes(status));
  fill(ui.legend,
    el('span', { class: 'legend-title' }, 'Status'),
    statuses.map((status) => {
      const shown = !route.status || route.status.includes(status);
      return el('button', {
        type: 'button', class: `legend-item status-${status}`, 'aria-pressed': String(shown), dataset: { status },
        title: `${shown ? 'Hide' : 'Show'} ${eventStatusLabel(status).toLowerCase()} events`,
        onclick: () => {
          const current = new Set(route.status || statuses);
          if (current.has(status)) current.delete(status); else current.add(status);
          const next = statuses.filter((item) => current.has(item));
          router.go({ status: next.length === statuses.length ? null : next.sort() });
          ui.legend.querySelector(`[data-status="${status}"]`)?.focus();
        },
      },
      el('span', { class: 'marker', 'aria-hidden': 'true' }),
      el('span', { class: 'legend-label' }, eventStatusLabel(status)),
      el('span', { class: 'legend-hint' }, EVENT_STATUS_HINT[status] || ''),
      el('span', { class: 'legend-count' }, counts[status] || 0));
    }),
    el('details', { class: 'legend-key' },
      el('summary', {}, 'Key to the marks'),
      el('p', { class: 'legend-precision' },
        el('span', { class: 'legend-title' }, 'Source'),
        el('span', { class: 'provenance curated' }, 'curated'), el('span', {}, 'checked by a person, or'),
        el('span', { class: 'provenance extracted' }, 'extracted'),
        el('span', {}, 'found by rules in articles no curator has annotated (More filters selects either)')),
      el('p', { class: 'legend-precision' },
        el('span', { class: 'legend-title' }, 'Dates'),
        el('span', {}, 'exact day, or'),
        el('span', { class: 'precision approximate' }, '± week'),
        el('span', { class: 'precision approximate' }, '± month'),
        el('span', {}, '(drawn as spans);'),
        el('span', { class: 'precision enriched' }, 'date not in the text'),
        el('span', {}, 'when the date comes from outside the article'))));
}

// MARK: views

async function renderView(route, events, proposals) {
  ui.timelineCount.textContent = count(events.length, 'event');
  ui.proposalsCount.textContent = count(proposals.length, 'proposal');
  const none = 'No event matches the filters.';
  if (route.view === 'timeline') {
    renderTimeline(ui.axis, {
      events, all: filterEvents(state.events, { ...route, from: '', to: '' }, entityOf(route).id), range: route,
      onRange: (from, to) => router.go({ from, to }),
      onOpen: (id, opener) => openRecord('event', id, opener),
    });
    renderEventList(ui.timeline, events, { emptyText: none });
  } else if (route.view === 'proposals') {
    fill(ui.proposals, proposals.length
      ? proposals.map((proposal) => el('li', { class: 'proposal', dataset: { id: proposal.id, status: proposal.status } }, proposalCard(proposal)))
      : el('li', { class: 'placeholder' }, 'No proposal matches the filters.'));
  } else if (route.view === 'matrix') {
    renderMatrix(ui.matrix, {
      proposals, sort: route.sort,
      onOpen: (proposal, entity, opener) => openRecord('stance', `${proposal}:${entity}`, opener),
    });
  } else if (route.view === 'map') {
    await renderMapView(events);
  }
}

async function renderMapView(events) {
  ui.mapCount.textContent = count(events.length, 'event');
  if (!state.points) {
    fill(ui.map, el('p', { class: 'placeholder' }, 'Loading the places…'));
    try {
      // GeoJSON pages have no links.next in the body (the Link header has it): page by offset.
      const points = new Map();
      for (let offset = 0, pages = 0; pages < 200; offset += 1000, pages += 1) {
        const collection = await state.api.get(`events?format=geojson&limit=1000&offset=${offset}`);
        for (const feature of collection.features || []) {
          if (feature.geometry) points.set(feature.properties.id || feature.id, feature.geometry.coordinates);
        }
        if ((collection.features || []).length < 1000) break;
      }
      state.points = points;
    } catch (error) {
      // Places without coordinates still have names: the list works, the dots wait for the API.
      fill(ui.map, el('p', { class: 'placeholder', role: 'status' }, `The event coordinates could not be loaded (${error.message}); places are listed by name.`));
      const { renderMap } = await import('./map.js');
      await renderMap(document.createElement('div'), ui.mapList, { events, points: new Map(), onOpen: mapOpen });
      return;
    }
  }
  const { renderMap } = await import('./map.js');
  await renderMap(ui.map, ui.mapList, { events, points: state.points, onOpen: mapOpen });
}

// A place with one event opens it; a place with several moves to its entry in the list.
function mapOpen(id, opener) {
  const place = opener && opener.dataset ? opener.dataset.place : null;
  const entry = place ? [...ui.mapList.querySelectorAll('.map-place')].find((item) => item.dataset.place === place) : null;
  if (entry && entry.querySelectorAll('.map-events li').length > 1) {
    entry.scrollIntoView({ block: 'center' });
    entry.querySelector('button').focus();
    return;
  }
  openRecord('event', id, opener);
}

function filterByEntity(id) {
  router.go({ entity: id, open: '' });
  $(`${router.route.view}-heading`).focus();
}

// MARK: search

async function runSearch(route, entity) {
  const key = route.q ? `${route.q}\u0000${entity.id || ''}` : '';
  if (key === state.search.key) return;
  state.search = { key, next: null };
  if (!route.q) {
    ui.searchResults.hidden = true;
    clear(ui.searchList);
    return;
  }
  ui.searchResults.hidden = false;
  ui.searchSummary.textContent = `Searching for “${route.q}”…`;
  clear(ui.searchList);
  ui.searchMore.hidden = true;
  try {
    // The API keeps the hits that involve the entity (match=exact: the entity itself, as the
    // page's own filters read it), so every page of 20 is full.
    const scope = entity.id ? `&entity=${encodeURIComponent(entity.id)}&match=exact` : '';
    const page = await state.api.page(`search?q=${encodeURIComponent(route.q)}${scope}&limit=20`);
    if (state.search.key !== key) return;
    appendHits(page);
    const total = page.meta ? page.meta.total : page.data.length;
    ui.searchSummary.textContent = !total ? `No results for “${route.q}”${entity.id ? ` involving ${entity.name}` : ''}.`
      : entity.id ? `${count(total, 'result')} for “${route.q}” involving ${entity.name}.`
        : `${count(total, 'result')} for “${route.q}”.`;
  } catch (error) {
    if (state.search.key !== key) return;
    state.search.key = ''; // a later apply tries again
    ui.searchSummary.textContent = `Search failed: ${error.message}`;
  }
}

function appendHits(page) {
  const hits = page.data || [];
  ui.searchList.append(...hits.map((hit) => el('li', { class: `hit type-${hit.type}`, dataset: { id: hit.id, type: hit.type } },
    el('div', { class: 'hit-head' },
      el('span', { class: `badge type-${hit.type}` }, humanize(hit.type)),
      el('button', {
        type: 'button', class: 'link-button hit-title',
        onclick: (click) => openRecord(hit.type, hit.id, click.currentTarget, null, router.route.q),
      }, hit.title || hit.id),
      hit.field && hit.field !== 'title' && hit.field !== 'name' ? el('span', { class: 'hit-field' }, `in ${hit.field}`) : null),
    el('p', { class: 'snippet' }, snippetFragment(hit.snippet)))));
  state.search.next = page.links ? page.links.next : null;
  ui.searchMore.hidden = !state.search.next;
  return hits.length;
}

async function moreResults() {
  if (!state.search.next) return;
  const firstNew = ui.searchList.children.length;
  try {
    appendHits(await state.api.page(state.search.next));
    ui.searchList.children[firstNew]?.querySelector('button')?.focus();
  } catch (error) {
    ui.searchSummary.textContent = `More results could not be loaded: ${error.message}`;
  }
}

// MARK: dialog

/** Opens a record in the dialog, as a new history entry (`open=type:id`). */
function openRecord(type, id, opener, evidence = null, terms = '') {
  if (!ui.detail.open) state.opener = opener || document.activeElement;
  let open = `${type}:${id}`;
  if (type === 'article' && evidence) open += `:${evidence.paragraph}.${evidence.start}.${evidence.end}`;
  state.pendingEvidence = evidence;
  router.go({ open, ...(terms ? { q: terms } : {}) });
}

function syncDialog(route, popped) {
  if (route.open === state.openKey) return;
  state.openKey = route.open;
  const target = parseOpen(route.open);
  if (!target) {
    if (ui.detail.open) ui.detail.close();
    return;
  }
  if (!ui.detail.open) {
    if (popped || !state.opener) state.opener = document.activeElement;
    ui.detail.showModal();
  }
  fillDialog(target, route);
}

async function fillDialog(target, route) {
  const key = route.open;
  ui.detailTitle.textContent = 'Loading…';
  fill(ui.detailBody, el('p', { class: 'placeholder' }, 'Loading…'));
  ui.detailClose.focus();
  try {
    const page = await dialogPage(target, route);
    if (state.openKey !== key) return;
    ui.detailTitle.textContent = page.title;
    fill(ui.detailBody, page.body);
    ui.detailBody.scrollTop = 0;
    const mark = ui.detailBody.querySelector('mark.quote') || ui.detailBody.querySelector('mark.term');
    if (mark) mark.scrollIntoView({ block: 'center' });
  } catch (error) {
    if (state.openKey !== key) return;
    ui.detailTitle.textContent = 'Unavailable';
    fill(ui.detailBody, el('p', { class: 'dialog-error', role: 'alert' },
      error instanceof ApiError && error.status === 404 ? `Not found: ${error.message}` : `This could not be loaded: ${error.message || error}`));
  }
}

function permalink(open) {
  return routeURL({ ...router.route, open });
}

async function dialogPage(target, route) {
  const { type, id, extra } = target;
  if (type === 'event' || type === 'proposal') {
    const list = type === 'event' ? state.events : state.proposals;
    const record = list.find((item) => item.id === id) || await state.api.get(`${type}s/${encodeURIComponent(id)}`);
    const card = type === 'event' ? eventCard(record, { expanded: true }) : proposalCard(record, { expanded: true });
    return { title: type === 'event' ? 'Event' : 'Proposal', body: el('div', { dataset: { record: `${type}:${id}` } }, card, shareBox(record, type, permalink(`${type}:${id}`))) };
  }
  if (type === 'stance') {
    const proposal = state.proposals.find((item) => item.id === id);
    const positions = proposal ? (proposal.positions || []).filter((item) => item.entity.id === extra) : [];
    if (!positions.length) throw new ApiError(`No recorded position of “${extra}” on “${id}”.`, { status: 404 });
    return {
      title: `${positions[0].entity.name} on “${proposal.title}”`,
      body: el('div', { class: 'stance-page' },
        el('ol', { class: 'evidence-list' }, positions.flatMap((position) => positionEvidence(proposal, position)).map(evidenceItem)),
        el('p', {}, el('button', { type: 'button', class: 'link-button', onclick: (click) => openRecord('proposal', proposal.id, click.currentTarget) }, 'The whole proposal'))),
    };
  }
  if (type === 'entity') {
    return entityPage(state.api, id, {
      events: state.events, proposals: state.proposals, articles: state.articles,
      actions: { open: openRecord, filter: (entityId) => { router.go({ entity: entityId, open: '' }); }, read: (article, evidence, opener) => openRecord('article', article, opener, evidence) },
    });
  }
  if (type === 'article') {
    const [paragraph, start, end] = (extra || '').split('.').map(Number);
    let evidence = state.pendingEvidence && state.pendingEvidence.paragraph === paragraph ? state.pendingEvidence : null;
    if (!evidence && extra && [paragraph, start, end].every(Number.isInteger)) evidence = { paragraph, start, end, quote: null };
    return readerPage(state.api, id, {
      evidence, terms: route.q, records: { events: state.events, proposals: state.proposals },
      entityName: (entityId) => (state.refs.get(entityId) || { name: entityId }).name,
      onEntity: (entityId, opener) => openRecord('entity', entityId, opener),
      onOpen: openRecord,
    });
  }
  throw new ApiError(`The link names “${type}”, which the explorer cannot open.`, { status: 404 });
}

// MARK: wiring

ui.entity.addEventListener('change', () => router.go({ entity: ui.entity.value }, { coalesce: 'entity' }));
ui.entityAbout.addEventListener('click', () => openRecord('entity', ui.entity.value, ui.entityAbout));
ui.entityClear.addEventListener('click', () => { router.go({ entity: '' }); ui.entity.focus(); });
ui.kind.addEventListener('change', () => router.go({ kind: ui.kind.value }, { coalesce: 'kind' }));
ui.prov.addEventListener('change', () => router.go({ prov: ui.prov.value }, { coalesce: 'prov' }));
ui.matrixSort.addEventListener('change', () => router.go({ sort: ui.matrixSort.value === 'actor-name' ? '' : ui.matrixSort.value }, { coalesce: 'sort' }));
for (const input of [ui.from, ui.to]) {
  input.addEventListener('change', () => {
    const valid = (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? value : '');
    router.go({ from: valid(ui.from.value), to: valid(ui.to.value) }, { coalesce: 'range' });
  });
}
ui.reset.addEventListener('click', () => router.go({ entity: '', status: null, kind: '', prov: '', from: '', to: '' }));
ui.searchForm.addEventListener('submit', (submit) => {
  submit.preventDefault();
  router.go({ q: ui.q.value.trim() });
});
ui.searchMore.addEventListener('click', moreResults);
ui.searchClose.addEventListener('click', () => { ui.q.value = ''; router.go({ q: '' }); ui.q.focus(); });
ui.detailClose.addEventListener('click', () => ui.detail.close());
ui.detail.addEventListener('click', (click) => {
  if (click.target === ui.detail) ui.detail.close(); // a click on the backdrop
});
// Closing (button, Escape, backdrop) is a new state without `open`; Back reopens it.
ui.detail.addEventListener('close', () => {
  if (router.route.open) {
    state.openKey = '';
    router.go({ open: '' });
  }
  if (state.opener && state.opener.isConnected) state.opener.focus();
  else $(`${router.route.view}-heading`).focus();
  state.opener = null;
});
let resizeTimer = 0;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => { state.viewWidth = window.innerWidth; if (state.loaded && (router.route.view === 'timeline' || router.route.view === 'map')) apply(router.route, { popped: true }); }, 200);
});

boot();
