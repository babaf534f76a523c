package org.kerma.tools;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.kerma.tools.read.InnoliticsReader;
import org.kerma.tools.read.TemplateBlock;

/**
 * Matches dicom3tools' composite IODs ({@code iodcomp/*.tpl}) with innolitics' IODs through the SOP classes their
 * conditions test, compares the module lists and usages (innolitics is taken, per EVALUATION.md), and gives each
 * innolitics IOD → module row the dicom3tools condition that decides whether the module is present.
 */
final class IodComparison {
    private final Map<String, String> iodIdByName = new HashMap<>();
    private final Map<String, String> iodIdBySopClass = new HashMap<>();
    private final Map<String, String> moduleIds;
    private final Map<String, TemplateBlock> conditions;
    private final Map<String, String> sopClassUids;
    private final CrossCheckReport report;

    IodComparison(List<InnoliticsReader.Entry> iods, List<InnoliticsReader.SopClass> sops,
                  Map<String, String> moduleIds, Map<String, TemplateBlock> conditions,
                  Map<String, String> sopClassUids, CrossCheckReport report) {
        iods.forEach(i -> iodIdByName.put(i.name(), i.id()));
        sops.forEach(s -> {
            String id = iodIdByName.get(s.iodName());
            if (id != null) {
                iodIdBySopClass.put(s.uid(), id);
            }
        });
        this.moduleIds = moduleIds;
        this.conditions = conditions;
        this.sopClassUids = sopClassUids;
        this.report = report;
    }

    /**
     * The dicom3tools condition per "iodId/moduleId" of an innolitics row with usage C or U, reporting every module
     * and usage difference.
     */
    Map<String, String> conditionsByIodAndModule(List<TemplateBlock> iodBlocks,
                                                 List<InnoliticsReader.IodModule> rows) {
        Map<String, Map<String, String>> usage = new LinkedHashMap<>();
        rows.forEach(r -> usage.computeIfAbsent(r.iodId(), k -> new LinkedHashMap<>()).put(r.moduleId(), r.usage()));
        Map<String, String> result = new LinkedHashMap<>();
        Set<String> compared = new TreeSet<>();
        for (TemplateBlock iod : iodBlocks) {
            String iodId = innoliticsIod(iod);
            if (iodId == null || !usage.containsKey(iodId)) {
                report.add("iods: dicom3tools IOD without an innolitics IOD (not compared)", iod.name());
                continue;
            }
            if (!compared.add(iodId)) {
                report.add("iods: dicom3tools IOD variant of an IOD already compared (not compared)",
                        iod.name() + " -> " + iodId);
                continue;
            }
            compare(iod, iodId, usage.get(iodId), result);
        }
        usage.keySet().stream().filter(id -> !compared.contains(id))
                .forEach(id -> report.add("iods: innolitics IOD without a dicom3tools composition", id));
        return result;
    }

    private void compare(TemplateBlock iod, String iodId, Map<String, String> innolitics, Map<String, String> result) {
        Set<String> seen = new LinkedHashSet<>();
        for (TemplateBlock.Node ie : iod.body()) {
            for (TemplateBlock.Node m : ie.children()) {
                if (!m.key().equals("Module")) {
                    continue;
                }
                String moduleId = moduleIds.getOrDefault(m.value(), StandardTablesGenerator.kebab(m.value()));
                seen.add(moduleId);
                String theirs = m.fields().getOrDefault("Usage", "");
                String ours = innolitics.get(moduleId);
                if (ours == null) {
                    if (!moduleId.equals("file-meta-information")) {
                        report.add("iods: module only in dicom3tools (innolitics taken)", iodId + " " + moduleId
                                + " " + theirs);
                    }
                    continue;
                }
                if (!ours.equals(theirs)) {
                    report.add("iods: usage differs (innolitics taken)", iodId + " " + moduleId + " innolitics "
                            + ours + " dicom3tools " + theirs);
                }
                String condition = m.fields().getOrDefault("Condition", "");
                if (!condition.isEmpty() && !ours.equals("M")) {
                    result.put(iodId + "/" + moduleId, condition);
                }
            }
        }
        innolitics.keySet().stream().filter(id -> !seen.contains(id)).forEach(id -> report.add(
                "iods: module only in innolitics (innolitics taken)", iodId + " " + id + " " + innolitics.get(id)));
    }

    /** The innolitics IOD whose SOP classes the dicom3tools IOD's condition tests, or null. */
    private String innoliticsIod(TemplateBlock iod) {
        TemplateBlock condition = conditions.get(iod.fields().getOrDefault("Condition", ""));
        if (condition == null) {
            return null;
        }
        for (TemplateBlock.Node line : condition.body()) {
            String constant = line.fields().get("StringConstantFromRootAttribute");
            if (constant == null || line.fields().containsKey("Modifier")) {
                continue;
            }
            String uid = sopClassUids.get(constant.replaceFirst("SOPClassUID$", ""));
            String id = uid == null ? null : iodIdBySopClass.get(uid);
            if (id != null) {
                return id;
            }
        }
        return null;
    }
}
