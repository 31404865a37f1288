#!/usr/bin/env python3
"""The web explorer (issue 8) in a real browser: headless Chromium driven by Selenium.

Checks, against a running Accord (--url, default $E2E_URL):
- the page is served at / to a browser and loads without console errors (CSP included);
- the timeline shows the held events of the seeds in the API's date order;
- the entity filter (Zelensky) narrows the timeline and the proposals to what the API returns;
- a search shows a highlighted snippet (<mark>);
- a source opens its article with the quoted sentence marked;
- the controls are labelled and the tab order is logical;
- the page works from another origin (?api=, CORS), and shows an error banner when the API
  is unreachable (?api=http://127.0.0.1:1);
- at 360 px wide nothing overflows horizontally.
With --screenshot PATH it saves a 1280x900 screenshot (and --mobile-screenshot a 360 px one).
"""
import argparse
import functools
import http.server
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
    page.open()
    all_events, all_proposals = len(page.timeline()), len(page.proposals())
    select = Select(page.one('#entity'))
    option = next(option for option in select.options if 'Zelensky' in option.text)
    entity_id = option.get_attribute('value')
    select.select_by_value(entity_id)
    page.wait(lambda d: 'Zelensky' in page.text('#filter-status'), 'the filter status never named Zelensky')
    expected_events = [event['id'] for event in api_all(base, f'/entities/{entity_id}/events?limit=100')]
    expected_proposals = [proposal['id'] for proposal in api_all(base, f'/entities/{entity_id}/proposals?limit=100')]
    page.wait(lambda d: [i for i, _ in page.timeline()] == expected_events, 'the timeline did not narrow to the API answer')
    assert page.proposals() == expected_proposals, f'proposals {page.proposals()} != {expected_proposals}'
    assert 0 < len(expected_events) < all_events, (len(expected_events), all_events)
    assert 0 < len(expected_proposals) < all_proposals, (len(expected_proposals), all_proposals)
    assert 'entity=' + entity_id in page.driver.current_url
    # Clearing brings everything back.
    page.one('#entity-clear').click()
    page.wait(lambda d: len(page.timeline()) == all_events, 'clearing the filter did not restore the timeline')


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
    mark = page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#detail[open] mark.quote'), 'the article did not open with the quote marked')[0]
    assert mark.text == event['evidence'][0]['quote'], (mark.text, event['evidence'][0]['quote'])
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
    for _ in range(5):
        webdriver.ActionChains(page.driver).send_keys(Keys.TAB).perform()
        active = page.driver.switch_to.active_element
        order.append(active.get_attribute('id') or active.get_attribute('class') or active.tag_name)
    assert order[:4] == ['skip-link', 'entity', 'q', 'search-submit'], order
    assert order[4].startswith('legend-item'), order
    # Focus is visible: the focused control has an outline.
    outline = page.driver.execute_script('return getComputedStyle(document.activeElement).outlineStyle')
    assert outline not in ('none', ''), outline


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
    assert banner.find_element(By.TAG_NAME, 'button').text == 'Retry'


def check_text_contrast(page, base):
    """axe-core's color-contrast rule (WCAG 2 AA, 4.5:1) on the first screen with every source
    list open. Only this rule: the axe-core that axe-selenium-python bundles (3.1) predates the
    support for grouped <dt>/<dd> and flags valid markup, so its other rules are left to a current
    axe-core (issue #17)."""
    from axe_selenium_python import Axe
    page.open()
    page.driver.execute_script("document.querySelectorAll('details.sources').forEach((d) => { d.open = true; });")
    axe = Axe(page.driver)
    axe.inject()
    results = axe.run(options={'runOnly': {'type': 'rule', 'values': ['color-contrast']}})
    failing = [node['target'] for violation in results['violations'] for node in violation['nodes']]
    assert not failing, f'{len(failing)} elements fail colour contrast, e.g. {failing[:5]}'


def check_no_horizontal_overflow_at_360(page, base, screenshot=None):
    driver = page.driver
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {'width': 360, 'height': 780, 'deviceScaleFactor': 1, 'mobile': True})
    try:
        page.open()
        # Open every source list and a search, so the longest content is laid out too.
        driver.execute_script("document.querySelectorAll('details.sources').forEach((d) => { d.open = true; });")
        page.one('#q').send_keys('security guarantees', Keys.ENTER)
        page.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#search-list .snippet mark'), 'search did not finish')
        width = driver.execute_script('return window.innerWidth')
        assert width == 360, f'viewport is {width} px, not 360'
        overflow = driver.execute_script("""
            const root = document.documentElement;
            const wide = [...document.querySelectorAll('body *')]
              .filter((node) => node.getClientRects().length && node.getBoundingClientRect().right > root.clientWidth + 0.5)
              .map((node) => `${node.tagName.toLowerCase()}.${node.className}: ${Math.round(node.getBoundingClientRect().right)}`);
            return {scroll: root.scrollWidth, client: root.clientWidth, wide: wide.slice(0, 10)};""")
        assert overflow['scroll'] <= overflow['client'] and not overflow['wide'], f'horizontal overflow at 360 px: {overflow}'
        # Touch targets of at least 24 x 24 px (WCAG 2.2, 2.5.8); links inside a sentence (the
        # footer's) are the criterion's own exception.
        small = driver.execute_script("""
            return [...document.querySelectorAll('a[href], button, input, select, summary')]
              .filter((node) => node.getClientRects().length && !node.closest('footer') && !node.classList.contains('skip-link'))
              .map((node) => { const r = node.getBoundingClientRect();
                               return `${node.tagName.toLowerCase()}.${node.className} '${(node.textContent || '').trim().slice(0, 20)}' ${Math.round(r.width)}x${Math.round(r.height)}`; })
              .filter((text) => { const [w, h] = text.split(' ').pop().split('x').map(Number); return w < 24 || h < 24; });""")
        assert not small, f'{len(small)} touch targets under 24 x 24 px at 360 px, e.g. {small[:5]}'
        if screenshot:
            driver.execute_script("document.querySelectorAll('details.sources').forEach((d) => { d.open = false; });"
                                  "document.getElementById('search-close').click(); window.scrollTo(0, 0);")
            time.sleep(0.2)
            driver.save_screenshot(screenshot)
    finally:
        driver.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


def take_screenshot(page, path):
    page.driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {'width': 1280, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})
    page.open()
    page.driver.execute_script("""
        const first = document.querySelector('#timeline details.sources');
        if (first) first.open = true;
        window.scrollTo(0, 0);""")
    time.sleep(0.3)
    size = page.driver.execute_script('return [window.innerWidth, window.innerHeight]')
    page.driver.save_screenshot(path)
    print(f'screenshot {path} ({size[0]}x{size[1]})')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--url', default=os.environ.get('E2E_URL'), help='a running Accord, e.g. http://127.0.0.1:8080')
    parser.add_argument('--screenshot', help='save a 1280x900 screenshot of the explorer here')
    parser.add_argument('--mobile-screenshot', help='save a 360 px wide screenshot here')
    arguments = parser.parse_args()
    if not arguments.url:
        parser.error('--url or E2E_URL is required')
    base = arguments.url.rstrip('/')

    driver = make_driver()
    page = Explorer(driver, base)
    checks = [
        check_served_at_root_without_console_errors,
        check_held_events_in_date_order,
        check_entity_filter_narrows,
        check_search_highlights,
        check_sources_open_the_quote,
        check_keyboard_and_labels,
        check_cross_origin,
        check_unreachable_api_shows_banner,
        check_text_contrast,
        functools.partial(check_no_horizontal_overflow_at_360, screenshot=arguments.mobile_screenshot),
    ]
    failures = 0
    try:
        for check in checks:
            name = getattr(check, 'func', check).__name__.removeprefix('check_').replace('_', ' ')
            started = time.monotonic()
            try:
                check(page, base)
                print(f'ok    {name} ({time.monotonic() - started:.1f}s)')
            except Exception:  # noqa: BLE001 - report every failing check, then fail
                failures += 1
                print(f'FAIL  {name}')
                traceback.print_exc(limit=3)
        if arguments.screenshot:
            take_screenshot(page, arguments.screenshot)
    finally:
        driver.quit()
    print(f'explorer: {len(checks) - failures} passed, {failures} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
