// The stance matrix: actors × proposals, each cell support, oppose or conditional (colour and
// glyph), with the position's date when it has one. It is a real table, so screen readers
// get row and column headers; each filled cell is a button that opens the quotes.
import { count, stanceVerb } from './cards.js';
import { el, fill, formatPoint } from './render.js';

export const STANCE_GLYPH = { support: '✓', oppose: '✕', conditional: '◐' };
export const MATRIX_SORTS = {
  'actor-name': 'Actors as rows, by name',
  'actor-count': 'Actors as rows, most positions first',
  'proposal-title': 'Proposals as rows, by title',
  'proposal-count': 'Proposals as rows, most positions first',
};

function shortDate(point) {
  return point ? formatPoint(point).replace(/ \d{4}$/, '') : '';
}

/** `onOpen(proposalId, entityId, opener)` opens a cell's quotes. */
export function renderMatrix(container, { proposals, sort, onOpen }) {
  const actors = new Map();
  const cells = new Map();
  for (const proposal of proposals) {
    for (const position of proposal.positions || []) {
      const actor = actors.get(position.entity.id) || { ...position.entity, positions: 0 };
      actor.positions += 1;
      actors.set(actor.id, actor);
      const key = `${proposal.id} ${actor.id}`;
      cells.set(key, [...(cells.get(key) || []), position]); // one actor can change its stance
    }
  }
  const withPositions = proposals.filter((proposal) => (proposal.positions || []).length);
  if (!withPositions.length) {
    fill(container, el('p', { class: 'placeholder' }, 'No recorded position matches the filters.'));
    return;
  }
  const key = MATRIX_SORTS[sort] ? sort : 'actor-name';
  const actorList = [...actors.values()].sort(key === 'actor-count'
    ? (a, b) => b.positions - a.positions || a.name.localeCompare(b.name) : (a, b) => a.name.localeCompare(b.name));
  const proposalList = [...withPositions].sort(key === 'proposal-count'
    ? (a, b) => b.positions.length - a.positions.length || a.title.localeCompare(b.title) : (a, b) => a.title.localeCompare(b.title));
  const actorRows = key.startsWith('actor');
  const rows = actorRows ? actorList : proposalList;
  const columns = actorRows ? proposalList : actorList;
  const label = (item) => item.title || item.name;

  const cell = (row, column) => {
    const proposal = actorRows ? column : row;
    const actor = actorRows ? row : column;
    const positions = cells.get(`${proposal.id} ${actor.id}`);
    if (!positions) return el('td', { class: 'empty' }, el('span', { class: 'visually-hidden' }, 'no position'));
    const words = positions.map((position) => `${stanceVerb(position.stance)}${position.date ? ` (${formatPoint(position.date)})` : ''}`).join(', then ');
    const latest = positions[positions.length - 1];
    return el('td', { class: `stance stance-${latest.stance}` },
      el('button', {
        type: 'button', class: 'cell-button', 'aria-label': `${actor.name} ${words} “${proposal.title}”: quotes`, title: `${actor.name} ${words}`,
        dataset: { proposal: proposal.id, entity: actor.id, stances: positions.map((position) => position.stance).join(' ') },
        onclick: (click) => onOpen(proposal.id, actor.id, click.currentTarget),
      },
      positions.map((position) => el('span', { class: `cell-position stance-${position.stance}` },
        el('span', { class: 'glyph', 'aria-hidden': 'true' }, STANCE_GLYPH[position.stance] || '?'),
        position.date ? el('span', { class: 'cell-date', 'aria-hidden': 'true' }, shortDate(position.date)) : null))));
  };

  const table = el('table', { class: 'matrix' },
    el('caption', {}, `${count(actorList.length, 'actor')} × ${count(proposalList.length, 'proposal')}: ✓ supports, ✕ opposes, ◐ supports with conditions.`),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', class: 'corner' }, actorRows ? 'Actor' : 'Proposal'),
      columns.map((column) => el('th', { scope: 'col', class: 'column-head' }, el('span', {}, label(column)))))),
    el('tbody', {}, rows.map((row) => el('tr', {},
      el('th', { scope: 'row' }, label(row)),
      columns.map((column) => cell(row, column))))));
  fill(container, el('div', { class: 'matrix-scroll', tabindex: '0', role: 'region', 'aria-label': 'Stance matrix (scrolls sideways)' }, table));
}
