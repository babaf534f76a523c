package org.kerma.cli;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma protocol check DEFINED PERFORMED|IMAGES...}: every constraint of the defined protocol checked
 * against each performed protocol given, and against the images given that reference the defined protocol. Prints a
 * compliance table (or JSON) per performed protocol, then one for the images. Exit code 1 when a constraint failed.
 */
@Command(name = "check", description = "Check performed protocols or images against a defined protocol.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no constraint failed", "1:the command failed", "2:usage error", "3:a constraint failed"})
final class ProtocolCheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEFINED", description = "The Defined Procedure Protocol file.")
    private Path definedFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PERFORMED|IMAGES",
            description = "Performed Procedure Protocol files and/or image files referencing the defined protocol.")
    private List<Path> files;

    @Option(names = "--json", description = "Print each compliance table as JSON.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
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
}
