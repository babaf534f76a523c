# Target: Kerma's plain receiver without forcing each file to disk (`kerma receive --no-fsync`), the like of dcmtk
# storescp, which does not fsync either. KERMA_HOME = the checkout. Copied beside the kit's targets by bench/ingest.sh.
: "${KERMA_HOME:=$PWD}"
: "${KERMA_NOSYNC_PORT:=41054}"
T_AET=KERMA
T_PORT=$KERMA_NOSYNC_PORT
T_PID=
T_DATA=
t_describe() { echo "kerma receive ($(cd "$KERMA_HOME" && git rev-parse --short HEAD 2>/dev/null)) --no-fsync --dir DATADIR/store --port $T_PORT"; }
t_start() {
  T_DATA=$1
  mkdir -p "$T_DATA/store"
  require_free_port "$T_PORT"
  "$KERMA_HOME/kerma" receive --no-fsync --dir "$T_DATA/store" --port "$T_PORT" >"$T_DATA/kerma.log" 2>&1 &
  T_PID=$!
  wait_port "$T_PORT" 60 || { log "kerma receive did not start (see $T_DATA/kerma.log)"; t_stop; return 1; }
}
t_stop() { stop_pid "$T_PID"; T_PID=; }
t_count() { find "$T_DATA/store" -type f -name '*.dcm' | wc -l; }
