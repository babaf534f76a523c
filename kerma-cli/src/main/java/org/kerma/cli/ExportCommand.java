package org.kerma.cli;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.StudyFilter;
import org.kerma.server.auth.Accounts;
import org.kerma.server.export.EventExport;
import org.kerma.server.export.ExportFormat;
import org.kerma.server.export.StudyExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kerma export}: the study list of a registry ({@code --level study}) or its irradiation events
 * ({@code --level event}) as CSV or XLSX, the same tables as {@code /api/exports/studies|events.csv|.xlsx}, with
 * their filters. Written to a temporary file beside {@code -o} and moved
 * into place when complete. Audit-logged as {@code cli}. Patient identifiers are included (whoever can read the data
 * directory can read them anyway) unless {@code --no-patient-identifiers}.
 */
@Command(name = "export", description = "Export the study list or its irradiation events as CSV or XLSX (streaming;"
        + " any number of studies).")
final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or xlsx.")
    private String format;

    @Option(names = "--level", defaultValue = "study", paramLabel = "LEVEL",
            description = "One row per study (default) or per irradiation event (event).")
    private String level;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The file to write.")
    private Path output;

    @Option(names = "--from", paramLabel = "DATE", description = "First Study Date, YYYY-MM-DD or YYYYMMDD.")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last Study Date, YYYY-MM-DD or YYYYMMDD.")
    private String to;

    @Option(names = "--modality", paramLabel = "MOD", description = "A modality of one of the study's series.")
    private String modality;

    @Option(names = "--patient-id", paramLabel = "ID", description = "Patient ID, exactly.")
    private String patientId;

    @Option(names = "--accession", paramLabel = "NUMBER", description = "Accession Number, exactly.")
    private String accession;

    @Option(names = "--device", paramLabel = "ID", description = "A device id (as /api/devices lists them).")
    private Long device;

    @Option(names = "--no-patient-identifiers", description = "Leave out the Patient ID and Patient Name columns.")
    private boolean noIdentifiers;

    @Override
    public Integer call() throws Exception {
        ExportFormat f = ExportFormat.parse(format);
        if (!level.equals("study") && !level.equals("event")) {
            throw new IllegalArgumentException("--level must be study or event, was '" + level + "'");
        }
        StudyFilter filter = new StudyFilter(patientId, StudyFilter.studyDate(from), StudyFilter.studyDate(to), modality, accession, 0, 1)
                .withDevice(device);
        Path target = output.toAbsolutePath();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        long rows;
        try (IndexDatabase index = IndexDatabase.open(registry.config().effectiveDatabaseUrl())) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
                Browse browse = new Browse(index);
                rows = level.equals("study") ? new StudyExport(browse).write(filter, f, !noIdentifiers, out)
                        : new EventExport(browse, new DoseQueries(index)).write(filter, f, !noIdentifiers, out);
            } catch (Exception e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            String what = level.equals("study") ? "studies" : "events";
            new Accounts(index).audit("cli", "EXPORT", what + "." + f.extension() + " to " + target + ", " + rows
                    + " rows", null);
            spec.commandLine().getOut().println("exported " + rows + " " + what + " to " + target);
        }
        return Kerma.EXIT_OK;
    }
}
