package org.kerma.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.net.Status;
import org.kerma.net.StatusException;
import org.kerma.net.service.CFindHandler;
import org.kerma.net.service.CGetHandler;
import org.kerma.net.service.CMoveHandler;
import org.kerma.net.service.CStoreHandler;
import org.kerma.net.service.FindRequest;
import org.kerma.net.service.Instance;
import org.kerma.net.service.RetrieveRequest;
import org.kerma.net.service.StoreRequest;
import org.kerma.registry.Registry;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.IndexException;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.ingest.IngestException;
import org.kerma.registry.ingest.Origin;
import org.kerma.registry.query.QueryEngine;
import org.kerma.registry.query.QueryException;
import org.kerma.registry.query.QueryModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DICOM services of a Kerma node, answered from its registry: C-STORE into the ingest pipeline, C-FIND through
 * the query engine, C-MOVE and C-GET from the archive. Thread-safe: each association calls it on its own thread.
 */
final class RegistryServices implements CStoreHandler, CFindHandler, CMoveHandler, CGetHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryServices.class);

    private final Registry registry;
    private final QueryEngine query;

    RegistryServices(Registry registry, String aeTitle) {
        this.registry = registry;
        this.query = new QueryEngine(registry.index(), aeTitle);
    }

    /**
     * C-STORE (PS3.4 B.2.3): Success only once {@code Ingest} returned, that is once the file is forced to disk under
     * its archive name and the index row is committed; duplicates are Success too (kept or knowingly set aside).
     * Failures: 0xA700 when the disk or the database fails (the sender should retry), 0xA900 when the data set's
     * UIDs do not match the request, 0xC000 when it cannot be read.
     */
    @Override
    public Status store(StoreRequest request, InputStream dataSet) {
        var what = new org.kerma.registry.ingest.StoreRequest(request.sopClassUid(), request.sopInstanceUid(),
                request.transferSyntax(), request.association().calledAe());
        Origin origin = Origin.association(request.callingAe(), "association " + request.association().name()
                + ", message " + request.messageId() + " (SOP Instance " + request.sopInstanceUid() + ")");
        try {
            registry.ingest().storeDataset(dataSet, what, origin);
            return Status.SUCCESS;
        } catch (IngestException e) {
            LOG.warn("C-STORE refused with {}: {}", Status.of(e.reason().status()), e.getMessage());
            throw new StatusException(Status.of(e.reason().status()), e.getMessage());
        } catch (IndexException e) {
            LOG.warn("C-STORE refused, index unavailable: {}", e.getMessage());
            throw new StatusException(Status.OUT_OF_RESOURCES, e.getMessage());
        }
    }

    /** C-FIND (PS3.4 C.4.1) through the query engine; its failures become their status (0xA900, 0xC000). */
    @Override
    public Stream<DicomObject> find(FindRequest request) {
        QueryModel model = QueryModel.ofFindSopClass(request.sopClassUid()).orElseThrow(() -> new StatusException(
                Status.SOP_CLASS_NOT_SUPPORTED, "no query model " + request.sopClassUid()));
        try {
            return query.find(model, request.identifier());
        } catch (QueryException e) {
            throw new StatusException(Status.of(e.status()), e.getMessage());
        }
    }

    /**
     * C-MOVE and C-GET (PS3.4 C.4.2, C.4.3): the instances under the unique keys of the identifier, down to the
     * requested level. The key of the requested level is required (0xA900 without it); keys of the levels above are
     * used when present.
     */
    @Override
    public List<Instance> retrieve(RetrieveRequest request) throws IOException {
        QueryModel model = retrieveModel(request.sopClassUid());
        DicomObject keys = request.identifier();
        String level = keys.getString(Tag.QueryRetrieveLevel, "").trim();
        String uniqueKey = switch (level) {
            case "PATIENT" -> "Patient ID (0010,0020)";
            case "STUDY" -> "Study Instance UID (0020,000D)";
            case "SERIES" -> "Series Instance UID (0020,000E)";
            case "IMAGE" -> "SOP Instance UID (0008,0018)";
            default -> throw new StatusException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "Query/Retrieve Level '" + level + "' is not one of PATIENT, STUDY, SERIES, IMAGE");
        };
        if (model == QueryModel.STUDY_ROOT && level.equals("PATIENT")) {
            throw new StatusException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "the Study Root model has no PATIENT level");
        }
        int keyTag = switch (level) {
            case "PATIENT" -> Tag.PatientID;
            case "STUDY" -> Tag.StudyInstanceUID;
            case "SERIES" -> Tag.SeriesInstanceUID;
            default -> Tag.SOPInstanceUID;
        };
        if (String.join("", keys.strings(keyTag)).isBlank()) {
            throw new StatusException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "a " + level + " level retrieve needs its unique key " + uniqueKey);
        }
        DicomObject images = new DicomObject();
        images.setString(Tag.QueryRetrieveLevel, "IMAGE");
        for (int tag : new int[] {Tag.PatientID, Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID}) {
            List<String> values = keys.strings(tag);
            if (!String.join("", values).isBlank()) {
                images.setString(tag, values.toArray(String[]::new));
            } else {
                images.setString(tag, "");
            }
        }
        List<String> uids = new ArrayList<>();
        try (Stream<DicomObject> matches = query.find(model, images)) {
            matches.forEach(m -> uids.add(m.getString(Tag.SOPInstanceUID, "")));
        } catch (QueryException e) {
            throw new StatusException(Status.of(e.status()), e.getMessage());
        }
        List<Instance> instances = new ArrayList<>(uids.size());
        for (String uid : uids) {
            Optional<IndexedInstance> row = registry.index().read("find instance " + uid,
                    c -> Hierarchy.find(c, uid));
            if (row.isPresent()) {
                instances.add(archived(row.get(), registry.archive().resolve(row.get().filePath())));
            }
        }
        LOG.info("{}: {} {} matched {} instance(s)", request.association().name(),
                request.destination().isEmpty() ? "C-GET" : "C-MOVE to " + request.destination(), level,
                instances.size());
        return instances;
    }

    /**
     * The archived file of an indexed instance, ready to send. The data set's offset comes from File Meta
     * Information Group Length (0002,0000), read from the first 144 bytes (PS3.10 7.1: preamble, "DICM", then that
     * element in Explicit VR Little Endian), and the rest from the index, so a retrieve of many instances does not
     * parse every header; a file without that element is read the long way.
     */
    static Instance archived(IndexedInstance row, Path file) throws IOException {
        byte[] head = new byte[144];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        Optional<TransferSyntax> ts = TransferSyntax.find(row.transferSyntaxUid());
        boolean groupLengthFirst = n == head.length && head[128] == 'D' && head[129] == 'I' && head[130] == 'C'
                && head[131] == 'M' && b.getShort(132) == 0x0002 && b.getShort(134) == 0x0000 && head[136] == 'U'
                && head[137] == 'L' && b.getShort(138) == 4;
        if (groupLengthFirst && ts.isPresent()) {
            long offset = 144 + Integer.toUnsignedLong(b.getInt(140));
            if (offset <= Files.size(file)) {
                return new Instance(row.sopClassUid(), row.sopInstanceUid(), ts.get(), file, offset, null);
            }
        }
        return Instance.ofFile(file);
    }

    private static QueryModel retrieveModel(String sopClassUid) {
        return switch (sopClassUid) {
            case Uid.PatientRootQueryRetrieveInformationModelMove, Uid.PatientRootQueryRetrieveInformationModelGet ->
                    QueryModel.PATIENT_ROOT;
            case Uid.StudyRootQueryRetrieveInformationModelMove, Uid.StudyRootQueryRetrieveInformationModelGet ->
                    QueryModel.STUDY_ROOT;
            default -> throw new StatusException(Status.SOP_CLASS_NOT_SUPPORTED, "no retrieve model " + sopClassUid);
        };
    }
}
