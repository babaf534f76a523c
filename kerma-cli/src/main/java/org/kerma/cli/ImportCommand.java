package org.kerma.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kerma.registry.Registry;
import org.kerma.registry.ingest.Importer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma import DIR|FILE...}: stores DICOM files in the registry, as C-STORE would (archived, forced to disk,
 * indexed). Directories are walked, ZIP files read entry by entry, a DICOMDIR followed to the files it references.
 * Prints the summary (imported, duplicates, failed) and each failure with its reason; exits with 1 when anything
 * failed, after importing all the rest.
 */
@Command(name = "import", description = "Store DICOM files, directories, ZIP files and DICOMDIRs in the registry.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Parameters(arity = "1..*", paramLabel = "DIR|FILE", description = "What to import.")
    private List<Path> paths;

    @Mixin
    private ProgressOption progress;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean draw = progress.draw();
        ProgressBar bar = new ProgressBar(err);
        Importer.Summary summary;
        try (Registry open = Registry.open(registry.config())) {
            Importer importer = new Importer(open.ingest(), (done, total, sofar) -> {
                if (draw) {
                    bar.show(done, total, sofar.imported() + " imported, " + sofar.duplicates() + " duplicates, "
                            + sofar.failures().size() + " failed");
                }
            });
            summary = importer.run(paths);
        } finally {
            bar.finish();
        }
        out.println("imported " + summary.imported() + ", duplicates " + summary.duplicates() + ", failed "
                + summary.failures().size());
        for (String failure : summary.failures()) {
            err.println("failed: " + failure);
        }
        return summary.failures().isEmpty() ? Kerma.EXIT_OK : Kerma.EXIT_FAILURE;
    }
}
