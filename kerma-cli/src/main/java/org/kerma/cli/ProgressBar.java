package org.kerma.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with carriage returns, at most ten times a second, for standard error.
 * Safe to share between threads (a send over several associations steps it from each); a problem line printed
 * through {@link #problem} goes above the bar, which the next drawing puts back.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private long lastDraw;
    private boolean drawn;
    private int lineLength;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** Redraws the bar if the last drawing is old enough, or always when {@code done == total}. */
    synchronized void show(int done, int total, String detail) {
        long now = System.nanoTime();
        if (drawn && done < total && now - lastDraw < INTERVAL_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String line = "[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total + " files  "
                + detail;
        err.print("\r" + line + " ".repeat(Math.max(0, lineLength - line.length())));
        lineLength = line.length();
        err.flush();
    }

    /** Prints {@code line} on a line of its own, wiping the bar first; the next {@link #show} draws it again. */
    synchronized void problem(String line) {
        wipe();
        err.println(line);
        err.flush();
        lastDraw = 0;
    }

    /** Ends the bar's line, if one was drawn. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }

    /** Removes the bar from its line, leaving the cursor at the start of it. */
    synchronized void clear() {
        wipe();
        err.flush();
    }

    private void wipe() {
        if (lineLength > 0) {
            err.print("\r" + " ".repeat(lineLength) + "\r");
            lineLength = 0;
        }
    }
}
