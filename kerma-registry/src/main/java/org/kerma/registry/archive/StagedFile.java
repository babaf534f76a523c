package org.kerma.registry.archive;

import java.nio.file.Path;

/**
 * An object's bytes written to a temporary {@code *.part} file in the archive and forced to disk, not yet named as
 * an archived instance.
 *
 * @param path   the temporary file
 * @param size   its length in bytes
 * @param sha256 the SHA-256 digest of its content, lower-case hex: how two copies of an instance are compared
 */
public record StagedFile(Path path, long size, String sha256) {
}
