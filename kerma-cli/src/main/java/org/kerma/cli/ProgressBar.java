package org.kerma.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with carriage returns, at most ten times a second, for standard error.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** Redraws the bar if the last drawing is old enough, or always when {@code done == total}. */
    void show(int done, int total, String detail) {
        long now = System.nanoTime();
        if (drawn && done < total && now - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " files  "
                + detail);
        err.flush();
    }

    /** Ends the bar's line, if one was drawn. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
