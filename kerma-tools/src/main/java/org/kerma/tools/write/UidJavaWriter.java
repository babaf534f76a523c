package org.kerma.tools.write;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;
import org.kerma.dicom.UidEntry;
import org.kerma.tools.read.Provenance;

/**
 * Writes {@code Uid.java}: one {@code public static final String} per registered UID that has a keyword, named by
 * the keyword, with a Javadoc line giving UID, name, type and whether it is retired.
 */
public final class UidJavaWriter {
    private UidJavaWriter() {
    }

    /**
     * Writes the class to {@code file}.
     *
     * @throws IllegalArgumentException for a keyword that is not a Java identifier
     */
    public static void write(Path file, List<UidEntry> entries, List<Provenance> sources) {
        StringBuilder out = new StringBuilder(entries.size() * 128);
        JavaHeader.append(out, sources);
        out.append("/**\n")
                .append(" * UIDs registered by the DICOM standard (PS3.6 Annex A), one constant per keyword, retired ones\n")
                .append(" * included. Names, types and transfer syntax traits are in {@link UidRegistry}.\n")
                .append(" *\n")
                .append(" * <p>Generated from the sources named at the top of this file; do not edit.\n")
                .append(" */\n")
                .append("public final class Uid {\n")
                .append("    private Uid() {\n")
                .append("    }\n");
        for (UidEntry e : entries) {
            if (e.keyword().isEmpty()) {
                continue;
            }
            if (!SourceVersion.isName(e.keyword())) {
                throw new IllegalArgumentException("UID keyword is not a Java name: " + e.keyword());
            }
            out.append('\n').append("    /** ").append(e.uid()).append(' ')
                    .append(GeneratedText.javadoc(e.name())).append(" (").append(typeText(e))
                    .append(e.retired() ? ", retired" : "").append("). */\n")
                    .append("    public static final String ").append(e.keyword()).append(" = \"")
                    .append(e.uid()).append("\";\n");
        }
        out.append("}\n");
        GeneratedText.write(file, out);
    }

    /** "SOP Class" for SOP_CLASS, "Transfer Syntax" for TRANSFER_SYNTAX, "LDAP OID" for LDAP_OID. */
    static String typeText(UidEntry e) {
        StringBuilder text = new StringBuilder();
        for (String word : e.type().name().split("_")) {
            boolean acronym = word.equals("SOP") || word.equals("LDAP") || word.equals("OID");
            text.append(text.length() == 0 ? "" : " ").append(word.charAt(0))
                    .append(acronym ? word.substring(1) : word.substring(1).toLowerCase(Locale.ROOT));
        }
        return text.toString();
    }
}
