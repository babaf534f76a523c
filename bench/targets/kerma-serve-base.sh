# Target: `kerma serve` as built from another checkout, KERMA_BASE_HOME (say, a worktree detached at the commit
# before a change), on ports of its own: measured interleaved with kerma-serve, it gives a change's effect in one run.
# shellcheck disable=SC1091
. "$BENCH_DIR/targets/kerma-serve.sh"
: "${KERMA_BASE_HOME:?set KERMA_BASE_HOME to the checkout to compare with}"
: "${KERMA_BASE_PORT:=41056}"
: "${KERMA_BASE_HTTP_PORT:=41086}"
T_PORT=$KERMA_BASE_PORT
T_HTTP_PORT=$KERMA_BASE_HTTP_PORT
T_HOME=$KERMA_BASE_HOME
