package org.kerma.dose;

import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * The value of a content item that a template allows as CODE or TEXT, such as Reference Point Definition (113780,
 * PS3.16 TID 10001 and 10003): the code when coded, else the text.
 *
 * @param code the code of a CODE item; empty for a TEXT item
 * @param text the text of a TEXT item, or the code's meaning (for display only)
 */
public record CodeOrText(Optional<Code> code, String text) {
    public static CodeOrText of(Code code) {
        return new CodeOrText(Optional.of(code), code.meaning());
    }

    public static CodeOrText of(String text) {
        return new CodeOrText(Optional.empty(), text);
    }

    @Override
    public String toString() {
        return code.map(c -> c.meaning() + " (" + c.value() + ", " + c.scheme() + ")").orElse(text);
    }
}
