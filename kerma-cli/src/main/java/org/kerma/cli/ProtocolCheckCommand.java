package org.kerma.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.protocol.Compliance;
import org.kerma.protocol.ConstraintCheck;
import org.kerma.protocol.DefinedProtocol;
import org.kerma.protocol.PerformedProtocol;
import org.kerma.protocol.Reading;
import org.kerma.registry.Registry;
import org.kerma.registry.protocol.ProtocolQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma protocol check DEFINED PERFORMED|IMAGES...}: every constraint of the defined protocol checked
 * against each performed protocol given, and against the images given that reference the defined protocol. Prints a
 * compliance table (or JSON) per performed protocol, then one for the images.
 *
 * <p>{@code kerma protocol check UID --data DIR}: the compliance the registry holds for a protocol (for a defined
 * one, every performed protocol and image checked against it; for a performed one, its own checks). Exit code 3
 * when a constraint failed.
 */
@Command(name = "check", description = "Check performed protocols or images against a defined protocol (files),"
        + " or show the registry's compliance with a protocol (UID with --data).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no constraint failed", "1:the command failed", "2:usage error", "3:a constraint failed"})
final class ProtocolCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEFINED|UID", description = "The Defined Procedure Protocol file; with"
            + " --data or --db, the SOP Instance UID of a defined or performed protocol in the registry.")
    private String defined;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "PERFORMED|IMAGES",
            description = "Performed Procedure Protocol files and/or image files referencing the defined protocol.")
    private List<Path> files = new ArrayList<>();

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--json", description = "Print each compliance table as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (ProtocolCommand.fromRegistry(registry)) {
            if (!files.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "with --data or --db, check takes one protocol UID");
            }
            return fromRegistry(out);
        }
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PERFORMED|IMAGES'"
                    + " (or --data DIR to check a UID in the registry)");
        }
        Path definedFile = Path.of(defined);
        DicomObject definedDs = ProtocolCommand.read(definedFile);
        if (!DefinedProtocol.SOP_CLASSES.contains(definedDs.getString(Tag.SOPClassUID, ""))) {
            throw new IllegalArgumentException(definedFile + ": not a Defined Procedure Protocol (SOP Class UID '"
                    + definedDs.getString(Tag.SOPClassUID, "") + "')");
        }
        Reading<DefinedProtocol> defined = DefinedProtocol.read(definedDs);
        if (!defined.findings().isEmpty() && !json) {
            out.println("findings in " + definedFile + ":");
            defined.findings().forEach(f -> out.println("  " + f));
        }
        Map<String, String> names = new LinkedHashMap<>();
        List<Compliance> reports = new ArrayList<>();
        List<DicomObject> images = new ArrayList<>();
        for (Path file : files) {
            DicomObject ds = ProtocolCommand.read(file);
            names.put(ds.getString(Tag.SOPInstanceUID, file.toString()), file.getFileName().toString());
            if (PerformedProtocol.SOP_CLASSES.contains(ds.getString(Tag.SOPClassUID, ""))) {
                reports.add(ConstraintCheck.check(defined.value(), PerformedProtocol.read(ds).value()));
            } else {
                images.add(ds);
            }
        }
        if (!images.isEmpty()) {
            reports.add(ConstraintCheck.checkImages(defined.value(), images));
        }
        boolean failed = false;
        for (Compliance c : reports) {
            if (json) {
                ProtocolJson.compliance(c, names, out);
            } else {
                ProtocolText.compliance(c, names, out);
            }
            failed |= !c.compliant();
        }
        out.flush();
        return failed ? Kerma.EXIT_FINDINGS : Kerma.EXIT_OK;
    }

    private int fromRegistry(PrintWriter out) throws Exception {
        ProtocolQueries.ComplianceReport report;
        try (Registry open = Registry.open(registry.config(), List.of())) {
            report = new ProtocolQueries(open.index()).compliance(defined.trim()).orElseThrow(() ->
                    new IllegalArgumentException("protocol " + defined + " is not in the registry "
                            + open.index().url()));
        }
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            ProtocolText.compliance(report, out);
        }
        out.flush();
        return report.fail() > 0 ? Kerma.EXIT_FINDINGS : Kerma.EXIT_OK;
    }
}
