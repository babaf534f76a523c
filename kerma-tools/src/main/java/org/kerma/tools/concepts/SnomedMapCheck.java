package org.kerma.tools.concepts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares two SRT → SCT maps: lists every SRT code the two map to different SCT codes, and counts the codes only
 * one of them knows.
 */
final class SnomedMapCheck {
    private SnomedMapCheck() {
    }

    static List<String> compare(Map<String, String> pydicom, Map<String, String> pixelmed) {
        List<String> lines = new ArrayList<>();
        int onlyPydicom = 0;
        for (Map.Entry<String, String> e : pydicom.entrySet()) {
            String other = pixelmed.get(e.getKey());
            if (other == null) {
                onlyPydicom++;
            } else if (!other.equals(e.getValue())) {
                lines.add("srt-sct: SRT " + e.getKey() + ": pydicom " + e.getValue() + ", pixelmed " + other);
            }
        }
        long onlyPixelmed = pixelmed.keySet().stream().filter(k -> !pydicom.containsKey(k)).count();
        lines.add("srt-sct: " + pydicom.size() + " pydicom mappings, " + pixelmed.size() + " pixelmed mappings; "
                + onlyPydicom + " only in pydicom, " + onlyPixelmed + " only in pixelmed, " + lines.size()
                + " conflicting");
        return lines;
    }
}
