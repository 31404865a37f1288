#!/usr/bin/env bash
# The web explorer in a real browser: headless Chromium driven by Selenium (explorer_test.py)
# against the running server. Skipped (77) only without chromium, chromedriver or selenium;
# axe-core comes from the pip package selenium-axe-python and its absence is a failure, so the
# accessibility checks are never skipped silently.
# E2E_SCREENSHOTS=docs also saves one screenshot per view at 1440 and 390 px.
set -euo pipefail
url=${E2E_URL:?}
command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null || exit 77
command -v chromedriver >/dev/null || [ -x /usr/lib/chromium/chromedriver ] || exit 77
python3 -c 'import selenium' 2>/dev/null || exit 77
if ! python3 -c 'import selenium_axe_python' 2>/dev/null; then
    echo "explorer: selenium-axe-python is missing (pip install selenium-axe-python): axe-core checks cannot run" >&2
    exit 1
fi
args=(--url "$url")
[ -z "${E2E_SCREENSHOTS:-}" ] || args+=(--screenshots "$E2E_SCREENSHOTS")
exec python3 "$(dirname "$0")/explorer_test.py" "${args[@]}"
