#!/usr/bin/env bash
# Make sure the PostgreSQL server the tests use answers on 127.0.0.1:5432 (start the machine's cluster if it is down).
set -euo pipefail
url="${MTQG_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
if psql "$url" -Atqc 'select 1' >/dev/null 2>&1; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  ver=$(ls /etc/postgresql | sort -V | tail -n1)
  echo "[ensure-postgres] starting cluster $ver/main"
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || true
fi
for _ in $(seq 1 30); do
  if psql "$url" -Atqc 'select 1' >/dev/null 2>&1; then exit 0; fi
  sleep 1
done
echo "[ensure-postgres] PostgreSQL is not reachable at $url: the PostgreSQL half of the suite cannot run." >&2
exit 1
