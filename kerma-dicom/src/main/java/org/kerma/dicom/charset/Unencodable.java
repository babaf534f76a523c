package org.kerma.dicom.charset;

/** Builds the exception for a character that a character set cannot encode. */
final class Unencodable {
    private Unencodable() {
    }

    /**
     * "Cannot encode character 'é' (U+00E9) at index 3 of "Renée" in Specific Character Set 'ISO 2022 IR 6':
     * reason". Long values are cut to 64 characters in the message.
     *
     * @param where what could not encode it, e.g. "Specific Character Set 'ISO_IR 100'"
     */
    static IllegalArgumentException character(String value, int index, String where, String reason) {
        int c = value.codePointAt(index);
        String shown = Character.isISOControl(c) ? "" : "'" + new String(Character.toChars(c)) + "' ";
        String quoted = value.length() <= 64 ? value : value.substring(0, 64) + "...";
        return new IllegalArgumentException(String.format(
                "Cannot encode character %s(U+%04X) at index %d of \"%s\" in %s: %s",
                shown, c, index, quoted, where, reason));
    }
}
