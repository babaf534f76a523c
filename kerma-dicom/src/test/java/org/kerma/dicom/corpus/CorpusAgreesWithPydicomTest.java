package org.kerma.dicom.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.PersonName;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;

/**
 * Every file of the shared corpus that pydicom reads is read by Kerma, and every element (path, VR, value) agrees
 * with pydicom, except the disagreements listed with their reason in {@code pydicom-disagreements.tsv}. A listed
 * disagreement that no longer occurs fails too, so the list stays true.
 */
class CorpusAgreesWithPydicomTest {
    private static final Map<Path, PydicomView.Result> PYDICOM = new HashMap<>();
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    @BeforeAll
    static void runPydicom() throws IOException, InterruptedException {
        PYDICOM.putAll(PydicomView.ofCorpus());
        for (String line : Files.readAllLines(Path.of("src/test/resources/org/kerma/dicom/corpus/pydicom-disagreements.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] c = line.split("\t", -1);
                KNOWN.put(c[0] + "\t" + c[1], c[2]);
            }
        }
    }

    @Test
    void everyFilePydicomReadsKermaReadsWithTheSameElements() throws IOException {
        List<String> unexplained = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        int compared = 0;
        for (Corpus.Entry entry : Corpus.dicomFiles()) {
            PydicomView.Result py = PYDICOM.get(entry.file());
            assertThat(py).as("pydicom result for %s", entry.name()).isNotNull();
            if (py.error() != null) {
                continue;
            }
            DicomFile kerma;
            try {
                kerma = DicomReader.read(entry.file());
            } catch (DicomParseException e) {
                record(entry.name(), "*", "Kerma: " + e.getMessage(), unexplained, seen);
                continue;
            }
            compared++;
            for (String diff : differences(py.elements(),
                    KermaView.of(kerma.dataset(), kerma.transferSyntax().bigEndian()))) {
                String path = diff.substring(0, diff.indexOf(' '));
                record(entry.name(), path, diff, unexplained, seen);
            }
        }
        List<String> stale = new ArrayList<>();
        for (String key : KNOWN.keySet()) {
            if (!seen.contains(key)) {
                stale.add(key.replace('\t', ' ') + " (listed, but Kerma and pydicom now agree)");
            }
        }
        assertThat(compared).as("files compared").isGreaterThan(150);
        assertThat(unexplained).as("disagreements with pydicom not listed in pydicom-disagreements.tsv").isEmpty();
        assertThat(stale).as("stale entries in pydicom-disagreements.tsv").isEmpty();
    }

    private static void record(String file, String path, String diff, List<String> unexplained, TreeSet<String> seen) {
        for (String key : KNOWN.keySet()) {
            String[] k = key.split("\t");
            if (k[0].equals(file) && (k[1].equals(path) || (!k[1].equals("*") && !path.equals("*")
                    && path.matches(k[1].replace("*", "[0-9]+"))))) {
                seen.add(key);
                return;
            }
        }
        unexplained.add(file + "\t" + diff);
    }

    /** Differences as "path what" lines. */
    static List<String> differences(List<PydicomView.Element> py, List<PydicomView.Element> kerma) {
        Map<String, PydicomView.Element> k = new LinkedHashMap<>();
        kerma.forEach(e -> k.put(e.path(), e));
        Map<String, PydicomView.Element> p = new LinkedHashMap<>();
        py.forEach(e -> p.put(e.path(), e));
        List<String> diffs = new ArrayList<>();
        for (PydicomView.Element pe : py) {
            PydicomView.Element ke = k.get(pe.path());
            if (ke == null) {
                diffs.add(pe.path() + " only in pydicom: " + pe.vr() + " " + cut(pe.value()));
            } else if (isPrivateGroupLength(pe.path()) && pe.vr().equals("UN") && ke.vr().equals("UL")) {
                continue; // pydicom 2.3 leaves private group lengths UN; PS3.5 section 7.2 makes every (gggg,0000) UL
            } else if (!vrAgrees(pe.vr(), ke.vr())) {
                diffs.add(pe.path() + " VR: pydicom " + pe.vr() + ", Kerma " + ke.vr());
            } else if (!valueAgrees(ke.vr(), pe.value(), ke.value())) {
                diffs.add(pe.path() + " value: pydicom '" + cut(pe.value()) + "', Kerma '" + cut(ke.value()) + "'");
            }
        }
        for (PydicomView.Element ke : kerma) {
            if (!p.containsKey(ke.path())) {
                diffs.add(ke.path() + " only in Kerma: " + ke.vr() + " " + cut(ke.value()));
            }
        }
        return diffs;
    }

    private static boolean isPrivateGroupLength(String path) {
        String tag = path.substring(path.lastIndexOf('/') + 1);
        return tag.endsWith("0000") && (Integer.parseInt(tag.substring(0, 4), 16) & 1) == 1;
    }

    private static boolean vrAgrees(String py, String kerma) {
        return py.equals(kerma) || (py.contains(" or ") && List.of(py.split(" or ")).contains(kerma));
    }

    private static boolean valueAgrees(String vr, String py, String kerma) {
        if (py.equals(kerma)) {
            return true;
        }
        if (vr.equals("PN")) {
            // pydicom prints a PersonName object, which drops empty trailing groups ("A=B=" is "A=B")
            String[] a = py.split("\\\\", -1);
            String[] b = kerma.split("\\\\", -1);
            if (a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (!PersonName.parse(a[i]).equals(PersonName.parse(b[i]))) {
                    return false;
                }
            }
            return true;
        }
        if (List.of("DS", "IS", "FL", "FD", "US", "SS", "UL", "SL", "SV", "UV").contains(vr)) {
            String[] a = py.split("\\\\", -1);
            String[] b = kerma.split("\\\\", -1);
            if (a.length != b.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if (a[i].isBlank() && b[i].isBlank()) {
                    continue;
                }
                try {
                    if (Double.compare(number(a[i]), number(b[i])) != 0) {
                        return false;
                    }
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A number as pydicom or Kerma printed it; pydicom 2.3 prints some DS values of implicit-VR files quoted. */
    private static double number(String s) {
        String t = s.trim();
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            t = t.substring(1, t.length() - 1);
        }
        return Double.parseDouble(t);
    }

    private static String cut(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
