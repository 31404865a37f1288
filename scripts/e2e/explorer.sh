#!/usr/bin/env bash
# The web explorer in a real browser: headless Chromium driven by Selenium (explorer_test.py)
# against the running server. Skipped (77) without chromium, chromedriver, selenium or
# axe-selenium-python (pip; its axe-core checks colour contrast).
# E2E_SCREENSHOT=docs/explorer.png also saves the README's screenshot (1280x900).
set -euo pipefail
url=${E2E_URL:?}
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || exit 77
command -v chromedriver >/dev/null || [ -x /usr/lib/chromium/chromedriver ] || exit 77
python3 -c 'import selenium' 2>/dev/null || exit 77
python3 -c 'import axe_selenium_python' 2>/dev/null || exit 77
args=(--url "$url")
[ -z "${E2E_SCREENSHOT:-}" ] || args+=(--screenshot "$E2E_SCREENSHOT")
[ -z "${E2E_MOBILE_SCREENSHOT:-}" ] || args+=(--mobile-screenshot "$E2E_MOBILE_SCREENSHOT")
exec python3 "$(dirname "$0")/explorer_test.py" "${args[@]}"
