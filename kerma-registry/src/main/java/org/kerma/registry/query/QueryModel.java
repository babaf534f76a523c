package org.kerma.registry.query;

import java.util.List;
import org.kerma.dicom.Uid;
import org.kerma.registry.index.Level;

/** The Query/Retrieve information models Kerma answers (PS3.4 C.6.1 and C.6.2). */
public enum QueryModel {
    /** Patient Root: PATIENT, STUDY, SERIES, IMAGE (PS3.4 C.6.1). */
    PATIENT_ROOT(Uid.PatientRootQueryRetrieveInformationModelFind,
            List.of(Level.PATIENT, Level.STUDY, Level.SERIES, Level.IMAGE)),
    /** Study Root: STUDY (with the patient's attributes), SERIES, IMAGE (PS3.4 C.6.2). */
    STUDY_ROOT(Uid.StudyRootQueryRetrieveInformationModelFind, List.of(Level.STUDY, Level.SERIES, Level.IMAGE));

    private final String findSopClassUid;
    private final List<Level> levels;

    QueryModel(String findSopClassUid, List<Level> levels) {
        this.findSopClassUid = findSopClassUid;
        this.levels = levels;
    }

    /** The C-FIND SOP Class UID of this model. */
    public String findSopClassUid() {
        return findSopClassUid;
    }

    /** The levels of this model, top first. */
    public List<Level> levels() {
        return levels;
    }

    /** The model whose C-FIND SOP Class UID this is, if Kerma answers it. */
    public static java.util.Optional<QueryModel> ofFindSopClass(String uid) {
        for (QueryModel m : values()) {
            if (m.findSopClassUid.equals(uid)) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }
}
