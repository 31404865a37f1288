#!/usr/bin/env bash
# /openapi.json is a valid OpenAPI 3.1 document, and schemathesis finds no response that breaks
# it (and no 5xx) against the running server. Skipped (77) when the Python tools are missing.
set -euo pipefail
command -v schemathesis >/dev/null || python3 -c 'import schemathesis' 2>/dev/null || exit 77
python3 -c 'import openapi_spec_validator' 2>/dev/null || exit 77
bash "$(dirname "$0")/../check-openapi.sh" "${E2E_URL:?}"
