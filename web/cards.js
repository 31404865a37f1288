// Event and proposal cards, shared by the timeline, the proposal list and the dialogs. What a
// card does when clicked (open a record, filter by an entity, read an article) is the app's
// business: it passes those actions in once with `setCardActions`.
import {
  PRECISION_LABEL, el, eventStatusLabel, formatPoint, formatRange, humanize, proposalStatusLabel,
} from './render.js';

let actions = {
  articles: new Map(), proposals: new Map(), currentEntity: '',
  open: () => {}, filterEntity: () => {}, readArticle: () => {},
};

/** `open(type, id, opener)`, `filterEntity(id, opener)`, `readArticle(id, evidence, opener)`, and the loaded articles. */
export function setCardActions(next) {
  actions = { ...actions, ...next };
}

export function count(n, noun) {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// MARK: marks shared by cards and views

/** A date the curator or the rules added from outside the article text (`enrichment` names it). */
export function dateFromOutsideText(event) {
  const enriched = event.enrichment || [];
  return Boolean(event.start) && (enriched.includes('start') || enriched.includes('end'));
}

/** Reasons name articles by their internal ids ("004 says …"); readers know outlets and titles. */
export function readableReason(reason) {
  if (!reason) return reason;
  return reason.replace(/\b(\d{3})(?=\s|:|,|\))/g, (match, prefix) => {
    for (const article of actions.articles.values()) {
      if (article.id.startsWith(`${prefix}-`)) return article.outlet ? `the ${article.outlet} article` : `"${article.title}"`;
    }
    return match;
  });
}

/** Curated or extracted, always said in words (the filter selects either). */
export function provenanceMark(record) {
  if (record.provenance !== 'extracted') {
    return el('span', { class: 'provenance curated', title: 'Curated: checked by a person' }, 'curated');
  }
  const how = [record.confidence != null ? `confidence ${record.confidence}` : null, record.rule].filter(Boolean).join(', ');
  return el('span', { class: 'provenance extracted', title: `Extracted by rules from the text, not checked by a person (${how})` },
    'extracted');
}

function statusAsOf(record) {
  const asOf = record.statusAsOf;
  if (!asOf || !asOf.date) return null;
  return el('span', { class: 'status-as-of' }, `status as of ${formatPoint(asOf.date)}`);
}

export function dateMarks(event) {
  const precision = event.start ? event.start.precision : 'none';
  return [
    event.start && precision !== 'day'
      ? el('span', { class: 'precision approximate', title: readableReason(event.start.reason) }, PRECISION_LABEL[precision] || precision)
      : null,
    dateFromOutsideText(event)
      ? el('span', { class: 'precision enriched', title: readableReason(event.start.reason) }, 'date not in the text')
      : null,
  ];
}

// MARK: entities

export function entityChip(reference, note, stance) {
  const current = reference.id === actions.currentEntity;
  return el('button', {
    type: 'button', class: `chip${stance ? ` stance-${stance}` : ''}${current ? ' current' : ''}`,
    title: `About ${reference.name}`,
    'aria-label': `${reference.name}${note ? ` (${note})` : ''}: profile and filter`,
    onclick: (click) => actions.open('entity', reference.id, click.currentTarget),
  }, reference.name, note ? el('span', { class: 'chip-note' }, note) : null);
}

function chipList(entities, stance) {
  return el('ul', { class: 'chips' }, entities.map((entity) => el('li', {}, entityChip(entity, null, stance))));
}

// MARK: events

export function eventCard(event, { expanded = false } = {}) {
  const where = event.location ? event.location.name : null;
  const headingId = `event-${event.id}${expanded ? '-detail' : ''}`;
  const linked = (event.proposals || []).map((id) => actions.proposals.get(id) || { id, title: id });
  return el('article', { class: `card event-card status-${event.status}`, 'aria-labelledby': headingId },
    el('div', { class: 'card-meta' },
      el('span', { class: `badge status-${event.status}` }, eventStatusLabel(event.status)),
      event.overdue ? el('span', { class: 'provenance overdue', title: 'Scheduled, but its date has passed by the newest article' }, 'overdue') : null,
      provenanceMark(event),
      el('span', { class: 'kind' }, el('strong', {}, humanize(event.kind)), where ? ` · ${where}` : ''),
      statusAsOf(event)),
    el(expanded ? 'h3' : 'h4', { class: 'card-title', id: headingId },
      expanded ? event.title : el('button', {
        type: 'button', class: 'link-button title-button',
        onclick: (click) => actions.open('event', event.id, click.currentTarget),
      }, event.title)),
    expanded ? el('p', { class: 'when' }, event.start ? formatRange(event.start, event.end) : 'Date unknown', ' ', dateMarks(event)) : null,
    event.summary ? el('p', { class: 'summary' }, event.summary) : null,
    participants(event.participants || []),
    linked.length ? el('div', { class: 'people' }, el('span', { class: 'people-label' }, 'Proposals'),
      el('ul', { class: 'chips' }, linked.map((proposal) => el('li', {}, el('button', {
        type: 'button', class: 'chip proposal-chip', onclick: (click) => actions.open('proposal', proposal.id, click.currentTarget),
      }, proposal.title))))) : null,
    sources(event.evidence || [], {
      expanded,
      dating: event.start
        ? `${formatRange(event.start, event.end)}${dateFromOutsideText(event) ? ' (not stated in the text)' : ''}: ${readableReason(event.start.reason)}`
        : null,
    }));
}

function participants(list) {
  if (!list.length) return null;
  return el('div', { class: 'people' },
    el('span', { class: 'people-label' }, 'With'),
    el('ul', { class: 'chips' }, list.map((participant) => el('li', {},
      entityChip(participant.entity, participant.role === 'host' || participant.role === 'mediator' ? participant.role : null)))));
}

// MARK: proposals

export function stanceVerb(stance) {
  return { support: 'supports', oppose: 'opposes', conditional: 'supports with conditions' }[stance] || stance;
}

export function positionEvidence(proposal, position) {
  return (position.evidence || []).map((item) => ({
    ...item, stance: position.stance,
    label: `${position.entity.name} ${stanceVerb(position.stance)}${position.date ? ` (${formatPoint(position.date)})` : ''}${position.provenance === 'extracted' ? ' · extracted' : ''}`,
  }));
}

export function proposalCard(proposal, { expanded = false } = {}) {
  const byStance = { support: [], oppose: [], conditional: [] };
  for (const position of proposal.positions || []) {
    const list = (byStance[position.stance] ||= []);
    // An actor that stated one stance twice (two dates) is named once; its quotes keep both.
    if (!list.some((entity) => entity.id === position.entity.id)) list.push(position.entity);
  }
  const headingId = `proposal-${proposal.id}${expanded ? '-detail' : ''}`;
  const evidence = [
    ...(proposal.evidence || []).map((item) => ({ ...item, label: 'Proposal' })),
    ...(proposal.positions || []).flatMap((position) => positionEvidence(proposal, position)),
    ...(proposal.conditions || []).flatMap((condition) => (condition.evidence || []).map((item) => ({
      ...item, label: `Condition: ${condition.text}`,
    }))),
  ];
  const conditions = proposal.conditions || [];
  return el('article', { class: `card proposal-card proposal-${proposal.status}`, 'aria-labelledby': headingId },
    el('div', { class: 'card-meta' },
      el('span', { class: `badge proposal-${proposal.status}` }, proposalStatusLabel(proposal.status)),
      provenanceMark(proposal),
      el('span', { class: 'kind' }, el('strong', {}, humanize(proposal.kind)),
        proposal.firstReported ? ` · first reported ${formatPoint(proposal.firstReported)}` : ''),
      statusAsOf(proposal)),
    el(expanded ? 'h3' : 'h4', { class: 'card-title', id: headingId },
      expanded ? proposal.title : el('button', {
        type: 'button', class: 'link-button title-button',
        onclick: (click) => actions.open('proposal', proposal.id, click.currentTarget),
      }, proposal.title)),
    proposal.summary ? el('p', { class: 'summary' }, proposal.summary) : null,
    conditions.length ? el('div', { class: 'conditions' }, el('p', { class: 'people-label' }, 'Conditions'),
      el('ul', {}, conditions.map((condition) => el('li', {}, condition.text,
        condition.holder ? ` (${condition.holder.name})` : ''))))
      : null,
    el('dl', { class: 'positions' },
      positionRow('Supports', 'support', byStance.support),
      positionRow('Opposes', 'oppose', byStance.oppose),
      byStance.conditional.length ? positionRow('Conditional', 'conditional', byStance.conditional) : null,
      (proposal.proposers || []).length
        ? el('div', { class: 'position-row' }, el('dt', {}, 'Proposed by'), el('dd', {}, chipList(proposal.proposers)))
        : null,
      (proposal.guarantors || []).length
        ? el('div', { class: 'position-row' }, el('dt', {}, 'Guarantors'), el('dd', {}, chipList(proposal.guarantors)))
        : null),
    sources(evidence, { expanded }));
}

function positionRow(label, stance, entities) {
  return el('div', { class: `position-row ${stance}` },
    el('dt', {}, label),
    el('dd', {}, entities.length ? chipList(entities, stance) : el('span', { class: 'none' }, 'none recorded')));
}

// MARK: sources

/** Each article's outlet, or "no outlet recorded": a record's outlets never stand for all its articles. */
function outletsOf(evidence) {
  const ids = [...new Set(evidence.map((item) => item.article))];
  const names = ids.map((id) => {
    const article = actions.articles.get(id);
    return article && article.outlet ? article.outlet : 'no outlet recorded';
  });
  return [...new Set(names)];
}

export function sources(evidence, { expanded = false, dating = null } = {}) {
  const articleCount = new Set(evidence.map((item) => item.article)).size;
  const outlets = outletsOf(evidence);
  const summary = `Sources · ${count(evidence.length, 'quote')} from ${count(articleCount, 'article')}`
    + (outlets.length ? ` · ${outlets.join(', ')}` : '');
  return el('details', { class: 'sources', open: expanded },
    el('summary', {}, summary),
    dating ? el('p', { class: 'dating' }, el('span', { class: 'dating-label' }, 'Dating '), dating) : null,
    el('ol', { class: 'evidence-list' }, evidence.map(evidenceItem)));
}

export function evidenceItem(item) {
  const article = actions.articles.get(item.article);
  const title = article ? article.title : item.article;
  const published = article && article.published ? formatPoint(article.published) : null;
  return el('li', { class: `evidence${item.stance ? ` stance-${item.stance}` : ''}` },
    item.label ? el('p', { class: 'evidence-label' }, item.label) : null,
    el('blockquote', { class: 'quote' }, `“${item.quote}”`),
    el('p', { class: 'citation' },
      el('cite', {}, title),
      ` · ${article && article.outlet ? article.outlet : 'no outlet recorded'}`,
      published ? ` · ${published}` : '',
      ` · ¶${item.paragraph + 1}`),
    el('p', { class: 'evidence-actions' },
      el('button', {
        type: 'button', class: 'link-button',
        onclick: (click) => actions.readArticle(item.article, item, click.currentTarget),
      }, 'Read in the article')));
}
