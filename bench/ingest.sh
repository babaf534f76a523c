#!/usr/bin/env bash
# bench/ingest.sh: C-STORE ingest throughput of Kerma's receivers against dcmtk storescp and Orthanc, in one run.
#
# Drives the shared peer kit (../shared/bench, read-only): it is copied into WORK/kit together with this project's
# extra targets (bench/targets/*.sh), then its run-peers.sh runs the `ingest` step: dcmtk storescu (TCP_NODELAY=1)
# sends each corpus class over 1 and over 4 associations to every target, the targets alternating run by run so that
# load from elsewhere hits all of them alike; a fresh, empty target per run; the stored count is verified.
#
# Targets (TARGETS, default all five):
#   storescp              dcmtk storescp --fork, writes files, no fsync
#   orthanc               Orthanc 1.10 with its SQLite index, default settings
#   kerma-receive         kerma receive: each file written as .part, forced to disk (fsync), renamed
#   kerma-receive-nosync  kerma receive --no-fsync: the same without forcing to disk (the like of storescp)
#   kerma-serve           kerma serve: durable archive + SQLite index; Success only after both (when serve exists);
#                         the stored count is read from its index
#   kerma-serve-base      (not in the default) kerma serve from the checkout KERMA_BASE_HOME, e.g. a worktree at the
#                         commit before a change: `KERMA_BASE_HOME=DIR TARGETS="... kerma-serve kerma-serve-base"`
# Corpus: ../shared/bench/gen_corpus.py (2,000 CT of 0.5 MB, 10,000 small RDSRs, 3 XA of 31 MB), generated into
# CORPUS on first use (~1-2 min).
#
# Env: TARGETS, CLASSES ("small ct"), PARALLEL ("1 4"), RUNS (3), CORPUS (/tmp/bench-corpus), WORK (/tmp/bench-work),
#      OUT (bench/results/ingest-<UTC timestamp>), SHARED (../shared).
# Output: OUT/<run id>/REPORT.md (min / median / max per class, target and association count), ingest.jsonl (raw).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
: "${SHARED:=$root/../shared}"
: "${TARGETS:=storescp orthanc kerma-receive kerma-receive-nosync kerma-serve}"
: "${CLASSES:=small ct}"
: "${PARALLEL:=1 4}"
: "${RUNS:=3}"
: "${WORK:=/tmp/bench-work}"
: "${OUT:=$root/bench/results}"
run_id="ingest-$(date -u +%Y%m%dT%H%M%SZ)"

[[ -x "$SHARED/bench/run-peers.sh" ]] || { echo "bench/ingest.sh: the peer kit is missing: $SHARED/bench" >&2; exit 2; }
if [[ " $TARGETS " == *" kerma-serve "* ]] && ! "$root/kerma" --help 2>/dev/null | grep -q '^  serve '; then
  echo "bench/ingest.sh: this checkout has no 'kerma serve' yet; leaving the kerma-serve target out" >&2
  TARGETS="${TARGETS/kerma-serve/}"
fi
"$root/kerma" version >/dev/null   # builds the jar now, not inside a timed run

kit="$WORK/kit"
rm -rf "$kit"
mkdir -p "$kit"
cp -r "$SHARED/bench/." "$kit/"
cp "$root"/bench/targets/*.sh "$kit/targets/"

KERMA_HOME="$root" BENCH_OUT="$OUT" RUN_ID="$run_id" RUNS="$RUNS" WORK="$WORK" \
  TARGETS="$TARGETS" CLASSES="$CLASSES" PARALLEL="$PARALLEL" \
  "$kit/run-peers.sh" ingest
echo "report: $OUT/$run_id/REPORT.md"
sed -n '/^| class/,/^$/p' "$OUT/$run_id/REPORT.md"
