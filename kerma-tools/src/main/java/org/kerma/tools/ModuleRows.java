package org.kerma.tools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.tools.read.TemplateBlock;
import org.kerma.tools.write.TsvTable;

/**
 * Turns dicom3tools module and macro blocks into rows of {@code module-attributes.tsv}: one row per attribute with
 * its nesting depth inside the block, one row per macro invocation (kerma-standard expands them when it loads the
 * table, which keeps the table small: the functional group macros alone would expand to 10 MB). Each attribute's
 * tag is looked up by keyword in Kerma's dictionary; rows whose keyword or type cannot be read are reported and
 * left out.
 *
 * <p>Columns: block ({@code module id} or {@code macro:Name}), depth, kind ({@code attribute}/{@code macro}),
 * keyword (or macro name), tag (8 upper-case hex digits), type (1, 1C, 2, 2C, 3), vm (as the module constrains it;
 * for a sequence its number of items), condition (the dicom3tools condition of a 1C/2C type, or of a macro
 * invocation), mbpo ("Y" when a conditional attribute may be present otherwise), values ("E:name" enumerated values,
 * "D:name" defined terms, "B:name" binary enumerated values), selector (which value a value set applies to).
 */
final class ModuleRows {
    static final String[] COLUMNS = {"block", "depth", "kind", "keyword", "tag", "type", "vm", "condition", "mbpo",
        "values", "selector"};

    private final ElementDictionary dictionary;
    /** Keywords of the repeating overlay group (60xx) entries, with their tag in group 6000. */
    private final Map<String, Integer> overlayTags;
    private final Set<String> valueSets;
    private final CrossCheckReport report;

    ModuleRows(ElementDictionary dictionary, Set<String> valueSets, CrossCheckReport report) {
        this.dictionary = dictionary;
        this.overlayTags = overlayTags(dictionary);
        this.valueSets = valueSets;
        this.report = report;
    }

    /** Adds the rows of one block under {@code id}; returns the conditions and value sets they reference. */
    void add(String id, TemplateBlock block, Set<String> macros, TsvTable table, Set<String> conditions,
             Set<String> sets) {
        add(id, block.body(), 0, macros, table, conditions, sets);
    }

    private void add(String id, List<TemplateBlock.Node> lines, int depth, Set<String> macros, TsvTable table,
                     Set<String> conditions, Set<String> sets) {
        for (TemplateBlock.Node line : lines) {
            Map<String, String> f = line.fields();
            String condition = f.getOrDefault("Condition", "");
            switch (line.key()) {
                case "InvokeMacro" -> {
                    if (!macros.contains(line.value())) {
                        report.add("modules: macro not defined (dicom3tools invocation left out)",
                                id + " " + line.value());
                        continue;
                    }
                    table.add(id, Integer.toString(depth), "macro", line.value(), "", "", "", condition, "", "", "");
                    addCondition(condition, conditions);
                }
                case "Name", "Sequence" -> {
                    OptionalInt tag = dictionary.tagOf(line.value());
                    if (tag.isEmpty() && overlayTags.containsKey(line.value())) {
                        tag = OptionalInt.of(overlayTags.get(line.value()));
                    }
                    String type = f.getOrDefault("Type", "");
                    if (tag.isEmpty()) {
                        report.add("modules: keyword not in the dictionary (dicom3tools row left out)",
                                id + " " + line.value() + " (" + line.source() + ")");
                    } else if (!type.matches("1|1C|2|2C|3")) {
                        report.add("modules: row without a valid type (left out)",
                                id + " " + line.value() + " Type=" + type + " (" + line.source() + ")");
                    } else {
                        String values = values(id, line.value(), f, sets);
                        table.add(id, Integer.toString(depth), "attribute", line.value(),
                                String.format("%08X", tag.getAsInt()), type, f.getOrDefault("VM", ""), condition,
                                f.containsKey("mbpo") ? "Y" : "", values, values.isEmpty() ? ""
                                        : f.getOrDefault("ValueSelector", ""));
                        addCondition(condition, conditions);
                    }
                    if (line.key().equals("Sequence")) {
                        add(id, line.children(), depth + 1, macros, table, conditions, sets);
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * The repeating-group entries of the overlay groups (60xx,eeee), keyed by keyword, with the tag of group 6000:
     * the validator checks their rows in every overlay group an object has (PS3.3 C.9.2, PS3.5 7.6).
     */
    private static Map<String, Integer> overlayTags(ElementDictionary dictionary) {
        Map<String, Integer> tags = new HashMap<>();
        for (int element = 0x0001; element <= 0xFFFF; element++) {
            int tag = 0x60000000 | element;
            dictionary.find(tag).filter(e -> e.mask() != DictionaryEntry.SINGLE_TAG)
                    .ifPresent(e -> tags.putIfAbsent(e.keyword(), tag));
        }
        return Map.copyOf(tags);
    }

    private static void addCondition(String condition, Set<String> conditions) {
        if (!condition.isEmpty()) {
            conditions.add(condition);
        }
    }

    private String values(String id, String keyword, Map<String, String> f, Set<String> used) {
        String[][] kinds = {{"StringEnumValues", "E", "string"}, {"StringDefinedTerms", "D", "string"},
            {"BinaryEnumValues", "B", "binary"}};
        for (String[] k : kinds) {
            String name = f.get(k[0]);
            if (name != null) {
                if (!valueSets.contains(k[2] + ":" + name)) {
                    report.add("modules: value set not defined (dicom3tools reference dropped)",
                            id + " " + keyword + " " + k[0] + "=" + name);
                    return "";
                }
                used.add(k[2] + ":" + name);
                return k[1] + ":" + name;
            }
        }
        return "";
    }
}
