package org.kerma.tools;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kerma.tools.read.TemplateBlock;
import org.kerma.tools.write.TsvTable;

/**
 * Flattens dicom3tools conditions ({@code condn.tpl}) into table rows: one row per test line, with an "open" row
 * before and a "close" row after each parenthesised group (the close row carries the group's operator and
 * modifier). Symbolic SOP class constants ({@code XYZStorageSOPClassUID}) are replaced by their UIDs from
 * {@code sopcl.tpl}, so the run time needs no second table. A line with several tests (e.g.
 * {@code ElementPresentWithin="S" StringValue="V"}) has them joined by '+' in the test column and their arguments
 * joined by backslash.
 */
final class ConditionTable {
    /** The keys of a test line, other than Element, Operator and Modifier, that name what is tested. */
    private static final Set<String> NOT_TESTS = Set.of("Element", "Operator", "Modifier", "ValueSelector");

    private final Map<String, String> sopClassUids;
    private final CrossCheckReport report;

    /** @param sopClassUids dicom3tools SOP class names (without the {@code SOPClassUID} suffix) to UIDs */
    ConditionTable(Map<String, String> sopClassUids, CrossCheckReport report) {
        this.sopClassUids = sopClassUids;
        this.report = report;
    }

    /** Adds the rows of one condition to {@code table}. */
    void add(TemplateBlock condition, TsvTable table) {
        add(condition.name(), condition.body(), 0, table);
    }

    private void add(String name, List<TemplateBlock.Node> lines, int level, TsvTable table) {
        for (TemplateBlock.Node line : lines) {
            Map<String, String> f = line.fields();
            String op = f.getOrDefault("Operator", "");
            String not = f.containsKey("Modifier") ? f.get("Modifier") : "";
            if (line.key().equals("(")) {
                table.add(name, Integer.toString(level), "open", "", "", "", "", "", "");
                add(name, line.children(), level + 1, table);
                table.add(name, Integer.toString(level), "close", op, not, "", "", "", "");
                continue;
            }
            if (!line.key().equals("Element")) {
                report.add("conditions: line kind not tabulated (condition left as not evaluable)",
                        name + " " + line.key() + " (" + line.source() + ")");
                table.add(name, Integer.toString(level), "term", op, not, "", "Unsupported", line.key(), "");
                continue;
            }
            StringBuilder test = new StringBuilder();
            StringBuilder argument = new StringBuilder();
            for (Map.Entry<String, String> e : f.entrySet()) {
                if (!NOT_TESTS.contains(e.getKey())) {
                    String value = e.getKey().startsWith("StringConstant") ? uid(name, e.getValue()) : e.getValue();
                    test.append(test.length() > 0 ? "+" : "").append(e.getKey());
                    argument.append(argument.length() > 0 ? "\\" : "").append(value);
                }
            }
            table.add(name, Integer.toString(level), "term", op, not, line.value(), test.toString(), argument.toString(),
                    f.getOrDefault("ValueSelector", ""));
        }
    }

    private String uid(String condition, String constant) {
        String key = constant.endsWith("SOPClassUID")
                ? constant.substring(0, constant.length() - "SOPClassUID".length()) : constant;
        String uid = sopClassUids.get(key);
        if (uid == null) {
            report.add("conditions: SOP class constant not in sopcl.tpl (kept as written)", condition + " " + constant);
            return constant;
        }
        return uid;
    }
}
