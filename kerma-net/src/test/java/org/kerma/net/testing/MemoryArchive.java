package org.kerma.net.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;

import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.net.Status;
import org.kerma.net.service.CFindHandler;
import org.kerma.net.service.CGetHandler;
import org.kerma.net.service.CMoveHandler;
import org.kerma.net.service.CStoreHandler;
import org.kerma.net.service.FindRequest;
import org.kerma.net.service.Instance;
import org.kerma.net.service.RetrieveRequest;
import org.kerma.net.service.StoreRequest;

/**
 * An in-memory archive for tests: stores what it receives, answers C-FIND at STUDY and IMAGE level with exact
 * matching on Patient ID, Study Instance UID and SOP Instance UID (empty keys match all), and retrieves the same.
 */
public final class MemoryArchive implements CStoreHandler, CFindHandler, CMoveHandler, CGetHandler {

    private final Map<String, DicomObject> instances = new ConcurrentHashMap<>();

    public void add(DicomObject d) {
        instances.put(d.getString(Tag.SOPInstanceUID, ""), d);
    }

    public Map<String, DicomObject> instances() {
        return instances;
    }

    @Override
    public Status store(StoreRequest request, InputStream dataSet) throws IOException {
        DicomObject d = DicomReader.readDataset(dataSet, request.sopInstanceUid(), request.transferSyntax(),
                ReadOptions.DEFAULT);
        instances.put(request.sopInstanceUid(), d);
        return Status.SUCCESS;
    }

    @Override
    public Stream<DicomObject> find(FindRequest request) {
        DicomObject keys = request.identifier();
        String level = keys.getString(Tag.QueryRetrieveLevel, "STUDY");
        List<DicomObject> matches = matching(keys);
        if (level.equals("STUDY")) {
            return matches.stream().map(d -> d.getString(Tag.StudyInstanceUID, "")).distinct()
                    .map(uid -> matches.stream().filter(d -> d.getString(Tag.StudyInstanceUID, "").equals(uid))
                            .findFirst().orElseThrow())
                    .map(d -> answer(keys, d, level));
        }
        return matches.stream().map(d -> answer(keys, d, level));
    }

    private List<DicomObject> matching(DicomObject keys) {
        return instances.values().stream()
                .filter(d -> matches(keys, d, Tag.PatientID) && matches(keys, d, Tag.StudyInstanceUID)
                        && matches(keys, d, Tag.SOPInstanceUID))
                .sorted(java.util.Comparator.comparing(d -> d.getString(Tag.SOPInstanceUID, "")))
                .toList();
    }

    private static boolean matches(DicomObject keys, DicomObject d, int tag) {
        String key = keys.getString(tag, "");
        return key.isEmpty() || key.equals(d.getString(tag, ""));
    }

    private static DicomObject answer(DicomObject keys, DicomObject d, String level) {
        DicomObject a = new DicomObject();
        a.setString(Tag.QueryRetrieveLevel, level);
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag != Tag.QueryRetrieveLevel && d.contains(tag)) {
                a.put(tag, d.vrAt(d.indexOf(tag)), d.valueAt(d.indexOf(tag)));
            } else if (tag != Tag.QueryRetrieveLevel) {
                a.put(tag, keys.vrAt(i), keys.valueAt(i));
            }
        }
        return a;
    }

    @Override
    public List<Instance> retrieve(RetrieveRequest request) {
        return matching(request.identifier()).stream().map(Instance::of).toList();
    }

}
