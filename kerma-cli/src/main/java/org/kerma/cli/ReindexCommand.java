package org.kerma.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.kerma.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kerma reindex}: rebuilds the index from the archived files (the archive is the source of truth). Prints
 * how many instances and kept-both copies were indexed and each file that could not be; exits with 1 if any.
 */
@Command(name = "reindex", description = "Rebuild the index database from the archived files.")
final class ReindexCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean draw = progress.draw();
        ProgressBar bar = new ProgressBar(err);
        Registry.ReindexSummary summary;
        try (Registry open = Registry.open(registry.config())) {
            int total = open.archive().archivedFiles().size();
            summary = open.reindex(done -> {
                if (draw) {
                    bar.show(done, total, "");
                }
            });
        } finally {
            bar.finish();
        }
        out.println("reindexed " + summary.indexed() + " instances, " + summary.duplicates()
                + " kept-both copies, failed " + summary.failures().size());
        for (String failure : summary.failures()) {
            err.println("failed: " + failure);
        }
        return summary.failures().isEmpty() ? Kerma.EXIT_OK : Kerma.EXIT_FAILURE;
    }
}
