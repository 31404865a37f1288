// The map of event locations: country outlines shipped with Accord (world.json, Natural Earth
// 1:110m, loaded only when the map opens) in an equirectangular projection fitted to the
// events, with no tiles and no third-party origin. Points come from /events?format=geojson;
// an event placed in a whole country (no point) shades that country instead.
import { count } from './cards.js';
import { el, eventStatusLabel, fill } from './render.js';
import { svg } from './svg.js';

let world = null;

async function loadWorld() {
  if (!world) {
    const response = await fetch(new URL('explorer/world.json', document.baseURI), { cache: 'default' });
    if (!response.ok) throw new Error(`the map outlines did not load (${response.status})`);
    world = await response.json();
  }
  return world;
}

/**
 * `events` are the filtered events; `points` maps an event id to [lon, lat] (from the
 * GeoJSON). Calls `onOpen(id, opener)` when a place is clicked.
 */
export async function renderMap(container, list, { events, points, onOpen }) {
  let outlines;
  try {
    outlines = await loadWorld();
  } catch (error) {
    fill(container, el('p', { class: 'placeholder' }, `The map is unavailable: ${error.message}. The list below still names each place.`));
    outlines = { countries: [] };
  }
  const places = new Map(); // one mark per place: several events can share it
  const countries = new Map();
  const nameIndex = new Map();
  for (const country of outlines.countries) for (const name of country.names) nameIndex.set(name.toLowerCase(), country);
  const unplaced = [];
  for (const event of events) {
    const point = points.get(event.id);
    const name = event.location ? event.location.name : null;
    if (point) {
      const key = `${point[0]},${point[1]}`;
      const place = places.get(key) || { point, name: name || key, events: [] };
      place.events.push(event);
      places.set(key, place);
    } else if (name && nameIndex.has(name.toLowerCase())) {
      const country = nameIndex.get(name.toLowerCase());
      const entry = countries.get(country.a3) || { country, name, events: [] };
      entry.events.push(event);
      countries.set(country.a3, entry);
    } else {
      unplaced.push(event);
    }
  }

  // Fit the projection to what is shown, at least 40° wide, in tenths of a degree.
  const xs = [];
  const ys = [];
  for (const place of places.values()) { xs.push(place.point[0] * 10); ys.push(place.point[1] * 10); }
  for (const { country } of countries.values()) {
    for (const ring of country.rings) for (let i = 0; i < ring.length; i += 2) { xs.push(ring[i]); ys.push(ring[i + 1]); }
  }
  if (!xs.length) { xs.push(-100, 450); ys.push(300, 650); }
  let [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const padX = Math.max(60, (maxX - minX) * 0.12);
  const padY = Math.max(60, (maxY - minY) * 0.2);
  minX -= padX; maxX += padX; minY -= padY; maxY += padY;
  if (maxX - minX < 400) { const c = (minX + maxX) / 2; minX = c - 200; maxX = c + 200; }
  const midLat = ((minY + maxY) / 20) * (Math.PI / 180);
  const stretch = Math.cos(midLat); // equirectangular with a standard parallel in the middle
  const width = Math.max(280, container.clientWidth || 800);
  const height = Math.round(Math.min(560, Math.max(220, (width * (maxY - minY)) / ((maxX - minX) * stretch))));
  const sx = (x) => ((x - minX) / (maxX - minX)) * width;
  const sy = (y) => ((maxY - y) / (maxY - minY)) * height;

  const path = (ring) => {
    let d = '';
    for (let i = 0; i < ring.length; i += 2) d += `${i ? 'L' : 'M'}${sx(ring[i]).toFixed(1)} ${sy(ring[i + 1]).toFixed(1)}`;
    return `${d}Z`;
  };
  const map = svg('svg', {
    class: 'map', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Map of ${count(places.size + countries.size, 'place')} with events; the list below names them.`,
  },
  svg('rect', { class: 'sea', x: 0, y: 0, width, height }),
  outlines.countries.map((country) => svg('path', {
    class: `land${countries.has(country.a3) ? ' has-events' : ''}`, d: country.rings.map(path).join(''),
  }, countries.has(country.a3) ? svg('title', {}, `${countries.get(country.a3).name}: ${count(countries.get(country.a3).events.length, 'event')}`) : null)),
  [...places.values()].map((place) => {
    const status = place.events[0].status;
    return svg('g', {
      class: `place status-${status}`, 'data-place': place.name,
      onclick: (click) => onOpen(place.events[0].id, click.currentTarget),
    },
    svg('title', {}, `${place.name}: ${place.events.map((event) => event.title).join('; ')}`),
    svg('circle', { class: 'mark', cx: sx(place.point[0] * 10), cy: sy(place.point[1] * 10), r: 5 + Math.min(6, place.events.length * 1.5) }),
    place.events.length > 1 ? svg('text', { x: sx(place.point[0] * 10), y: sy(place.point[1] * 10) + 4, 'text-anchor': 'middle' }, place.events.length) : null);
  }));
  if (outlines.countries.length) fill(container, el('div', { class: 'map-frame' }, map));

  const entries = [...places.values(), ...countries.values()].sort((a, b) => b.events.length - a.events.length || a.name.localeCompare(b.name));
  fill(list,
    entries.map((entry) => el('li', { class: 'map-place', dataset: { place: entry.name } },
      el('strong', {}, entry.name), entry.country ? ' (whole country)' : '', ` · ${count(entry.events.length, 'event')}`,
      el('ul', { class: 'map-events' }, entry.events.map((event) => el('li', {},
        el('button', { type: 'button', class: 'link-button', onclick: (click) => onOpen(event.id, click.currentTarget) }, event.title),
        ` · ${eventStatusLabel(event.status)}`))))),
    unplaced.length ? el('li', { class: 'map-place unplaced' }, `${count(unplaced.length, 'event')} without a place on the map: `,
      unplaced.map((event) => event.title).join('; ')) : null);
}
