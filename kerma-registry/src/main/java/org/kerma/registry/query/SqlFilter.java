package org.kerma.registry.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.Level;

/**
 * Turns the keys of a C-FIND identifier into SQL conditions on the index's indexed columns. The conditions only
 * narrow the candidates: every row that {@link Matching} would accept passes them (so SQLite's case-insensitive
 * LIKE is harmless), and {@link Matching} then decides. Keys it cannot express (several values, wildcards in
 * dates, attributes without a column) add no condition.
 */
final class SqlFilter {

    private enum Kind { TEXT, NAME, DATE, UID }

    private record Column(Level level, String sql, Kind kind) {
    }

    private static final Map<Integer, Column> COLUMNS = Map.ofEntries(
            Map.entry(Tag.PatientID, new Column(Level.PATIENT, "p.patient_id", Kind.TEXT)),
            Map.entry(Tag.IssuerOfPatientID, new Column(Level.PATIENT, "p.issuer_of_patient_id", Kind.TEXT)),
            Map.entry(Tag.PatientName, new Column(Level.PATIENT, "p.patient_name_norm", Kind.NAME)),
            Map.entry(Tag.PatientBirthDate, new Column(Level.PATIENT, "p.birth_date", Kind.DATE)),
            Map.entry(Tag.PatientSex, new Column(Level.PATIENT, "p.sex", Kind.TEXT)),
            Map.entry(Tag.StudyInstanceUID, new Column(Level.STUDY, "st.study_instance_uid", Kind.UID)),
            Map.entry(Tag.StudyDate, new Column(Level.STUDY, "st.study_date", Kind.DATE)),
            Map.entry(Tag.AccessionNumber, new Column(Level.STUDY, "st.accession_number", Kind.TEXT)),
            Map.entry(Tag.StudyID, new Column(Level.STUDY, "st.study_id", Kind.TEXT)),
            Map.entry(Tag.ReferringPhysicianName, new Column(Level.STUDY, "st.referring_physician_norm", Kind.NAME)),
            Map.entry(Tag.StudyDescription, new Column(Level.STUDY, "st.study_description", Kind.TEXT)),
            Map.entry(Tag.SeriesInstanceUID, new Column(Level.SERIES, "se.series_instance_uid", Kind.UID)),
            Map.entry(Tag.Modality, new Column(Level.SERIES, "se.modality", Kind.TEXT)),
            Map.entry(Tag.SeriesDate, new Column(Level.SERIES, "se.series_date", Kind.DATE)),
            Map.entry(Tag.SeriesDescription, new Column(Level.SERIES, "se.series_description", Kind.TEXT)),
            Map.entry(Tag.BodyPartExamined, new Column(Level.SERIES, "se.body_part_examined", Kind.TEXT)),
            Map.entry(Tag.SOPInstanceUID, new Column(Level.IMAGE, "i.sop_instance_uid", Kind.UID)),
            Map.entry(Tag.SOPClassUID, new Column(Level.IMAGE, "i.sop_class_uid", Kind.UID)),
            Map.entry(Tag.ContentDate, new Column(Level.IMAGE, "i.content_date", Kind.DATE)));

    private static final int MAX_LIST = 500;

    final List<String> conditions = new ArrayList<>();
    final List<String> parameters = new ArrayList<>();

    /** The conditions for the keys of {@code identifier} at {@code level} and above. */
    static SqlFilter of(DicomObject identifier, Level level) {
        SqlFilter filter = new SqlFilter();
        for (int i = 0; i < identifier.size(); i++) {
            int tag = identifier.tagAt(i);
            Column column = COLUMNS.get(tag);
            if (column != null && column.level.ordinal() <= level.ordinal()) {
                filter.add(column, identifier.strings(tag));
            } else if (tag == Tag.ModalitiesInStudy && level == Level.STUDY) {
                filter.addModalitiesInStudy(identifier.strings(tag));
            }
        }
        return filter;
    }

    private void add(Column column, List<String> values) {
        if (values.isEmpty() || values.size() == 1 && (values.get(0).isEmpty() || values.get(0).equals("*")
                || values.get(0).equals("\"\""))) {
            return;
        }
        if (column.kind == Kind.UID) {
            if (values.size() <= MAX_LIST) {
                conditions.add(column.sql + " IN (" + "?, ".repeat(values.size() - 1) + "?)");
                values.forEach(v -> parameters.add(v.trim()));
            }
            return;
        }
        if (values.size() != 1) {
            return;
        }
        String v = values.get(0).trim();
        switch (column.kind) {
            case DATE -> addDate(column.sql, v);
            case NAME -> addText(column.sql, Hierarchy.normalizeName(v));
            default -> addText(column.sql, v);
        }
    }

    private void addText(String column, String value) {
        if (Matching.hasWildcard(value)) {
            conditions.add(column + " LIKE ? ESCAPE '\\'");
            parameters.add(likePattern(value));
        } else {
            conditions.add(column + " = ?");
            parameters.add(value);
        }
    }

    private void addDate(String column, String value) {
        String v = Matching.date(value);
        int dash = v.indexOf('-');
        if (dash < 0) {
            conditions.add(column + " = ?");
            parameters.add(v);
            return;
        }
        String from = v.substring(0, dash).trim();
        String to = v.substring(dash + 1).trim();
        if (!from.isEmpty()) {
            conditions.add(column + " >= ?");
            parameters.add(from);
        }
        if (!to.isEmpty()) {
            conditions.add(column + " <= ?");
            parameters.add(to);
        }
    }

    private void addModalitiesInStudy(List<String> values) {
        if (values.isEmpty() || values.stream().anyMatch(v -> v.isEmpty() || Matching.hasWildcard(v)
                || v.equals("\"\""))) {
            return;
        }
        conditions.add("EXISTS (SELECT 1 FROM series x WHERE x.study_fk = st.id AND x.modality IN ("
                + "?, ".repeat(values.size() - 1) + "?))");
        values.forEach(v -> parameters.add(v.trim()));
    }

    /** A LIKE pattern for a DICOM wildcard value: '*' to '%', '?' to '_', LIKE's own characters escaped. */
    static String likePattern(String value) {
        StringBuilder out = new StringBuilder();
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '*' -> out.append('%');
                case '?' -> out.append('_');
                case '%', '_', '\\' -> out.append('\\').append(ch);
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** {@code WHERE ...} or the empty string. */
    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
