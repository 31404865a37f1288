// Accord explorer: a timeline of events, the proposals with who supports and opposes them, an
// entity filter, full-text search, and for every item the sentences of the articles behind it.
// It reads only the public API (see api.js); `?api=http://host:port` points it at another origin.
import { Api, ApiError, apiBaseFrom } from './api.js';
import {
  EVENT_STATUSES, EVENT_STATUS_HINT, PRECISION_LABEL, clear, el, fill, eventStatusLabel, formatPoint, formatRange,
  humanize, markedParagraph, monthKey, proposalStatusLabel, snippetFragment,
} from './render.js';

const $ = (id) => document.getElementById(id);
const ui = {
  banner: $('banner'),
  dataset: $('dataset'),
  entity: $('entity'),
  entityClear: $('entity-clear'),
  filterStatus: $('filter-status'),
  searchForm: $('search-form'),
  q: $('q'),
  results: $('search-results'),
  resultsList: $('search-list'),
  resultsSummary: $('search-summary'),
  resultsMore: $('search-more'),
  resultsClose: $('search-close'),
  legend: $('legend'),
  timeline: $('timeline'),
  timelineCount: $('timeline-count'),
  proposals: $('proposals'),
  proposalsCount: $('proposals-count'),
  dialog: $('detail'),
  dialogTitle: $('detail-title'),
  dialogBody: $('detail-body'),
  dialogClose: $('detail-close'),
  apiLink: $('api-link'),
};

const state = {
  api: null,
  entities: new Map(),
  articles: new Map(),
  allEvents: [],
  allProposals: [],
  events: [],
  proposals: [],
  entity: '',
  hidden: new Set(),
  searchNext: null,
  generation: 0,
  opener: null,
};

// MARK: errors

function showError(error) {
  const unreachable = error instanceof ApiError && error.unreachable;
  fill(ui.banner, 
    el('div', { class: 'banner-text' },
      el('strong', {}, unreachable ? 'The Accord API is unreachable.' : 'Something went wrong.'), ' ',
      error.message || String(error),
      unreachable ? el('span', { class: 'banner-hint' },
        ' Check that the server is running and, if it is on another origin, that it allows this one (CORS).') : null),
    el('button', { type: 'button', class: 'button', onclick: () => { hideError(); boot(); } }, 'Retry'),
  );
  ui.banner.hidden = false;
  document.body.classList.add('has-error');
}

function hideError() {
  ui.banner.hidden = true;
  document.body.classList.remove('has-error');
}

function placeholder(list, text) {
  fill(list, el('li', { class: 'placeholder' }, text));
}

// MARK: boot

async function boot() {
  const generation = ++state.generation;
  placeholder(ui.timeline, 'Loading events…');
  placeholder(ui.proposals, 'Loading proposals…');
  ui.timeline.setAttribute('aria-busy', 'true');
  ui.proposals.setAttribute('aria-busy', 'true');
  try {
    const configured = document.querySelector('meta[name="accord-api"]')?.content ?? '';
    state.api = new Api(apiBaseFrom(window.location, configured));
    ui.apiLink.href = state.api.base;
    ui.apiLink.textContent = state.api.base;
    const [index, events, proposals, entities, articles] = await Promise.all([
      state.api.get(''),
      state.api.all('events?limit=100'),
      state.api.all('proposals?limit=100'),
      state.api.all('entities?limit=100'),
      state.api.all('articles?limit=100'),
    ]);
    if (generation !== state.generation) return;
    state.allEvents = events;
    state.allProposals = proposals;
    state.entities = new Map(entities.map((entity) => [entity.id, entity]));
    state.articles = new Map(articles.map((article) => [article.id, article]));
    renderDataset(index);
    renderEntityOptions(entities, events, proposals);
    const params = new URLSearchParams(window.location.search);
    const wanted = params.get('entity');
    if (wanted && state.entities.has(wanted)) {
      await selectEntity(wanted, { updateURL: false });
    } else {
      showAll();
    }
    const query = params.get('q');
    if (query) {
      ui.q.value = query;
      await search(query, { updateURL: false });
    }
    document.body.dataset.ready = 'true';
  } catch (error) {
    if (generation !== state.generation) return;
    placeholder(ui.timeline, 'The timeline is unavailable.');
    placeholder(ui.proposals, 'The proposals are unavailable.');
    ui.dataset.textContent = '';
    showError(error);
    document.body.dataset.ready = 'error';
  } finally {
    ui.timeline.removeAttribute('aria-busy');
    ui.proposals.removeAttribute('aria-busy');
  }
}

function renderDataset(index) {
  const dataset = index.dataset || {};
  fill(ui.dataset, 
    stat(dataset.articles, 'articles'), stat(dataset.events, 'events'), stat(dataset.proposals, 'proposals'),
    stat(dataset.entities, 'entities'),
    el('span', { class: 'stat version', title: `Dataset version (SHA-256 of the seeds): ${dataset.version || ''}` },
      'dataset ', el('code', {}, String(dataset.version || '').slice(0, 12))),
  );
}

function stat(value, label) {
  return el('span', { class: 'stat' }, el('strong', {}, value ?? '–'), ` ${label}`);
}

// MARK: entity filter

const TYPE_GROUPS = [
  ['person', 'People'], ['country', 'Countries'], ['organisation', 'Organisations'], ['place', 'Places'],
  ['agreement', 'Agreements'],
];

function renderEntityOptions(entities, events, proposals) {
  // Only entities that some event or proposal involves: choosing any other would show nothing.
  const involved = new Set();
  for (const event of events) {
    if (event.location) involved.add(event.location.id);
    for (const participant of event.participants || []) involved.add(participant.entity.id);
  }
  for (const proposal of proposals) {
    for (const reference of [...(proposal.proposers || []), ...(proposal.guarantors || []), proposal.beneficiary]) {
      if (reference) involved.add(reference.id);
    }
    for (const position of proposal.positions || []) involved.add(position.entity.id);
  }
  const select = clear(ui.entity);
  select.append(el('option', { value: '' }, 'All entities'));
  for (const [type, label] of TYPE_GROUPS) {
    const members = entities.filter((entity) => entity.type === type && involved.has(entity.id))
      .sort((a, b) => a.name.localeCompare(b.name));
    if (members.length === 0) continue;
    select.append(el('optgroup', { label }, members.map((entity) => el('option', { value: entity.id }, entity.name))));
  }
}

async function selectEntity(id, { updateURL = true } = {}) {
  state.entity = id;
  ui.entity.value = id;
  ui.entityClear.hidden = !id;
  if (updateURL) setURLParameter('entity', id);
  if (!id) {
    showAll();
    return;
  }
  const generation = ++state.generation;
  ui.timeline.setAttribute('aria-busy', 'true');
  ui.proposals.setAttribute('aria-busy', 'true');
  try {
    const path = encodeURIComponent(id);
    const [events, proposals] = await Promise.all([
      state.api.all(`entities/${path}/events?limit=100`),
      state.api.all(`entities/${path}/proposals?limit=100`),
    ]);
    if (generation !== state.generation) return;
    hideError();
    show(events, proposals);
  } catch (error) {
    if (generation === state.generation) showError(error);
  } finally {
    if (generation === state.generation) {
      ui.timeline.removeAttribute('aria-busy');
      ui.proposals.removeAttribute('aria-busy');
    }
  }
}

function showAll() {
  state.entity = '';
  ui.entity.value = '';
  ui.entityClear.hidden = true;
  show(state.allEvents, state.allProposals);
}

function show(events, proposals) {
  state.events = events;
  state.proposals = proposals;
  renderLegend();
  renderTimeline();
  renderProposals();
  const entity = state.entities.get(state.entity);
  ui.filterStatus.textContent = entity
    ? `Showing ${count(events.length, 'event')} and ${count(proposals.length, 'proposal')} involving ${entity.name}.`
    : `Showing all ${count(events.length, 'event')} and ${count(proposals.length, 'proposal')}.`;
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function setURLParameter(name, value) {
  const url = new URL(window.location.href);
  if (value) url.searchParams.set(name, value); else url.searchParams.delete(name);
  window.history.replaceState(null, '', url);
}

// MARK: timeline

function renderLegend() {
  const counts = {};
  for (const event of state.events) counts[event.status] = (counts[event.status] || 0) + 1;
  const statuses = EVENT_STATUSES.filter((status) => counts[status] || status === 'held' || status === 'scheduled' || status === 'proposed');
  fill(ui.legend, 
    el('span', { class: 'legend-title', id: 'legend-title' }, 'Status'),
    statuses.map((status) => {
      const pressed = !state.hidden.has(status);
      return el('button', {
        type: 'button', class: `legend-item status-${status}`, 'aria-pressed': String(pressed),
        title: `${pressed ? 'Hide' : 'Show'} ${eventStatusLabel(status).toLowerCase()} events`,
        onclick: () => {
          if (state.hidden.has(status)) state.hidden.delete(status); else state.hidden.add(status);
          renderLegend();
          renderTimeline();
          ui.legend.querySelector(`.status-${status}`)?.focus();
        },
      },
      el('span', { class: 'marker', 'aria-hidden': 'true' }),
      el('span', { class: 'legend-label' }, eventStatusLabel(status)),
      el('span', { class: 'legend-hint' }, EVENT_STATUS_HINT[status] || ''),
      el('span', { class: 'legend-count' }, counts[status] || 0));
    }),
    el('p', { class: 'legend-precision' },
      el('span', { class: 'legend-title' }, 'Source'),
      el('span', {}, 'curated (checked by a person), or'),
      el('span', { class: 'provenance extracted' }, 'extracted'),
      el('span', {}, 'found by rules in articles no curator has annotated')),
    el('p', { class: 'legend-precision' },
      el('span', { class: 'legend-title' }, 'Dates'),
      el('span', {}, 'exact day, or'),
      el('span', { class: 'precision approximate' }, '± week'),
      el('span', { class: 'precision approximate' }, '± month'),
      el('span', {}, 'when the text gives only an approximate time;'),
      el('span', { class: 'precision enriched' }, 'date not in the text'),
      el('span', {}, 'when the date comes from outside the article (its reason says from where)')),
  );
}

function renderTimeline() {
  const visible = state.events.filter((event) => !state.hidden.has(event.status));
  ui.timelineCount.textContent = visible.length === state.events.length
    ? count(visible.length, 'event') : `${visible.length} of ${count(state.events.length, 'event')}`;
  if (visible.length === 0) {
    placeholder(ui.timeline, state.events.length ? 'No event with the chosen statuses.' : 'No events for this entity.');
    return;
  }
  // The API's order (by date, undated last); grouped by month for reading.
  const groups = [];
  for (const event of visible) {
    const { key, label } = monthKey(event.start);
    if (!groups.length || groups[groups.length - 1].key !== key) groups.push({ key, label, events: [] });
    groups[groups.length - 1].events.push(event);
  }
  fill(ui.timeline, groups.map((group) => el('li', { class: 'month', dataset: { month: group.key } },
    el('h3', { class: 'month-label' }, group.label),
    el('ol', { class: 'month-events' }, group.events.map(timelineItem)))));
}

function timelineItem(event) {
  const precision = event.start ? event.start.precision : 'none';
  return el('li', {
    class: `event status-${event.status} precision-${precision}`,
    dataset: { id: event.id, status: event.status, date: event.start ? event.start.date : '' },
  },
  el('div', { class: 'event-when' },
    event.start
      ? el('time', { datetime: event.start.date }, formatRange(event.start, event.end))
      : el('span', { class: 'undated' }, 'Date unknown'),
    event.start && precision !== 'day'
      ? el('span', { class: 'precision approximate', title: readableReason(event.start.reason) }, PRECISION_LABEL[precision] || precision)
      : null,
    dateFromOutsideText(event)
      ? el('span', { class: 'precision enriched', title: readableReason(event.start.reason) }, 'date not in the text')
      : null),
  el('span', { class: 'event-marker', 'aria-hidden': 'true' }, el('span', { class: 'marker' })),
  eventCard(event));
}

function eventCard(event, { expanded = false } = {}) {
  const where = event.location ? event.location.name : null;
  const headingId = `event-${event.id}${expanded ? '-detail' : ''}`;
  return el('article', { class: `card event-card status-${event.status}`, 'aria-labelledby': headingId },
    el('div', { class: 'card-meta' },
      el('span', { class: `badge status-${event.status}` }, eventStatusLabel(event.status)),
      event.overdue ? el('span', { class: 'provenance overdue', title: 'Scheduled, but its date has passed by the newest article' }, 'overdue') : null,
      provenanceMark(event),
      el('span', { class: 'kind' }, el('strong', {}, humanize(event.kind)), where ? ` · ${where}` : ''),
      statusAsOf(event)),
    el(expanded ? 'h3' : 'h4', { class: 'card-title', id: headingId }, event.title),
    event.summary ? el('p', { class: 'summary' }, event.summary) : null,
    participants(event.participants || []),
    sources(event.evidence || [], {
      outlets: event.outlets || [], expanded,
      dating: event.start
        ? `${formatRange(event.start, event.end)}${dateFromOutsideText(event) ? ' (not stated in the text)' : ''}: ${readableReason(event.start.reason)}`
        : null,
    }));
}

// A date the curator or the rules added from outside the article text (`enrichment` names it).
function dateFromOutsideText(event) {
  const enriched = event.enrichment || [];
  return Boolean(event.start) && (enriched.includes('start') || enriched.includes('end'));
}

// Reasons name articles by their internal ids ("004 says …"); readers know outlets and titles.
function readableReason(reason) {
  if (!reason) return reason;
  return reason.replace(/\b(\d{3})(?=\s|:|,|\))/g, (match, prefix) => {
    for (const article of state.articles.values()) {
      if (article.id.startsWith(`${prefix}-`)) return article.outlet ? `the ${article.outlet} article` : `"${article.title}"`;
    }
    return match;
  });
}

// Records the extraction rules made are marked; curated ones (checked by a person) are not.
function provenanceMark(record) {
  if (record.provenance !== 'extracted') return null;
  const how = [record.confidence != null ? `confidence ${record.confidence}` : null, record.rule].filter(Boolean).join(', ');
  return el('span', { class: 'provenance extracted', title: `Extracted by rules from the text, not checked by a person (${how})` },
    'extracted');
}

function statusAsOf(record) {
  const asOf = record.statusAsOf;
  if (!asOf || !asOf.date) return null;
  return el('span', { class: 'status-as-of' }, ` · status as of ${formatPoint(asOf.date)}`);
}

function participants(list) {
  if (!list.length) return null;
  return el('div', { class: 'people' },
    el('span', { class: 'people-label' }, 'With'),
    el('ul', { class: 'chips' }, list.map((participant) => el('li', {},
      entityChip(participant.entity, participant.role === 'host' || participant.role === 'mediator' ? participant.role : null)))));
}

function entityChip(reference, note, stance) {
  const current = reference.id === state.entity;
  return el('button', {
    type: 'button', class: `chip${stance ? ` stance-${stance}` : ''}${current ? ' current' : ''}`,
    title: current ? `${reference.name} is the current filter` : `Show only what involves ${reference.name}`,
    'aria-label': `Filter by ${reference.name}${note ? ` (${note})` : ''}`,
    onclick: () => {
      if (ui.dialog.open) ui.dialog.close();
      selectEntity(reference.id);
      ui.entity.focus();
    },
  }, reference.name, note ? el('span', { class: 'chip-note' }, note) : null);
}

// MARK: proposals

function renderProposals() {
  ui.proposalsCount.textContent = count(state.proposals.length, 'proposal');
  if (!state.proposals.length) {
    placeholder(ui.proposals, 'No proposals for this entity.');
    return;
  }
  fill(ui.proposals, state.proposals.map((proposal) => el('li', {
    class: 'proposal', dataset: { id: proposal.id, status: proposal.status },
  }, proposalCard(proposal))));
}

function proposalCard(proposal, { expanded = false } = {}) {
  const byStance = { support: [], oppose: [], conditional: [] };
  for (const position of proposal.positions || []) (byStance[position.stance] ||= []).push(position.entity);
  const headingId = `proposal-${proposal.id}${expanded ? '-detail' : ''}`;
  const evidence = [
    ...(proposal.evidence || []).map((item) => ({ ...item, label: 'Proposal' })),
    ...(proposal.positions || []).flatMap((position) => (position.evidence || []).map((item) => ({
      ...item, label: `${position.entity.name} ${stanceVerb(position.stance)}${position.provenance === 'extracted' ? ' (extracted)' : ''}`,
      stance: position.stance,
    }))),
    ...(proposal.conditions || []).flatMap((condition) => (condition.evidence || []).map((item) => ({
      ...item, label: `Condition: ${condition.text}`,
    }))),
  ];
  return el('article', { class: `card proposal-card proposal-${proposal.status}`, 'aria-labelledby': headingId },
    el('div', { class: 'card-meta' },
      el('span', { class: `badge proposal-${proposal.status}` }, proposalStatusLabel(proposal.status)),
      provenanceMark(proposal),
      el('span', { class: 'kind' }, el('strong', {}, humanize(proposal.kind)),
        proposal.firstReported ? ` · first reported ${formatPoint(proposal.firstReported)}` : '')),
    el(expanded ? 'h3' : 'h4', { class: 'card-title', id: headingId }, proposal.title),
    proposal.summary ? el('p', { class: 'summary' }, proposal.summary) : null,
    el('dl', { class: 'positions' },
      positionRow('Supports', 'support', byStance.support),
      positionRow('Opposes', 'oppose', byStance.oppose),
      byStance.conditional.length ? positionRow('Conditional', 'conditional', byStance.conditional) : null,
      (proposal.proposers || []).length
        ? el('div', { class: 'position-row' }, el('dt', {}, 'Proposed by'),
          el('dd', {}, el('ul', { class: 'chips' }, proposal.proposers.map((entity) => el('li', {}, entityChip(entity))))))
        : null,
      (proposal.guarantors || []).length
        ? el('div', { class: 'position-row' }, el('dt', {}, 'Guarantors'),
          el('dd', {}, el('ul', { class: 'chips' }, proposal.guarantors.map((entity) => el('li', {}, entityChip(entity))))))
        : null),
    sources(evidence, { outlets: proposal.outlets || [], expanded }));
}

function stanceVerb(stance) {
  return { support: 'supports', oppose: 'opposes', conditional: 'supports with conditions' }[stance] || stance;
}

function positionRow(label, stance, entities) {
  return el('div', { class: `position-row ${stance}` },
    el('dt', {}, label),
    el('dd', {}, entities.length
      ? el('ul', { class: 'chips' }, entities.map((entity) => el('li', {}, entityChip(entity, null, stance))))
      : el('span', { class: 'none' }, 'none recorded')));
}

// MARK: sources

function sources(evidence, { outlets = [], expanded = false, dating = null } = {}) {
  const articleCount = new Set(evidence.map((item) => item.article)).size;
  const summary = `Sources · ${count(evidence.length, 'quote')} from ${count(articleCount, 'article')}`
    + (outlets.length ? ` · ${outlets.join(', ')}` : '');
  return el('details', { class: 'sources', open: expanded },
    el('summary', {}, summary),
    dating ? el('p', { class: 'dating' }, el('span', { class: 'dating-label' }, 'Dating '), dating) : null,
    el('ol', { class: 'evidence-list' }, evidence.map(evidenceItem)));
}

function evidenceItem(item) {
  const article = state.articles.get(item.article);
  const title = article ? article.title : item.article;
  const published = article && article.published ? formatPoint(article.published) : null;
  return el('li', { class: `evidence${item.stance ? ` stance-${item.stance}` : ''}` },
    item.label ? el('p', { class: 'evidence-label' }, item.label) : null,
    el('blockquote', { class: 'quote' }, `“${item.quote}”`),
    el('p', { class: 'citation' },
      el('cite', {}, title),
      article && article.outlet ? ` · ${article.outlet}` : '',
      published ? ` · ${published}` : '',
      ` · ¶${item.paragraph + 1}`),
    el('p', { class: 'evidence-actions' },
      el('button', {
        type: 'button', class: 'link-button',
        onclick: (clickEvent) => openArticle(item.article, item, clickEvent.currentTarget),
      }, 'Read in the article'),
      el('a', {
        class: 'api-link', href: state.api.url(`articles/${encodeURIComponent(item.article)}?include=paragraphs`),
        target: '_blank', rel: 'noopener',
      }, 'JSON')));
}

// MARK: dialog (article reader and item details)

function openDialog(title, body, opener) {
  state.opener = opener || document.activeElement;
  ui.dialogTitle.textContent = title;
  fill(ui.dialogBody, body);
  if (!ui.dialog.open) ui.dialog.showModal();
  ui.dialogBody.scrollTop = 0;
}

async function openArticle(id, evidence, opener) {
  openDialog('Loading article…', el('p', { class: 'placeholder' }, 'Loading…'), opener);
  try {
    const article = await state.api.get(`articles/${encodeURIComponent(id)}?include=paragraphs`);
    const body = el('div', { class: 'article' },
      el('p', { class: 'article-meta' },
        [article.outlet, article.published ? formatPoint(article.published) : null].filter(Boolean).join(' · ') || 'Article',
        ' · ', el('a', { href: state.api.url(`articles/${encodeURIComponent(id)}?include=paragraphs`), target: '_blank', rel: 'noopener' }, 'JSON')),
      (article.paragraphs || []).map((paragraph) => {
        const cited = evidence && paragraph.index === evidence.paragraph;
        const content = cited ? markedParagraph(paragraph.text, evidence.quote, evidence.start, evidence.end) : [paragraph.text];
        return el(paragraph.kind === 'heading' ? 'h4' : 'p', {
          class: `paragraph${cited ? ' cited' : ''}`, dataset: { index: paragraph.index },
        }, content);
      }));
    ui.dialogTitle.textContent = article.title;
    fill(ui.dialogBody, body);
    const mark = ui.dialogBody.querySelector('mark.quote') || ui.dialogBody.querySelector('.cited');
    if (mark) mark.scrollIntoView({ block: 'center' });
  } catch (error) {
    ui.dialogTitle.textContent = 'Article unavailable';
    fill(ui.dialogBody, el('p', { class: 'dialog-error', role: 'alert' }, error.message || String(error)));
  }
}

async function openRecord(type, id, opener) {
  if (type === 'entity') {
    await selectEntity(id);
    document.getElementById('timeline-heading').scrollIntoView({ block: 'start' });
    ui.entity.focus();
    return;
  }
  if (type === 'article') {
    openArticle(id, null, opener);
    return;
  }
  const collection = type === 'event' ? 'events' : 'proposals';
  const known = (type === 'event' ? state.allEvents : state.allProposals).find((record) => record.id === id);
  openDialog(known ? known.title : 'Loading…', el('p', { class: 'placeholder' }, 'Loading…'), opener);
  try {
    const record = known || await state.api.get(`${collection}/${encodeURIComponent(id)}`);
    ui.dialogTitle.textContent = type === 'event' ? 'Event' : 'Proposal';
    const card = type === 'event' ? eventCard(record, { expanded: true }) : proposalCard(record, { expanded: true });
    if (type === 'event' && record.start) {
      card.querySelector('.card-meta .kind').append(` · ${formatRange(record.start, record.end)}`);
    }
    fill(ui.dialogBody, card);
  } catch (error) {
    fill(ui.dialogBody, el('p', { class: 'dialog-error', role: 'alert' }, error.message || String(error)));
  }
}

// MARK: search

async function search(query, { updateURL = true } = {}) {
  const text = query.trim();
  if (updateURL) setURLParameter('q', text);
  if (!text) {
    closeSearch();
    return;
  }
  ui.results.hidden = false;
  ui.resultsSummary.textContent = `Searching for “${text}”…`;
  clear(ui.resultsList);
  ui.resultsMore.hidden = true;
  try {
    const page = await state.api.page(`search?q=${encodeURIComponent(text)}&limit=10`);
    hideError();
    const total = page.meta ? page.meta.total : page.data.length;
    ui.resultsSummary.textContent = total
      ? `${count(total, 'result')} for “${text}”` : `No results for “${text}”.`;
    appendHits(page);
  } catch (error) {
    ui.resultsSummary.textContent = `Search failed: ${error.message}`;
    if (error instanceof ApiError && error.unreachable) showError(error);
  }
}

function appendHits(page) {
  ui.resultsList.append(...(page.data || []).map((hit) => el('li', { class: `hit type-${hit.type}`, dataset: { id: hit.id, type: hit.type } },
    el('div', { class: 'hit-head' },
      el('span', { class: `badge type-${hit.type}` }, humanize(hit.type)),
      el('button', {
        type: 'button', class: 'link-button hit-title',
        onclick: (clickEvent) => openRecord(hit.type, hit.id, clickEvent.currentTarget),
      }, hit.title || hit.id),
      hit.field && hit.field !== 'title' && hit.field !== 'name' ? el('span', { class: 'hit-field' }, `in ${hit.field}`) : null),
    el('p', { class: 'snippet' }, snippetFragment(hit.snippet)))));
  state.searchNext = page.links ? page.links.next : null;
  ui.resultsMore.hidden = !state.searchNext;
}

async function moreResults() {
  if (!state.searchNext) return;
  const firstNew = ui.resultsList.children.length;
  try {
    appendHits(await state.api.page(state.searchNext));
    ui.resultsList.children[firstNew]?.querySelector('button')?.focus();
  } catch (error) {
    showError(error);
  }
}

function closeSearch() {
  ui.results.hidden = true;
  clear(ui.resultsList);
  ui.q.value = '';
  setURLParameter('q', '');
}

// MARK: wiring

ui.entity.addEventListener('change', () => selectEntity(ui.entity.value));
ui.entityClear.addEventListener('click', () => { selectEntity(''); ui.entity.focus(); });
ui.searchForm.addEventListener('submit', (submitEvent) => {
  submitEvent.preventDefault();
  search(ui.q.value);
});
ui.resultsMore.addEventListener('click', moreResults);
ui.resultsClose.addEventListener('click', () => { closeSearch(); ui.q.focus(); });
ui.dialogClose.addEventListener('click', () => ui.dialog.close());
ui.dialog.addEventListener('click', (clickEvent) => {
  if (clickEvent.target === ui.dialog) ui.dialog.close(); // a click on the backdrop
});
ui.dialog.addEventListener('close', () => {
  if (state.opener && state.opener.isConnected) state.opener.focus();
  state.opener = null;
});

boot();
