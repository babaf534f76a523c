package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kerma.dicom.Code;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.dose.DoseReport;
import org.kerma.dose.build.ImageDoseCollector;
import org.kerma.dose.build.JsonDoseDescription;
import org.kerma.dose.build.RdsrBuilder;
import org.kerma.dose.build.VendorProfile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kerma rdsr ...}: build X-Ray Radiation Dose SRs and show SR content trees. */
@Command(name = "rdsr", description = "Build radiation dose SRs; show an SR's content tree.",
        subcommands = {RdsrCommand.Build.class, RdsrCommand.Show.class})
final class RdsrCommand {

    /**
     * {@code kerma rdsr build --profile P (--from-json F | --from-images DIR) -o OUT}: writes an X-Ray Radiation
     * Dose SR (TID 10011 or 10001) laid out as the vendor profile says. Exit code 1 with the content item path or
     * JSON path when the input cannot make a valid report.
     */
    @Command(name = "build", description = "Write an X-Ray Radiation Dose SR from a JSON description or images.")
    static final class Build implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--profile", defaultValue = "standard",
                description = "Root item order: standard, ge, medtronic or siemens (default: ${DEFAULT-VALUE}).")
        private String profile;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private Source source;

        static final class Source {
            @Option(names = "--from-json", paramLabel = "FILE", required = true,
                    description = "A dose description (docs/rdsr-builder.md).")
            Path json;

            @Option(names = "--from-images", paramLabel = "DIR", required = true,
                    description = "A directory of CT images of one study, or of XA/RF/DX images.")
            Path images;
        }

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", required = true, description = "The SR to write.")
        private Path output;

        @Option(names = "--uid-root", defaultValue = "2.25",
                description = "Root of the new UIDs (default: ${DEFAULT-VALUE}, UUID-derived).")
        private String uidRoot;

        @Override
        public Integer call() throws IOException {
            RdsrBuilder builder = RdsrBuilder.with(VendorProfile.named(profile)).uidRoot(uidRoot);
            DoseReport report = source.json != null ? JsonDoseDescription.read(source.json, builder.uids())
                    : ImageDoseCollector.collect(source.images, builder.uids());
            builder.write(report, output);
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + output + ": TID " + report.templateId() + ", profile " + profile + ", "
                    + (report.kind() == DoseReport.Kind.CT ? report.ctEvents().size() : report.events().size())
                    + " irradiation events");
            out.flush();
            return Kerma.EXIT_OK;
        }
    }

    /** {@code kerma rdsr show FILE}: the SR content tree, one item a line with its path. */
    @Command(name = "show", description = "Print an SR's content tree with content item paths.")
    static final class Show implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A structured report (DICOM Part 10 file).")
        private Path file;

        @Override
        public Integer call() throws IOException {
            if (!Files.exists(file)) {
                throw new IOException("no such file: " + file);
            }
            ContentTree tree = ContentTree.of(DicomReader.read(file).dataset());
            PrintWriter out = spec.commandLine().getOut();
            tree.walk(item -> out.println(line(item)));
            out.flush();
            return Kerma.EXIT_OK;
        }

        static String line(ContentItem item) {
            String path = item.path().toString();
            int depth = path.split("\\.").length - 1;
            StringBuilder s = new StringBuilder("  ".repeat(depth)).append(path).append(' ');
            String relationship = item.dataset().getString(Tag.RelationshipType, "");
            if (!relationship.isEmpty()) {
                s.append(relationship).append(' ');
            }
            s.append(item.isByReference() ? "by-reference" : item.valueTypeCode()).append(' ');
            s.append(item.conceptName().map(Code::meaning).orElse("(no concept name)"));
            String value = value(item);
            if (!value.isEmpty()) {
                s.append(" = ").append(value);
            }
            return s.toString();
        }

        private static String value(ContentItem item) {
            return switch (item.valueTypeCode()) {
                case "CODE" -> item.code().map(c -> c.meaning() + " (" + c.value() + ", " + c.scheme() + ")")
                        .orElse("");
                case "NUM" -> item.numeric().map(n -> n.text() + n.units().map(u -> " " + u.value()).orElse(""))
                        .orElse("");
                case "TEXT" -> item.text().orElse("");
                case "UIDREF" -> item.uid().orElse("");
                case "DATETIME" -> item.dateTime().map(d -> d.value().toString()).orElse("");
                case "PNAME" -> item.personName().map(Object::toString).orElse("");
                case "CONTAINER" -> item.referencedPath().isPresent() ? "" : item.templateIdentifier()
                        .map(t -> "(TID " + t + ")").orElse("");
                default -> "";
            };
        }
    }
}
