package org.kerma.standard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.Code;

/** Reads the resources into the maps {@link Standard} serves from. */
final class StandardLoader {
    /** The hand-kept module rows (PS3.3 protocol modules no staged source tabulates). */
    static final String HAND_KEPT_MODULES = "protocol-modules.tsv";

    private StandardLoader() {
    }

    record Loaded(Map<String, Iod> iods, Map<String, String> iodBySopClass, Map<String, String[]> moduleHeads,
                  Map<String, List<ModuleExpander.BlockRow>> blocks, Set<String> tabulated,
                  Map<String, ValueSet> valueSets, Map<String, Condition> conditions,
                  Map<String, ContextGroup> contextGroups, Map<String, Template> templates) {
    }

    static Loaded load() {
        Map<String, String> iodBySopClass = new HashMap<>();
        Map<String, List<String>> sopClassesByIod = new HashMap<>();
        for (String[] r : Tables.read("sop-classes.tsv", 3)) {
            iodBySopClass.put(r[0], r[2]);
            sopClassesByIod.computeIfAbsent(r[2], k -> new ArrayList<>()).add(r[0]);
        }
        Map<String, List<IodModule>> iodModules = new HashMap<>();
        for (String[] r : Tables.read("iod-modules.tsv", 6)) {
            iodModules.computeIfAbsent(r[0], k -> new ArrayList<>())
                    .add(new IodModule(r[1], r[2], Usage.ofLetter(r[3]), r[5], r[4]));
        }
        Map<String, Iod> iods = new LinkedHashMap<>();
        for (String[] r : Tables.read("iods.tsv", 3)) {
            iods.put(r[0], new Iod(r[0], r[1], r[2], iodModules.getOrDefault(r[0], List.of()),
                    sopClassesByIod.getOrDefault(r[0], List.of())));
        }
        Map<String, String[]> heads = new LinkedHashMap<>();
        Set<String> tabulated = new HashSet<>();
        for (String[] r : Tables.read("modules.tsv", 4)) {
            heads.put(r[0], new String[] {r[1], r[2]});
            if (r[3].equals("yes")) {
                tabulated.add(r[0]);
            }
        }
        Map<String, List<ModuleExpander.BlockRow>> blocks = new HashMap<>();
        for (String[] r : Tables.read("module-attributes.tsv", 11)) {
            blocks.computeIfAbsent(r[0], k -> new ArrayList<>()).add(blockRow(r, true));
        }
        Set<String> generated = Set.copyOf(blocks.keySet());
        for (String[] r : Tables.read(HAND_KEPT_MODULES, 12)) {
            if (!heads.containsKey(r[0])) {
                throw new IllegalStateException(HAND_KEPT_MODULES + ": module " + r[0] + " is not in modules.tsv");
            }
            if (generated.contains(r[0])) {
                throw new IllegalStateException(HAND_KEPT_MODULES + ": module " + r[0] + " is already generated");
            }
            blocks.computeIfAbsent(r[0], k -> new ArrayList<>()).add(blockRow(r, r[11].equals("checked")));
        }
        blocks.keySet().stream().filter(heads::containsKey).forEach(tabulated::add);
        return new Loaded(Collections.unmodifiableMap(iods), iodBySopClass, heads, blocks, tabulated,
                valueSets(), conditions(), contextGroups(), templates());
    }

    private static ModuleExpander.BlockRow blockRow(String[] r, boolean checked) {
        boolean macro = r[2].equals("macro");
        return new ModuleExpander.BlockRow(Integer.parseInt(r[1]), macro, r[3],
                macro ? 0 : (int) Long.parseLong(r[4], 16), r[5], r[6], r[7], r[8].equals("Y"), r[9], r[10],
                checked);
    }

    private static Map<String, ValueSet> valueSets() {
        Map<String, ValueSet> sets = new HashMap<>();
        for (String[] r : Tables.read("value-sets.tsv", 3)) {
            boolean binary = r[0].equals("binary");
            sets.put(r[0] + ":" + r[1], new ValueSet(r[1], true, binary, List.of(r[2].split("\\\\", -1))));
        }
        return sets;
    }

    private static Map<String, Condition> conditions() {
        Map<String, Condition.Builder> builders = new LinkedHashMap<>();
        for (String[] r : Tables.read("conditions.tsv", 9)) {
            builders.computeIfAbsent(r[0], Condition.Builder::new).row(r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
        }
        Map<String, Condition> conditions = new HashMap<>();
        builders.forEach((name, b) -> conditions.put(name, b.build()));
        conditions.putIfAbsent("Always", Condition.constant("Always", true));
        conditions.putIfAbsent("Never", Condition.constant("Never", false));
        return conditions;
    }

    private static Map<String, ContextGroup> contextGroups() {
        Map<String, List<Code>> codes = new HashMap<>();
        Map<String, List<String>> includes = new HashMap<>();
        for (String[] r : Tables.read("context-group-members.tsv", 5)) {
            if (r[4].isEmpty()) {
                codes.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new Code(r[2], r[1], r[3]));
            } else {
                includes.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[4]);
            }
        }
        Map<String, ContextGroup> groups = new LinkedHashMap<>();
        for (String[] r : Tables.read("context-groups.tsv", 6)) {
            groups.put(r[0], new ContextGroup(r[0], r[1], r[2], r[3], r[4], r[5].equals("Y"),
                    codes.getOrDefault(r[0], List.of()), includes.getOrDefault(r[0], List.of())));
        }
        return Collections.unmodifiableMap(groups);
    }

    private static Map<String, Template> templates() {
        Map<String, List<TemplateRow>> rows = new HashMap<>();
        for (String[] r : Tables.read("template-rows.tsv", 17)) {
            rows.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new TemplateRow(r[1], Integer.parseInt(r[2]), r[3],
                    r[4], r[5], r[6], r[7], r[8].equals("Y"), code(r[9]), r[10], code(r[11]), r[12], r[13], r[14],
                    code(r[15]), r[16]));
        }
        Map<String, Template> templates = new LinkedHashMap<>();
        for (String[] r : Tables.read("templates.tsv", 5)) {
            templates.put(r[0].toUpperCase(java.util.Locale.ROOT), new Template(r[0], r[1], r[2].equals("Y"),
                    r[3].equals("Y"), r[4].equals("Y"), rows.getOrDefault(r[0], List.of())));
        }
        return Collections.unmodifiableMap(templates);
    }

    /** "SCHEME:VALUE:meaning" as written by the generator. */
    private static Optional<Code> code(String field) {
        if (field.isEmpty()) {
            return Optional.empty();
        }
        String[] p = field.split(":", 3);
        return Optional.of(new Code(p[1], p[0], p.length > 2 ? p[2] : ""));
    }
}
