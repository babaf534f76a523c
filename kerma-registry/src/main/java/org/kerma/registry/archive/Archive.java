package org.kerma.registry.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The archive on disk: the source of truth from which the index can be rebuilt (DESIGN.md, Storage).
 *
 * <p>Layout under the root: {@code <study-uid-hash>/<sop-instance-uid>.dcm}, where the hash is the first 16 hex
 * digits of the SHA-256 of the Study Instance UID (so a directory never holds more than one study, and UIDs of any
 * length make short names). Objects are first written to {@code incoming/<owner>/<random>.part} and forced to
 * disk ({@link FileChannel#force}) on a thread of the archive's while the caller goes on (say, parsing the staged
 * file), then renamed atomically into place, never before the force has completed, and the directory forced as
 * well, so a file with the {@code .dcm} name is always complete. A {@code .part} file left behind by a crash is never mistaken for an
 * archived object; {@link #orphans()} lists them.
 *
 * <p>Each open archive writes into an incoming directory of its own, {@code incoming/<owner>/}, and holds a file
 * lock on {@code incoming/<owner>/owner.lock} until {@link #close()}. The lock dies with its process (kill -9
 * included), so another process opening the same archive (say {@code kerma import} beside {@code kerma serve}) can
 * tell the part files of a live writer, which it leaves alone, from those of a dead one, which are orphans.
 *
 * <p>Thread-safe: every method works on its own files; two writers of the same name are the caller's to order.
 */
public final class Archive implements AutoCloseable {
    private static final String INCOMING = "incoming";
    private static final String PART = ".part";
    private static final String LOCK = "owner.lock";
    private static final Pattern SAFE_UID = Pattern.compile("[0-9.]{1,64}");
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path incoming;
    private final FileChannel ownerLockChannel;
    private final FileLock ownerLock;
    private final ExecutorService forcing = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kerma-archive-force");
        t.setDaemon(true);
        return t;
    });

    private Archive(Path root, Path incoming, FileChannel ownerLockChannel, FileLock ownerLock) {
        this.root = root;
        this.incoming = incoming;
        this.ownerLockChannel = ownerLockChannel;
        this.ownerLock = ownerLock;
    }

    /** Opens (creating if needed) the archive rooted at {@code root}, with an incoming directory of its own. */
    public static Archive open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Path incoming = Files.createDirectories(absolute.resolve(INCOMING).resolve(UUID.randomUUID().toString()));
        FileChannel channel = FileChannel.open(incoming.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            return new Archive(absolute, incoming, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    /**
     * Writes {@code prefix} then all of {@code content} (not closed) to a new {@code .part} file and starts forcing
     * it to disk ({@link StagedFile#durable} tells when that is done; {@link #rename} waits for it). On any failure
     * to write, the partial file is deleted and the exception (for a full disk, an {@link IOException} from the file
     * system) propagates.
     */
    public StagedFile stage(byte[] prefix, InputStream content) throws IOException {
        Path part = incoming.resolve(UUID.randomUUID() + PART);
        MessageDigest digest = sha256();
        long size = 0;
        boolean done = false;
        FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
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
            done = true;
        } finally {
            if (!done) {
                channel.close();
                Files.deleteIfExists(part);
            }
        }
        return new StagedFile(part, size, HexFormat.of().formatHex(digest.digest()), forceAndClose(channel, part));
    }

    private CompletableFuture<Void> forceAndClose(FileChannel channel, Path part) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        Runnable force = () -> {
            try (channel) {
                channel.force(true);
                durable.complete(null);
            } catch (IOException | RuntimeException e) {
                durable.completeExceptionally(e instanceof IOException ? e
                        : new IOException("cannot force " + part + " to disk: " + e, e));
            }
        };
        try {
            forcing.execute(force);
        } catch (RejectedExecutionException e) { // the archive is closing: force on the caller's thread
            force.run();
        }
        return durable;
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
        for (Path dir : rename(staged, target)) {
            forceDirectory(dir);
        }
    }

    /**
     * Renames a staged file to {@code target} (replacing a file of that name), atomically, without forcing the
     * change to disk: the new name survives a crash only once each directory returned (the target's, and the
     * archive root when the study directory is new) has been given to {@link #forceDirectory}. For callers that
     * place several files and force each directory once.
     */
    public List<Path> rename(StagedFile staged, Path target) throws IOException {
        awaitDurable(staged);
        Path dir = target.getParent();
        List<Path> changed = new ArrayList<>(2);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            changed.add(dir.getParent()); // the new directory's own name must survive a crash too
        }
        try {
            Files.move(staged.path(), target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + staged.path() + " to " + target
                    + " atomically: the archive's incoming directory must be on the same file system", e);
        }
        changed.add(dir);
        return changed;
    }

    /** Waits until the staged file's content is on disk; throws the failure to force it, if it failed. */
    private static void awaitDurable(StagedFile staged) throws IOException {
        try {
            staged.durable().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("cannot force " + staged.path(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while forcing " + staged.path() + " to disk");
        }
    }

    /** Deletes a staged file that is not to be kept (a duplicate). */
    public void discard(StagedFile staged) throws IOException {
        Files.deleteIfExists(staged.path());
    }

    /**
     * The temporary files left by writes that never completed (a crash, a kill): the part files in incoming
     * directories whose owner is gone (its lock is free), and any directly under {@code incoming/}. The part files of
     * live writers, this archive's included, are not orphans.
     */
    public List<Path> orphans() throws IOException {
        List<Path> orphans = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root.resolve(INCOMING))) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    if (!entry.equals(incoming) && ownerGone(entry)) {
                        orphans.addAll(partFiles(entry));
                    }
                } else if (entry.getFileName().toString().endsWith(PART)) {
                    orphans.add(entry);
                }
            }
        }
        return orphans;
    }

    /**
     * Deletes the orphans and the incoming directories of owners that are gone; returns how many part files it
     * deleted.
     */
    public int removeOrphans() throws IOException {
        List<Path> orphans = orphans();
        for (Path orphan : orphans) {
            Files.deleteIfExists(orphan);
        }
        try (Stream<Path> entries = Files.list(root.resolve(INCOMING))) {
            for (Path dir : entries.filter(Files::isDirectory).toList()) {
                if (!dir.equals(incoming) && ownerGone(dir) && partFiles(dir).isEmpty()) {
                    Files.deleteIfExists(dir.resolve(LOCK));
                    Files.deleteIfExists(dir);
                }
            }
        }
        return orphans.size();
    }

    private static List<Path> partFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(PART)).sorted().toList();
        }
    }

    /** True when nobody holds the lock of an incoming directory (or it has none). */
    private static boolean ownerGone(Path dir) throws IOException {
        Path lock = dir.resolve(LOCK);
        if (!Files.exists(lock)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return false;
            }
            probe.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false; // held by another archive open in this JVM
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

    /** Releases this archive's incoming directory (removing it when empty) and its lock. */
    @Override
    public void close() throws IOException {
        forcing.shutdown();
        try {
            if (partFiles(incoming).isEmpty()) {
                Files.deleteIfExists(incoming.resolve(LOCK));
                ownerLock.release();
                Files.deleteIfExists(incoming);
            }
        } finally {
            ownerLockChannel.close();
        }
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

    /** Forces a directory's entries (names created, renamed or removed in it) to disk. */
    public static void forceDirectory(Path dir) throws IOException {
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
