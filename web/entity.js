// An entity's page (in the dialog): its profile from /entities/{id} (aliases, country,
// affiliation, first and last seen, co-occurring entities), its events and proposals from
// the loaded lists, and where the articles mention it (/entities/{id}/mentions).
import { count, entityChip } from './cards.js';
import { eventEntities, proposalEntities } from './filters.js';
import { el, formatPoint, formatRange, humanize } from './render.js';

/**
 * The page's content. `actions`: `open(type, id, opener)`, `filter(id)`, `read(articleId,
 * evidence, opener)`; `articles` the loaded articles by id.
 */
export async function entityPage(api, id, { events, proposals, articles, actions }) {
  const path = encodeURIComponent(id);
  const [entity, mentions] = await Promise.all([
    api.get(`entities/${path}`),
    api.get(`entities/${path}/mentions?limit=20`).catch(() => null),
  ]);
  const ownEvents = events.filter((event) => eventEntities(event).some((ref) => ref.id === entity.id));
  const ownProposals = proposals.filter((proposal) => proposalEntities(proposal).some((ref) => ref.id === entity.id));
  const facts = [
    ['Type', humanize(entity.type)],
    entity.description ? ['About', entity.description] : null,
    (entity.aliases || []).length ? ['Also called', entity.aliases.map((alias) => alias.text).join(', ')] : null,
    entity.country ? ['Country', entityChip(entity.country)] : null,
    entity.affiliation ? ['Affiliation', entityChip(entity.affiliation)] : null,
    ['Mentioned', `${count(entity.mentionCount || 0, 'time')} in ${count(entity.articleCount || 0, 'article')}`],
    entity.firstSeen ? ['First seen', formatPoint(entity.firstSeen)] : null,
    entity.lastSeen ? ['Last seen', formatPoint(entity.lastSeen)] : null,
    entity.origin === 'extracted' ? ['Source', 'extracted by rules, not curated'] : null,
  ].filter(Boolean);
  const recordButton = (type, record, suffix) => el('li', {}, el('button', {
    type: 'button', class: 'link-button', onclick: (click) => actions.open(type, record.id, click.currentTarget),
  }, record.title), suffix ? ` · ${suffix}` : '');
  return {
    title: entity.name,
    body: el('div', { class: 'entity-page', dataset: { entity: entity.id } },
      el('p', {}, el('button', {
        type: 'button', class: 'button', onclick: () => actions.filter(entity.id),
      }, `Show only what involves ${entity.name}`)),
      el('dl', { class: 'facts' }, facts.map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value)))),
      (entity.coOccurrences || []).length ? el('section', { 'aria-label': 'Often named with' },
        el('h3', {}, 'Often named with'),
        el('ul', { class: 'chips' }, entity.coOccurrences.slice(0, 12).map((item) => el('li', {},
          entityChip(item.entity, count(item.articleCount, 'article')))))) : null,
      el('section', { 'aria-label': 'Events' }, el('h3', {}, `Events (${ownEvents.length})`),
        ownEvents.length ? el('ul', { class: 'record-list' }, ownEvents.map((event) => recordButton('event', event,
          event.start ? formatRange(event.start, event.end) : 'undated'))) : el('p', { class: 'none' }, 'none recorded')),
      el('section', { 'aria-label': 'Proposals' }, el('h3', {}, `Proposals (${ownProposals.length})`),
        ownProposals.length ? el('ul', { class: 'record-list' }, ownProposals.map((proposal) => {
          const position = (proposal.positions || []).find((item) => item.entity.id === entity.id);
          return recordButton('proposal', proposal, position ? position.stance : null);
        })) : el('p', { class: 'none' }, 'none recorded')),
      el('section', { 'aria-label': 'Mentions' }, el('h3', {}, mentions ? `Mentions (${mentions.meta.total})` : 'Mentions'),
        mentions ? el('ul', { class: 'record-list' }, mentions.data.map((mention) => {
          const article = articles.get(mention.article);
          return el('li', {}, el('button', {
            type: 'button', class: 'link-button',
            onclick: (click) => actions.read(mention.article, { paragraph: mention.paragraph, start: mention.start, end: mention.end, quote: mention.text }, click.currentTarget),
          }, `“${mention.text}”`), ` · ${article ? article.title : mention.article} · ¶${mention.paragraph + 1}`);
        })) : el('p', { class: 'none', role: 'status' }, 'The mentions could not be loaded.'),
        mentions && mentions.meta.total > mentions.data.length
          ? el('p', { class: 'panel-note' }, `The first ${mentions.data.length} are listed.`) : null)),
  };
}
