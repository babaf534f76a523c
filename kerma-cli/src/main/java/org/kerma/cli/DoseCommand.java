package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dose.DoseReport;
import org.kerma.dose.rdsr.NotADoseReportException;
import org.kerma.dose.rdsr.RdsrReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kerma dose ...}: dose reports read offline, and the dose answers of a registry. */
@Command(name = "dose", description = "Read radiation dose reports offline, or the dose a registry holds.",
        subcommands = {DoseCommand.Report.class, DoseImageCommand.class, DoseRegistryCommands.Study.class,
                DoseRegistryCommands.Patient.class})
final class DoseCommand {

    /**
     * {@code kerma dose report FILE [--json]}: reads one dose report (RDSR, Enhanced RDSR, GE Enhanced SR, or
     * radiopharmaceutical RDSR) and prints its observer context, accumulated dose, every irradiation event, the
     * vendor quirks applied and the findings with their content item paths. Numbers are in the canonical units,
     * each with its unit beside it. Exit code 1 when the file cannot be read or is not a dose report.
     */
    @Command(name = "report", description = "Print what a dose report says, in canonical units.")
    static final class Report implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A dose report (DICOM Part 10 file).")
        private Path file;

        @Option(names = "--json", description = "Print the report as JSON.")
        private boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                DoseReport report = RdsrReader.read(DicomReader.read(file).dataset());
                if (json) {
                    out.println(DoseReportFormat.json(report));
                } else {
                    out.print(DoseReportFormat.text(report));
                }
                out.flush();
                return Kerma.EXIT_OK;
            } catch (NoSuchFileException e) {
                err.println("kerma dose report: no such file: " + file);
            } catch (NotADoseReportException e) {
                err.println("kerma dose report: " + file + ": " + e.getMessage());
            } catch (IOException e) {
                String message = String.valueOf(e.getMessage());
                err.println("kerma dose report: " + (message.startsWith(file.toString()) ? message
                        : file + ": " + message));
            }
            err.flush();
            return Kerma.EXIT_FAILURE;
        }
    }
}
