package org.kerma.registry.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.index.Level;

/** Builds C-FIND candidates: merges the stored attributes of an entity's levels and adds the computed ones. */
final class Candidates {
    private static final String UTF8 = "ISO_IR 192";

    private Candidates() {
    }

    /**
     * One data set from the levels' stored attributes, top level first. When the levels were stored in different
     * Specific Character Sets, text is re-encoded in UTF-8 so that one character set serves the whole response.
     */
    static DicomObject merge(List<DicomObject> levels) {
        String charset = null;
        boolean same = true;
        for (DicomObject level : levels) {
            String cs = String.join("\\", level.strings(Tag.SpecificCharacterSet));
            if (charset == null) {
                charset = cs;
            } else {
                same &= Objects.equals(charset, cs);
            }
        }
        DicomObject merged = new DicomObject();
        if (same) {
            for (DicomObject level : levels) {
                for (int i = 0; i < level.size(); i++) {
                    Level.copy(level, merged, level.tagAt(i));
                }
            }
            return merged;
        }
        merged.setString(Tag.SpecificCharacterSet, UTF8);
        for (DicomObject level : levels) {
            for (int i = 0; i < level.size(); i++) {
                int tag = level.tagAt(i);
                if (tag == Tag.SpecificCharacterSet) {
                    continue;
                }
                if (level.vrAt(i).charsetDependent() && level.valueAt(i) instanceof byte[]) {
                    merged.putString(tag, level.vrAt(i), level.strings(tag).toArray(String[]::new));
                } else {
                    Level.copy(level, merged, tag);
                }
            }
        }
        return merged;
    }

    /** Adds the attributes computed at {@code level} for entity {@code id} that {@code identifier} asks for. */
    static void addComputed(Connection c, Level level, long id, DicomObject identifier, DicomObject candidate)
            throws SQLException {
        switch (level) {
            case PATIENT -> {
                count(c, identifier, candidate, Tag.NumberOfPatientRelatedStudies,
                        "SELECT count(*) FROM study WHERE patient_fk = ?", id);
                count(c, identifier, candidate, Tag.NumberOfPatientRelatedSeries,
                        "SELECT count(*) FROM series se JOIN study st ON st.id = se.study_fk WHERE st.patient_fk = ?",
                        id);
                count(c, identifier, candidate, Tag.NumberOfPatientRelatedInstances, """
                        SELECT count(*) FROM instance i JOIN series se ON se.id = i.series_fk
                        JOIN study st ON st.id = se.study_fk WHERE st.patient_fk = ?""", id);
            }
            case STUDY -> {
                count(c, identifier, candidate, Tag.NumberOfStudyRelatedSeries,
                        "SELECT count(*) FROM series WHERE study_fk = ?", id);
                count(c, identifier, candidate, Tag.NumberOfStudyRelatedInstances,
                        "SELECT count(*) FROM instance i JOIN series se ON se.id = i.series_fk WHERE se.study_fk = ?",
                        id);
                list(c, identifier, candidate, Tag.ModalitiesInStudy, """
                        SELECT DISTINCT modality FROM series WHERE study_fk = ? AND modality IS NOT NULL
                        ORDER BY modality""", id);
                list(c, identifier, candidate, Tag.SOPClassesInStudy, """
                        SELECT DISTINCT i.sop_class_uid FROM instance i JOIN series se ON se.id = i.series_fk
                        WHERE se.study_fk = ? ORDER BY i.sop_class_uid""", id);
            }
            case SERIES -> count(c, identifier, candidate, Tag.NumberOfSeriesRelatedInstances,
                    "SELECT count(*) FROM instance WHERE series_fk = ?", id);
            case IMAGE -> {
            }
        }
    }

    private static void count(Connection c, DicomObject identifier, DicomObject candidate, int tag, String sql,
                              long id) throws SQLException {
        if (!identifier.contains(tag)) {
            return;
        }
        List<String> values = query(c, sql, id);
        candidate.setString(tag, values.get(0));
    }

    private static void list(Connection c, DicomObject identifier, DicomObject candidate, int tag, String sql, long id)
            throws SQLException {
        if (!identifier.contains(tag)) {
            return;
        }
        List<String> values = query(c, sql, id);
        if (!values.isEmpty()) {
            candidate.setString(tag, values.toArray(String[]::new));
        }
    }

    private static List<String> query(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
