package org.kerma.standard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.VR;

/**
 * Expands the block rows of {@code module-attributes.tsv} (a module's own rows and {@code macro} invocation rows)
 * into a module's full attribute list: each macro's rows are inserted where it is invoked, nested under the
 * invoking sequence, carrying the invocation's condition. A path already seen in the module keeps its first row;
 * a macro already being expanded (the SR content tree invokes itself) is not expanded again.
 */
final class ModuleExpander {
    /** One row of a block, as tabulated. */
    record BlockRow(int depth, boolean macro, String keyword, int tag, String type, String vm, String condition,
                    boolean mbpo, String values, String selector, boolean checked) {
    }

    private final Map<String, List<BlockRow>> blocks;
    private final Map<String, ValueSet> valueSets;

    ModuleExpander(Map<String, List<BlockRow>> blocks, Map<String, ValueSet> valueSets) {
        this.blocks = blocks;
        this.valueSets = valueSets;
    }

    List<ModuleAttribute> expand(String moduleId) {
        List<ModuleAttribute> out = new ArrayList<>();
        expand(blocks.getOrDefault(moduleId, List.of()), List.of(), List.of(), "", out, new HashSet<>(),
                new HashSet<>());
        return out;
    }

    private void expand(List<BlockRow> rows, List<String> base, List<String> conditions, String macro,
                        List<ModuleAttribute> out, Set<List<String>> seen, Set<String> active) {
        List<String> stack = new ArrayList<>();
        for (BlockRow r : rows) {
            while (stack.size() > r.depth()) {
                stack.remove(stack.size() - 1);
            }
            List<String> prefix = new ArrayList<>(base);
            prefix.addAll(stack);
            if (r.macro()) {
                if (!active.add(r.keyword())) {
                    continue;
                }
                List<String> inner = conditions;
                if (!r.condition().isEmpty()) {
                    inner = new ArrayList<>(conditions);
                    inner.add(r.condition());
                }
                expand(blocks.getOrDefault("macro:" + r.keyword(), List.of()), prefix, inner, r.keyword(), out, seen,
                        active);
                active.remove(r.keyword());
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(r.keyword());
            if (seen.add(path)) {
                out.add(attribute(r, path, conditions, macro));
            }
            if (ElementDictionary.standard().vrOf(r.tag()) == VR.SQ) {
                stack.add(r.keyword());
            }
        }
    }

    private ModuleAttribute attribute(BlockRow r, List<String> path, List<String> conditions, String macro) {
        Optional<ValueSet> values = Optional.empty();
        if (!r.values().isEmpty()) {
            String kind = r.values().startsWith("B:") ? "binary:" : "string:";
            ValueSet set = valueSets.get(kind + r.values().substring(2));
            if (set != null) {
                boolean enumerated = !r.values().startsWith("D:");
                values = Optional.of(new ValueSet(set.name(), enumerated, set.binary(), set.values()));
            }
        }
        int index = r.selector().isEmpty() || r.selector().equals("*") ? -1 : Integer.parseInt(r.selector());
        return new ModuleAttribute(r.tag(), r.keyword(), path, AttributeType.ofLabel(r.type()), r.vm(),
                r.condition(), r.mbpo(), values, index, conditions, macro, r.checked());
    }
}
