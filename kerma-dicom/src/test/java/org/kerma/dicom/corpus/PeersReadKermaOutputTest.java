package org.kerma.dicom.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

/**
 * The files Kerma writes are read by the peers installed from Debian: DCMTK's {@code dcmdump} and {@code dcmftest}
 * (package dcmtk) and pydicom (package python3-pydicom, run by {@code /usr/bin/python3}). A missing peer fails the
 * test.
 *
 * <p>What is written: every SR in the corpus (dose reports included) in its own transfer syntax, in Explicit VR Big
 * Endian and in Deflated Explicit VR Little Endian (the seven of more than 5,000 elements in their own only); and
 * an image in each transfer syntax the corpus has, then one of each other modality, in its own transfer syntax and,
 * when its Pixel Data is native, in big endian and deflated too. dcmdump must read each without an error and print
 * the UIDs and modality Kerma wrote; dcmftest must call each DICOM; pydicom must read each without {@code force}, with
 * as many elements (top level and nested) and the same SOP Instance UID and transfer syntax as Kerma.
 *
 * <p>A file whose input already has a fault that the writer keeps (a value no reader can parse) may fail a peer only
 * with the same error the peer gives for the input; there is at most one such file per peer. Each peer runs once
 * over all outputs, and once more over the inputs of the outputs it failed on.
 */
class PeersReadKermaOutputTest {
    private static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    private static final Path DCMFTEST = Path.of("/usr/bin/dcmftest");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** SRs with more elements are written in their own transfer syntax only. */
    private static final int BIG = 5_000;
    /** SRs with more elements are only read by pydicom, not walked. */
    private static final int LARGE = 50_000;
    private static final String SR_CLASS_PREFIX = "1.2.840.10008.5.1.4.1.1.88.";
    private static final Pattern DCMDUMP_ELEMENT =
            Pattern.compile("^\\(([0-9a-f]{4}),([0-9a-f]{4})\\) \\w\\w \\[(.*?)\\]");
    private static final int[] COMPARED = {Tag.TransferSyntaxUID, 0x00020003, Tag.SOPClassUID, Tag.SOPInstanceUID,
        0x00080060};

    /** A corpus file Kerma read. */
    private record Source(Corpus.Entry entry, DicomFile file) {
        String modality() {
            return file.dataset().getString(0x00080060, "?");
        }
    }

    /** A file Kerma wrote from {@code source} in {@code ts}. */
    private record Written(Path file, Source source, TransferSyntax ts) {
        DicomObject dataset() {
            return source.file().dataset();
        }

        String describe() {
            return source.entry().name() + " in " + ts.name();
        }

        /** The values dcmdump should print for {@link #COMPARED}. */
        Map<Integer, String> expected() {
            Map<Integer, String> values = new TreeMap<>();
            values.put(Tag.TransferSyntaxUID, ts.uid());
            dataset().findString(Tag.SOPInstanceUID).ifPresent(v -> values.put(0x00020003, v));
            for (int tag : new int[] {Tag.SOPClassUID, Tag.SOPInstanceUID, 0x00080060}) {
                dataset().findString(tag).ifPresent(v -> values.put(tag, v));
            }
            return values;
        }
    }

    private static final List<Written> WRITTEN = new ArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeSelection() throws IOException {
        List<Source> srs = new ArrayList<>();
        Map<String, List<Source>> imagesBySyntax = new TreeMap<>();
        for (Corpus.Entry entry : Corpus.dicomFiles()) {
            DicomFile file;
            try {
                file = DicomReader.read(entry.file());
            } catch (DicomParseException e) {
                continue;
            }
            Source source = new Source(entry, file);
            DicomObject ds = file.dataset();
            if (WriterCorrections.hasFragments(ds) && file.transferSyntax().isNative()) {
                continue; // mislabelled; the writer refuses it (CorpusRoundTripTest)
            }
            if (ds.getString(Tag.SOPClassUID, "").startsWith(SR_CLASS_PREFIX)) {
                srs.add(source);
            } else if (ds.contains(Tag.PixelData) && ds.findString(0x00080060).isPresent()) {
                imagesBySyntax.computeIfAbsent(file.transferSyntax().uid(), ts -> new ArrayList<>()).add(source);
            }
        }
        for (Source sr : srs) {
            // SRs of more than 5,000 elements (7 of 47) are written once: pydicom takes a second or more for each.
            write(sr, countAll(sr.file().dataset()) > BIG ? List.of(sr.file().transferSyntax())
                    : List.of(sr.file().transferSyntax(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                    TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN));
        }
        for (Source image : pickImages(imagesBySyntax)) {
            TransferSyntax own = image.file().transferSyntax();
            write(image, own.isNative() ? List.of(own, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                    TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN) : List.of(own));
        }
        assertThat(srs).as("SRs in the corpus").hasSizeGreaterThan(40);
    }

    /** One image per transfer syntax, of a modality not yet picked where there is one; then one per other modality. */
    private static List<Source> pickImages(Map<String, List<Source>> bySyntax) {
        List<Source> picked = new ArrayList<>();
        Set<String> modalities = new HashSet<>();
        for (List<Source> images : bySyntax.values()) {
            Source pick = images.stream().filter(s -> !modalities.contains(s.modality())).findFirst()
                    .orElse(images.get(0));
            picked.add(pick);
            modalities.add(pick.modality());
        }
        for (List<Source> images : bySyntax.values()) {
            for (Source s : images) {
                if (modalities.add(s.modality())) {
                    picked.add(s);
                }
            }
        }
        return picked;
    }

    private static void write(Source source, List<TransferSyntax> syntaxes) throws IOException {
        for (TransferSyntax ts : new LinkedHashSet<>(syntaxes)) {
            Path out = dir.resolve(String.format("kerma-%03d.dcm", WRITTEN.size()));
            DicomWriter.writeFile(out, source.file().fileMeta(), source.file().dataset(), ts, WriteOptions.DEFAULT);
            WRITTEN.add(new Written(out, source, ts));
        }
    }

    @Test
    void aRepresentativeSelectionIsWritten() {
        assertThat(WRITTEN.stream().filter(w -> w.ts().bigEndian()).count()).as("big-endian files").isGreaterThan(40);
        assertThat(WRITTEN.stream().filter(w -> w.ts().deflated()).count()).as("deflated files").isGreaterThan(40);
        assertThat(WRITTEN.stream().filter(w -> w.ts().encapsulated()).count()).as("encapsulated files")
                .isGreaterThan(5);
        assertThat(WRITTEN.stream().map(w -> w.dataset().getString(0x00080060, "?")).distinct().count())
                .as("modalities").isGreaterThan(12);
    }

    @Test
    void dcmdumpReadsEveryFileAndPrintsKermasValues() throws IOException, InterruptedException {
        requirePeer(DCMDUMP, "dcmtk");
        Run run = dcmdump(outputs());
        Map<Path, List<String>> byFile = splitByFile(run.stdout());
        Map<Path, List<String>> errors = new LinkedHashMap<>();
        for (Written w : WRITTEN) {
            List<String> e = errorLines(byFile.get(w.file()), w.file());
            if (!e.isEmpty()) {
                errors.put(w.file(), e);
            }
        }
        Map<Path, List<String>> sourceErrors = new HashMap<>();
        List<Path> sources = sourcesOf(errors.keySet());
        if (!sources.isEmpty()) {
            Map<Path, List<String>> bySource = splitByFile(dcmdump(sources).stdout());
            sources.forEach(f -> sourceErrors.put(f, errorLines(bySource.get(f), f)));
        }
        List<String> problems = new ArrayList<>();
        Set<String> inherited = new TreeSet<>();
        for (Written w : WRITTEN) {
            if (errors.containsKey(w.file())) {
                if (errors.get(w.file()).equals(sourceErrors.get(w.source().entry().file()))) {
                    inherited.add(w.source().entry().name() + ": " + errors.get(w.file()));
                } else {
                    problems.add(w.describe() + ": " + errors.get(w.file()));
                }
            } else if (!printedValues(byFile.get(w.file())).equals(w.expected())) {
                problems.add(w.describe() + ": dcmdump printed " + printedValues(byFile.get(w.file()))
                        + ", Kerma wrote " + w.expected());
            }
        }
        assertThat(problems).as("dcmdump on Kerma's output").isEmpty();
        assertThat(inherited).as("inputs whose fault Kerma's output keeps, and dcmdump fails on both")
                .hasSizeLessThanOrEqualTo(1);
        if (inherited.isEmpty()) {
            assertThat(run.exitCode()).as("dcmdump's exit code; its errors:%n%s", run.stderr()).isZero();
        }
    }

    /** One dcmdump over {@code files}, printing only the {@link #COMPARED} elements, its log lines in its output. */
    private static Run dcmdump(List<Path> files) throws IOException, InterruptedException {
        Path logConfig = dir.resolve("dcmdump-log.cfg");
        Files.writeString(logConfig, String.join("\n",
                "log4cplus.rootLogger = WARN, console",
                "log4cplus.appender.console = log4cplus::ConsoleAppender",
                "log4cplus.appender.console.logToStderr = false",
                "log4cplus.appender.console.ImmediateFlush = true",
                "log4cplus.appender.console.layout = log4cplus::PatternLayout",
                "log4cplus.appender.console.layout.ConversionPattern = %P: %m%n", ""));
        // Log lines go to standard output too, so that each "E:" line lands under the header of its file.
        List<String> command = new ArrayList<>(List.of(DCMDUMP.toString(), "-lc", logConfig.toString(), "+F", "-Un",
                "+p"));
        for (int tag : COMPARED) {
            command.addAll(List.of("+P", String.format("%04x,%04x", tag >>> 16, tag & 0xFFFF)));
        }
        return run(command, files);
    }

    /** dcmdump's error lines for one file, its path replaced by "FILE"; a file without output is an error. */
    private static List<String> errorLines(List<String> lines, Path file) {
        if (lines == null) {
            return List.of("(dcmdump printed nothing for this file)");
        }
        return lines.stream().filter(l -> l.startsWith("E:") || l.startsWith("F:"))
                .map(l -> l.replace(file.toString(), "FILE")).toList();
    }

    /** The top-level elements dcmdump printed ("(0008,0018) UI [1.2.3] # ..."), by tag. */
    private static Map<Integer, String> printedValues(List<String> lines) {
        Map<Integer, String> printed = new TreeMap<>();
        for (String line : lines) {
            Matcher m = DCMDUMP_ELEMENT.matcher(line);
            if (m.find()) {
                printed.putIfAbsent(Integer.parseInt(m.group(1) + m.group(2), 16), m.group(3));
            }
        }
        return printed;
    }

    @Test
    void dcmftestReportsEveryFileAsDicom() throws IOException, InterruptedException {
        requirePeer(DCMFTEST, "dcmtk");
        Run run = run(new ArrayList<>(List.of(DCMFTEST.toString())), outputs());
        List<String> notDicom = new ArrayList<>();
        for (Written w : WRITTEN) {
            if (!run.stdout().contains("yes: " + w.file() + "\n")) {
                notDicom.add(w.describe());
            }
        }
        assertThat(notDicom).as("files dcmftest does not report as DICOM; it said:%n%s", run.stdout()).isEmpty();
        assertThat(run.exitCode()).as("dcmftest's exit code").isZero();
    }

    @Test
    void pydicomReadsEveryFileWithKermasElements() throws IOException, InterruptedException {
        requirePeer(PYTHON, "python3-pydicom");
        Map<Path, JsonNode> results = pydicom(outputs());
        List<Path> failed = WRITTEN.stream().map(Written::file).filter(f -> results.get(f).has("error")).toList();
        Map<Path, JsonNode> sourceResults = failed.isEmpty() ? Map.of() : pydicom(sourcesOf(failed));
        List<String> problems = new ArrayList<>();
        Set<String> inherited = new TreeSet<>();
        for (Written w : WRITTEN) {
            JsonNode py = results.get(w.file());
            if (py.has("error")) {
                String error = py.get("error").asText().replace(w.file().toString(), "FILE");
                JsonNode source = sourceResults.get(w.source().entry().file());
                if (source.has("error") && source.get("error").asText()
                        .replace(w.source().entry().file().toString(), "FILE").equals(error)) {
                    inherited.add(w.source().entry().name() + ": " + error);
                } else {
                    problems.add(w.describe() + ": " + error);
                }
                continue;
            }
            Map<String, Object> kerma = new LinkedHashMap<>();
            kerma.put("elements", w.dataset().size());
            kerma.put("all_elements", large(w) ? -1 : countAll(w.dataset()));
            kerma.put("sop_instance_uid", w.dataset().getString(Tag.SOPInstanceUID, ""));
            kerma.put("transfer_syntax", w.ts().uid());
            Map<String, Object> pydicom = new LinkedHashMap<>();
            pydicom.put("elements", py.get("elements").asInt());
            pydicom.put("all_elements", py.get("all_elements").asInt());
            pydicom.put("sop_instance_uid", py.get("sop_instance_uid").asText());
            pydicom.put("transfer_syntax", py.get("transfer_syntax").asText());
            if (!pydicom.equals(kerma)) {
                problems.add(w.describe() + ": pydicom read " + pydicom + ", Kerma wrote " + kerma);
            }
        }
        assertThat(problems).as("pydicom on Kerma's output").isEmpty();
        assertThat(inherited).as("inputs whose fault Kerma's output keeps, and pydicom fails on both")
                .hasSizeLessThanOrEqualTo(1);
    }

    /** True for the two SRs of 70,000 and more elements, which pydicom only reads (walking them takes seconds). */
    private static boolean large(Written w) {
        return countAll(w.dataset()) > LARGE;
    }

    /** pydicom's result for each of {@code files} (one Python process), by path. */
    private static Map<Path, JsonNode> pydicom(List<Path> files) throws IOException, InterruptedException {
        Path script = Path.of("src/test/python/pydicom_read_back.py").toAbsolutePath();
        Set<Path> large = new HashSet<>();
        WRITTEN.stream().filter(PeersReadKermaOutputTest::large).forEach(w -> {
            large.add(w.file());
            large.add(w.source().entry().file());
        });
        List<Path> ordered = new ArrayList<>(files.stream().filter(f -> !large.contains(f)).toList());
        ordered.add(Path.of("--shallow"));
        ordered.addAll(files.stream().filter(large::contains).toList());
        Run run = run(new ArrayList<>(List.of(PYTHON.toString(), script.toString())), ordered);
        assertThat(run.exitCode()).as("pydicom_read_back.py exit code (is Debian's python3-pydicom installed?): %s",
                run.stderr()).isZero();
        ObjectMapper json = new ObjectMapper();
        Map<Path, JsonNode> results = new HashMap<>();
        for (String line : run.stdout().split("\n")) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                results.put(Path.of(node.get("file").asText()), node);
            }
        }
        assertThat(results.keySet()).as("files pydicom_read_back.py answered for").containsAll(files);
        return results;
    }

    private static List<Path> outputs() {
        return WRITTEN.stream().map(Written::file).toList();
    }

    /** The corpus files that {@code outputs} were written from. */
    private static List<Path> sourcesOf(java.util.Collection<Path> outputs) {
        return WRITTEN.stream().filter(w -> outputs.contains(w.file())).map(w -> w.source().entry().file())
                .distinct().toList();
    }

    /** Elements at every level, as pydicom's {@code Dataset.iterall} counts them. */
    private static int countAll(DicomObject ds) {
        int n = 0;
        for (int i = 0; i < ds.size(); i++) {
            n++;
            if (ds.valueAt(i) instanceof Sequence seq) {
                for (DicomObject item : seq.items()) {
                    n += countAll(item);
                }
            }
        }
        return n;
    }

    private static void requirePeer(Path program, String debianPackage) {
        assertThat(Files.isExecutable(program)).as("%s is missing: install the Debian package %s (apt-get install %s)",
                program, debianPackage, debianPackage).isTrue();
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code command} with {@code files} appended as arguments: one process for all of them. */
    private static Run run(List<String> command, List<Path> files) throws IOException, InterruptedException {
        files.forEach(f -> command.add(f.toString()));
        Path out = Files.createTempFile(dir, "peer", ".out");
        Path err = Files.createTempFile(dir, "peer", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** dcmdump's output cut at its per-file headers ("# dcmdump (3/120): /path"). */
    private static Map<Path, List<String>> splitByFile(String output) {
        Map<Path, List<String>> byFile = new HashMap<>();
        List<String> current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("# dcmdump (")) {
                current = new ArrayList<>();
                byFile.put(Path.of(line.substring(line.indexOf("): ") + 3)), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return byFile;
    }
}
