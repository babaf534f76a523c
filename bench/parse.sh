#!/usr/bin/env bash
# bench/parse.sh: header-parse throughput (everything up to Pixel Data), in files per second, of Kerma, pydicom and
# dcmdump on the same files, on this machine, in one run.
#
# Sets (each tool is given the same list file):
#   corpus    every DICOM file in the manifests of ../shared/corpus (samples and openrem; text dumps skipped), less
#             any file that crashes one of the tools (dcmdump dies on a 2,000-level nested sequence; one crash would
#             end its one-process run over all files); the exclusions are written to OUT/excluded.tsv
#   small10k  10,000 X-Ray Radiation Dose SR objects of 2.9-4.3 KB, Explicit VR LE, made by
#             ../shared/bench/gen_corpus.py --ct 0 --xa 0 (the same bytes as the peers' "small" class), in SMALL_DIR
#
# Tools, each one process over all files of a set, timed as a whole process (start-up included):
#   kerma     java -cp kerma-bench/target/benchmarks.jar org.kerma.bench.ParseFiles --warmup-passes 0 @LIST
#   kerma-c1  the same with -XX:TieredStopAtLevel=1 (C1 JIT only: less compile work in a short run); not the
#             default JVM, shown to price that option
#   pydicom   /usr/bin/python3 bench/pydicom_headers.py @LIST   (dcmread(stop_before_pixels=True, force=True))
#   dcmdump   xargs -a LIST -d '\n' -x -n 100000 -s 1000000 dcmdump -q +sb 7fe0,0010   (one dcmdump, output to
#             /dev/null; -x makes xargs fail rather than split the list over several processes)
# Order: one untimed check round (page cache, failure counts), then RUNS timed rounds; in each round every tool runs
# once on each set, the tool order rotating from round to round, so that load from elsewhere hits all tools alike.
# Then one JMH run of HeaderParseBenchmark on both sets: Kerma's in-process steady state.
#
# Output: OUT/runs.tsv (one line per timed run), OUT/raw/ (hyperfine JSON and tool output per run), OUT/check/,
# OUT/jmh.json, OUT/machine.txt, and OUT/summary.md, which is also printed: files/s median (min-max) per tool and
# set, and the ratios Kerma/pydicom and Kerma/dcmdump.
#
# Env: RUNS (5), OUT (bench/results/<UTC timestamp>), SHARED (../shared), SMALL_DIR (/tmp/kerma-bench-small10k),
#      JMH (1; 0 skips it), JMH_ARGS ("-wi 3 -w 2s -i 5 -r 2s -f 1"), KERMA_JAVA_OPTS (extra JVM options for
#      ParseFiles, split on spaces). Needs java 17+, mvn (to build the jar when missing or stale), dcmtk,
#      python3-pydicom with python3-numpy, and hyperfine (falls back to bash's time without it); run as root, it
#      installs the missing Debian packages with apt-get.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
: "${RUNS:=5}"
: "${SHARED:=$root/../shared}"
: "${SMALL_DIR:=/tmp/kerma-bench-small10k}"
: "${OUT:=$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)}"
: "${JMH:=1}"
: "${JMH_ARGS:=-wi 3 -w 2s -i 5 -r 2s -f 1}"
: "${KERMA_JAVA_OPTS:=}"
python=/usr/bin/python3 # Debian's python3, where python3-pydicom installs; one earlier on PATH may lack it
jar="$root/kerma-bench/target/benchmarks.jar"
tools=(kerma kerma-c1 pydicom dcmdump)
sets=(corpus small10k)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  printf 'parse.sh: %s\n' "$*" >&2
  exit 1
}

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, was '$RUNS'"
[[ -d "$SHARED/corpus" && -f "$SHARED/bench/gen_corpus.py" ]] \
  || die "$SHARED/corpus or $SHARED/bench/gen_corpus.py not found; set SHARED to the folder beside the project"
case "$OUT" in *,*) die "OUT must not contain a comma (JMH splits parameter values at commas): $OUT" ;; esac

# ---- peers and tools -------------------------------------------------------------------------------------------
missing=()
command -v dcmdump >/dev/null || missing+=(dcmtk)
"$python" -c 'import pydicom, numpy' 2>/dev/null || missing+=(python3-pydicom python3-numpy)
command -v hyperfine >/dev/null || missing+=(hyperfine)
if ((${#missing[@]})) && [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
  log "installing ${missing[*]} with apt-get"
  { DEBIAN_FRONTEND=noninteractive apt-get -q update && DEBIAN_FRONTEND=noninteractive apt-get -q install -y \
    --no-install-recommends "${missing[@]}"; } >/dev/null 2>&1 || log "apt-get could not install ${missing[*]}"
fi
command -v dcmdump >/dev/null || die "dcmdump not found (Debian: apt-get install dcmtk)"
"$python" -c 'import pydicom, numpy' 2>/dev/null || die "$python cannot import pydicom and numpy (Debian: apt-get install python3-pydicom python3-numpy)"
command -v java >/dev/null || die "java not found (Debian: apt-get install openjdk-17-jdk-headless)"
have_hyperfine=0
if command -v hyperfine >/dev/null; then
  have_hyperfine=1
else
  log "hyperfine not found: timing with bash's time instead"
fi

# ---- the benchmarks jar ----------------------------------------------------------------------------------------
newer_source() {
  find "$root/pom.xml" "$root/kerma-dicom" "$root/kerma-bench" -name target -prune \
    -o -type f \( -name pom.xml -o -path '*/src/main/*' \) -newer "$jar" -print -quit
}
if [[ ! -f "$jar" || -n "$(newer_source)" ]]; then
  command -v mvn >/dev/null || die "mvn not found: Maven is needed to build $jar (Debian: apt-get install maven)"
  log "building $jar"
  build_log="$(mktemp "${TMPDIR:-/tmp}/kerma-bench-build.XXXXXX.log")"
  (cd "$root" && mvn -B -q -Dmaven.test.skip=true package -pl kerma-bench -am) >"$build_log" 2>&1 \
    || { cat "$build_log" >&2; die "build failed; output kept in $build_log"; }
  rm -f "$build_log"
fi

mkdir -p "$OUT/raw" "$OUT/check"
log "results in $OUT"

# ---- the small set ---------------------------------------------------------------------------------------------
small_count() { find "$SMALL_DIR/small" -maxdepth 1 -type f -name '*.dcm' 2>/dev/null | wc -l; }
if [[ ! -f "$SMALL_DIR/CORPUS.json" || "$(small_count)" -ne 10000 ]]; then
  [[ ! -e "$SMALL_DIR" ]] || die "$SMALL_DIR exists but does not hold the 10,000 small objects; delete it or set SMALL_DIR"
  partial="$SMALL_DIR.partial.$$"
  log "generating 10,000 small objects into $SMALL_DIR (gen_corpus.py; 1-4 minutes)"
  "$python" "$SHARED/bench/gen_corpus.py" "$partial" --ct 0 --xa 0 --small 10000 >/dev/null
  mv "$partial" "$SMALL_DIR"
fi
cp "$SMALL_DIR/CORPUS.json" "$OUT/small10k-CORPUS.json"
find "$SMALL_DIR/small" -maxdepth 1 -type f -name '*.dcm' | sort >"$OUT/small10k.list"

# ---- the corpus set --------------------------------------------------------------------------------------------
# Each MANIFEST.tsv names its files in a local_path column (relative to the manifest) or a path column (relative
# to the corpus folder); rows whose transfer_syntax says "text dump" are dcmdump-format text, not DICOM.
manifest_files() {
  local manifest
  for manifest in "$SHARED"/corpus/*/MANIFEST.tsv; do
    awk -F'\t' -v here="$(dirname "$manifest")/" -v corpus="$SHARED/corpus/" '
      NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
      col["transfer_syntax"] && $col["transfer_syntax"] ~ /^text dump/ { next }
      col["local_path"] { print here $col["local_path"]; next }
      { print corpus $col["path"] }' "$manifest"
  done
}
: >"$OUT/corpus.list"
printf 'file\treason\n' >"$OUT/excluded.tsv"
printf 'file\tdcmdump_exit\n' >"$OUT/check/dcmdump-corpus-per-file.tsv"
log "checking the corpus files one by one with dcmdump (a crash would end its run over all files)"
while IFS= read -r file; do
  if [[ ! -f "$file" ]]; then
    printf '%s\tlisted in a manifest but missing\n' "$file" >>"$OUT/excluded.tsv"
    continue
  fi
  rc=0
  { dcmdump -q +sb 7fe0,0010 "$file" >/dev/null 2>&1; } 2>/dev/null || rc=$? # braces: no "Segmentation fault" line
  printf '%s\t%s\n' "$file" "$rc" >>"$OUT/check/dcmdump-corpus-per-file.tsv"
  if ((rc > 128)); then
    printf '%s\tdcmdump killed by signal %d\n' "$file" $((rc - 128)) >>"$OUT/excluded.tsv"
  else
    printf '%s\n' "$file" >>"$OUT/corpus.list"
  fi
done < <(manifest_files)
[[ -s "$OUT/corpus.list" ]] || die "no corpus files found under $SHARED/corpus"

# ---- the commands ----------------------------------------------------------------------------------------------
# command_for TOOL SET: prints the command, one word per line.
command_for() {
  local list="$OUT/$2.list"
  case "$1" in
    kerma | kerma-c1)
      printf '%s\n' java
      [[ "$1" == kerma ]] || printf '%s\n' -XX:TieredStopAtLevel=1
      # shellcheck disable=SC2086
      [[ -z "$KERMA_JAVA_OPTS" ]] || printf '%s\n' $KERMA_JAVA_OPTS
      printf '%s\n' -cp "$jar" org.kerma.bench.ParseFiles --warmup-passes 0 --passes 1 --json "@$list" ;;
    pydicom) printf '%s\n' "$python" "$root/bench/pydicom_headers.py" "@$list" ;;
    dcmdump) printf '%s\n' xargs -a "$list" -d '\n' -x -n 100000 -s 1000000 dcmdump -q +sb 7fe0,0010 ;;
  esac
}

# The figure a tool prints from inside its own loop (seconds), or "-".
inner_seconds() {
  "$python" - "$1" <<'EOF'
import json, sys
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("{"):
        s = json.loads(line)["seconds"]
        print(s[-1] if isinstance(s, list) else s)
        break
else:
    print("-")
EOF
}

# measure ROUND TOOL SET: one timed whole-process run, appended to runs.tsv.
measure() {
  local round=$1 tool=$2 set=$3 base="$OUT/raw/$3-$2-r$1" wall user sys rc=0
  # dcmdump's text goes to /dev/null, as in the peers' runs; the others print one line worth keeping.
  local sink="$base.out"
  [[ "$tool" != dcmdump ]] || sink=/dev/null
  local -a cmd
  mapfile -t cmd < <(command_for "$tool" "$set")
  if ((have_hyperfine)); then
    hyperfine -N -i --runs 1 --style none --output "$sink" --export-json "$base.json" \
      "$(printf '%q ' "${cmd[@]}")" >/dev/null 2>"$base.hyperfine.err" || die "hyperfine failed on ${cmd[*]}"
    read -r wall user sys rc < <("$python" -c 'import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(r["times"][0], r["user"], r["system"], r["exit_codes"][0])' "$base.json")
  else
    local TIMEFORMAT='%3R %3U %3S'
    { time "${cmd[@]}" >"$sink" 2>/dev/null || rc=$?; } 2>"$base.time"
    read -r wall user sys <"$base.time"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$set" "$tool" "$(wc -l <"$OUT/$set.list")" \
    "$wall" "$user" "$sys" "$(inner_seconds "$sink")" "$rc" >>"$OUT/runs.tsv"
  log "round $round $set $tool: $wall s"
}

# ---- machine ---------------------------------------------------------------------------------------------------
{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo none) $(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo '(uncommitted changes)')"
  echo "kernel: $(uname -srm)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "java: $(java -version 2>&1 | head -n 2 | tail -n 1)"
  echo "dcmtk: $(dpkg-query -W -f '${Version}' dcmtk 2>/dev/null || dcmdump --version | head -n 1)"
  echo "pydicom: $("$python" -c 'import pydicom; print(pydicom.__version__)'), $("$python" --version 2>&1)"
  echo "hyperfine: $( ((have_hyperfine)) && hyperfine --version || echo 'not used (bash time)')"
  echo "files: corpus $(wc -l <"$OUT/corpus.list") (excluded $(($(wc -l <"$OUT/excluded.tsv") - 1))), small10k $(wc -l <"$OUT/small10k.list")"
  echo "runs: $RUNS; jmh: $([[ "$JMH" == 1 ]] && echo "$JMH_ARGS" || echo skipped); KERMA_JAVA_OPTS: ${KERMA_JAVA_OPTS:-none}"
  echo "load_average_start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"
for tool in "${tools[@]}"; do
  for set in "${sets[@]}"; do
    echo "$tool $set: $(command_for "$tool" "$set" | tr '\n' ' ')" >>"$OUT/commands.txt"
  done
done

# ---- check round (untimed): warms the page cache, shows what each tool makes of the files ----------------------
log "check round (untimed)"
xargs -a "$OUT/corpus.list" -d '\n' cat >/dev/null
xargs -a "$OUT/small10k.list" -d '\n' cat >/dev/null
for set in "${sets[@]}"; do
  for tool in "${tools[@]}"; do
    mapfile -t cmd < <(command_for "$tool" "$set")
    rc=0
    sink="$OUT/check/$tool-$set.out"
    [[ "$tool" != dcmdump ]] || sink=/dev/null
    "${cmd[@]}" >"$sink" 2>"$OUT/check/$tool-$set.err" || rc=$?
    echo "$rc" >"$OUT/check/$tool-$set.exit"
    # dcmdump exits non-zero when some file has an error; the others must not fail as a whole.
    [[ "$tool" == dcmdump || "$rc" -eq 0 ]] || die "$tool failed on $set (exit $rc): see $OUT/check/$tool-$set.err"
  done
done

# ---- timed rounds ----------------------------------------------------------------------------------------------
printf 'round\tset\ttool\tfiles\twall_s\tuser_s\tsys_s\tinner_s\texit\n' >"$OUT/runs.tsv"
for ((round = 1; round <= RUNS; round++)); do
  for set in "${sets[@]}"; do
    for ((k = 0; k < ${#tools[@]}; k++)); do
      measure "$round" "${tools[$(((round + k) % ${#tools[@]}))]}" "$set"
    done
  done
done

# ---- JMH: in-process steady state ------------------------------------------------------------------------------
if [[ "$JMH" == 1 ]]; then
  log "JMH HeaderParseBenchmark on both sets ($JMH_ARGS)"
  # shellcheck disable=SC2086
  java -jar "$jar" HeaderParseBenchmark -p "corpus=@$OUT/corpus.list,@$OUT/small10k.list" $JMH_ARGS \
    -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.log" 2>&1 || die "JMH failed: see $OUT/jmh.log"
fi
echo "load_average_end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

"$python" "$root/bench/parse_report.py" "$OUT" | tee "$OUT/summary.md"
