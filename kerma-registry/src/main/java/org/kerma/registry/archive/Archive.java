package org.kerma.registry.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The archive on disk: the source of truth from which the index can be rebuilt (DESIGN.md, Storage).
 *
 * <p>Layout under the root: {@code <study-uid-hash>/<sop-instance-uid>.dcm}, where the hash is the first 16 hex
 * digits of the SHA-256 of the Study Instance UID (so a directory never holds more than one study, and UIDs of any
 * length make short names). Objects are first written to {@code incoming/<random>.part}, forced to disk
 * ({@link FileChannel#force}), then renamed atomically into place and the directory forced as well, so a file with
 * the {@code .dcm} name is always complete. A {@code .part} file left behind by a crash is never mistaken for an
 * archived object; {@link #orphans()} lists them.
 *
 * <p>Thread-safe: every method works on its own files; two writers of the same name are the caller's to order.
 */
public final class Archive {
    private static final String INCOMING = "incoming";
    private static final String PART = ".part";
    private static final Pattern SAFE_UID = Pattern.compile("[0-9.]{1,64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;

    private Archive(Path root) {
        this.root = root;
    }

    /** Opens (creating if needed) the archive rooted at {@code root}. */
    public static Archive open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Files.createDirectories(absolute.resolve(INCOMING));
        return new Archive(absolute);
    }

    public Path root() {
        return root;
    }

    /**
     * Writes {@code prefix} then all of {@code content} (not closed) to a new {@code .part} file and forces it to
     * disk. On any failure the partial file is deleted and the exception (for a full disk, an {@link IOException}
     * from the file system) propagates.
     */
    public StagedFile stage(byte[] prefix, InputStream content) throws IOException {
        Path part = root.resolve(INCOMING).resolve(UUID.randomUUID() + PART);
        MessageDigest digest = sha256();
        long size = 0;
        boolean done = false;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (prefix.length > 0) {
                digest.update(prefix);
                writeFully(channel, ByteBuffer.wrap(prefix));
                size += prefix.length;
            }
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = content.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                writeFully(channel, ByteBuffer.wrap(buffer, 0, n));
                size += n;
            }
            channel.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(part);
            }
        }
        return new StagedFile(part, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Where the instance {@code sopInstanceUid} of study {@code studyInstanceUid} is archived. */
    public Path pathOf(String studyInstanceUid, String sopInstanceUid) {
        return root.resolve(studyDirectory(studyInstanceUid)).resolve(fileName(sopInstanceUid, ""));
    }

    /**
     * Where a second, different copy of an instance is kept under the keep-both policy: beside the first, with
     * the first 12 hex digits of its digest in the name.
     */
    public Path pathOfCopy(String studyInstanceUid, String sopInstanceUid, String sha256) {
        return root.resolve(studyDirectory(studyInstanceUid))
                .resolve(fileName(sopInstanceUid, "~" + sha256.substring(0, 12)));
    }

    /**
     * Renames a staged file to {@code target} (replacing a file of that name), atomically, and forces the
     * directory (and, for a new study directory, its parent) so the new name survives a crash.
     */
    public void place(StagedFile staged, Path target) throws IOException {
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            forceDirectory(dir.getParent()); // the new directory's own name must survive a crash too
        }
        try {
            Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + staged.path() + " to " + target
                    + " atomically: the archive's incoming directory must be on the same file system", e);
        }
        forceDirectory(dir);
    }

    /** Deletes a staged file that is not to be kept (a duplicate). */
    public void discard(StagedFile staged) throws IOException {
        Files.deleteIfExists(staged.path());
    }

    /** The temporary files left in the archive by writes that never completed (a crash, a kill), oldest first. */
    public List<Path> orphans() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(INCOMING))) {
            return files.filter(p -> p.getFileName().toString().endsWith(PART)).sorted().toList();
        }
    }

    /** Every archived object file ({@code *.dcm}) under the root, in name order; staged files are not included. */
    public List<Path> archivedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".dcm") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    /** The archive-relative form of {@code file}, as stored in the index. */
    public String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The file an archive-relative path from the index names. */
    public Path resolve(String relativePath) {
        Path p = root.resolve(relativePath).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("path " + relativePath + " points outside the archive " + root);
        }
        return p;
    }

    static String studyDirectory(String studyInstanceUid) {
        byte[] hash = sha256().digest(studyInstanceUid.getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(hash, 0, 8);
    }

    /** The UID itself when it is made of digits and dots; else (a malformed UID) a digest, never a path trick. */
    private static String fileName(String sopInstanceUid, String suffix) {
        String stem = SAFE_UID.matcher(sopInstanceUid).matches() ? sopInstanceUid
                : "x" + HexFormat.of().formatHex(sha256().digest(sopInstanceUid.getBytes(StandardCharsets.UTF_8)));
        return stem + suffix + ".dcm";
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    /** The SHA-256 of everything {@code in} yields, lower-case hex (the digest {@link #stage} records). */
    public static String digest(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
