#!/usr/bin/env bash
# Every test: types, migrations up to date, unit + integration on PGlite and on PostgreSQL, build with the
# page-weight budget, and the browser journeys in Chromium. Stops at the first failing step.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s\n' "$*"; }

step "typecheck (server, web)"
npx tsc -p tsconfig.json --noEmit
npx tsc -p web/tsconfig.json --noEmit

step "migrations are up to date with the schema"
out=$(npx drizzle-kit generate --name stale-check 2>&1) || { echo "$out"; exit 1; }
if ! grep -q "No schema changes" <<<"$out"; then
  echo "$out"; git status --porcelain migrations
  echo "The schema changed without a committed migration: run 'npm run db:generate' and commit it." >&2
  git checkout -- migrations 2>/dev/null || true; git clean -fdq migrations 2>/dev/null || true
  exit 1
fi

step "unit + integration tests on PGlite"
npx vitest run

step "integration tests on PostgreSQL"
bash scripts/ensure-postgres.sh
MTQG_TEST_DB=postgres npx vitest run

step "build (server, web, page-weight budget)"
npm run build

step "browser journeys (Chromium)"
bash scripts/ensure-chromium.sh
npx tsx e2e/run.ts
