package org.kerma.tools.write;

import java.nio.file.Path;
import java.util.List;
import javax.lang.model.SourceVersion;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.Tags;
import org.kerma.tools.read.Provenance;

/**
 * Writes {@code Tag.java}: one {@code public static final int} per keyword of the dictionary's single-tag entries
 * (current and retired), named by keyword, with a Javadoc line giving tag, name, VR and VM.
 */
public final class TagJavaWriter {
    private TagJavaWriter() {
    }

    /**
     * Writes the class to {@code file}.
     *
     * @throws IllegalArgumentException for a keyword that is not a Java identifier
     */
    public static void write(Path file, List<DictionaryEntry> entries, List<Provenance> sources) {
        StringBuilder out = new StringBuilder(entries.size() * 96);
        JavaHeader.append(out, sources);
        out.append("/**\n")
                .append(" * Tags of the DICOM data dictionary (PS3.6 section 6, PS3.7 Annex E), one constant per keyword, retired\n")
                .append(" * ones included (their Javadoc says so). Repeating groups such as (60xx,3000) Overlay Data have no\n")
                .append(" * constant: look them up with {@link ElementDictionary#find(int)}. Operations on tags are in {@link Tags}.\n")
                .append(" *\n")
                .append(" * <p>Generated from the sources named at the top of this file; do not edit.\n")
                .append(" */\n")
                .append("public final class Tag {\n")
                .append("    private Tag() {\n")
                .append("    }\n");
        for (DictionaryEntry e : entries) {
            if (e.isRepeating()) {
                continue;
            }
            if (!SourceVersion.isName(e.keyword())) {
                throw new IllegalArgumentException("keyword is not a Java name: " + e.keyword());
            }
            out.append('\n').append("    /** ").append(Tags.format(e.tag())).append(' ')
                    .append(GeneratedText.javadoc(e.name().isEmpty() ? e.keyword() : e.name())).append(", ")
                    .append(e.vrs().isEmpty() ? "no VR" : String.join(" or ", e.vrs().stream().map(Enum::name).toList()))
                    .append(", VM ").append(GeneratedText.javadoc(e.vm()))
                    .append(e.retired() ? ", retired" : "").append(". */\n")
                    .append("    public static final int ").append(e.keyword()).append(" = 0x")
                    .append(Tags.toHex(e.tag())).append(";\n");
        }
        out.append("}\n");
        GeneratedText.write(file, out);
    }
}
