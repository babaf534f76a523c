#!/usr/bin/env bash
# Dose query latency (p50, p95) with EVENTS irradiation events (default 1,000,000) in the dose tables, filled in
# bulk by SQL batches: /api/studies/{uid}/dose, /api/patients/{id}/dose and the study list with its dose summary
# (DoseQueryTimings, in one process, no HTTP). On SQLite in a temporary directory, and on PostgreSQL at
# 127.0.0.1:5432 when it answers. Usage: bench/dose-queries.sh [EVENTS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events="${1:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/kerma-dose-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -B -q -o -pl kerma-registry -am test-compile >/dev/null
mvn -B -q -o -pl kerma-registry dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="kerma-registry/target/test-classes:kerma-registry/target/classes:$(cat "$work/cp.txt")"
run() { java -cp "$cp" org.kerma.registry.bench.DoseQueryTimings "$1" "$events"; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)"
run "jdbc:sqlite:$work/kerma.db"
if psql -h 127.0.0.1 -U postgres -Atc 'select 1' >/dev/null 2>&1; then
  db="kerma_dose_bench_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  trap 'psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"' EXIT
  run "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
else
  echo "PostgreSQL at 127.0.0.1:5432 does not answer: skipped"
fi
