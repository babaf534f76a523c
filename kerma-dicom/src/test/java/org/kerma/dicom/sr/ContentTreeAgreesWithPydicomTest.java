package org.kerma.dicom.sr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.corpus.Corpus;
import org.kerma.dicom.io.DicomReader;

/**
 * Every SR document of the shared corpus gives the same content tree in Kerma and in Debian's pydicom: the same
 * items in the same order, with the same paths, value types, concept names and by-reference identifiers.
 */
class ContentTreeAgreesWithPydicomTest {

    @Test
    void everyCorpusSrHasTheContentTreePydicomSees() throws IOException, InterruptedException {
        List<Path> files = Corpus.dicomFiles().stream()
                .filter(e -> e.column("sop_class_uid").startsWith("1.2.840.10008.5.1.4.1.1.88"))
                .map(Corpus.Entry::file).toList();
        assertThat(files).hasSizeGreaterThan(30);
        Map<String, List<String>> pydicom = pydicom(files);
        int items = 0;
        for (Path file : files) {
            List<String> kerma = kerma(DicomReader.read(file).dataset());
            assertThat(kerma).as(file.toString()).isEqualTo(pydicom.get(file.toString()));
            items += kerma.size();
        }
        assertThat(items).isGreaterThan(10_000);
    }

    static List<String> kerma(DicomObject document) {
        List<String> lines = new ArrayList<>();
        ContentTree.of(document).walk(item -> {
            Code name = item.conceptName().orElse(null);
            String ref = item.isByReference() ? item.referencedPath().map(ContentPath::toString).orElse("?") : "";
            lines.add(String.join("\t", item.path().toString(), item.dataset().getString(Tag.ValueType, ""),
                    name == null ? "" : name.value(), name == null ? "" : name.scheme(), ref));
        });
        return lines;
    }

    static Map<String, List<String>> pydicom(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                Path.of("src/test/python/sr_tree_view.py").toAbsolutePath().toString()));
        files.forEach(f -> command.add(f.toString()));
        Path output = Files.createTempFile("sr-tree", ".tsv");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("pydicom finished").isTrue();
            assertThat(p.exitValue()).as("pydicom exit code").isZero();
            Map<String, List<String>> trees = new LinkedHashMap<>();
            List<String> current = null;
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (line.startsWith("# ")) {
                    current = new ArrayList<>();
                    trees.put(line.substring(2), current);
                } else if (current != null) {
                    current.add(line);
                }
            }
            return trees;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
