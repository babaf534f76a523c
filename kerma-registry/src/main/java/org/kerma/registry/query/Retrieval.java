package org.kerma.registry.query;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.index.Level;

/**
 * Resolves a C-MOVE or C-GET identifier to the archived instances to send (PS3.4 C.4.2.2.1, C.4.3.2.1): the
 * identifier names entities by their unique keys (Patient ID, Study, Series or SOP Instance UID, single values or
 * lists of UIDs) at its Query/Retrieve Level and, where given, above it; every instance under the named entities
 * is returned. Other keys are ignored. The unique key of the requested level must have a value, so an empty key can
 * never retrieve the whole archive.
 *
 * <p>Thread-safe.
 */
public final class Retrieval {

    /**
     * An instance to send.
     *
     * @param sopClassUid       SOP Class UID
     * @param sopInstanceUid    SOP Instance UID
     * @param transferSyntaxUid the transfer syntax of the archived file's data set
     * @param file              the archived Part 10 file
     */
    public record Target(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, Path file) {
    }

    private static final Map<Level, Integer> UNIQUE_KEYS = Map.of(Level.PATIENT, Tag.PatientID,
            Level.STUDY, Tag.StudyInstanceUID, Level.SERIES, Tag.SeriesInstanceUID, Level.IMAGE, Tag.SOPInstanceUID);

    private final IndexDatabase index;
    private final Archive archive;

    public Retrieval(IndexDatabase index, Archive archive) {
        this.index = index;
        this.archive = archive;
    }

    /**
     * The instances {@code identifier} names under {@code model}, by study, series and instance order.
     *
     * @throws QueryException 0xA900 when the level is missing or foreign to the model, when the unique key of the
     *                        level has no value, or when a unique key holds a wildcard; 0xC000 when the index fails
     */
    public List<Target> targets(QueryModel model, DicomObject identifier) {
        try {
            return find(model, identifier);
        } catch (QueryException e) {
            throw e;
        } catch (RuntimeException e) { // a unique key whose value cannot be read as text
            throw new QueryException(QueryException.IDENTIFIER_DOES_NOT_MATCH,
                    "the identifier has a key that cannot be matched: " + e.getMessage(), e);
        }
    }

    private List<Target> find(QueryModel model, DicomObject identifier) {
        Level level = QueryEngine.levelOf(model, identifier);
        DicomObject keys = new DicomObject();
        Level.copy(identifier, keys, Tag.SpecificCharacterSet);
        for (Map.Entry<Level, Integer> unique : UNIQUE_KEYS.entrySet()) {
            int tag = unique.getValue();
            if (unique.getKey().ordinal() > level.ordinal() || !identifier.contains(tag)) {
                continue;
            }
            for (String v : identifier.strings(tag)) {
                if (Matching.hasWildcard(v)) {
                    throw new QueryException(QueryException.IDENTIFIER_DOES_NOT_MATCH, "the unique key "
                            + describe(tag) + " holds the wildcard value '" + v + "', which retrieval does not allow",
                            null);
                }
            }
            Level.copy(identifier, keys, tag);
            if (tag == Tag.PatientID) {
                Level.copy(identifier, keys, Tag.IssuerOfPatientID);
            }
        }
        int required = UNIQUE_KEYS.get(level);
        if (keys.strings(required).isEmpty()) {
            throw new QueryException(QueryException.IDENTIFIER_DOES_NOT_MATCH, "a " + level + " level retrieval"
                    + " needs a value in " + describe(required), null);
        }
        SqlFilter filter = SqlFilter.of(keys, Level.IMAGE);
        String sql = """
                SELECT i.sop_class_uid, i.sop_instance_uid, i.transfer_syntax_uid, i.file_path
                FROM instance i JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk
                JOIN patient p ON p.id = st.patient_fk""" + filter.where() + " ORDER BY st.id, se.id, i.id";
        try {
            return index.read("find instances to retrieve", c -> {
                List<Target> targets = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < filter.parameters.size(); i++) {
                        ps.setString(i + 1, filter.parameters.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            targets.add(new Target(rs.getString(1), rs.getString(2), rs.getString(3),
                                    archive.resolve(rs.getString(4))));
                        }
                    }
                }
                return targets;
            });
        } catch (org.kerma.registry.index.IndexException e) {
            throw new QueryException(QueryException.UNABLE_TO_PROCESS, e.getMessage(), e);
        }
    }

    private static String describe(int tag) {
        return org.kerma.dicom.ElementDictionary.standard().describe(tag);
    }
}
