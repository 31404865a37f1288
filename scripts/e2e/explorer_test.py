#!/usr/bin/env python3
"""The web explorer (issues 8 and 17) in a real browser: headless Chromium driven by Selenium.

Checks, against a running Accord (--url, default $E2E_URL), every expectation derived from the
API itself: the first-screen budget (at most 4 API requests, under 100 KB, measured with the
Performance API), local filters equal to the API's answers, the time axis to scale, the stance
matrix equal to the positions, the map equal to the GeoJSON, deep links, aliases and unknown
entities, Back/Forward by keyboard, search with the entity filter, the API blocked after load,
the API unreachable (Retry keeps focus), another origin (CORS), axe-core (all rules, 0 serious
or critical) on every view and dialog, and at 390 px no horizontal scroll and 24 px targets.
With --screenshots DIR it saves one PNG per view at 1440 and 390 px (docs/ for the README).
"""
import argparse
import csv
import functools
import http.server
import io
import json
import re
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WAIT = 15


def api_all(base, path):
    """Every record of an API list, following links.next like the page does."""
    url = base.rstrip('/') + path
    records = []
    while url:
        with urllib.request.urlopen(urllib.request.Request(url, headers={'Accept': 'application/json'}), timeout=10) as response:
            page = json.load(response)
        records += page['data']
        url = page['links']['next']
    return records


def busiest_entity(base):
    """The entity that takes part in the most events (derived from the API, not assumed)."""
    counts = {}
    for event in api_all(base, '/events?limit=100'):
        for participant in event['participants']:
            counts[participant['entity']['id']] = counts.get(participant['entity']['id'], 0) + 1
    return max(counts, key=counts.get) if counts else None


def find_browser():
    browser = next((shutil.which(name) for name in ('chromium', 'chromium-browser', 'google-chrome') if shutil.which(name)), None)
    driver = shutil.which('chromedriver') or next(
        (path for path in ('/usr/lib/chromium/chromedriver', '/usr/bin/chromedriver') if os.path.exists(path)), None)
    return browser, driver


def make_driver(width=1280, height=900):
    browser, driver_path = find_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--hide-scrollbars',
                     '--force-device-scale-factor=1', '--no-first-run', '--disable-extensions', f'--window-size={width},{height}'):
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    return driver


class Explorer:
    def __init__(self, driver, url):
        self.driver = driver
        self.url = url.rstrip('/')

    def open(self, query=''):
        self.driver.get(self.url + '/' + query)
        self.wait_ready()

    def wait_ready(self, state='true'):
        WebDriverWait(self.driver, WAIT).until(
            lambda d: d.execute_script('return document.body && document.body.dataset.ready') in (state, 'error'))
        ready = self.driver.execute_script('return document.body.dataset.ready')
        assert ready == state, f'page ended in state {ready!r}; banner: {self.text("#banner")!r}'

    def all(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector)

    def text(self, selector):
        found = self.all(selector)
        return found[0].text if found else ''

    def wait(self, condition, message):
        try:
            return WebDriverWait(self.driver, WAIT).until(condition)
        except TimeoutException:
            raise AssertionError(message) from None

    def timeline(self, status=None):
        selector = '#timeline li.event' + (f'[data-status="{status}"]' if status else '')
        return [(item.get_attribute('data-id'), item.get_attribute('data-date')) for item in self.all(selector)]

    def proposals(self):
        return [item.get_attribute('data-id') for item in self.all('#proposals li.proposal')]


# MARK: checks

def check_served_at_root_without_console_errors(page, base):
    page.driver.get_log('browser')  # drop earlier entries
    page.open()
    assert page.driver.title.startswith('Accord explorer'), page.driver.title
    # The JSON index is still there for API clients.
    with urllib.request.urlopen(base + '/', timeout=10) as response:
        assert response.headers['Content-Type'] == 'application/json', response.headers['Content-Type']
    errors = [entry for entry in page.driver.get_log('browser') if entry['level'] == 'SEVERE']
    assert not errors, f'console errors: {errors}'
    assert not page.one('#api-origin').is_displayed(), 'the origin notice shown for the server\'s own data'


def check_held_events_in_date_order(page, base):
    page.open()
    expected = api_all(base, '/events?status=held&limit=100')
    shown = page.timeline('held')
    assert [event_id for event_id, _ in shown] == [event['id'] for event in expected], \
        f'held events differ from the API:\n page {shown}\n api  {[e["id"] for e in expected]}'
    dates = [date for _, date in shown]
    assert dates == sorted(dates), f'held events are not in date order: {dates}'
    assert len(page.timeline()) == len(api_all(base, '/events?limit=100'))
    # Held, scheduled and proposed look different: their markers' computed styles differ.
    styles = page.driver.execute_script("""
        const style = (status) => {
          const marker = document.querySelector(`#timeline li.event[data-status="${status}"] .marker`);
          if (!marker) return null;
          const css = getComputedStyle(marker);
          return [css.backgroundColor, css.borderTopStyle, css.borderTopColor].join(' ');
        };
        return ['held', 'scheduled', 'proposed'].map(style);""")
    assert None not in styles and len(set(styles)) == 3, f'statuses are not visually distinct: {styles}'
    assert page.all('#timeline .precision.approximate'), 'no approximate-date marker shown'
    assert page.all('#legend .legend-item'), 'no status legend'
    # Dates from outside the text say so (the Oval Office meeting's day is not in its article), and
    # reasons name outlets, not internal article ids.
    oval = page.all('#timeline li.event[data-id="oval-office-meeting-2025-02-28"] .precision.enriched')
    assert oval, 'the Oval Office meeting date is not marked as coming from outside the text'
    reasons = page.driver.execute_script("return Array.from(document.querySelectorAll('#timeline .precision')).map(e => e.title).join(' | ')")
    assert not re.search(r'\b\d{3} (says|said)', reasons), f'a reason shows an internal article id: {reasons[:300]}'
    # Extracted records are marked; the legend says what the mark means.
    assert page.all('#legend .provenance.extracted'), 'no legend entry for extracted records'
    assert not page.all('#timeline .event-card.status-held .provenance.extracted'), 'curated events marked extracted'


def check_entity_filter_narrows(page, base):
    """Choosing an entity filters locally; the result equals the API's answer for that entity."""
    page.open()
    all_events = len(page.timeline())
    select = Select(page.one('#entity'))
    option = next(option for option in select.options if 'Zelensky' in option.text)
    entity_id = option.get_attribute('value')
    select.select_by_value(entity_id)
    page.wait(lambda d: 'Zelensky' in page.text('#filter-status'), 'the filter status never named Zelensky')
    expected_events = [event['id'] for event in api_all(base, f'/entities/{entity_id}/events?limit=100')]
    expected_proposals = [proposal['id'] for proposal in api_all(base, f'/entities/{entity_id}/proposals?limit=100')]
    page.wait(lambda d: [i for i, _ in page.timeline()] == expected_events, 'the timeline did not narrow to the API answer')
    assert 0 < len(expected_events) < all_events, (len(expected_events), all_events)
    assert 'entity=' + entity_id in page.driver.current_url
    page.one('a.view-tab[data-view="proposals"]').click()
    page.wait(lambda d: page.proposals() == expected_proposals, f'proposals {page.proposals()} != {expected_proposals}')
    assert 0 < len(expected_proposals) < len(api_all(base, '/proposals?limit=100'))
    page.one('#entity-clear').click()
    page.wait(lambda d: len(page.proposals()) == len(api_all(base, '/proposals?limit=100')), 'clearing the filter did not restore the proposals')


def check_filters_match_the_api(page, base):
    """Status, kind, provenance and date range, applied in the page, give what the API gives."""
    events = api_all(base, '/events?limit=100')
    kind = max({e['kind'] for e in events}, key=lambda k: sum(e['kind'] == k for e in events))
    dated = sorted(e['start']['date'] for e in events if e['start'])
    middle_from, middle_to = dated[len(dated) // 4], dated[3 * len(dated) // 4]
    for query, api_query in [('status=held,scheduled', 'status=held,scheduled'), (f'kind={kind}', f'kind={kind}'),
                             ('prov=curated', 'provenance=curated'), (f'from={middle_from}&to={middle_to}', f'from={middle_from}&to={middle_to}')]:
        page.open('?' + query)
        expected = [e['id'] for e in api_all(base, f'/events?{api_query}&limit=100')]
        shown = [i for i, _ in page.timeline()]
        assert sorted(shown) == sorted(expected), f'{query}: page {shown} != api {expected}'
        marks = page.driver.execute_script("return [...document.querySelectorAll('#axis .axis-event')].map(g => g.dataset.id)")
        assert sorted(marks) == sorted(e for e in expected if next(x for x in events if x['id'] == e)['start']), f'{query}: axis {marks}'


def check_time_axis_is_to_scale(page, base):
    """Marks sit at x positions proportional to their dates; vague dates are spans."""
    page.open()
    events = {e['id']: e for e in api_all(base, '/events?limit=100')}
    points = page.driver.execute_script("""
        return [...document.querySelectorAll('#axis .axis-event')].map((g) => {
          const mark = g.querySelector('.mark'); const box = mark.getBBox();
          return [g.dataset.id, box.x + box.width / 2, !!g.querySelector('rect.span')]; });""")
    exact = [(i, x) for i, x, _ in points if events[i]['start']['precision'] == 'day' and not events[i]['end']]
    assert len(exact) >= 3, exact
    (a, xa), (b, xb) = exact[0], exact[-1]
    day = lambda i: time.mktime(time.strptime(events[i]['start']['date'], '%Y-%m-%d')) / 86400
    scale = (xb - xa) / (day(b) - day(a))
    for i, x in exact:
        assert abs(xa + (day(i) - day(a)) * scale - x) < 3, f'{i} is at x={x:.1f}, not to scale'
    for i, _, span in points:
        if events[i]['start']['precision'] in ('week', 'month'):
            assert span, f'{i} has a {events[i]["start"]["precision"]} date but is drawn as a point'


def check_matrix_cells_match_positions(page, base):
    page.open('?view=matrix')
    cells = page.driver.execute_script("""return [...document.querySelectorAll('#matrix .cell-button')]
        .flatMap(b => b.dataset.stances.split(' ').map(stance => [b.dataset.proposal, b.dataset.entity, stance]))""")
    expected = [[p['id'], pos['entity']['id'], pos['stance']] for p in api_all(base, '/proposals?limit=100') for pos in p['positions']]
    assert sorted(map(tuple, cells)) == sorted(map(tuple, expected)), f'{len(cells)} cells, {len(expected)} positions'
    first = page.one('#matrix .cell-button')
    first.send_keys(Keys.ENTER)
    page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#detail[open] .evidence blockquote'), 'a matrix cell did not open its quotes')
    assert 'open=stance' in urllib.parse.unquote(page.driver.current_url)
    page.one('#detail-close').click()
    Select(page.one('#matrix-sort')).select_by_value('proposal-title')
    page.wait(lambda d: 'sort=proposal-title' in d.current_url, 'sorting the matrix did not change the URL')
    rows = [th.text for th in page.all('#matrix tbody th')]
    assert rows == sorted(rows, key=str.lower) and len(rows) == len({c[0] for c in expected}), rows


def check_map_draws_the_geojson(page, base):
    page.open('?view=map')
    page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#map svg.map .land'), 'the map outlines were not drawn')
    features = json.load(urllib.request.urlopen(base + '/events?format=geojson&limit=100', timeout=10))['features']
    places = {tuple(f['geometry']['coordinates']) for f in features if f['geometry']}
    drawn = len(page.all('#map svg.map .place'))
    assert drawn == len(places), f'{drawn} places drawn, {len(places)} distinct points in the GeoJSON'
    listed = sum(len(item.find_elements(By.CSS_SELECTOR, '.map-events li')) for item in page.all('#map-list .map-place'))
    located = sum(1 for f in features if f['geometry'])
    assert listed >= located, (listed, located)


def check_deep_links_open_their_view(page, base):
    event = api_all(base, '/events?limit=100')[-1]
    proposal = api_all(base, '/proposals?limit=100')[0]
    article = api_all(base, '/articles?limit=100')[0]
    entity = proposal['positions'][0]['entity']
    for open_, title, selector in [(f'event:{event["id"]}', 'Event', f'[data-record="event:{event["id"]}"]'),
                                   (f'proposal:{proposal["id"]}', 'Proposal', f'[data-record="proposal:{proposal["id"]}"]'),
                                   (f'entity:{entity["id"]}', entity['name'], f'[data-entity="{entity["id"]}"]'),
                                   (f'article:{article["id"]}', article['title'], '.article .paragraph')]:
        page.open('?open=' + urllib.parse.quote(open_))
        page.wait(lambda d: page.text('#detail-title') == title, f'{open_}: dialog title {page.text("#detail-title")!r} != {title!r}')
        assert page.all('#detail[open] ' + selector), f'{open_}: {selector} not shown'
    # The article reader marks every mention the API lists, and search terms.
    page.open(f'?open=article:{article["id"]}&q=security')
    page.wait(lambda d: page.all('#detail .mention'), 'no mention marked')
    detail = json.load(urllib.request.urlopen(f'{base}/articles/{article["id"]}?include=mentions&highlight=security', timeout=10))
    mentioned = page.driver.execute_script("return new Set([...document.querySelectorAll('#detail .mention')].map(m => m.dataset.entity)).size")
    assert mentioned == len({m['entity'] for m in detail['mentions']}), mentioned
    assert len(page.all('#detail mark.term')) >= len(detail['highlights']) > 0


def check_entity_aliases_and_unknown_names(page, base):
    resolved = json.load(urllib.request.urlopen(base + '/entities/resolve?name=Zelenskiy', timeout=10))['entity']
    page.open('?entity=Zelenskiy')
    page.wait(lambda d: page.one('#entity').get_attribute('value') == resolved['id'], 'the alias was not resolved into the select')
    assert resolved['name'] in page.text('#filter-status')
    expected = [e['id'] for e in api_all(base, f'/entities/{resolved["id"]}/events?limit=100')]
    assert [i for i, _ in page.timeline()] == expected
    page.open('?entity=does-not-exist')
    page.wait(lambda d: page.one('#notice').is_displayed() and 'does-not-exist' in page.text('#notice'), 'no message for an unknown entity')
    assert page.one('#entity').get_attribute('value') == ''
    assert len(page.timeline()) == len(api_all(base, '/events?limit=100'))


def check_back_and_forward_restore_state(page, base):
    """Keyboard only: a view, a dialog opened and closed, an entity, a status; Back undoes each
    step (the controls, the view and the dialog match the recorded state) and Forward redoes them."""
    page.open()
    snapshot = lambda: page.driver.execute_script("""return [location.search, document.getElementById('entity').value,
        [...document.querySelectorAll('#legend .legend-item')].map(b => b.getAttribute('aria-pressed')).join(),
        document.querySelector('.view-tab[aria-current="page"]').dataset.view, document.getElementById('detail').open,
        document.querySelectorAll('.view:not([hidden]) li.event, .view:not([hidden]) li.proposal').length]""")
    seen = [snapshot()]

    def step(action, message):
        before = page.driver.current_url
        action()
        page.wait(lambda d: d.current_url != before, message)
        time.sleep(0.1)
        seen.append(snapshot())

    step(lambda: page.one('a.view-tab[data-view="proposals"]').send_keys(Keys.ENTER), 'the Proposals tab did not change the URL')
    step(lambda: page.one('#proposals .title-button').send_keys(Keys.ENTER), 'opening a proposal did not change the URL')
    assert seen[-1][4] is True, 'the proposal dialog is not open'
    step(lambda: webdriver.ActionChains(page.driver).send_keys(Keys.ESCAPE).perform(), 'Escape did not change the URL')
    assert seen[-1][4] is False, 'Escape did not close the dialog'
    step(lambda: page.one('#entity').send_keys(Keys.ARROW_DOWN), 'the entity select did not change the URL')
    step(lambda: page.one('#legend .legend-item').send_keys(Keys.SPACE), 'a status toggle did not change the URL')
    assert all(a != b for a, b in zip(seen, seen[1:])), f'a step did not change the state: {seen}'
    for expected in reversed(seen[:-1]):
        page.driver.back()
        page.wait(lambda d: snapshot() == expected, f'Back did not restore {expected}; got {snapshot()}')
    for expected in seen[1:]:
        page.driver.forward()
        page.wait(lambda d: snapshot() == expected, f'Forward did not restore {expected}; got {snapshot()}')


def check_search_follows_the_entity_and_marks_the_article(page, base):
    page.open('?q=security')
    all_hits = len(page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#search-list .hit'), 'no hits'))
    entity = busiest_entity(base)
    if entity:
        page.open(f'?q=security&entity={entity}')
        page.wait(lambda d: 'involving' in page.text('#search-summary'), 'the search summary does not mention the entity')
        events = {e['id'] for e in api_all(base, f'/entities/{entity}/events?limit=100')}
        for hit in page.all('#search-list .hit.type-event'):
            assert hit.get_attribute('data-id') in events, hit.get_attribute('data-id')
        # The page shows the API's entity-filtered hits, in its rank order (a full first page).
        with urllib.request.urlopen(f"{base.rstrip('/')}/search?q=security&entity={entity}&match=exact&limit=20", timeout=10) as response:
            expected = [(h['type'], h['id']) for h in json.load(response)['data']]
        shown = [(h.get_attribute('data-type'), h.get_attribute('data-id')) for h in page.all('#search-list .hit')]
        assert shown == expected, (shown, expected)
        assert len(shown) <= all_hits
    page.open('?q=security')
    article = page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#search-list .hit.type-article .hit-title'), 'no article hit')[0]
    article.click()
    page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#detail[open] mark.term'), 'the article opened from search has no marked terms')


def check_state_matches_controls_when_the_api_is_down(page, base):
    """After the first load the API goes away (requests blocked): filters still work, and what
    cannot load says so instead of showing stale content."""
    page.open()
    host = urllib.parse.urlparse(base).netloc
    page.driver.execute_cdp_cmd('Network.enable', {})
    page.driver.execute_cdp_cmd('Network.setBlockedURLs', {'urls': [f'*{host}/entities*', f'*{host}/search*', f'*{host}/events*',
                                                                     f'*{host}/proposals*', f'*{host}/articles*']})
    try:
        entity = busiest_entity(base)
        Select(page.one('#entity')).select_by_value(entity)
        if entity:
            expected = [e['id'] for e in api_all(base, f'/entities/{entity}/events?limit=100')]
            page.wait(lambda d: [i for i, _ in page.timeline()] == expected, 'offline, the timeline does not match the chosen entity')
        page.one('#q').send_keys('security', Keys.ENTER)
        page.wait(lambda d: 'failed' in page.text('#search-summary').lower(), 'offline search did not say it failed')
        assert not page.all('#search-list .hit'), 'stale hits shown after a failed search'
        page.one('#timeline .chip').click()
        page.wait(lambda d: 'could not be loaded' in page.text('#detail-body'), 'an entity page offline did not say it is unavailable')
        page.one('#detail-close').click()
        # The map's coordinates were never loaded: the map says so, and the places are still listed.
        page.one('a.view-tab[data-view="map"]').click()
        page.wait(lambda d: 'could not be loaded' in page.text('#map'), 'the map offline did not say its coordinates are missing')
        page.wait(lambda d: page.all('#map-list .map-place'), 'the map list is empty offline')
        assert not page.all('#map svg .place'), "the map shows places it could not load"
    finally:
        page.driver.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})


def check_brush_and_exports_follow_the_filters(page, base):
    """Dragging across the overview sets from/to; each download link answers with what the page shows."""
    page.open()
    strip = page.one('#axis svg.overview')
    width = strip.size['width']
    webdriver.ActionChains(page.driver).move_to_element_with_offset(strip, -width // 2 + int(width * 0.55), 0) \
        .click_and_hold().move_by_offset(int(width * 0.4), 0).release().perform()
    page.wait(lambda d: 'from=' in d.current_url and 'to=' in d.current_url, 'brushing the overview did not set from and to')
    query = urllib.parse.parse_qs(urllib.parse.urlparse(page.driver.current_url).query)
    expected = {e['id'] for e in api_all(base, f'/events?from={query["from"][0]}&to={query["to"][0]}&limit=100')}
    shown = {i for i, _ in page.timeline()}
    assert shown == expected and 0 < len(shown), f'after brushing: page {shown} != api {expected}'
    links = {a.text: a.get_attribute('href') for a in page.all('#downloads a')}
    assert set(links) == {'Events CSV', 'Events GeoJSON', 'Calendar (ICS)', 'Proposals CSV'}, links
    with urllib.request.urlopen(links['Events GeoJSON'], timeout=10) as response:
        ids = {f['properties']['id'] for f in json.load(response)['features']}
    assert ids == shown, f'the GeoJSON download has {ids}, the page shows {shown}'
    with urllib.request.urlopen(links['Calendar (ICS)'], timeout=10) as response:
        calendar = response.read().decode()
    assert calendar.count('BEGIN:VEVENT') == len(shown), (calendar.count('BEGIN:VEVENT'), len(shown))
    with urllib.request.urlopen(links['Events CSV'], timeout=10) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode())))
    assert {row[0] for row in rows[1:]} == shown, 'the CSV download differs from the page'


def check_retry_recovers_and_keeps_focus(page, base):
    """The API down at load (its lists blocked): the views say so; back up, Retry shows the data
    and puts focus on the view's heading."""
    host = urllib.parse.urlparse(base).netloc
    page.driver.execute_cdp_cmd('Network.enable', {})
    page.driver.execute_cdp_cmd('Network.setBlockedURLs', {'urls': [f'*{host}/events*']})
    try:
        page.driver.get(page.url + '/?view=timeline')
        page.wait_ready('error')
        assert 'unavailable' in page.text('#timeline').lower(), page.text('#timeline')
        assert 'could not be loaded' in page.text('#filter-status'), page.text('#filter-status')
    finally:
        page.driver.execute_cdp_cmd('Network.setBlockedURLs', {'urls': []})
    page.one('#retry').send_keys(Keys.ENTER)
    page.wait(lambda d: d.execute_script('return document.body.dataset.ready') == 'true', 'Retry did not load the data')
    page.wait(lambda d: d.execute_script('return document.activeElement.id') == 'timeline-heading', 'Retry left focus elsewhere')
    assert not page.one('#banner').is_displayed()
    assert len(page.timeline()) == len(api_all(base, '/events?limit=100'))


def check_search_highlights(page, base):
    page.open()
    box = page.one('#q')
    box.send_keys('security guarantees', Keys.ENTER)
    marks = page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#search-list .snippet mark'), 'no <mark> in the search results')
    words = {mark.text.lower() for mark in marks}
    assert any('secur' in word or 'guarant' in word for word in words), words
    assert not page.all('#search-list .snippet *:not(mark)'), 'a snippet holds markup other than <mark>'
    assert page.one('#search-results').is_displayed()


def check_sources_open_the_quote(page, base):
    page.open()
    first = page.one('#timeline li.event[data-status="held"]')
    event = next(e for e in api_all(base, '/events?status=held&limit=100') if e['id'] == first.get_attribute('data-id'))
    first.find_element(By.CSS_SELECTOR, 'details.sources > summary').click()
    quotes = first.find_elements(By.CSS_SELECTOR, '.evidence blockquote')
    assert quotes and event['evidence'][0]['quote'] in quotes[0].text
    first.find_element(By.CSS_SELECTOR, '.evidence button.link-button').click()
    page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#detail[open] mark.quote'), 'the article did not open with the quote marked')
    # Mentions inside the quote split it into several marks: together they are the quote.
    marked = page.driver.execute_script("return [...document.querySelectorAll('#detail mark.quote')].map(m => m.textContent).join('')")
    assert marked == event['evidence'][0]['quote'], (marked, event['evidence'][0]['quote'])
    articles = {a['id']: a for a in api_all(base, '/articles?limit=100')}
    assert page.text('#detail-title') == articles[event['evidence'][0]['article']]['title']
    page.one('#detail-close').click()
    page.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, '#detail[open]'), 'the dialog did not close')


def check_keyboard_and_labels(page, base):
    page.open()
    unlabelled = page.driver.execute_script("""
        return [...document.querySelectorAll('input, select, button, summary, a[href]')]
          .filter((node) => node.offsetParent !== null)
          .filter((node) => !(node.labels && node.labels.length) && !node.getAttribute('aria-label')
                            && !node.textContent.trim() && !node.getAttribute('title'))
          .map((node) => node.outerHTML.slice(0, 80));""")
    assert not unlabelled, f'controls without a label: {unlabelled}'
    page.driver.execute_script('document.activeElement.blur(); window.scrollTo(0, 0);')
    order = []
    for _ in range(14):
        webdriver.ActionChains(page.driver).send_keys(Keys.TAB).perform()
        active = page.driver.switch_to.active_element
        order.append(active.get_attribute('id') or ('skip-link' if 'skip-link' in (active.get_attribute('class') or '') else '')
                     or active.get_attribute('data-status') or active.get_attribute('data-view') or active.tag_name)
    assert order[:4] == ['skip-link', 'entity', 'q', 'search-submit'], order
    # Every view is a few Tab presses away (the tabs come right after the filters).
    for view in ('timeline', 'proposals', 'matrix', 'map'):
        assert view in order, f'the {view} tab is not among the first 14 tab stops: {order}'
    outline = page.driver.execute_script('return getComputedStyle(document.activeElement).outlineStyle')
    assert outline not in ('none', ''), outline
    # Tab alone reaches every control of the filters, the downloads and the tabs, each with a visible focus ring.
    page.open('?entity=' + busiest_entity(base))
    page.one('#more-filters summary').send_keys(Keys.ENTER)
    controls = page.driver.execute_script("""
        const all = [...document.querySelectorAll('.controls a[href], .controls button, .controls input, .controls select, .controls summary, .views a')];
        all.forEach((node, index) => { node.dataset.probe = index; });
        return all.filter((node) => node.getClientRects().length).map((node) => node.dataset.probe);""")
    page.driver.execute_script("document.querySelector('.skip-link').focus();")
    reached, rings = set(), set()
    for _ in range(len(controls) + 12):
        webdriver.ActionChains(page.driver).send_keys(Keys.TAB).perform()
        probe, ring = page.driver.execute_script(
            'const a = document.activeElement; return [a.dataset.probe || null, getComputedStyle(a).outlineStyle];')
        if probe is not None:
            reached.add(probe)
            if ring not in ('none', ''):
                rings.add(probe)
    missing = [probe for probe in controls if probe not in reached]
    assert not missing, f'{len(missing)} controls never reached by Tab: ' + str(page.driver.execute_script(
        'return arguments[0].map((p) => document.querySelector(`[data-probe="${p}"]`).outerHTML.slice(0, 80))', missing))
    assert set(controls) <= rings, 'a control has no visible focus ring'
    # A name button keeps focus near the content: its page opens, and closing returns to it.
    chip = page.one('#timeline .chip')
    chip.send_keys(Keys.ENTER)
    page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#detail[open] .entity-page'), 'a name did not open its page')
    page.one('#detail-close').send_keys(Keys.ENTER)
    page.wait(lambda d: d.switch_to.active_element == chip, 'closing the entity page did not return focus to the name')


def check_cross_origin(page, base):
    """The page served by another origin (a plain static server) reading Accord through CORS."""
    directory = tempfile.mkdtemp()
    try:
        shutil.copy(os.path.join(ROOT, 'web', 'index.html'), directory)
        shutil.copytree(os.path.join(ROOT, 'web'), os.path.join(directory, 'explorer'))
        handler = functools.partial(QuietHandler, directory=directory)
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            page.driver.get(f'http://127.0.0.1:{server.server_port}/?api={urllib.parse.quote(base, safe=":/")}')
            page.wait_ready()
            assert len(page.timeline()) == len(api_all(base, '/events?limit=100'))
            # Another server's data on this page (an ?api= link): the page says whose it is.
            notice = page.one('#api-origin')
            api_origin = urllib.parse.urlsplit(base)
            assert notice.is_displayed(), 'data from another origin without the origin notice'
            assert f'{api_origin.scheme}://{api_origin.netloc}' in notice.text, notice.text
            # The detail dialog covers the page: it says so too.
            note = page.driver.execute_script("return document.getElementById('detail-origin').textContent")
            assert f'{api_origin.scheme}://{api_origin.netloc}' in note, note
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(directory, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, '.js': 'text/javascript'}

    def log_message(self, *args):
        pass


def check_unreachable_api_shows_banner(page, base):
    page.driver.get(page.url + '/?api=http://127.0.0.1:1')
    page.wait_ready('error')
    banner = page.one('#banner')
    assert banner.is_displayed(), 'the error banner is hidden'
    assert 'unreachable' in banner.text.lower() and '127.0.0.1:1' in banner.text, banner.text
    assert not page.all('#timeline li.event') and not page.all('#axis .axis-event'), 'events shown without data'
    retry = page.one('#retry')
    assert retry.text == 'Retry'
    retry.send_keys(Keys.ENTER)
    page.wait(lambda d: d.execute_script("return document.activeElement && document.activeElement.id") == 'retry',
              'after a failed retry, focus is not on Retry')


AXE = None


def axe_source():
    global AXE
    if AXE is None:
        import selenium_axe_python
        with open(os.path.join(os.path.dirname(selenium_axe_python.__file__), 'axe-core', 'axe.min.js'), encoding='utf-8') as file:
            AXE = file.read()
    return AXE


def axe_serious(page, where):
    """Every axe-core rule (WCAG 2.x A/AA and best practices); fails on serious or critical."""
    page.driver.execute_script(axe_source())
    results = page.driver.execute_async_script(
        'const done = arguments[arguments.length - 1]; axe.run(document).then(done, (e) => done({error: String(e)}));')
    assert 'error' not in results, results
    bad = [(v['id'], v['impact'], [n['target'] for n in v['nodes']][:3]) for v in results['violations'] if v['impact'] in ('serious', 'critical')]
    assert not bad, f'axe-core {results.get("testEngine", {}).get("version")} at {where}: {bad}'
    return results['testEngine']['version']


def check_axe_every_view_and_dialog(page, base):
    """axe-core (the release bundled by selenium-axe-python) with all rules, on the first
    screen, each view, a search, and each kind of dialog."""
    event = api_all(base, '/events?limit=100')[0]
    proposal = next(p for p in api_all(base, '/proposals?limit=100') if p['positions'])
    article = api_all(base, '/articles?limit=100')[0]
    holder = proposal['positions'][0]['entity']['id']
    targets = ['', '?view=proposals', '?view=matrix', '?view=map', f'?open=event:{event["id"]}', f'?open=proposal:{proposal["id"]}',
               f'?open=entity:{holder}', f'?open=article:{article["id"]}&q=security',
               f'?view=matrix&open=stance:{proposal["id"]}:{holder}', '?q=security']
    version = None
    for target in targets:
        page.open(target)
        page.driver.execute_script("document.querySelectorAll('details').forEach((d) => { d.open = true; });")
        if 'open=' in target:
            page.wait(lambda d: page.text('#detail-title') not in ('', 'Loading…'), f'{target}: the dialog did not load')
        if 'view=map' in target:
            page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#map svg.map'), 'the map did not draw')
        if 'q=' in target:
            page.wait(lambda d: 'Searching' not in page.text('#search-summary'), 'the search did not finish')
        version = axe_serious(page, target or 'first screen')
    print(f'      axe-core {version}: 0 serious, 0 critical on {len(targets)} states')


def check_first_screen_budget(page, base):
    """The first screen: at most 4 API requests and under 100 KB transferred (fresh cache)."""
    page.driver.execute_cdp_cmd('Network.enable', {})
    page.driver.execute_cdp_cmd('Network.clearBrowserCache', {})
    page.open()
    time.sleep(0.3)
    entries = page.driver.execute_script("""
        return [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
          .map((e) => ({name: e.name, type: e.initiatorType, transfer: e.transferSize, body: e.encodedBodySize, decoded: e.decodedBodySize}));""")
    api = [e for e in entries if e['type'] in ('fetch', 'xmlhttprequest')]
    total = sum(e['transfer'] for e in entries)
    assert len(api) <= 4, f'{len(api)} API requests on the first screen: {[e["name"] for e in api]}'
    assert total < 100_000, f'{total} bytes transferred on the first screen'
    assert all(e['transfer'] > 0 for e in entries), 'a resource came from cache: the measure is not of a first visit'
    print(f'      first screen: {len(api)} API requests, {len(entries)} requests, {total / 1024:.1f} KB transferred '
          f'({sum(e["decoded"] for e in entries) / 1024:.1f} KB decoded)')


VIEW_TARGETS = ['', '?view=proposals', '?view=matrix', '?view=map']


def check_mobile_390(page, base):
    """At 390 px, each view: no horizontal scroll, and touch targets of at least 24 x 24 px."""
    driver = page.driver
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {'width': 390, 'height': 844, 'deviceScaleFactor': 1, 'mobile': True})
    try:
        event = api_all(base, '/events?limit=100')[0]
        for target in VIEW_TARGETS + [f'?open=event:{event["id"]}', '?q=security']:
            page.open(target)
            driver.execute_script("document.querySelectorAll('details').forEach((d) => { d.open = true; });")
            if 'view=map' in target:
                page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#map svg.map'), 'the map did not draw')
            if 'q=' in target:
                page.wait(lambda d: 'Searching' not in page.text('#search-summary'), 'search did not finish')
            time.sleep(0.2)
            overflow = driver.execute_script("""
                const root = document.documentElement;
                const wide = [...document.querySelectorAll('body *')]
                  .filter((node) => node.getClientRects().length && !node.closest('.matrix-scroll') && !node.closest('dialog:not([open])')
                                    && node.getBoundingClientRect().right > root.clientWidth + 0.5)
                  .map((node) => `${node.tagName.toLowerCase()}.${node.className.baseVal ?? node.className}: ${Math.round(node.getBoundingClientRect().right)}`);
                return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 8)};""")
            assert overflow['scroll'] <= overflow['client'] and not overflow['wide'], f'{target}: horizontal overflow at 390 px: {overflow}'
            # Links and mentions inside running text are WCAG 2.5.8's own exception.
            small = driver.execute_script("""
                return [...document.querySelectorAll('a[href], button, input, select, summary, textarea')]
                  .filter((node) => node.getClientRects().length && !node.closest('footer') && !node.classList.contains('skip-link')
                                    && !node.classList.contains('mention'))
                  .filter((node) => !node.closest('dialog') || node.closest('dialog').open)
                  .map((node) => { const r = node.getBoundingClientRect();
                                   return [`${node.tagName.toLowerCase()}.${node.className} '${(node.textContent || '').trim().slice(0, 20)}'`, r.width, r.height]; })
                  .filter(([, w, h]) => w < 24 || h < 24);""")
            assert not small, f'{target}: {len(small)} touch targets under 24 x 24 px at 390 px, e.g. {small[:5]}'
    finally:
        driver.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


def save_screenshots(page, base, directory):
    """One PNG per view (and the entity page and the reader) at 1440 and 390 px, for the README."""
    article = api_all(base, '/articles?limit=100')[0]
    entity = busiest_entity(base)
    shots = [('timeline', ''), ('proposals', '?view=proposals'), ('stances', '?view=matrix'), ('map', '?view=map'),
             ('entity', f'?open=entity:{entity}'), ('reader', f'?open=article:{article["id"]}&q=security')]
    heading = {'proposals': 'proposals-heading', 'stances': 'matrix-heading', 'map': 'map-heading'}
    for width, height in ((1440, 900), (390, 844)):
        page.driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': width < 600})
        for name, target in shots:
            page.open(target)
            if name == 'map':
                page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#map svg.map'), 'the map did not draw')
            if name in ('entity', 'reader'):
                page.wait(lambda d: page.text('#detail-title') not in ('', 'Loading…'), 'dialog did not load')
                time.sleep(0.3)
            elif name in heading:
                page.driver.execute_script(f"document.getElementById('{heading[name]}').scrollIntoView()")
            time.sleep(0.2)
            path = os.path.join(directory, f'explorer-{name}-{width}.png')
            assert page.driver.save_screenshot(path), f'could not write {path}'
            print(f'screenshot {path}')
    page.driver.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--url', default=os.environ.get('E2E_URL'), help='a running Accord, e.g. http://127.0.0.1:8080')
    parser.add_argument('--screenshots', help='save one screenshot per view at 1440 and 390 px into this directory (e.g. docs)')
    arguments = parser.parse_args()
    if not arguments.url:
        parser.error('--url or E2E_URL is required')
    base = arguments.url.rstrip('/')

    started_all = time.monotonic()
    driver = make_driver()
    page = Explorer(driver, base)
    checks = [
        check_first_screen_budget,
        check_served_at_root_without_console_errors,
        check_held_events_in_date_order,
        check_entity_filter_narrows,
        check_filters_match_the_api,
        check_time_axis_is_to_scale,
        check_matrix_cells_match_positions,
        check_map_draws_the_geojson,
        check_deep_links_open_their_view,
        check_entity_aliases_and_unknown_names,
        check_back_and_forward_restore_state,
        check_brush_and_exports_follow_the_filters,
        check_retry_recovers_and_keeps_focus,
        check_search_highlights,
        check_search_follows_the_entity_and_marks_the_article,
        check_sources_open_the_quote,
        check_keyboard_and_labels,
        check_state_matches_controls_when_the_api_is_down,
        check_cross_origin,
        check_unreachable_api_shows_banner,
        check_axe_every_view_and_dialog,
        check_mobile_390,
    ]
    failures = 0
    try:
        for check in checks:
            name = check.__name__.removeprefix('check_').replace('_', ' ')
            started = time.monotonic()
            try:
                check(page, base)
                print(f'ok    {name} ({time.monotonic() - started:.1f}s)')
            except Exception:  # noqa: BLE001 - report every failing check, then fail
                failures += 1
                print(f'FAIL  {name}')
                traceback.print_exc(limit=3)
        if arguments.screenshots:
            save_screenshots(page, base, arguments.screenshots)
    finally:
        driver.quit()
    print(f'explorer: {time.monotonic() - started_all:.0f}s')
    print(f'explorer: {len(checks) - failures} passed, {failures} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
