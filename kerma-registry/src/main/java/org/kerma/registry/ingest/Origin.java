package org.kerma.registry.ingest;

/**
 * Where an object came from, for the index and for error messages.
 *
 * @param senderAe the calling AE title of the association that sent it, or null for an import
 * @param source   names the origin in errors: a file path, or e.g. {@code association 7 from CT01, message 12}
 */
public record Origin(String senderAe, String source) {

    /** An object read from a file or archive entry by {@code kerma import}. */
    public static Origin file(String path) {
        return new Origin(null, path);
    }

    /** An object received by C-STORE. */
    public static Origin association(String callingAe, String description) {
        return new Origin(callingAe, description);
    }
}
