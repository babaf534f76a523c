package org.kerma.tools.read;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the top-level assignments of a generated Python module whose values are literals, such as pydicom's
 * {@code _dicom_dict.py} ({@code DicomDictionary: dict[int, tuple[...]] = {0x00100010: ('PN', '1', ...), ...}}).
 * Nothing is evaluated: the text is tokenized and the literals are built by recursive descent.
 *
 * <p>Values map to Java as: string literal (adjacent ones concatenated) → {@link String}; integer → {@link Long}
 * (or {@link BigInteger} when larger); tuple and list → unmodifiable {@link List}; dict → unmodifiable
 * {@link Map} keeping source order; {@code True}/{@code False} → {@link Boolean}; {@code None} → {@link #NONE}.
 * Type annotations are skipped; bare string statements (docstrings) and {@code import} / {@code from ... import}
 * statements (such as pydicom's {@code from typing import Dict, Tuple}) are ignored; any other statement is an
 * error.
 */
public final class PythonLiterals {

    /** Stands for Python's {@code None}. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private final PythonLexer lexer;
    private PythonLexer.Token token;

    private PythonLiterals(String source, String text) {
        this.lexer = new PythonLexer(source, text);
        this.token = lexer.next();
    }

    /**
     * The module's top-level assignments, by name, in source order.
     *
     * @param source names the text in error messages
     * @param text   the module text
     * @throws IllegalArgumentException naming source and line when the text is not a literal module
     */
    public static Map<String, Object> parseModule(String source, String text) {
        return new PythonLiterals(source, text).module();
    }

    private Map<String, Object> module() {
        Map<String, Object> names = new LinkedHashMap<>();
        while (token.kind() != PythonLexer.Kind.END) {
            if (token.kind() == PythonLexer.Kind.STRING) {
                value();
                continue;
            }
            if (token.kind() != PythonLexer.Kind.NAME) {
                throw lexer.error("expected an assignment, found '" + token.text() + "'");
            }
            String name = token.text();
            advance();
            if (name.equals("import") || name.equals("from")) {
                skipImport(name);
                continue;
            }
            skipAnnotation();
            expect("=");
            names.put(name, value());
        }
        return Collections.unmodifiableMap(names);
    }

    /**
     * Skips the rest of {@code import a.b [as c], ...} or {@code from a.b import (c [as d], ...)}, the keyword
     * already read. Names nothing in the result.
     */
    private void skipImport(String keyword) {
        if (keyword.equals("from")) {
            while (isPunct(".")) {
                advance();
            }
            if (!isName("import")) {
                dottedName();
            }
            if (!isName("import")) {
                throw lexer.error("expected 'import', found '" + token.text() + "'");
            }
            advance();
        }
        boolean parenthesized = keyword.equals("from") && isPunct("(");
        if (parenthesized) {
            advance();
        }
        while (true) {
            dottedName();
            if (isName("as")) {
                advance();
                dottedName();
            }
            if (!isPunct(",")) {
                break;
            }
            advance();
            if (parenthesized && isPunct(")")) {
                break;
            }
        }
        if (parenthesized) {
            expect(")");
        }
    }

    /** Reads {@code name(.name)*} (or {@code *} in an import list). */
    private void dottedName() {
        if (isPunct("*")) {
            advance();
            return;
        }
        if (token.kind() != PythonLexer.Kind.NAME) {
            throw lexer.error("expected a name, found '" + token.text() + "'");
        }
        advance();
        while (isPunct(".")) {
            advance();
            if (token.kind() != PythonLexer.Kind.NAME) {
                throw lexer.error("expected a name, found '" + token.text() + "'");
            }
            advance();
        }
    }

    /** Skips {@code : type} up to the '=' at bracket depth zero. */
    private void skipAnnotation() {
        if (!isPunct(":")) {
            return;
        }
        int depth = 0;
        while (!(depth == 0 && isPunct("="))) {
            if (token.kind() == PythonLexer.Kind.END) {
                throw lexer.error("annotation without '='");
            }
            if (isPunct("[") || isPunct("(")) {
                depth++;
            } else if (isPunct("]") || isPunct(")")) {
                depth--;
            }
            advance();
        }
    }

    private Object value() {
        switch (token.kind()) {
            case STRING:
                return strings();
            case NUMBER:
                return number(false);
            case NAME:
                return constant();
            case PUNCT:
                return bracketed();
            default:
                throw lexer.error("expected a value, found end of text");
        }
    }

    private String strings() {
        StringBuilder joined = new StringBuilder();
        while (token.kind() == PythonLexer.Kind.STRING) {
            joined.append(token.text());
            advance();
        }
        return joined.toString();
    }

    private Object number(boolean negative) {
        String digits = token.text().replace("_", "");
        advance();
        BigInteger n;
        try {
            if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
                n = new BigInteger(digits.substring(2), 16);
            } else {
                n = new BigInteger(digits);
            }
        } catch (NumberFormatException e) {
            throw lexer.error("not an integer literal: " + digits);
        }
        if (negative) {
            n = n.negate();
        }
        return n.bitLength() < 64 ? (Object) n.longValue() : n;
    }

    private Object constant() {
        String name = token.text();
        advance();
        switch (name) {
            case "True": return Boolean.TRUE;
            case "False": return Boolean.FALSE;
            case "None": return NONE;
            default: throw lexer.error("not a literal: " + name);
        }
    }

    private Object bracketed() {
        if (isPunct("-")) {
            advance();
            return number(true);
        }
        if (isPunct("(")) {
            return sequence("(", ")");
        }
        if (isPunct("[")) {
            return sequence("[", "]");
        }
        if (isPunct("{")) {
            return dict();
        }
        throw lexer.error("unexpected '" + token.text() + "'");
    }

    private List<Object> sequence(String open, String close) {
        expect(open);
        List<Object> items = new ArrayList<>();
        while (!isPunct(close)) {
            items.add(value());
            if (!isPunct(close)) {
                expect(",");
            }
        }
        advance();
        return Collections.unmodifiableList(items);
    }

    private Map<Object, Object> dict() {
        expect("{");
        Map<Object, Object> entries = new LinkedHashMap<>();
        while (!isPunct("}")) {
            Object key = value();
            expect(":");
            entries.put(key, value());
            if (!isPunct("}")) {
                expect(",");
            }
        }
        advance();
        return Collections.unmodifiableMap(entries);
    }

    private boolean isName(String name) {
        return token.kind() == PythonLexer.Kind.NAME && token.text().equals(name);
    }

    private boolean isPunct(String p) {
        return token.kind() == PythonLexer.Kind.PUNCT && token.text().equals(p);
    }

    private void expect(String p) {
        if (!isPunct(p)) {
            throw lexer.error("expected '" + p + "', found '" + token.text() + "'");
        }
        advance();
    }

    private void advance() {
        token = lexer.next();
    }
}
