#!/usr/bin/env bash
# `npm test`: type check, Vitest (PGlite always; PostgreSQL too when TEST_DATABASE_URL is
# set), then the browser tests against a production build on a fresh embedded database.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
echo "::: typecheck"; npx tsc --noEmit
echo "::: vitest"; npx vitest run
echo "::: next build"; npx next build
echo "::: playwright"; npx playwright test
