package org.kerma.cli;

import picocli.CommandLine.Option;

/** {@code --progress/--no-progress}: whether a long command draws a {@link ProgressBar} on standard error. */
final class ProgressOption {

    @Option(names = "--progress", negatable = true, description = "Draw a progress bar on standard error"
            + " (default: when standard error is a terminal).")
    private Boolean progress;

    /** As asked, or by default when the process has a console. */
    boolean draw() {
        return progress != null ? progress : System.console() != null;
    }
}
