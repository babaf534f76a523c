package org.kerma.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.query.FindingBrowse;
import org.kerma.registry.query.FindingFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kerma findings}: what validation and extraction recorded against the stored instances, newest first, with
 * the filters and paging of {@code /api/findings} ({@link FindingBrowse}). Prints the counts per source and
 * severity of every match, then one line per finding of the page. Reads the registry only; exits 1 when there is
 * no registry in the data directory.
 */
@Command(name = "findings", description = "List the findings recorded against stored instances (validation at"
        + " ingest, extraction), newest first.")
final class FindingsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "ERROR, WARNING or INFO.")
    private String severity;

    @Option(names = "--source", paramLabel = "SOURCE", description = "What recorded them, e.g. validation.")
    private String source;

    @Option(names = "--modality", paramLabel = "MODALITY", description = "The Modality of the instance's series.")
    private String modality;

    @Option(names = "--from", paramLabel = "YYYYMMDD", description = "First Study Date.")
    private String from;

    @Option(names = "--to", paramLabel = "YYYYMMDD", description = "Last Study Date.")
    private String to;

    @Option(names = "--offset", defaultValue = "0", description = "Findings to skip (default: ${DEFAULT-VALUE}).")
    private int offset;

    @Option(names = "--limit", defaultValue = "50", description = "Findings to print, 1 to 1000 (default:"
            + " ${DEFAULT-VALUE}).")
    private int limit;

    @Override
    public Integer call() throws Exception {
        FindingFilter filter;
        try {
            filter = new FindingFilter(FindingFilter.severity(severity), source, modality, from, to, offset, limit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        RegistryConfig config = registry.config();
        PrintWriter out = spec.commandLine().getOut();
        if (config.databaseUrl() == null && !Files.isRegularFile(config.dataDirectory().resolve("kerma.db"))) {
            spec.commandLine().getErr().println("kerma findings: no registry in " + config.dataDirectory()
                    + " (no kerma.db); give --data DIR or --db JDBC-URL");
            return Kerma.EXIT_FAILURE;
        }
        FindingBrowse.Page page;
        try (Registry open = Registry.open(config, List.of())) {
            page = new FindingBrowse(open.index()).list(filter);
        }
        StringBuilder counts = new StringBuilder();
        for (FindingBrowse.Count c : page.counts()) {
            counts.append(counts.length() == 0 ? "" : ", ").append(c.source()).append(' ').append(c.severity())
                    .append(' ').append(c.count());
        }
        out.println(page.total() + " findings" + (counts.length() == 0 ? "" : " (" + counts + ")"));
        for (FindingBrowse.Located l : page.items()) {
            FindingBrowse.Item f = l.finding();
            out.println(f.severity() + " " + f.source() + " " + l.sopInstanceUid()
                    + (f.module().isEmpty() ? "" : " " + f.module())
                    + (f.location().isEmpty() ? "" : " " + f.location()) + ": " + f.message());
        }
        return Kerma.EXIT_OK;
    }
}
