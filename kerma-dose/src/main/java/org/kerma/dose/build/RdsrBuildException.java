package org.kerma.dose.build;

/**
 * The builder refused to write a document that would not conform: names the content item (its path in the document
 * being built, e.g. {@code 1.12.7.3}, and its concept) or the input location (a JSON path such as
 * {@code $.events[2].ctdivol}, a file) and says why.
 */
public class RdsrBuildException extends RuntimeException {
    private final String where;

    public RdsrBuildException(String where, String message) {
        super(where + ": " + message);
        this.where = where;
    }

    /** The content item path, JSON path or file the problem is at. */
    public String where() {
        return where;
    }
}
