package org.kerma.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.corpus.Corpus;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.json.DicomJson;
import org.kerma.dicom.json.JsonOptions;
import org.kerma.dicom.xml.DicomXml;
import org.kerma.dicom.xml.XmlOptions;

/**
 * Every corpus file Kerma reads survives DicomObject → JSON → DicomObject and DicomObject → XML → DicomObject: the
 * result {@code equals} the data set as {@link Canonical} defines what JSON and XML can carry. The files that cannot
 * are listed with their reason in {@code roundtrip-exclusions.tsv}; a listed file that now passes fails the test, so
 * the list stays true.
 */
class CorpusRoundTripTest {
    private static final Path EXCLUSIONS = Path.of("src/test/resources/org/kerma/dicom/web/roundtrip-exclusions.tsv");

    @Test
    void everyReadableCorpusFileRoundTripsThroughJsonAndXml() throws IOException {
        Map<String, String> excluded = new LinkedHashMap<>();
        for (String line : Files.readAllLines(EXCLUSIONS)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] c = line.split("\t", -1);
                excluded.put(c[0] + "\t" + c[1], c[2]);
            }
        }
        List<String> failures = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        int files = 0;
        for (Corpus.Entry entry : Corpus.dicomFiles()) {
            DicomObject dataset;
            try {
                dataset = DicomReader.read(entry.file(), ReadOptions.DEFAULT).dataset();
            } catch (IOException | RuntimeException e) {
                continue;
            }
            files++;
            for (String encoding : new String[] {"json", "xml"}) {
                String problem = roundTrip(dataset, encoding.equals("xml"));
                String key = entry.name() + "\t" + encoding;
                if (problem != null && excluded.containsKey(key)) {
                    seen.add(key);
                } else if (problem != null) {
                    failures.add(key + "\t" + problem);
                }
            }
        }
        List<String> stale = excluded.keySet().stream().filter(k -> !seen.contains(k)).toList();
        assertThat(files).as("corpus files read").isGreaterThan(150);
        assertThat(failures).as("round trips that fail and are not in roundtrip-exclusions.tsv").isEmpty();
        assertThat(stale).as("exclusions that now round-trip").isEmpty();
    }

    /** Null when the round trip gives the canonical data set back, else what went wrong. */
    private static String roundTrip(DicomObject dataset, boolean xml) {
        DicomObject expected;
        try {
            expected = Canonical.of(dataset, xml);
        } catch (RuntimeException e) {
            expected = null;
        }
        DicomObject back;
        try {
            back = xml ? DicomXml.fromXml(DicomXml.toXml(dataset, XmlOptions.DEFAULT), XmlOptions.DEFAULT)
                    : DicomJson.fromJson(DicomJson.toJson(dataset, JsonOptions.DEFAULT), JsonOptions.DEFAULT);
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (expected == null) {
            return "read back although the values cannot be set again through DicomObject";
        }
        return back.equals(expected) ? null : Canonical.firstDifference(expected, back, "");
    }
}
