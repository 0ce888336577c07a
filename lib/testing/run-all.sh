#!/usr/bin/env bash
# `npm test`: ESLint, Vitest (PGlite always; PostgreSQL too when TEST_DATABASE_URL is set), the
# production build (which type-checks the whole project, tests included), then the browser
# tests against that build on a fresh embedded database.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
echo "::: lint (Next's rules and the layer rules)"; npx eslint .
echo "::: vitest"; npx vitest run
echo "::: next build (with type check)"; npx next build
echo "::: playwright"; npx playwright test
# 20 clients for 30 s against the production build: zero errors (the long soak is `npm run soak`).
echo "::: soak (short)"; npm run soak:short
# The benchmark script on 10k synthetic incidents, to show it still runs end to end (`npm run bench` is the full one).
echo "::: bench (smoke)"; npm run bench:smoke -- --skip-build
