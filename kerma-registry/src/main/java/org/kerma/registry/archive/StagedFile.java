package org.kerma.registry.archive;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * An object's bytes written to a temporary {@code *.part} file in the archive, not yet named as an archived
 * instance. Its content is being forced to disk meanwhile; {@link Archive#rename} waits for that before naming it.
 *
 * @param path    the temporary file
 * @param size    its length in bytes
 * @param sha256  the SHA-256 digest of its content, lower-case hex: how two copies of an instance are compared
 * @param durable completes when the content is on disk, or exceptionally with the {@code IOException} of forcing it
 */
public record StagedFile(Path path, long size, String sha256, CompletableFuture<Void> durable) {

    /** A file already on disk (e.g. one in the archive being reindexed). */
    public StagedFile(Path path, long size, String sha256) {
        this(path, size, sha256, CompletableFuture.completedFuture(null));
    }
}
