#!/usr/bin/env bash
# Build and run the browser journeys whose file or name contains $1 (all when empty). A lock serialises the build and
# the run, so several people working in one checkout do not overwrite each other's dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
exec 9>/tmp/mtqg-build.lock
flock 9
npm run build >/tmp/mtqg-build.$$.log 2>&1 || { tail -40 /tmp/mtqg-build.$$.log; exit 1; }
bash scripts/ensure-chromium.sh
MTQG_E2E_ONLY="${1:-}" npx tsx e2e/run.ts
