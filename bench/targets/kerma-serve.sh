# Target: the Kerma node (`kerma serve`): durable archive + SQLite index; Success only after both. KERMA_HOME = the
# checkout. Copied beside the kit's targets by bench/ingest.sh and bench/query.sh (replacing the kit's own
# kerma-serve.sh, which cannot count what was stored): t_count reads the index (instance rows).
: "${KERMA_HOME:=$PWD}"
: "${KERMA_PORT:=41052}"
: "${KERMA_HTTP_PORT:=41082}"
T_AET=KERMA
T_PORT=$KERMA_PORT
T_HTTP_PORT=$KERMA_HTTP_PORT
T_HOME=$KERMA_HOME
T_PID=
T_DATA=
t_describe() { echo "kerma serve ($(cd "$T_HOME" && git rev-parse --short HEAD 2>/dev/null)) --data DATADIR/data --dicom-port $T_PORT --http-port $T_HTTP_PORT (SQLite default)"; }
t_start() {
  T_DATA=$1
  mkdir -p "$T_DATA"
  require_free_port "$T_PORT"; require_free_port "$T_HTTP_PORT"
  "$T_HOME/kerma" serve --aet "$T_AET" --data "$T_DATA/data" --dicom-port "$T_PORT" --http-port "$T_HTTP_PORT" >"$T_DATA/kerma.log" 2>&1 &
  T_PID=$!
  local i
  for ((i = 0; i < 600; i++)); do
    curl -sf --max-time 2 "http://127.0.0.1:$T_HTTP_PORT/api/health" >/dev/null 2>&1 && wait_port "$T_PORT" 5 && return 0
    kill -0 "$T_PID" 2>/dev/null || break
    sleep 0.1
  done
  log "kerma serve did not start (see $T_DATA/kerma.log)"; t_stop; return 1
}
t_stop() { stop_pid "$T_PID"; T_PID=; }
t_count() {
  "$PY" -c 'import sqlite3, sys
print(sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True).execute("SELECT count(*) FROM instance").fetchone()[0])' \
    "$T_DATA/data/kerma.db" 2>/dev/null || echo na
}
