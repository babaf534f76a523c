package org.kerma.standard;

import java.util.List;
import java.util.Optional;
import org.kerma.dicom.ElementDictionary;

/**
 * One attribute of a module table, macros expanded: where it sits (its keyword path under the module's sequences),
 * its type and what constrains its value.
 *
 * @param tag                   the attribute's tag
 * @param keyword               its PS3.6 keyword
 * @param path                  keywords from the module's top level down to this attribute
 * @param type                  1, 1C, 2, 2C or 3
 * @param vm                    the value multiplicity the module imposes ("" when only the dictionary's applies);
 *                              for a sequence, the number of items it allows ("1", "1-n")
 * @param condition             for 1C/2C, the name of the machine-evaluable condition ("" when none is tabulated);
 *                              see {@link Standard#condition(String)}
 * @param mayBePresentOtherwise for 1C/2C, whether the attribute may be present when the condition is false
 * @param values                enumerated values or defined terms, if the module gives them
 * @param valueIndex            which value the set applies to: -1 for every value, else the 0-based index
 * @param macroConditions       conditions of the macro invocations that brought the attribute in; all must hold
 *                              for the attribute to apply (empty: always applies)
 * @param macro                 the innermost macro the row came from, "" when the module lists it itself
 * @param checked               false for a hand-kept row not yet checked against PS3.3
 */
public record ModuleAttribute(int tag, String keyword, List<String> path, AttributeType type, String vm,
                              String condition, boolean mayBePresentOtherwise, Optional<ValueSet> values,
                              int valueIndex, List<String> macroConditions, String macro, boolean checked) {
    public ModuleAttribute {
        path = List.copyOf(path);
        macroConditions = List.copyOf(macroConditions);
    }

    /** 0 at the module's top level, 1 inside one sequence, and so on. */
    public int depth() {
        return path.size() - 1;
    }

    /** The keywords of the enclosing sequences, outermost first; empty at the top level. */
    public List<String> parents() {
        return path.subList(0, path.size() - 1);
    }

    /** The path as PS3.3 tables show nesting: one '&gt;' per level, then the keyword. */
    public String nestedKeyword() {
        return ">".repeat(depth()) + keyword;
    }

    /** The attribute's name from the data dictionary ("" when it has none). */
    public String name() {
        return ElementDictionary.standard().find(tag).map(e -> e.name()).orElse("");
    }
}
