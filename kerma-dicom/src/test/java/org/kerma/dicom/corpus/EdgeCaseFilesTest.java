package org.kerma.dicom.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import java.nio.charset.StandardCharsets;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadWarning;

/**
 * Each edge case of the shared corpus (MANIFEST.tsv rows whose edge_case column is not N) with what Kerma does with
 * it, from {@code edge-cases.tsv}: read (with the warning it must record and a value it must find) or refused
 * (with the error text naming what and where).
 */
class EdgeCaseFilesTest {
    private static final Path TABLE = Path.of("src/test/resources/org/kerma/dicom/corpus/edge-cases.tsv");

    record Case(String file, String outcome, String text, String check) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Case> cases() throws IOException {
        return Files.readAllLines(TABLE).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t", -1))
                .map(c -> new Case(c[0], c[1], c[2], c[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsOrRefusesAsRecorded(Case c) throws IOException {
        Path file = Corpus.shared().resolve("corpus/samples").resolve(c.file());
        if (c.outcome().equals("REFUSED")) {
            assertThatThrownBy(() -> DicomReader.read(file))
                    .isInstanceOf(DicomParseException.class)
                    .hasMessageStartingWith(file.toString())
                    .hasMessageContaining(c.text());
            return;
        }
        DicomFile read = DicomReader.read(file);
        if (!c.text().equals("-")) {
            assertThat(read.warnings()).extracting(ReadWarning::message).anyMatch(m -> m.contains(c.text()));
        }
        if (!c.check().equals("-")) {
            String path = c.check().substring(0, c.check().indexOf('='));
            String expected = c.check().substring(c.check().indexOf('=') + 1);
            DicomObject holder = at(read.dataset(), path);
            int tag = lastTag(path);
            String actual = holder.findVr(tag).orElseThrow() == VR.UN
                    ? new String(holder.findBytes(tag).orElseThrow(), StandardCharsets.ISO_8859_1).trim()
                    : String.join("\\", holder.strings(tag));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void everyEdgeCaseOfTheManifestIsInTheTable() throws IOException {
        Set<String> listed = cases().map(Case::file).collect(Collectors.toSet());
        List<String> missing = Corpus.manifest(Corpus.shared().resolve("corpus/samples")).stream()
                .filter(e -> !e.column("edge_case").equals("N") && !e.column("transfer_syntax").startsWith("text dump"))
                .map(e -> Corpus.shared().resolve("corpus/samples").relativize(e.file()).toString())
                .filter(f -> !listed.contains(f))
                .toList();
        assertThat(missing).isEmpty();
    }

    /** The data set holding the last tag of a path "GGGGEEEE/i/GGGGEEEE/...". */
    private static DicomObject at(DicomObject root, String path) {
        String[] parts = path.split("/");
        DicomObject obj = root;
        for (int i = 0; i + 2 < parts.length; i += 2) {
            obj = obj.items((int) Long.parseLong(parts[i], 16)).get(Integer.parseInt(parts[i + 1]));
        }
        return obj;
    }

    private static int lastTag(String path) {
        return (int) Long.parseLong(path.substring(path.lastIndexOf('/') + 1), 16);
    }
}
