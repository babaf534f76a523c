package org.kerma.standard.validate;

import java.util.Objects;
import org.kerma.dicom.Tags;

/**
 * One result of validating an object: what rule, how serious, where (module, attribute, item path) and why.
 *
 * @param severity error, warning or not checked
 * @param rule     the rule of the standard the finding is about
 * @param module   the module's id ({@code rt-beams}), "" for findings about values or the file as a whole
 * @param tag      the attribute's tag, or -1 when the finding is about no single attribute
 * @param keyword  the attribute's keyword, "" when unknown or none
 * @param itemPath where in the tree: "" at the top level, else sequences and 1-based item numbers such as
 *                 {@code BeamSequence[2]>WedgeSequence[1]}; for SR template findings (module {@code TID nnnn}) the
 *                 content item path, e.g. {@code 1.13.7.3} (PS3.3 Section C.17.3.2.5)
 * @param reason   a sentence saying what is wrong, with the value where one is involved
 */
public record Finding(Severity severity, Rule rule, String module, int tag, String keyword, String itemPath,
                      String reason) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(itemPath, "itemPath");
        Objects.requireNonNull(reason, "reason");
    }

    /** The tag as "(gggg,eeee)", or "" when there is none. */
    public String tagText() {
        return tag == -1 ? "" : Tags.format(tag);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(severity.name()).append(' ').append(rule.name());
        if (!module.isEmpty()) {
            s.append(" module=").append(module);
        }
        if (tag != -1) {
            s.append(' ').append(tagText()).append(' ').append(keyword);
        }
        if (!itemPath.isEmpty()) {
            s.append(" in ").append(itemPath);
        }
        return s.append(": ").append(reason).toString();
    }
}
