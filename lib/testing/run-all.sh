#!/usr/bin/env bash
# `npm test`: Vitest (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set), the
# production build (which type-checks the whole project, tests included), then the browser
# tests against that build on a fresh embedded database.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
echo "::: vitest"; npx vitest run
echo "::: next build (with type check)"; npx next build
echo "::: playwright"; npx playwright test
