package org.kerma.standard.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomFile;
import org.kerma.standard.Condition;
import org.kerma.standard.Iod;
import org.kerma.standard.IodModule;
import org.kerma.standard.Module;
import org.kerma.standard.ModuleAttribute;
import org.kerma.standard.Standard;
import org.kerma.standard.Usage;

/**
 * Checks a composite object against its IOD (PS3.3 Annex A) as Kerma's tables describe it, and returns every
 * finding rather than stopping at the first:
 * <ul>
 *   <li>the IOD from SOP Class UID (0008,0016); each mandatory module, each conditional module whose condition
 *       evaluates true (or that is present when its condition cannot be evaluated; otherwise NOT_CHECKED), each
 *       user-optional module that is present;</li>
 *   <li>per module, at every nesting level and in every sequence item: type 1 present with a value, type 2
 *       present, 1C/2C by their evaluable conditions (not evaluable: NOT_CHECKED), enumerated values (error) and
 *       defined terms (warning), sequence item counts the module fixes;</li>
 *   <li>every element of the data set against its VR (length, repertoire, DA/TM/DT/UI/AS/DS/IS format) and the
 *       dictionary's VM ({@link ValueCheck});</li>
 *   <li>for a Part 10 file, the file meta information against the data set (PS3.10 Section 7.1).</li>
 * </ul>
 * Rows of the hand-kept module tables that are not yet checked against PS3.3 give warnings, never errors.
 *
 * <p>SR content trees are validated against templates elsewhere (the SR model's validator); the SR Document Content
 * module's recursive Content Sequence is checked here only to its first level.
 *
 * <p>Thread-safe; a validator may be shared.
 */
public final class IodValidator {
    private final Standard standard;
    private final Map<String, Map<List<String>, List<ModuleAttribute>>> levels = new ConcurrentHashMap<>();

    /** A validator over {@code standard}'s tables. */
    public IodValidator(Standard standard) {
        this.standard = standard;
    }

    /** A validator over the tables Kerma ships. */
    public static IodValidator standard() {
        return new IodValidator(Standard.current());
    }

    /** Validates a Part 10 file: the data set, and its file meta information against it. */
    public List<Finding> validate(DicomFile file) {
        List<Finding> findings = validate(file.dataset());
        if (file.fileMeta() != null) {
            ValueCheck.checkAll(file.fileMeta(), findings);
        }
        FileMetaCheck.check(file.fileMeta(), file.dataset(), findings);
        return findings;
    }

    /** Validates a data set; the returned list is a new, modifiable list in the order findings were made. */
    public List<Finding> validate(DicomObject dataset) {
        List<Finding> findings = new ArrayList<>();
        ValueCheck.checkAll(dataset, findings);
        Optional<String> sopClass = dataset.findString(Tag.SOPClassUID);
        Optional<Iod> iod = sopClass.flatMap(standard::iod);
        if (iod.isEmpty()) {
            findings.add(new Finding(sopClass.isEmpty() ? Severity.ERROR : Severity.NOT_CHECKED, Rule.UNKNOWN_IOD,
                    "", Tag.SOPClassUID, "SOPClassUID", "", sopClass.map(uid -> "SOP class " + uid
                    + " has no IOD in Kerma's tables").orElse("SOP Class UID is missing: the IOD is unknown")));
            return findings;
        }
        Set<Integer> mandatoryTags = mandatoryTopLevelTags(iod.get());
        for (IodModule row : iod.get().modules()) {
            Optional<Module> module = standard.module(row.moduleId());
            if (module.isEmpty() || !module.get().tabulated()) {
                if (row.usage() == Usage.MANDATORY) {
                    findings.add(new Finding(Severity.NOT_CHECKED, Rule.MODULE_NOT_TABULATED, row.moduleId(), -1, "",
                            "", "the module's attributes are not tabulated in Kerma's tables"));
                }
                continue;
            }
            if (applies(row, module.get(), dataset, mandatoryTags, findings)) {
                new ModuleCheck(standard, module.get(), levels(module.get()), dataset, findings).run();
            }
        }
        return findings;
    }

    private boolean applies(IodModule row, Module module, DicomObject dataset, Set<Integer> mandatoryTags,
                            List<Finding> findings) {
        if (row.usage() == Usage.MANDATORY) {
            return true;
        }
        Condition.Result result = row.evaluableCondition().isEmpty() ? Condition.Result.NOT_EVALUABLE
                : standard.condition(row.evaluableCondition()).map(c -> c.evaluate(dataset, dataset))
                        .orElse(Condition.Result.NOT_EVALUABLE);
        if (result != Condition.Result.NOT_EVALUABLE) {
            return result == Condition.Result.TRUE;
        }
        boolean present = module.topLevel().stream()
                .anyMatch(a -> !mandatoryTags.contains(a.tag()) && dataset.contains(a.tag()));
        if (!present && row.usage() == Usage.CONDITIONAL) {
            findings.add(new Finding(Severity.NOT_CHECKED, Rule.CONDITION_NOT_EVALUABLE, module.id(), -1, "", "",
                    "module absent; its condition cannot be evaluated: " + row.conditionText()));
        }
        return present;
    }

    /** Tags at the top level of the IOD's mandatory modules, which say nothing about other modules' presence. */
    private Set<Integer> mandatoryTopLevelTags(Iod iod) {
        Set<Integer> tags = new HashSet<>();
        for (IodModule row : iod.modules()) {
            if (row.usage() == Usage.MANDATORY) {
                standard.module(row.moduleId()).ifPresent(m -> m.topLevel().forEach(a -> tags.add(a.tag())));
            }
        }
        return tags;
    }

    /** A module's rows grouped by the keyword path of their enclosing sequence (cached per module). */
    private Map<List<String>, List<ModuleAttribute>> levels(Module module) {
        return levels.computeIfAbsent(module.id(), id -> {
            Map<List<String>, List<ModuleAttribute>> map = new LinkedHashMap<>();
            for (ModuleAttribute a : module.attributes()) {
                map.computeIfAbsent(a.parents(), k -> new ArrayList<>()).add(a);
            }
            return map;
        });
    }

    static String keyword(int tag) {
        return ElementDictionary.standard().keywordOf(tag);
    }
}
