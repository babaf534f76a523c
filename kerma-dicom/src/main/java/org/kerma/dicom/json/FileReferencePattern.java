package org.kerma.dicom.json;

import java.util.regex.Pattern;

/** The form of {@link BulkDataUris#fileReference}: {@code file:...#offset=N&length=N[&endian=big]}. */
final class FileReferencePattern {
    static final Pattern PATTERN =
            Pattern.compile("(file:[^#]*)#offset=(\\d{1,18})&length=(\\d{1,18})(&endian=big)?");

    private FileReferencePattern() {
    }
}
