// Downloads that follow the current filters (the API's own CSV, GeoJSON and ICS), and a
// copyable link and citation for one event or proposal.
import { el } from './render.js';

/** The API query for the current filters (the same rules as filters.js applies locally). */
function eventQuery(route, entityId) {
  const params = new URLSearchParams();
  if (entityId) { params.set('entity', entityId); params.set('match', 'exact'); }
  if (route.status) params.set('status', route.status.join(','));
  if (route.kind) params.set('kind', route.kind);
  if (route.prov) params.set('provenance', route.prov);
  if (route.from) params.set('from', route.from);
  if (route.to) params.set('to', route.to);
  params.set('limit', '1000'); // the API's largest page: see README (exports over 1,000 records)
  return params;
}

// /events.ics is not paged and refuses `limit`.
function withoutLimit(params) {
  const copy = new URLSearchParams(params);
  copy.delete('limit');
  return copy;
}

export function exportLinks(api, route, entityId) {
  const events = eventQuery(route, entityId);
  const proposals = new URLSearchParams();
  if (entityId) { proposals.set('entity', entityId); proposals.set('match', 'exact'); }
  if (route.prov) proposals.set('provenance', route.prov);
  proposals.set('limit', '1000');
  const link = (label, path, params, extra) => {
    const query = new URLSearchParams(params);
    for (const [key, value] of Object.entries(extra)) query.set(key, value);
    return el('li', {}, el('a', { class: 'button secondary small', href: api.url(`${path}?${query}`), download: '' }, label));
  };
  return [
    link('Events CSV', 'events', events, { format: 'csv' }),
    link('Events GeoJSON', 'events', events, { format: 'geojson' }),
    link('Calendar (ICS)', 'events.ics', withoutLimit(events), {}),
    link('Proposals CSV', 'proposals', proposals, { format: 'csv' }),
  ];
}

/** "Title. Accord explorer, event <id> (status as of …). <link>" and buttons that copy it. */
export function shareBox(record, type, link) {
  const asOf = record.statusAsOf && record.statusAsOf.date ? `, status as of ${record.statusAsOf.date.date}` : '';
  const citation = `“${record.title}”. Accord explorer, ${type} ${record.id}${asOf}. ${link}`;
  const note = el('span', { class: 'copy-note', role: 'status' });
  const copy = (text, what) => async () => {
    try {
      await navigator.clipboard.writeText(text);
      note.textContent = `${what} copied.`;
    } catch {
      note.textContent = `Copying was refused; select the ${what.toLowerCase()} above instead.`;
    }
  };
  return el('div', { class: 'share' },
    el('label', { for: `share-link-${record.id}` }, 'Link'),
    el('input', { id: `share-link-${record.id}`, class: 'share-field', type: 'text', readonly: true, value: link }),
    el('label', { for: `share-citation-${record.id}` }, 'Citation'),
    el('textarea', { id: `share-citation-${record.id}`, class: 'share-field', readonly: true, rows: '2' }, citation),
    el('p', { class: 'share-actions' },
      el('button', { type: 'button', class: 'button secondary small', onclick: copy(link, 'Link') }, 'Copy link'),
      el('button', { type: 'button', class: 'button secondary small', onclick: copy(citation, 'Citation') }, 'Copy citation'),
      note));
}
