#!/usr/bin/env bash
# Registry timings in one process (no network): ingest throughput of C-STORE data sets (archive fsync and index
# commit included) with 1 and 4 threads, median of 3; C-FIND latency (p50, p95) at study level by Patient ID with
# 10,000 and 100,000 instances indexed. On SQLite in a temporary directory, and on PostgreSQL at 127.0.0.1:5432 when
# it answers. Usage: bench/registry.sh [OBJECTS]   (default 2000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
objects="${1:-2000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/kerma-registry-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$root"
mvn -B -q -o -pl kerma-registry -am test-compile >/dev/null
mvn -B -q -o -pl kerma-registry dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="kerma-registry/target/test-classes:kerma-registry/target/classes:$(cat "$work/cp.txt")"
run() { java -cp "$cp" org.kerma.registry.bench.RegistryTimings "$work/$1" "$2" "$objects"; }
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, $(java -version 2>&1 | head -1)"
run sqlite sqlite
if psql -h 127.0.0.1 -U postgres -Atc 'select 1' >/dev/null 2>&1; then
  db="kerma_bench_$$"
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  trap 'psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"' EXIT
  run postgres "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
else
  echo "PostgreSQL at 127.0.0.1:5432 does not answer: skipped"
fi
