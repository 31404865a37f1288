// The article reader: every paragraph, each entity mention marked and linked to its entity,
// the quoted evidence marked, search terms marked (the API's `highlight=`), and the events and
// proposals this article supports.
import { count } from './cards.js';
import { el, formatPoint } from './render.js';

/** Code-point ranges in a paragraph → runs of text with the flags that cover them. */
function segments(text, ranges) {
  const points = Array.from(text);
  const cuts = new Set([0, points.length]);
  for (const range of ranges) {
    if (range.start >= 0 && range.end <= points.length && range.end > range.start) { cuts.add(range.start); cuts.add(range.end); }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const runs = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const [from, to] = [sorted[i], sorted[i + 1]];
    runs.push({ text: points.slice(from, to).join(''), covering: ranges.filter((range) => range.start <= from && range.end >= to) });
  }
  return runs;
}

/** Where a quote sits: its offsets when they match, else the quote looked up in the text. */
function quoteRange(text, evidence) {
  const points = Array.from(text);
  if (!evidence.quote) return evidence.end > evidence.start && evidence.end <= points.length ? { start: evidence.start, end: evidence.end } : null;
  if (points.slice(evidence.start, evidence.end).join('') === evidence.quote) return { start: evidence.start, end: evidence.end };
  const at = text.indexOf(evidence.quote);
  if (at < 0) return null;
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(evidence.quote).length };
}

function paragraphContent(paragraph, { mentions, highlights, evidence, entityName, onEntity }) {
  const ranges = [
    ...mentions.map((mention) => ({ ...mention, kind: 'mention' })),
    ...highlights.map((highlight) => ({ ...highlight, kind: 'term' })),
  ];
  if (evidence && evidence.paragraph === paragraph.index) {
    const range = quoteRange(paragraph.text, evidence);
    if (range) ranges.push({ ...range, kind: 'quote' });
  }
  const parts = [];
  let open = null; // the mention button the current run belongs to
  for (const run of segments(paragraph.text, ranges)) {
    const mention = run.covering.find((range) => range.kind === 'mention');
    let node = document.createTextNode(run.text);
    if (run.covering.some((range) => range.kind === 'term')) node = el('mark', { class: 'term' }, node);
    if (run.covering.some((range) => range.kind === 'quote')) node = el('mark', { class: 'quote' }, node);
    if (!mention) { open = null; parts.push(node); continue; }
    if (!open || open.mention !== mention) {
      const button = el('button', {
        type: 'button', class: 'mention', dataset: { entity: mention.entity },
        title: entityName(mention.entity), onclick: (click) => onEntity(mention.entity, click.currentTarget),
      });
      open = { mention, button };
      parts.push(button);
    }
    open.button.append(node);
  }
  return parts;
}

/**
 * The reader's content for article `id`. `evidence` is a quote to mark and scroll to (or
 * null), `terms` a search to mark; `records` the loaded events and proposals.
 */
export async function readerPage(api, id, { evidence, terms, records, entityName, onEntity, onOpen }) {
  const path = encodeURIComponent(id);
  const query = `articles/${path}?include=paragraphs,mentions${terms ? `&highlight=${encodeURIComponent(terms)}` : ''}`;
  const article = await api.get(query);
  const byParagraph = (list) => {
    const map = new Map();
    for (const item of list || []) (map.get(item.paragraph) || map.set(item.paragraph, []).get(item.paragraph)).push(item);
    return map;
  };
  const mentions = byParagraph(article.mentions);
  const highlights = byParagraph(article.highlights);
  const supported = [
    ...records.events.filter((event) => (event.sources || []).includes(article.id)).map((event) => ['event', event]),
    ...records.proposals.filter((proposal) => (proposal.sources || []).includes(article.id)).map((proposal) => ['proposal', proposal]),
  ];
  const body = el('div', { class: 'article' },
    el('p', { class: 'article-meta' },
      [article.outlet || 'No outlet recorded', article.published ? formatPoint(article.published) : null].filter(Boolean).join(' · '),
      ` · ${count((article.mentions || []).length, 'entity mention')} marked`,
      terms ? ` · search terms “${terms}” highlighted` : '',
      ' · ', el('a', { href: api.url(`articles/${path}?include=paragraphs`), target: '_blank', rel: 'noopener' }, 'JSON')),
    supported.length ? el('div', { class: 'supports' }, el('p', { class: 'people-label' }, 'This article supports'),
      el('ul', { class: 'chips' }, supported.map(([type, record]) => el('li', {}, el('button', {
        type: 'button', class: `chip ${type}-chip`, onclick: (click) => onOpen(type, record.id, click.currentTarget),
      }, record.title))))) : null,
    (article.paragraphs || []).map((paragraph) => {
      const cited = evidence && paragraph.index === evidence.paragraph;
      return el(paragraph.kind === 'heading' ? 'h4' : 'p', {
        class: `paragraph${paragraph.kind === 'caption' ? ' caption' : ''}${cited ? ' cited' : ''}`, dataset: { index: paragraph.index },
      }, paragraphContent(paragraph, {
        mentions: mentions.get(paragraph.index) || [], highlights: highlights.get(paragraph.index) || [],
        evidence, entityName, onEntity,
      }));
    }));
  return { title: article.title, body };
}
