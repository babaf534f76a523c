package org.kerma.tools;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.Tags;
import org.kerma.tools.read.DcmtkAttribute;
import org.kerma.tools.read.DcmtkDictionaryReader;
import org.kerma.tools.read.PydicomAttribute;
import org.kerma.tools.read.TagPattern;

/**
 * Joins DCMTK's rows (tag, keyword, VR, VM, retired: the primary source, edition 2026b) with pydicom's names, and
 * reports every point where the two disagree. Entries come out sorted by tag, then mask.
 *
 * <p>DCMTK's dictionary format cannot express element masks such as (1000,xxx0) or (0028,04x0), so its hand-kept
 * section lists one example tag for each, e.g. (1000,0010) EscapeTriplet. Such a stand-in is recognised when
 * pydicom has no entry for the tag but a repeating entry with the same keyword whose mask covers it; the entry then
 * takes the standard's mask.
 */
final class DictionaryJoin {
    private final CrossCheckReport report;

    DictionaryJoin(CrossCheckReport report) {
        this.report = report;
    }

    /** The dictionary: one entry per DCMTK row, named from pydicom where it has the tag. */
    List<DictionaryEntry> join(DcmtkDictionaryReader.Result dcmtk, List<PydicomAttribute> pydicom) {
        Map<TagPattern, PydicomAttribute> named = new HashMap<>();
        Map<String, PydicomAttribute> repeatingByKeyword = new HashMap<>();
        for (PydicomAttribute p : pydicom) {
            named.put(p.pattern(), p);
            if (!p.pattern().isSingle()) {
                repeatingByKeyword.put(p.keyword(), p);
            }
        }
        dcmtk.skipped().forEach((version, count) ->
                report.add("dictionary: dcmtk rows left out by Version", version + ": " + count));
        List<DictionaryEntry> entries = new ArrayList<>();
        Set<TagPattern> seen = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        for (DcmtkAttribute row : dcmtk.attributes()) {
            DcmtkAttribute d = withStandardMask(row, named, repeatingByKeyword);
            seen.add(d.pattern());
            if (!keywords.add(d.keyword())) {
                report.add("dictionary: keyword used twice in dcmtk", describe(d.pattern()) + " " + d.keyword());
            }
            PydicomAttribute p = named.get(d.pattern());
            if (p == null) {
                report.add("dictionary: no name (tag not in pydicom)", describe(d.pattern()) + " " + d.keyword());
            } else {
                compare(d, p);
            }
            entries.add(new DictionaryEntry(d.pattern().tag(), d.pattern().mask(), d.keyword(),
                    p == null ? "" : p.name(), d.vrs(), d.vm(), d.retired()));
        }
        reportPydicomOnly(pydicom, seen, new HashSet<>(dcmtk.skippedTags()));
        entries.sort(Comparator.comparingLong((DictionaryEntry e) -> Integer.toUnsignedLong(e.tag()))
                .thenComparingLong(e -> Integer.toUnsignedLong(e.mask())));
        return entries;
    }

    /** The row with the standard's mask when it is DCMTK's single-tag stand-in for a repeating entry. */
    private DcmtkAttribute withStandardMask(DcmtkAttribute d, Map<TagPattern, PydicomAttribute> named,
                                            Map<String, PydicomAttribute> repeatingByKeyword) {
        PydicomAttribute r = repeatingByKeyword.get(d.keyword());
        if (!d.pattern().isSingle() || named.containsKey(d.pattern()) || r == null
                || (d.pattern().tag() & r.pattern().mask()) != r.pattern().tag()) {
            return d;
        }
        report.add("dictionary: dcmtk single-tag stand-in for a repeating group (pydicom's mask taken)",
                describe(d.pattern()) + " -> " + describe(r.pattern()) + " " + d.keyword());
        return new DcmtkAttribute(r.pattern(), d.keyword(), d.vrs(), d.vrCode(), d.vm(), d.retired());
    }

    private void compare(DcmtkAttribute d, PydicomAttribute p) {
        String at = describe(d.pattern()) + " " + d.keyword();
        if (!d.vrs().equals(p.vrs())) {
            report.add("dictionary: VR differs (dcmtk vs pydicom)",
                    at + ": dcmtk " + d.vrCode() + " = " + d.vrs() + ", pydicom " + p.vrs());
        }
        if (!d.vm().equals(p.vm())) {
            report.add("dictionary: VM differs (dcmtk vs pydicom)", at + ": dcmtk " + d.vm() + ", pydicom " + p.vm());
        }
        if (d.retired() != p.retired()) {
            report.add("dictionary: retired differs (dcmtk 2026b taken)",
                    at + ": dcmtk " + (d.retired() ? "retired" : "current") + ", pydicom "
                            + (p.retired() ? "retired" : "current"));
        }
        if (!d.keyword().equals(p.keyword())) {
            report.add("dictionary: keyword differs (dcmtk taken)", at + ": pydicom " + p.keyword());
        }
    }

    private void reportPydicomOnly(List<PydicomAttribute> pydicom, Set<TagPattern> seen, Set<Integer> skipped) {
        int outsideDicom = 0;
        for (PydicomAttribute p : pydicom) {
            if (seen.contains(p.pattern())) {
                continue;
            }
            if (p.pattern().isSingle() && skipped.contains(p.pattern().tag())) {
                outsideDicom++;
            } else {
                report.add("dictionary: only in pydicom (left out)", describe(p.pattern()) + " "
                        + (p.keyword().isEmpty() ? "(no keyword)" : p.keyword()) + " \"" + p.name() + "\""
                        + (p.retired() ? " retired" : ""));
            }
        }
        if (outsideDicom > 0) {
            report.add("dictionary: in pydicom, DICONDE/DICOS-only in dcmtk (left out)", outsideDicom + " tags");
        }
    }

    /** "(gggg,eeee)" with x for repeating digits. */
    static String describe(TagPattern p) {
        if (p.isSingle()) {
            return Tags.format(p.tag());
        }
        String r = p.render();
        return "(" + r.substring(0, 4) + "," + r.substring(4) + ")";
    }
}
