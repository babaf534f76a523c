package org.kerma.dicom.internal.model;

/**
 * What is wrong with a JSON or XML document, and where: {@code path} in the syntax of the encoding being read
 * (e.g. {@code 0040A730.Value[2].0040A043} for JSON). Unchecked inside the model code; the public readers turn it
 * into their own checked exception.
 */
public final class ModelException extends RuntimeException {
    private final String path;
    private final String problem;

    public ModelException(String path, String problem) {
        this(path, problem, null);
    }

    public ModelException(String path, String problem, Throwable cause) {
        super((path.isEmpty() ? "" : path + ": ") + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** Where the problem is; empty for the document as a whole. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String problem() {
        return problem;
    }
}
