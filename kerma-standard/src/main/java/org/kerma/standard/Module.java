package org.kerma.standard;

import java.util.List;
import java.util.Optional;

/**
 * A module of PS3.3 (Annex C) or a pseudo-module of the validator sources, with its attributes, macros expanded.
 *
 * @param id         kebab-case identifier, e.g. {@code rt-beams}
 * @param name       its name, e.g. "RT Beams"
 * @param section    the PS3.3 section, e.g. "C.8.8.14"; "" when the sources give none
 * @param attributes every attribute in table order, nested ones after their sequence; empty when not tabulated
 * @param tabulated  false when the module is known but no source here tabulates its attributes (then it cannot be
 *                   validated, only reported as not checked)
 */
public record Module(String id, String name, String section, List<ModuleAttribute> attributes, boolean tabulated) {
    public Module {
        attributes = List.copyOf(attributes);
    }

    /** The attributes at the module's top level. */
    public List<ModuleAttribute> topLevel() {
        return attributes.stream().filter(a -> a.depth() == 0).toList();
    }

    /** The attribute at a keyword path ("BeamSequence", "BeamNumber"), if the module has it. */
    public Optional<ModuleAttribute> attribute(String... path) {
        List<String> wanted = List.of(path);
        return attributes.stream().filter(a -> a.path().equals(wanted)).findFirst();
    }

    /** Whether any row of the module (at any depth) has this tag. */
    public boolean uses(int tag) {
        return attributes.stream().anyMatch(a -> a.tag() == tag);
    }
}
