package org.kerma.dose.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.standard.Standard;
import org.kerma.standard.Template;
import org.kerma.standard.TemplateRow;

/**
 * An independent check of built documents against the template tables of kerma-standard (PixelMed's PS3.16
 * descriptions), since neither dciodvfy nor dsrdump checks template content: every mandatory row (M) with a fixed
 * concept name is present under each instance of its parent, with the row's value type, and every NUM of a row with
 * fixed units carries those units.
 */
final class TemplateConformance {
    /** Template → concept value of the container its rows describe; included templates (10004, 10014, 10015) add depth. */
    private static final Map<String, String> CONTAINERS = Map.of("10011", "113701", "10001", "113701", "10012", "113811",
            "10013", "113819", "10002", "113702", "10003", "113706", "10004", "113702", "10014", "113822", "10015", "113829");

    private TemplateConformance() {
    }

    static List<String> violations(DicomObject sr) {
        List<String> problems = new ArrayList<>();
        ContentTree tree = ContentTree.of(sr);
        for (Map.Entry<String, String> e : CONTAINERS.entrySet()) {
            Template t = Standard.current().template(e.getKey()).orElseThrow();
            boolean included = e.getKey().equals("10004") || e.getKey().equals("10014")
                    || e.getKey().equals("10015");
            boolean rootTemplate = e.getKey().equals("10011") || e.getKey().equals("10001");
            if (rootTemplate && !tree.root().templateIdentifier().orElse("").equals(e.getKey())) {
                continue;
            }
            tree.walk(item -> {
                if (item.conceptName().map(c -> c.value().equals(e.getValue())).orElse(false)) {
                    check(t, item, included, problems);
                }
            });
        }
        return problems;
    }

    private static void check(Template t, ContentItem container, boolean included, List<String> problems) {
        List<TemplateRow> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            TemplateRow r = rows.get(i);
            int depth = r.depth() + (included ? 1 : 0);
            if (depth == 0 || r.isInclusion() || r.conceptName().isEmpty()) {
                continue;
            }
            List<TemplateRow> chain = ancestors(rows, i, included);
            if (chain == null) {
                continue;
            }
            List<ContentItem> parents = List.of(container);
            for (TemplateRow a : chain) {
                List<ContentItem> next = new ArrayList<>();
                for (ContentItem p : parents) {
                    next.addAll(p.children(a.conceptName().get()));
                }
                parents = next;
            }
            Code concept = r.conceptName().get();
            for (ContentItem p : parents) {
                List<ContentItem> found = p.children(concept).stream()
                        .filter(c -> c.valueTypeCode().equals(r.valueType())).toList();
                if (found.isEmpty() && r.requirement().equals("M")) {
                    problems.add(p.path() + ": TID " + t.tid() + " row " + r.row() + " " + concept.meaning()
                            + " (" + r.valueType() + ") is missing");
                }
                for (ContentItem f : found) {
                    r.units().ifPresent(u -> {
                        String written = f.numeric().flatMap(n -> n.units()).map(Code::value).orElse("(none)");
                        if (!written.equals(u.value())) {
                            problems.add(f.path() + ": TID " + t.tid() + " row " + r.row() + " " + concept.meaning()
                                    + " in " + written + ", the template says " + u.value());
                        }
                    });
                }
            }
        }
    }

    /** The rows from depth 1 down to {@code i}'s parent; null when an ancestor has no fixed concept. */
    private static List<TemplateRow> ancestors(List<TemplateRow> rows, int i, boolean included) {
        List<TemplateRow> chain = new ArrayList<>();
        int want = rows.get(i).depth() - 1;
        for (int j = i - 1; j >= 0 && want + (included ? 1 : 0) >= 1; j--) {
            if (rows.get(j).depth() == want) {
                if (rows.get(j).conceptName().isEmpty() || rows.get(j).isInclusion()) {
                    return null;
                }
                chain.add(0, rows.get(j));
                want--;
            }
        }
        return chain;
    }
}
