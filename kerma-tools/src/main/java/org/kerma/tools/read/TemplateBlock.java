package org.kerma.tools.read;

import java.util.List;
import java.util.Map;

/**
 * One block of a dicom3tools template file ({@code Module="X"} ... {@code ModuleEnd}, {@code DefineMacro=},
 * {@code CompositeIOD=}, {@code Condition=}): its opening line's pairs and its body lines as a tree, nested by
 * {@code Sequence=}/{@code SequenceEnd}, {@code InformationEntity=}/{@code InformationEntityEnd} and condition
 * parentheses.
 *
 * @param kind   the opening key, e.g. "Module"
 * @param name   the opening value, e.g. "RTBeams"
 * @param fields the opening line's pairs
 * @param body   the lines inside the block
 * @param source file and line of the opening line, for messages
 */
public record TemplateBlock(String kind, String name, Map<String, String> fields, List<Node> body, String source) {

    /**
     * A line inside a block with the lines it encloses.
     *
     * @param key      the first key of the line ("Name", "Sequence", "InvokeMacro", "Element", "(" ...)
     * @param value    its value ("" for a parenthesis)
     * @param fields   every pair of the line (for a group: the pairs after its closing parenthesis)
     * @param children enclosed lines (sequence items, information entity modules, a parenthesised group)
     * @param source   file and line, for messages
     */
    public record Node(String key, String value, Map<String, String> fields, List<Node> children, String source) {
    }
}
