package org.kerma.tools.read;

/**
 * Splits the text of a Python module into tokens, for the subset of Python that generated literal modules use:
 * names, integer literals (decimal and {@code 0x} hex), string literals (single, double and triple quoted, with
 * backslash escapes and optional {@code r}/{@code u}/{@code b} prefixes), single-character punctuation, and
 * {@code #} comments, which are skipped. Line breaks are whitespace here: the parser that uses this lexer only reads
 * bracketed literals and simple assignments.
 *
 * <p>Not thread-safe: one lexer reads one text once.
 */
final class PythonLexer {

    /** The kinds of token. */
    enum Kind { NAME, NUMBER, STRING, PUNCT, END }

    /**
     * One token.
     *
     * @param kind what it is
     * @param text for STRING the decoded value; otherwise the source text
     * @param line the 1-based line it starts on, for error messages
     */
    record Token(Kind kind, String text, int line) {
    }

    private static final String PUNCTUATION = "{}[]():,=.-+*|<>";

    private final String source;
    private final String text;
    private int pos;
    private int line = 1;

    /**
     * @param source names the text in error messages (usually a file path)
     * @param text   the module text
     */
    PythonLexer(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** The next token; {@link Kind#END} at the end of the text and on every call after it. */
    Token next() {
        skipSpaceAndComments();
        if (pos >= text.length()) {
            return new Token(Kind.END, "", line);
        }
        char c = text.charAt(pos);
        if (isStringStart(c)) {
            return string();
        }
        if (Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            return name();
        }
        if (PUNCTUATION.indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.PUNCT, String.valueOf(c), line);
        }
        throw error("unexpected character '" + c + "'");
    }

    /** An exception naming the source and current line. */
    IllegalArgumentException error(String message) {
        return new IllegalArgumentException(source + ":" + line + ": " + message);
    }

    private void skipSpaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\\') {
                pos++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private boolean isStringStart(char c) {
        if (c == '\'' || c == '"') {
            return true;
        }
        if ("rRuUbB".indexOf(c) >= 0 && pos + 1 < text.length()) {
            char q = text.charAt(pos + 1);
            return q == '\'' || q == '"';
        }
        return false;
    }

    private Token string() {
        int startLine = line;
        boolean raw = false;
        char first = text.charAt(pos);
        if (first != '\'' && first != '"') {
            raw = first == 'r' || first == 'R';
            pos++;
        }
        char quote = text.charAt(pos);
        boolean triple = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += triple ? 3 : 1;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string starting on line " + startLine);
            }
            char c = text.charAt(pos);
            if (c == quote && (!triple || text.startsWith(String.valueOf(quote).repeat(3), pos))) {
                pos += triple ? 3 : 1;
                return new Token(Kind.STRING, value.toString(), startLine);
            }
            if (c == '\n') {
                if (!triple) {
                    throw error("line break inside a string");
                }
                line++;
            }
            if (c == '\\' && !raw) {
                pos = escape(value);
            } else {
                value.append(c);
                pos++;
            }
        }
    }

    /** Appends the character of the escape sequence at {@code pos} and returns the position after it. */
    private int escape(StringBuilder value) {
        if (pos + 1 >= text.length()) {
            throw error("backslash at end of text");
        }
        char e = text.charAt(pos + 1);
        switch (e) {
            case 'n': value.append('\n'); return pos + 2;
            case 't': value.append('\t'); return pos + 2;
            case 'r': value.append('\r'); return pos + 2;
            case '\\': case '\'': case '"': value.append(e); return pos + 2;
            case '\n': line++; return pos + 2;
            case 'x': return hexEscape(value, 2);
            case 'u': return hexEscape(value, 4);
            case 'U': return hexEscape(value, 8);
            default:
                value.append('\\').append(e);
                return pos + 2;
        }
    }

    private int hexEscape(StringBuilder value, int digits) {
        int start = pos + 2;
        if (start + digits > text.length()) {
            throw error("truncated escape sequence");
        }
        try {
            value.appendCodePoint(Integer.parseInt(text.substring(start, start + digits), 16));
        } catch (NumberFormatException e) {
            throw error("bad escape sequence \\" + text.substring(pos + 1, start + digits));
        }
        return start + digits;
    }

    private Token number() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return new Token(Kind.NUMBER, text.substring(start, pos), line);
    }

    private Token name() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return new Token(Kind.NAME, text.substring(start, pos), line);
    }
}
