package org.kerma.dicom.sr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.kerma.dicom.Code;

/**
 * SNOMED-RT ("SRT", and the older "SNM3") codes and their SNOMED CT ("SCT") successors (PS3.16 Annex O, SNOMED
 * concept ID to SNOMED ID mapping). Older dose reports send SRT codes, e.g. {@code (P5-08001, SRT, "Spiral
 * Acquisition")} for {@code (116152004, SCT)}; readers take the two as the same concept. The map is the generated
 * resource {@code srt-sct.tsv} (pydicom and PixelMed), loaded once.
 */
public final class LegacyCodes {
    private static final Map<String, String> SRT_TO_SCT = load();

    private LegacyCodes() {
    }

    /** The SCT code for an SRT or SNM3 code that has one (meaning kept); any other code unchanged. */
    public static Code canonical(Code code) {
        if (code.scheme().equals("SRT") || code.scheme().equals("SNM3")) {
            String sct = SRT_TO_SCT.get(code.value());
            if (sct != null) {
                return new Code(sct, "SCT", code.meaning());
            }
        }
        return code;
    }

    /** True when both codes name the same concept: equal by value and scheme after {@link #canonical}. */
    public static boolean sameConcept(Code a, Code b) {
        return a.equals(b) || canonical(a).equals(canonical(b));
    }

    private static Map<String, String> load() {
        InputStream in = LegacyCodes.class.getResourceAsStream("srt-sct.tsv");
        if (in == null) {
            throw new IllegalStateException("resource org/kerma/dicom/sr/srt-sct.tsv is missing from the class path");
        }
        Map<String, String> map = new HashMap<>(16_384);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("srt\t")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                map.put(line.substring(0, tab), line.substring(tab + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read srt-sct.tsv", e);
        }
        return map;
    }
}
