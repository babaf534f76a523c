package org.kerma.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.standard.validate.Finding;
import org.kerma.standard.validate.IodValidator;
import org.kerma.standard.validate.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma validate FILE...}: checks each file against its IOD ({@link IodValidator}) and prints every finding,
 * one line each, or with {@code --json} one JSON document with the findings per file. Exits 1 when any file has an
 * error or cannot be read (the file's name and the reason are printed), 0 otherwise; warnings and not-checked
 * findings do not change the exit code.
 */
@Command(name = "validate", description = "Check DICOM files against their IOD: modules, attribute types,"
        + " conditions, values, file meta information.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings and not-checked findings may be printed)",
            "1:a file cannot be read", "2:usage error", "3:every file was read, and one has errors"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files.")
    private List<Path> files;

    @Option(names = "--json", description = "Print the findings as JSON.")
    private boolean json;

    @Option(names = "--errors-only", description = "Print errors only.")
    private boolean errorsOnly;

    @Override
    public Integer call() throws IOException {
        IodValidator validator = IodValidator.standard();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        boolean errorsFound = false;
        JsonOut jsonOut = json ? new JsonOut(out) : null;
        if (jsonOut != null) {
            jsonOut.json().writeStartArray();
        }
        for (Path file : files) {
            List<Finding> findings;
            try {
                DicomFile dicom = DicomReader.read(file);
                findings = validator.validate(dicom);
            } catch (IOException | RuntimeException e) {
                err.println("kerma validate: " + file + ": " + e.getMessage());
                failed = true;
                continue;
            }
            List<Finding> shown = errorsOnly
                    ? findings.stream().filter(f -> f.severity() == Severity.ERROR).toList() : findings;
            long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
            errorsFound |= errors > 0;
            if (jsonOut != null) {
                write(jsonOut.json(), file, errors, shown);
            } else {
                out.println("# " + file + ": " + errors + " errors, "
                        + count(findings, Severity.WARNING) + " warnings, "
                        + count(findings, Severity.NOT_CHECKED) + " not checked");
                shown.forEach(out::println);
            }
        }
        if (jsonOut != null) {
            jsonOut.json().writeEndArray();
            jsonOut.close();
        }
        return failed ? Kerma.EXIT_FAILURE : errorsFound ? Kerma.EXIT_FINDINGS : Kerma.EXIT_OK;
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    private static void write(JsonGenerator g, Path file, long errors, List<Finding> findings) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", file.toString());
        g.writeNumberField("errors", errors);
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("severity", f.severity().name());
            g.writeStringField("rule", f.rule().name());
            g.writeStringField("module", f.module());
            g.writeStringField("tag", f.tag() == -1 ? "" : f.tagText());
            g.writeStringField("keyword", f.keyword());
            g.writeStringField("itemPath", f.itemPath());
            g.writeStringField("reason", f.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
