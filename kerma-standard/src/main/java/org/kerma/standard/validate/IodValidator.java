package org.kerma.standard.validate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.sr.ContentItem;
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
 * <p>For an X-Ray Radiation Dose SR, the content tree is also checked against its root template, TID 10001 or
 * TID 10011 ({@link TemplateCheck}); findings about content items carry the content item path.
 *
 * <p>Thread-safe; a validator may be shared.
 */
public final class IodValidator {
    private final Standard standard;
    private static final String XRAY_RADIATION_DOSE_SR = "1.2.840.10008.5.1.4.1.1.88.67";
    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, Optional<TemplateCheck.Plan>> templates = new ConcurrentHashMap<>();

    /** An IOD's modules prepared for checking, built on first use and then shared. */
    private record Plan(List<PlannedModule> modules, Set<Integer> mandatoryTags) {
    }

    /** One module row of an IOD: its table as steps (null when not tabulated) and its usage condition. */
    private record PlannedModule(IodModule row, Module module, ModuleCheck.Plan steps,
                                 Condition condition, List<Integer> topLevelTags) {
    }

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
        Plan plan = plans.computeIfAbsent(iod.get().id(), id -> plan(iod.get()));
        for (PlannedModule m : plan.modules()) {
            if (m.steps() == null) {
                if (m.row().usage() == Usage.MANDATORY) {
                    findings.add(new Finding(Severity.NOT_CHECKED, Rule.MODULE_NOT_TABULATED, m.row().moduleId(),
                            -1, "", "", "the module's attributes are not tabulated in Kerma's tables"));
                }
                continue;
            }
            if (applies(m, dataset, plan.mandatoryTags(), findings)) {
                new ModuleCheck(m.module(), m.steps(), dataset, findings).run();
            }
        }
        if (sopClass.get().equals(XRAY_RADIATION_DOSE_SR)) {
            checkTemplate(dataset, findings);
        }
        return findings;
    }

    private void checkTemplate(DicomObject dataset, List<Finding> findings) {
        Optional<String> tid = TemplateCheck.rootTemplate(ContentItem.root(dataset));
        if (tid.isEmpty()) {
            findings.add(new Finding(Severity.ERROR, Rule.TEMPLATE_ITEM, "TID 10001", Tag.ConceptNameCodeSequence,
                    "ConceptNameCodeSequence", "1", "the root content item is not "
                    + TemplateCheck.DOSE_REPORT + ", and the root names no template"));
            return;
        }
        Optional<TemplateCheck.Plan> plan = templates.computeIfAbsent(tid.get(),
                t -> TemplateCheck.plan(standard, t));
        if (plan.isEmpty()) {
            findings.add(new Finding(Severity.NOT_CHECKED, Rule.TEMPLATE_ITEM, "TID " + tid.get(), -1, "", "1",
                    "the content tree is not checked: TID " + tid.get() + " is not in Kerma's template tables"));
            return;
        }
        TemplateCheck.check(plan.get(), dataset, findings);
    }

    private Plan plan(Iod iod) {
        List<PlannedModule> modules = new ArrayList<>();
        Set<Integer> mandatory = new HashSet<>();
        for (IodModule row : iod.modules()) {
            Optional<Module> module = standard.module(row.moduleId());
            boolean tabulated = module.isPresent() && module.get().tabulated();
            List<Integer> top = tabulated ? module.get().topLevel().stream().map(ModuleAttribute::tag).toList()
                    : List.of();
            if (row.usage() == Usage.MANDATORY) {
                mandatory.addAll(top);
            }
            modules.add(new PlannedModule(row, module.orElse(null),
                    tabulated ? ModuleCheck.plan(standard, module.get()) : null,
                    row.evaluableCondition().isEmpty() ? null : standard.condition(row.evaluableCondition())
                            .orElse(null), top));
        }
        return new Plan(List.copyOf(modules), Set.copyOf(mandatory));
    }

    private static boolean applies(PlannedModule m, DicomObject dataset, Set<Integer> mandatoryTags,
                                   List<Finding> findings) {
        IodModule row = m.row();
        if (row.usage() == Usage.MANDATORY) {
            return true;
        }
        Condition.Result result = m.condition() == null ? Condition.Result.NOT_EVALUABLE
                : m.condition().evaluate(dataset, dataset);
        if (result != Condition.Result.NOT_EVALUABLE) {
            return result == Condition.Result.TRUE;
        }
        boolean present = m.steps().overlayPresent(dataset);
        for (int i = 0; !present && i < m.topLevelTags().size(); i++) {
            int tag = m.topLevelTags().get(i);
            present = !mandatoryTags.contains(tag) && dataset.contains(tag);
        }
        if (!present && row.usage() == Usage.CONDITIONAL) {
            findings.add(new Finding(Severity.NOT_CHECKED, Rule.CONDITION_NOT_EVALUABLE, row.moduleId(), -1, "", "",
                    "module absent; its condition cannot be evaluated: " + row.conditionText()));
        }
        return present;
    }

    static String keyword(int tag) {
        return ElementDictionary.standard().keywordOf(tag);
    }
}
