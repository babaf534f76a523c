package org.kerma.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kerma.tools.read.PrivateAttribute;
import org.kerma.tools.read.PydicomPrivateDictionaryReader;

/**
 * Merges DCMTK's {@code private.dic} with pydicom's private dictionary into one table: DCMTK first, pydicom filling
 * the rest. Reports under "private: ..." topics every VR difference, every pydicom definition left out and the
 * counts.
 *
 * <p>Two definitions meet when they have the same creator and element byte, share a group, and share a block (a
 * fixed element lies in one block, an offset in all). A pydicom definition that meets DCMTK ones is dropped when
 * one of them covers all its groups and blocks (the usual case: the same key). Otherwise it is kept only if every
 * DCMTK definition it meets wins the lookup in {@code ElementDictionary.findPrivate}, which tries a fixed element of
 * the group first, then an offset of the group, then group ranges; e.g. pydicom's (0019,xx10) is kept beside
 * DCMTK's fixed (0019,1010) and answers for the other blocks. A pydicom definition that would hide a DCMTK one is
 * left out and reported.
 */
final class PrivateDictionaryJoin {
    static final String VR_DIFFERS = "private: VR differs (private.dic taken over pydicom)";
    static final String SKIPPED = "private: pydicom definitions left out (cannot be represented)";
    static final String RETIRED = "private: pydicom retired marks not kept (the table has no retired column)";
    static final String COUNTS = "private: counts";
    static final String HIDES_DCMTK = "meets a private.dic definition that would not take precedence";
    private static final int LISTED_MASKS = 3;

    private final CrossCheckReport report;

    PrivateDictionaryJoin(CrossCheckReport report) {
        this.report = report;
    }

    /** DCMTK's definitions alone, reporting only their count. */
    List<PrivateAttribute> dcmtkOnly(List<PrivateAttribute> dcmtk) {
        report.add(COUNTS, "private.dic: " + dcmtk.size() + " definitions");
        report.add(COUNTS, "private-dictionary.tsv: " + dcmtk.size() + " definitions");
        return List.copyOf(dcmtk);
    }

    /** The merged definitions: all of DCMTK's, then pydicom's that add to them, each in source order. */
    List<PrivateAttribute> join(List<PrivateAttribute> dcmtk, PydicomPrivateDictionaryReader.Result pydicom) {
        Map<String, List<PrivateAttribute>> byByte = new HashMap<>();
        for (PrivateAttribute d : dcmtk) {
            byByte.computeIfAbsent(key(d), k -> new ArrayList<>(1)).add(d);
        }
        List<PrivateAttribute> out = new ArrayList<>(dcmtk);
        int covered = 0;
        int beside = 0;
        int added = 0;
        int conflicts = 0;
        Map<String, List<String>> skipped = new LinkedHashMap<>();
        Map<String, Integer> skippedByReason = new LinkedHashMap<>();
        for (PydicomPrivateDictionaryReader.Skipped s : pydicom.skipped()) {
            skip(skipped, skippedByReason, s.reason(), s.creator(), s.mask());
        }
        for (PrivateAttribute p : pydicom.attributes()) {
            List<PrivateAttribute> met = new ArrayList<>(1);
            for (PrivateAttribute d : byByte.getOrDefault(key(p), List.of())) {
                if (meet(d, p)) {
                    met.add(d);
                }
            }
            if (met.isEmpty()) {
                out.add(p);
                added++;
                continue;
            }
            boolean coveredByOne = met.stream().anyMatch(d -> covers(d, p));
            boolean kept = !coveredByOne && met.stream().allMatch(d -> precedes(d, p));
            for (PrivateAttribute d : met) {
                if (!d.vrs().equals(p.vrs())) {
                    conflicts++;
                    report.add(VR_DIFFERS, conflict(d, p, kept));
                }
            }
            if (coveredByOne) {
                covered++;
            } else if (kept) {
                out.add(p);
                added++;
                beside++;
            } else {
                skip(skipped, skippedByReason, HIDES_DCMTK, p.creator(), p.where());
            }
        }
        pydicom.retired().forEach(r -> report.add(RETIRED, r));
        skipped.forEach((group, masks) -> report.add(SKIPPED, group + " " + masks.size() + ": "
                + String.join(" ", masks.subList(0, Math.min(LISTED_MASKS, masks.size())))
                + (masks.size() > LISTED_MASKS ? " ..." : "")));
        int skippedTotal = skippedByReason.values().stream().mapToInt(Integer::intValue).sum();
        report.add(COUNTS, "private.dic: " + dcmtk.size() + " definitions");
        report.add(COUNTS, "pydicom: " + pydicom.read() + " definitions");
        report.add(COUNTS, "pydicom: " + covered + " already in private.dic (same creator, element and groups;"
                + " private.dic taken)");
        report.add(COUNTS, "pydicom: " + added + " added, " + beside + " of them beside a private.dic definition"
                + " that takes precedence where both apply");
        report.add(COUNTS, "pydicom: " + skippedTotal + " left out");
        skippedByReason.forEach((reason, n) -> report.add(COUNTS, "pydicom: " + n + " left out: " + reason));
        report.add(COUNTS, "VR differs: " + conflicts);
        report.add(COUNTS, "private-dictionary.tsv: " + out.size() + " definitions");
        return out;
    }

    private static void skip(Map<String, List<String>> skipped, Map<String, Integer> byReason, String reason,
                             String creator, String mask) {
        skipped.computeIfAbsent(reason + ": \"" + creator + "\"", k -> new ArrayList<>()).add(mask);
        byReason.merge(reason, 1, Integer::sum);
    }

    private static String key(PrivateAttribute a) {
        return a.creator() + '\u0000' + (a.element() & 0xFF);
    }

    /** True when the two share a group and a block (creator and element byte already equal). */
    static boolean meet(PrivateAttribute a, PrivateAttribute b) {
        boolean groups = Math.max(a.groupLow(), b.groupLow()) <= Math.min(a.groupHigh(), b.groupHigh());
        boolean blocks = !a.fixedElement() || !b.fixedElement() || a.element() == b.element();
        return groups && blocks;
    }

    /** True when {@code d} applies to every group and block {@code p} applies to. */
    static boolean covers(PrivateAttribute d, PrivateAttribute p) {
        boolean groups = d.groupLow() <= p.groupLow() && p.groupHigh() <= d.groupHigh();
        boolean blocks = !d.fixedElement() || (p.fixedElement() && p.element() == d.element());
        return groups && blocks;
    }

    /** True when findPrivate answers with {@code d} rather than {@code p} wherever both apply. */
    static boolean precedes(PrivateAttribute d, PrivateAttribute p) {
        return rank(d) < rank(p);
    }

    /** The order in which findPrivate tries definitions: fixed element of one group, offset in one group, ranges. */
    private static int rank(PrivateAttribute a) {
        if (a.groupLow() != a.groupHigh()) {
            return 2;
        }
        return a.fixedElement() ? 0 : 1;
    }

    private static String conflict(PrivateAttribute d, PrivateAttribute p, boolean kept) {
        String vrs = String.join("/", d.vrs().stream().map(Enum::name).toList());
        String pvrs = String.join("/", p.vrs().stream().map(Enum::name).toList());
        StringBuilder s = new StringBuilder("\"").append(d.creator()).append("\" ").append(d.where())
                .append(": private.dic ").append(vrs.isEmpty() ? "-" : vrs).append(' ').append(d.keyword())
                .append(", pydicom ");
        if (!p.where().equals(d.where())) {
            s.append(p.where()).append(' ');
        }
        s.append(pvrs.isEmpty() ? "-" : pvrs).append(" \"").append(p.name()).append('"');
        if (kept) {
            s.append(" (pydicom's kept where private.dic's does not apply)");
        }
        return s.toString();
    }
}
