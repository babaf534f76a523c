package org.kerma.registry.ingest;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.archive.StagedFile;
import org.kerma.registry.index.Duplicates;
import org.kerma.registry.index.Duplicates.Action;
import org.kerma.registry.index.Duplicates.Duplicate;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.Hierarchy.FileFacts;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.index.IndexException;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest pipeline: stream to the archive, force to disk, parse up to Pixel Data, classify, index in one
 * transaction, then hand the object to its class's extractor.
 *
 * <p>Contract: when {@link #storeDataset} or {@link #storeFile} returns an {@link IngestOutcome}, the object's file
 * is durable under its archive name and its index rows are committed, so the caller may acknowledge it (answer a
 * C-STORE with Success). When they throw {@link IngestException}, nothing of the object is kept and it must not be
 * acknowledged. An extractor's failure is recorded as a finding and does neither.
 *
 * <p>Thread-safe: any number of threads may ingest at once. Copies of the same SOP Instance UID are ordered by a
 * lock striped on the UID; different instances proceed in parallel as far as the database allows.
 */
public final class Ingest {
    private static final Logger LOG = LoggerFactory.getLogger(Ingest.class);
    private static final ReadOptions HEADER = ReadOptions.DEFAULT.withStopBeforePixelData(true)
            .withBulkDataThreshold(1 << 20);
    private static final int SENDING_AE = 0x00020017;
    private static final int RECEIVING_AE = 0x00020018;
    private static final int STRIPES = 64;
    private static final String NOT_EXTRACTED = "not extracted, the index is unavailable: ";

    private final Archive archive;
    private final IndexDatabase index;
    private final DuplicatePolicy policy;
    private final List<Extractor> extractors;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    /**
     * @param extractors what reads the domain values of each class of objects (classes none reads are only indexed)
     */
    public Ingest(Archive archive, IndexDatabase index, DuplicatePolicy policy, List<Extractor> extractors,
                  Clock clock) {
        this.archive = archive;
        this.index = index;
        this.policy = policy;
        this.extractors = List.copyOf(extractors);
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /**
     * Ingests a data set received by C-STORE: {@code dataset} is the bare data set in the request's transfer
     * syntax, read to its end (not closed). The archived file gets File Meta Information built from the request,
     * with the calling AE as Sending AE Title (0002,0017).
     *
     * @throws IngestException when the object cannot be kept; its reason gives the C-STORE status
     */
    public IngestOutcome storeDataset(InputStream dataset, StoreRequest request, Origin origin)
            throws IngestException {
        byte[] prefix = part10Prefix(request, origin.senderAe());
        return ingest(stage(prefix, dataset, origin), origin, request);
    }

    /** Ingests a Part 10 file read from {@code part10} to its end (not closed), e.g. by {@code kerma import}. */
    public IngestOutcome storeFile(InputStream part10, Origin origin) throws IngestException {
        return ingest(stage(new byte[0], part10, origin), origin, null);
    }

    /**
     * Indexes a file already in the archive under its archive name (for {@code kerma reindex}): the file is not
     * moved. A file named as a keep-both copy, or any second file of an instance already indexed, is recorded as a
     * duplicate kept beside the first.
     */
    public IngestOutcome indexArchived(Path file) throws IngestException {
        Origin origin = Origin.file(file.toString());
        StagedFile facts;
        try (InputStream in = Files.newInputStream(file)) {
            facts = new StagedFile(file, Files.size(file), Archive.digest(in));
        } catch (IOException e) {
            throw new IngestException(IngestException.Reason.OUT_OF_RESOURCES, file + ": cannot read: " + e, e);
        }
        Parsed parsed = parse(facts, origin, null);
        String sender = parsed.file.fileMeta().findString(SENDING_AE).map(String::trim).orElse(null);
        long receivedAt = lastModified(file);
        FileFacts row = new FileFacts(archive.relative(file), facts.size(), facts.sha256(),
                parsed.file.transferSyntax().uid(), sender, receivedAt, parsed.objectClass);
        IndexedInstance[] indexed = new IndexedInstance[1];
        IngestOutcome.Result result;
        try {
            result = reindexRow(file, parsed, row, facts, sender, receivedAt, indexed);
        } catch (IndexException e) {
            throw new IngestException(IngestException.Reason.INDEX_UNAVAILABLE, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IngestException(IngestException.Reason.CANNOT_UNDERSTAND, file + ": cannot index "
                    + parsed.sopInstanceUid + ": " + e.getMessage(), e);
        }
        List<String> findings = result == IngestOutcome.Result.STORED ? extract(indexed[0], parsed) : List.of();
        return new IngestOutcome(result, parsed.sopInstanceUid, parsed.objectClass, file, findings);
    }

    private IngestOutcome.Result reindexRow(Path file, Parsed parsed, FileFacts row, StagedFile facts, String sender,
                                            long receivedAt, IndexedInstance[] indexed) {
        return index.inTransaction("reindex " + file, c -> {
            Optional<Long> id = Hierarchy.insert(c, parsed.dataset, row);
            if (id.isPresent()) {
                indexed[0] = Hierarchy.find(c, parsed.sopInstanceUid).orElseThrow();
                return IngestOutcome.Result.STORED;
            }
            IndexedInstance first = Hierarchy.find(c, parsed.sopInstanceUid).orElseThrow();
            Duplicates.record(c, first.id(), new Duplicate(Action.KEPT_BOTH, facts.sha256(), facts.size(),
                    row.filePath(), sender, receivedAt));
            return IngestOutcome.Result.DUPLICATE_KEPT_BOTH;
        });
    }

    // ---- the pipeline ------------------------------------------------------------------------------------------

    private StagedFile stage(byte[] prefix, InputStream content, Origin origin) throws IngestException {
        SourceStream source = new SourceStream(content);
        try {
            return archive.stage(prefix, source);
        } catch (IOException e) {
            if (source.failed) {
                throw new IngestException(IngestException.Reason.CANNOT_UNDERSTAND,
                        origin.source() + ": the object could not be read to its end: " + e.getMessage(), e);
            }
            throw new IngestException(IngestException.Reason.OUT_OF_RESOURCES,
                    origin.source() + ": cannot write to the archive " + archive.root() + ": " + e, e);
        }
    }

    private IngestOutcome ingest(StagedFile staged, Origin origin, StoreRequest request) throws IngestException {
        boolean keep = false;
        try {
            Parsed parsed = parse(staged, origin, request);
            Decision decision = decide(staged, parsed, origin);
            keep = true;
            if (!decision.placed) {
                archive.discard(staged);
            }
            List<String> findings = decision.extract ? extract(decision.instance, parsed) : List.of();
            return new IngestOutcome(decision.result, parsed.sopInstanceUid, parsed.objectClass,
                    archive.resolve(decision.instance.filePath()), findings);
        } catch (IOException e) {
            throw new IngestException(IngestException.Reason.OUT_OF_RESOURCES,
                    origin.source() + ": cannot finish archiving: " + e, e);
        } finally {
            if (!keep) {
                deleteQuietly(staged.path());
            }
        }
    }

    private Parsed parse(StagedFile staged, Origin origin, StoreRequest request) throws IngestException {
        DicomFile file;
        try {
            file = DicomReader.read(staged.path(), HEADER);
        } catch (DicomParseException e) {
            throw new IngestException(IngestException.Reason.CANNOT_UNDERSTAND, origin.source()
                    + ": not a readable DICOM object: " + withoutSource(e), e);
        } catch (IOException e) {
            throw new IngestException(IngestException.Reason.OUT_OF_RESOURCES,
                    origin.source() + ": cannot read back the archived copy " + staged.path() + ": " + e, e);
        }
        DicomObject ds = file.dataset();
        String sop = required(ds, Tag.SOPInstanceUID, "SOP Instance UID (0008,0018)", origin);
        String sopClass = required(ds, Tag.SOPClassUID, "SOP Class UID (0008,0016)", origin);
        ObjectClass objectClass = ObjectClass.of(sopClass, ds, file.stoppedAt() >= 0);
        if (objectClass == ObjectClass.PROTOCOL || Uid.ProtocolApprovalStorage.equals(sopClass)) {
            Hierarchy.placeInProtocolLibrary(ds);
        }
        required(ds, Tag.StudyInstanceUID, "Study Instance UID (0020,000D)", origin);
        required(ds, Tag.SeriesInstanceUID, "Series Instance UID (0020,000E)", origin);
        if (request != null && (!sop.equals(request.affectedSopInstanceUid().trim())
                || !sopClass.equals(request.affectedSopClassUid().trim()))) {
            throw new IngestException(IngestException.Reason.UID_MISMATCH, origin.source()
                    + ": the data set is SOP Instance " + sop + " of class " + sopClass + " but the request names "
                    + request.affectedSopInstanceUid() + " of class " + request.affectedSopClassUid(), null);
        }
        return new Parsed(file, ds, sop, objectClass);
    }

    /** Indexes the staged object (and places its file) in one transaction, following the duplicate policy. */
    private Decision decide(StagedFile staged, Parsed parsed, Origin origin) throws IngestException {
        ReentrantLock lock = stripes[Math.floorMod(parsed.sopInstanceUid.hashCode(), STRIPES)];
        lock.lock();
        try {
            long now = clock.millis();
            String study = parsed.dataset.getString(Tag.StudyInstanceUID, "").trim();
            String what = "index instance " + parsed.sopInstanceUid + " from " + origin.source();
            return index.inGroupTransaction(what, (c, group) -> {
                Optional<IndexedInstance> existing = Hierarchy.find(c, parsed.sopInstanceUid);
                if (existing.isEmpty()) {
                    Path target = archive.pathOf(study, parsed.sopInstanceUid);
                    FileFacts row = facts(staged, parsed, origin, now, target);
                    if (Hierarchy.insert(c, parsed.dataset, row).isEmpty()) {
                        throw new java.sql.SQLException("instance inserted by another node meanwhile", "40001");
                    }
                    placeOnce(staged, target, group);
                    return new Decision(IngestOutcome.Result.STORED, Hierarchy.find(c, parsed.sopInstanceUid)
                            .orElseThrow(), true, true);
                }
                return duplicate(c, group, staged, parsed, origin, now, existing.get());
            });
        } catch (IndexException e) {
            throw new IngestException(IngestException.Reason.INDEX_UNAVAILABLE, e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IngestException(IngestException.Reason.OUT_OF_RESOURCES, origin.source()
                    + ": cannot place " + parsed.sopInstanceUid + " in the archive: " + e.getCause(), e);
        } catch (RuntimeException e) { // a value the index needs cannot be read (wrong VR, bad encoding)
            throw new IngestException(IngestException.Reason.CANNOT_UNDERSTAND, origin.source()
                    + ": cannot index " + parsed.sopInstanceUid + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private Decision duplicate(java.sql.Connection c, IndexDatabase.Group group, StagedFile staged, Parsed parsed,
                               Origin origin, long now, IndexedInstance first) throws java.sql.SQLException {
        if (first.sha256().equals(staged.sha256())) {
            Duplicates.record(c, first.id(), new Duplicate(Action.IDENTICAL, staged.sha256(), staged.size(), null,
                    origin.senderAe(), now));
            return new Decision(IngestOutcome.Result.DUPLICATE_IDENTICAL, first, false, false);
        }
        switch (policy) {
            case REPLACE -> {
                Path target = archive.resolve(first.filePath());
                Hierarchy.replace(c, first.id(), parsed.dataset, facts(staged, parsed, origin, now, target));
                Duplicates.record(c, first.id(), new Duplicate(Action.REPLACED, staged.sha256(), staged.size(),
                        first.filePath(), origin.senderAe(), now));
                placeOnce(staged, target, group);
                return new Decision(IngestOutcome.Result.DUPLICATE_REPLACED,
                        Hierarchy.find(c, first.sopInstanceUid()).orElseThrow(), true, true);
            }
            case KEEP_BOTH -> {
                Path copy = archive.pathOfCopy(first.studyInstanceUid(), first.sopInstanceUid(), staged.sha256());
                Duplicates.record(c, first.id(), new Duplicate(Action.KEPT_BOTH, staged.sha256(), staged.size(),
                        archive.relative(copy), origin.senderAe(), now));
                placeOnce(staged, copy, group);
                return new Decision(IngestOutcome.Result.DUPLICATE_KEPT_BOTH, first, true, false);
            }
            default -> {
                Duplicates.record(c, first.id(), new Duplicate(Action.KEPT_FIRST, staged.sha256(), staged.size(),
                        null, origin.senderAe(), now));
                return new Decision(IngestOutcome.Result.DUPLICATE_KEPT_FIRST, first, false, false);
            }
        }
    }

    /**
     * Renames the staged file into place; on a retried transaction, a file already placed is left as it is. The
     * directories changed are forced once per group, before it commits, so a committed row names a durable file
     * (those of a file placed by an earlier, rolled-back attempt too: their force may never have run).
     */
    private void placeOnce(StagedFile staged, Path target, IndexDatabase.Group group) {
        try {
            List<Path> changed = Files.exists(staged.path()) || !Files.exists(target) ? archive.rename(staged, target)
                    : List.of(archive.root(), target.getParent());
            for (Path dir : changed) {
                group.beforeCommit(dir, () -> force(dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void force(Path dir) {
        try {
            Archive.forceDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FileFacts facts(StagedFile staged, Parsed parsed, Origin origin, long now, Path target) {
        return new FileFacts(archive.relative(target), staged.size(), staged.sha256(),
                parsed.file.transferSyntax().uid(), origin.senderAe(), now, parsed.objectClass);
    }

    /**
     * Runs each extractor of the object's class, all in one transaction whose commit is not forced to disk (their
     * rows derive from the archived file), each under a savepoint of its own: what one finds is recorded as findings,
     * and its failure rolls back only its own rows and becomes an ERROR finding. The same transaction marks the
     * instance extracted; if a crash or an unavailable database loses it, the instance stays pending and
     * {@link #extractPending} runs its extractors again.
     *
     * @return the findings recorded, each as "source: message"
     */
    private List<String> extract(IndexedInstance instance, Parsed parsed) {
        try {
            return index.inDeferredTransaction("extract from " + instance.sopInstanceUid(), c -> {
                List<String> reported = new ArrayList<>();
                long now = clock.millis();
                for (Extractor extractor : extractors) {
                    if (!extractor.classes().contains(parsed.objectClass)) {
                        continue;
                    }
                    String source = extractor.name();
                    List<Finding> found;
                    Savepoint before = c.setSavepoint();
                    try {
                        Findings.forget(c, instance.id(), source);
                        found = run(extractor, instance, parsed.dataset, c);
                        c.releaseSavepoint(before);
                    } catch (ExtractorFailure e) {
                        c.rollback(before);
                        Throwable cause = e.getCause();
                        found = List.of(Finding.of(Findings.Severity.ERROR,
                                cause.getClass().getSimpleName() + ": " + cause.getMessage()));
                        Findings.forget(c, instance.id(), source);
                    }
                    Findings.record(c, instance.id(), source, found, now);
                    found.forEach(f -> reported.add(source + ": " + f.message()));
                }
                Hierarchy.markExtracted(c, instance.id(), now);
                return reported;
            });
        } catch (IndexException e) {
            // the database is unavailable: the object is safe and its extraction stays pending (extractPending)
            LOG.error("cannot extract from {}: the index is unavailable: {}; its derived data (dose, protocols,"
                    + " findings) follows when the registry next opens", instance.sopInstanceUid(), e.getMessage());
            return List.of(NOT_EXTRACTED + e.getMessage());
        }
    }

    /**
     * Runs the extractors on the instances whose extraction is pending (see {@link Hierarchy#markExtracted}): lost to
     * a crash or an unavailable database after they were acknowledged, or of a replaced copy. Reads their archived
     * files.
     *
     * @return how many instances were extracted
     */
    public int extractPending() {
        int done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<IndexedInstance> pending = index.read("find instances pending extraction",
                    c -> Hierarchy.extractionPending(c, from, 256));
            if (pending.isEmpty()) {
                return done;
            }
            for (IndexedInstance instance : pending) {
                after = instance.id(); // each instance once per call, even when its extraction stays pending
                Path file = archive.resolve(instance.filePath());
                DicomFile read;
                try {
                    read = DicomReader.read(file, HEADER);
                } catch (IOException | RuntimeException e) {
                    LOG.error("cannot read {} to extract {} again: {}", file, instance.sopInstanceUid(), e.toString());
                    index.inTransaction("record a finding for " + instance.sopInstanceUid(), c -> {
                        Findings.record(c, instance.id(), "ingest", List.of(Finding.of(Findings.Severity.ERROR,
                                "the archived file cannot be read to extract from it: " + e)), clock.millis());
                        Hierarchy.markExtracted(c, instance.id(), clock.millis());
                        return null;
                    });
                    continue;
                }
                List<String> found = extract(instance, new Parsed(read, read.dataset(), instance.sopInstanceUid(),
                        instance.objectClass()));
                if (found.size() == 1 && found.get(0).startsWith(NOT_EXTRACTED)) {
                    return done; // the database went away again: the rest stays pending
                }
                done++;
            }
        }
    }

    private static List<Finding> run(Extractor extractor, IndexedInstance instance, DicomObject dataset,
                                     java.sql.Connection c) throws java.sql.SQLException {
        try {
            return List.copyOf(extractor.extract(instance, dataset, c));
        } catch (java.sql.SQLException e) {
            String state = e.getSQLState();
            boolean busy = e.getErrorCode() == 5 || e.getErrorCode() == 6; // SQLITE_BUSY, SQLITE_LOCKED
            if (busy || state != null && (state.startsWith("08") || state.startsWith("40"))) {
                throw e; // the database's trouble, retried or reported by the transaction
            }
            throw new ExtractorFailure(e);
        } catch (Exception | StackOverflowError e) {
            throw new ExtractorFailure(e);
        }
    }

    /** Carries an extractor's own failure out of its transaction (which rolls back). */
    private static final class ExtractorFailure extends RuntimeException {
        ExtractorFailure(Throwable cause) {
            super(cause);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Preamble, "DICM" and File Meta Information for a data set received without them. */
    static byte[] part10Prefix(StoreRequest request, String callingAe) {
        DicomObject previous = new DicomObject();
        previous.putString(0x00020002, VR.UI, request.affectedSopClassUid());
        previous.putString(0x00020003, VR.UI, request.affectedSopInstanceUid());
        if (callingAe != null && !callingAe.isBlank()) {
            previous.putString(SENDING_AE, VR.AE, callingAe.trim());
        }
        if (request.calledAe() != null && !request.calledAe().isBlank()) {
            previous.putString(RECEIVING_AE, VR.AE, request.calledAe().trim());
        }
        TransferSyntax ts = request.transferSyntax();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            DicomWriter.writeFile(out, previous, new DicomObject(), ts, WriteOptions.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = out.toByteArray();
        int emptyDataset = DicomWriter.encode(new DicomObject(), ts, WriteOptions.DEFAULT).length;
        return java.util.Arrays.copyOf(all, all.length - emptyDataset);
    }

    private static String required(DicomObject ds, int tag, String name, Origin origin) throws IngestException {
        String v = ds.getString(tag, "").trim();
        if (v.isEmpty()) {
            throw new IngestException(IngestException.Reason.DATA_SET_DOES_NOT_MATCH_SOP_CLASS,
                    origin.source() + ": the data set has no " + name + ", which the index needs", null);
        }
        return v;
    }

    private static String withoutSource(DicomParseException e) {
        String m = e.getMessage();
        String prefix = e.source() + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return clock.millis();
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("cannot delete the temporary file {}: {}", p, e.toString());
        }
    }

    private record Parsed(DicomFile file, DicomObject dataset, String sopInstanceUid, ObjectClass objectClass) {
    }

    /** What the transaction decided: the outcome, the instance, whether the staged file was placed, extract? */
    private record Decision(IngestOutcome.Result result, IndexedInstance instance, boolean placed, boolean extract) {
    }

    /** Marks failures of the sender's stream, to tell them from failures writing the archive. */
    private static final class SourceStream extends FilterInputStream {
        boolean failed;

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }
}
