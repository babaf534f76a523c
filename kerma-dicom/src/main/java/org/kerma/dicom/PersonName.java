package org.kerma.dicom;

/**
 * A PN value (PS3.5 section 6.2.1): up to three component groups (alphabetic, ideographic, phonetic) separated by
 * '=', each with up to five components (family, given, middle, prefix, suffix) separated by '^'.
 *
 * @param alphabetic  the single-byte representation
 * @param ideographic the ideographic representation (e.g. Kanji, Hanja), empty when absent
 * @param phonetic    the phonetic representation (e.g. Hiragana, Hangul), empty when absent
 */
public record PersonName(Group alphabetic, Group ideographic, Group phonetic) {

    /** One component group of a person name. Absent components are empty strings, never null. */
    public record Group(String family, String given, String middle, String prefix, String suffix) {
        public static final Group EMPTY = new Group("", "", "", "", "");

        static Group parse(String text) {
            String[] c = new String[5];
            int start = 0;
            for (int i = 0; i < 5; i++) {
                int end = i < 4 ? text.indexOf('^', start) : -1;
                if (start > text.length()) {
                    c[i] = "";
                } else if (end < 0) {
                    c[i] = text.substring(start).trim();
                    start = text.length() + 1;
                } else {
                    c[i] = text.substring(start, end).trim();
                    start = end + 1;
                }
            }
            return new Group(c[0], c[1], c[2], c[3], c[4]);
        }

        public boolean isEmpty() {
            return family.isEmpty() && given.isEmpty() && middle.isEmpty() && prefix.isEmpty() && suffix.isEmpty();
        }

        /** The DICOM form with trailing empty components dropped, e.g. "Doe^John". */
        @Override
        public String toString() {
            String[] c = {family, given, middle, prefix, suffix};
            int last = 4;
            while (last >= 0 && c[last].isEmpty()) {
                last--;
            }
            return String.join("^", java.util.Arrays.copyOf(c, last + 1));
        }
    }

    /** Parses one PN value (no backslash); missing groups and components are empty. */
    public static PersonName parse(String value) {
        String[] groups = value.split("=", -1);
        return new PersonName(
                Group.parse(groups[0]),
                groups.length > 1 ? Group.parse(groups[1]) : Group.EMPTY,
                groups.length > 2 ? Group.parse(groups[2]) : Group.EMPTY);
    }

    /** The DICOM form, with trailing empty groups dropped, e.g. "Yamada^Tarou=山田^太郎=やまだ^たろう". */
    @Override
    public String toString() {
        String a = alphabetic.toString();
        String i = ideographic.toString();
        String p = phonetic.toString();
        if (!p.isEmpty()) {
            return a + "=" + i + "=" + p;
        }
        if (!i.isEmpty()) {
            return a + "=" + i;
        }
        return a;
    }
}
