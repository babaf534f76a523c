package org.kerma.cli;

import org.kerma.registry.query.StudyFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.index.IndexException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma dose study UID} and {@code kerma dose patient ID}: the dose answers of a registry (the tables that
 * {@code kerma import} and {@code kerma serve} fill), as text tables or, with {@code --json}, the JSON of the REST
 * API. Exit code 1 when the registry or the study or patient is not there.
 */
final class DoseRegistryCommands {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DoseRegistryCommands() {
    }

    /** Opens the index of {@code config} for reading; empty (with a message) when there is no SQLite registry. */
    static Optional<IndexDatabase> open(RegistryConfig config, PrintWriter err, String command) {
        if (config.databaseUrl() == null && !Files.isRegularFile(config.dataDirectory().resolve("kerma.db"))) {
            err.println(command + ": no registry in " + config.dataDirectory().toAbsolutePath()
                    + " (no kerma.db): give --data DIR or --db JDBC-URL");
            return Optional.empty();
        }
        return Optional.of(IndexDatabase.open(config.effectiveDatabaseUrl()));
    }

    /** Runs {@code query} on the registry and prints its answer as text or JSON. */
    static <T> int answer(CommandSpec spec, RegistryOptions registry, String command, boolean json,
            Function<DoseQueries, Optional<T>> query, Function<T, String> text, String missing) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Optional<IndexDatabase> index = open(registry.config(), err, command);
            if (index.isEmpty()) {
                err.flush();
                return Kerma.EXIT_FAILURE;
            }
            try (IndexDatabase db = index.get()) {
                Optional<T> answer = query.apply(new DoseQueries(db));
                if (answer.isEmpty()) {
                    err.println(command + ": " + missing);
                    err.flush();
                    return Kerma.EXIT_FAILURE;
                }
                out.print(json ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.get()) + "\n"
                        : text.apply(answer.get()));
                out.flush();
                return Kerma.EXIT_OK;
            }
        } catch (IndexException | com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println(command + ": " + e.getMessage());
            err.flush();
            return Kerma.EXIT_FAILURE;
        }
    }

    @Command(name = "study", description = "Print the dose of a study held by a registry: reports, accumulated"
            + " dose per plane, events with their images, events without images.")
    static final class Study implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "UID", description = "Study Instance UID.")
        private String uid;

        @Mixin
        private RegistryOptions registry;

        @Option(names = "--json", description = "Print the answer as JSON (as /api/studies/{uid}/dose).")
        private boolean json;

        @Override
        public Integer call() {
            return answer(spec, registry, "kerma dose study", json, q -> q.study(uid), DoseRegistryFormat::study,
                    "study " + uid + " is not in the registry");
        }
    }

    @Command(name = "patient", description = "Print the dose of a patient's studies held by a registry, with"
            + " totals.")
    static final class Patient implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "Patient ID.")
        private String id;

        @Mixin
        private RegistryOptions registry;

        @Option(names = "--from", paramLabel = "DATE", description = "First study date, YYYY-MM-DD or YYYYMMDD.")
        private String from;

        @Option(names = "--to", paramLabel = "DATE", description = "Last study date, YYYY-MM-DD or YYYYMMDD.")
        private String to;

        @Option(names = "--issuer", paramLabel = "ISSUER", description = "Issuer of Patient ID, exactly.")
        private String issuer;

        @Option(names = "--json", description = "Print the answer as JSON (as /api/patients/{id}/dose).")
        private boolean json;

        @Override
        public Integer call() {
            String first;
            String last;
            try {
                first = StudyFilter.studyDate(from);
                last = StudyFilter.studyDate(to);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("kerma dose patient: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return Kerma.EXIT_USAGE;
            }
            return answer(spec, registry, "kerma dose patient", json, q -> q.patient(id, issuer, first, last),
                    DoseRegistryFormat::patient, "patient " + id + " is not in the registry");
        }
    }

    /** True when {@code argument} names no file, so that {@code kerma dose image} takes it as a SOP Instance UID. */
    static boolean isUid(String argument) {
        return !Files.exists(Path.of(argument)) && argument.matches("[0-9.]+");
    }
}
