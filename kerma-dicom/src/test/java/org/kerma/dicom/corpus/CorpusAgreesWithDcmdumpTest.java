package org.kerma.dicom.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tags;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;

/**
 * For corpus files that pydicom cannot read but DCMTK's dcmdump can, Kerma reads them and agrees with dcmdump on
 * every top-level text element.
 */
class CorpusAgreesWithDcmdumpTest {
    private static final Pattern LINE = Pattern.compile("^\\(([0-9a-f]{4}),([0-9a-f]{4})\\) (\\w\\w) \\[(.*?)\\]\\s+#");

    @Test
    void filesOnlyDcmdumpReadsAreReadByKermaWithTheSameValues() throws Exception {
        List<Path> files = Corpus.dicomFiles().stream().map(Corpus.Entry::file).toList();
        Map<Path, PydicomView.Result> pydicom = PydicomView.ofCorpus();
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (Path file : files) {
            if (pydicom.get(file).error() == null) {
                continue;
            }
            List<String> dump = dcmdump(file);
            if (dump == null) {
                continue; // neither pydicom nor dcmdump reads it: the edge-case table says what Kerma does
            }
            DicomFile kerma = DicomReader.read(file);
            for (String line : dump) {
                Matcher m = LINE.matcher(line);
                if (!m.find() || m.group(1).equals("0002")) {
                    continue;
                }
                int tag = Tags.of(Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16));
                DicomObject ds = kerma.dataset();
                String ours = String.join("\\", ds.strings(tag));
                compared++;
                if (!ours.equals(m.group(4).trim())) {
                    differences.add(file.getFileName() + " " + Tags.format(tag) + ": dcmdump [" + m.group(4)
                            + "], Kerma [" + ours + "]");
                }
            }
        }
        assertThat(compared).as("elements compared with dcmdump").isGreaterThan(20);
        assertThat(differences).isEmpty();
    }

    /** dcmdump's listing of the file, or null when dcmdump fails to read it. */
    private static List<String> dcmdump(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dcmdump", "-q", "+L", file.toString())
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("dcmdump hung on " + file);
        }
        return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).lines().toList() : null;
    }
}
