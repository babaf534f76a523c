#!/usr/bin/env bash
# bench/query.sh: C-FIND latency of `kerma serve` against Orthanc, with 10,000 and with 100,000 instances indexed.
#
# Drives the shared peer kit's query.sh (../shared/bench, read-only; copied into WORK/kit-query with this project's
# targets): for each size and target, a fresh target is loaded by dcmtk storescu over 4 associations (the count
# stored is checked), then hyperfine times `findscu -S` C-FIND at STUDY level by PatientID=BPAT101000 (5 matches):
# one process and one association per query (QUERY_RUNS of them, 50 by default, after 5 warm-ups), and 100 queries
# in one association (`findscu --repeat 100`, 10 runs); `echoscu` gives the per-association floor. Each size and
# target runs in a private network namespace holding only lo, as the kit's run-peers.sh does.
# Corpora: 10,000 = the kit corpus's small dose SRs (10,000 studies of 2,000 patients); 100,000 = those plus 90,000
# copies with new UIDs and new patients (bench/query_corpus.py, made once into QCORPUS, hard links + ~3 min).
# The kit's 600 s bound per loading storescu is raised to LOAD_TIMEOUT (Orthanc loads 100,000 objects in ~10 min).
#
# Env: TARGETS ("orthanc kerma-serve"), SIZES ("10000 100000"), QUERY_RUNS (50), CORPUS (/tmp/bench-corpus),
#      QCORPUS (/tmp/bench-corpus-query), WORK (/tmp/bench-work), OUT (bench/results), LOAD_TIMEOUT (3000).
# Output: OUT/<run id>/REPORT.md (p50, p95 per size and target), one directory per size and target with the kit's
#         raw files (query-*.json are hyperfine exports with every time).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
: "${SHARED:=$root/../shared}"
: "${TARGETS:=orthanc kerma-serve}"
: "${SIZES:=10000 100000}"
: "${CORPUS:=/tmp/bench-corpus}"
: "${QCORPUS:=/tmp/bench-corpus-query}"
: "${WORK:=/tmp/bench-work}"
: "${OUT:=$root/bench/results}"
: "${LOAD_TIMEOUT:=3000}"
run_id="query-$(date -u +%Y%m%dT%H%M%SZ)"
out="$OUT/$run_id"
py=/usr/bin/python3   # Debian python3, which has python3-pydicom

[[ -x "$SHARED/bench/query.sh" ]] || { echo "bench/query.sh: the peer kit is missing: $SHARED/bench" >&2; exit 2; }
[[ -f "$CORPUS/CORPUS.json" ]] || { echo "bench/query.sh: no corpus in $CORPUS (bench/ingest.sh makes it)" >&2; exit 2; }
"$root/kerma" version >/dev/null   # builds the jar now, not inside a timed run

kit="$WORK/kit-query"
rm -rf "$kit"
mkdir -p "$kit" "$out"
cp -r "$SHARED/bench/." "$kit/"
cp "$root"/bench/targets/*.sh "$kit/targets/"
sed -i "s/timeout --foreground 600 storescu/timeout --foreground $LOAD_TIMEOUT storescu/" "$kit/query.sh"

{
  echo "run_id: $run_id"
  echo "date_utc: $(date -u +%FT%TZ)"
  echo "commit: $(cd "$root" && git rev-parse --short HEAD)"
  echo "nproc: $(nproc)"
  echo "uptime at start: $(uptime)"
} >"$out/env.txt"

for size in $SIZES; do
  if [[ $size == 10000 ]]; then
    corpus=$CORPUS class=small
  else
    corpus=$QCORPUS class="small$size"
    echo "[$(date -u +%T)] making the $size-object query corpus in $corpus/$class" >&2
    "$py" "$root/bench/query_corpus.py" "$CORPUS/small" "$corpus/$class" "$size"
  fi
  for target in $TARGETS; do
    echo "[$(date -u +%T)] $target with $size instances (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    mkdir -p "$out/$size-$target"
    echo "$size $target start $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/load.txt"
    unshare -n -- env KERMA_HOME="$root" OUT="$out/$size-$target" WORK="$WORK" CORPUS="$corpus" \
      QUERY_CLASS="$class" QUERY_TARGET="$target" ${QUERY_RUNS:+QUERY_RUNS=$QUERY_RUNS} \
      bash -c 'ip link set lo up && exec bash "$0"' "$kit/query.sh" 2>&1 | tee -a "$out/steps.log" >&2 || true
    echo "$size $target end $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/load.txt"
  done
done

"$py" - "$out" $SIZES -- $TARGETS >"$out/REPORT.md" <<'PY'
import json, os, statistics, sys
out = sys.argv[1]
sep = sys.argv.index("--")
sizes, targets = sys.argv[2:sep], sys.argv[sep + 1:]
def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))]
def load(d, name):
    try:
        return json.load(open(os.path.join(out, d, "query-%s.json" % name)))["results"][0]["times"]
    except (OSError, KeyError, IndexError, ValueError):
        return None
print("C-FIND STUDY by PatientID (5 matches), times in ms: one findscu process + association per query (p50, p95),")
print("100 queries in one association (median per query), echoscu floor (p50)\n")
print("| instances | target | loaded | findscu p50 | findscu p95 | per query in one association | echoscu p50 |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for size in sizes:
    for t in targets:
        d = "%s-%s" % (size, t)
        loaded = "?"
        try:
            for line in open(os.path.join(out, d, "query.jsonl")):
                r = json.loads(line)
                if r.get("bench") == "query-load":
                    loaded = "%s in %s s" % (r.get("stored"), r.get("seconds"))
        except OSError:
            pass
        f, rep, echo = load(d, "findscu-study-by-pid"), load(d, "findscu-study-by-pid-repeat100"), load(d, "echoscu")
        cell = lambda xs, p: "%.1f" % (1000 * pct(xs, p)) if xs else "n/a"
        per = "%.2f" % (1000 * statistics.median(rep) / 100) if rep else "n/a"
        print("| %s | %s | %s | %s | %s | %s | %s |" % (size, t, loaded, cell(f, 50), cell(f, 95), per, cell(echo, 50)))
PY
echo "report: $out/REPORT.md"
cat "$out/REPORT.md"
