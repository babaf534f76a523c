package org.kerma.registry.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dose.reference.AlertRule;
import org.kerma.dose.reference.AlertRules;
import org.kerma.dose.reference.Exceedance;
import org.kerma.dose.reference.ReferenceComparison;
import org.kerma.dose.reference.ReferenceLevels;
import org.kerma.dose.reference.ReferencePack;
import org.kerma.dose.reference.StudyExposure;
import org.kerma.registry.alert.ReferenceData.StoredPack;
import org.kerma.registry.index.Findings.Finding;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;

/**
 * "alerts": after the dose extractors, re-evaluates the study of each dose report and image from the dose tables:
 * replaces its {@code reference_comparison} rows (the packs valid at its date) and raises, updates or withdraws
 * its alerts. Idempotent: one alert per study and rule; a re-evaluation updates the value and threshold of an alert
 * and keeps its state, acknowledgement and comment; an OPEN alert whose rule the study no longer exceeds (a
 * cumulative report replaced an earlier one, a rule changed) is removed, an acknowledged one kept.
 *
 * <p>Cumulative rules sum the patient's studies dated within the window ending at this study's date, as they are
 * in the index when this study is evaluated (a study of the window arriving later does not re-evaluate this one).
 */
public final class AlertExtractor implements Extractor {
    private final Clock clock;

    public AlertExtractor(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public Set<ObjectClass> classes() {
        return Set.of(ObjectClass.DOSE_REPORT, ObjectClass.IMAGE);
    }

    /** Only the comparisons: alerts are keyed by Study Instance UID and keep their acknowledgements on reindex. */
    @Override
    public List<String> tables() {
        return List.of("reference_comparison");
    }

    @Override
    public List<Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) throws Exception {
        Optional<Long> study = studyKey(c, instance.studyInstanceUid());
        if (study.isPresent()) {
            evaluate(c, study.get(), clock.millis());
        }
        return List.of();
    }

    /** Re-evaluates the study with row id {@code study} (see the class comment). */
    static void evaluate(Connection c, long study, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE study SET study_instance_uid = study_instance_uid WHERE id = ?")) {
            ps.setLong(1, study);
            ps.executeUpdate();
        }
        Optional<StudyExposure> exposure = StudyExposures.of(c, study);
        if (exposure.isEmpty()) {
            return;
        }
        StudyExposure s = exposure.get();
        compare(c, study, s);
        List<AlertRule> rules = ReferenceData.rules(c);
        List<StudyExposure> history = rules.stream().anyMatch(AlertRule::cumulative)
                ? StudyExposures.patientStudies(c, study) : List.of();
        raise(c, s, AlertRules.evaluate(s, rules, history), now);
    }

    private static void compare(Connection c, long study, StudyExposure s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM reference_comparison WHERE study_fk = ?")) {
            ps.setLong(1, study);
            ps.executeUpdate();
        }
        List<StoredPack> stored = ReferenceData.packs(c);
        List<ReferencePack> packs = stored.stream().map(StoredPack::pack).toList();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reference_comparison (study_fk, level_fk, value,"
                + " ratio, exceeded) VALUES (?, ?, ?, ?, ?)")) {
            for (ReferenceComparison rc : ReferenceLevels.compare(s, packs)) {
                StoredPack sp = stored.get(packs.indexOf(rc.pack()));
                ps.setLong(1, study);
                ps.setLong(2, sp.levelIds().get(rc.pack().levels().indexOf(rc.level())));
                ps.setDouble(3, rc.value());
                ps.setDouble(4, rc.ratio());
                ps.setInt(5, rc.exceeded() ? 1 : 0);
                ps.executeUpdate();
            }
        }
    }

    private static void raise(Connection c, StudyExposure s, List<Exceedance> exceeded, long now) throws SQLException {
        List<String> names = new ArrayList<>();
        String date = s.studyDate().map(Object::toString).orElse(null);
        for (Exceedance e : exceeded) {
            names.add(e.rule().name());
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET value = ?, threshold = ?, quantity = ?,"
                    + " window_days = ?, study_date = ? WHERE study_instance_uid = ? AND rule_name = ?")) {
                ps.setDouble(1, e.value());
                ps.setDouble(2, e.rule().threshold());
                ps.setString(3, e.rule().quantity().name());
                ps.setInt(4, e.rule().windowDays());
                ps.setString(5, date);
                ps.setString(6, s.studyInstanceUid());
                ps.setString(7, e.rule().name());
                if (ps.executeUpdate() > 0) {
                    continue;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (study_instance_uid, study_date,"
                    + " rule_name, quantity, value, threshold, window_days, raised_at, state)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')")) {
                ps.setString(1, s.studyInstanceUid());
                ps.setString(2, date);
                ps.setString(3, e.rule().name());
                ps.setString(4, e.rule().quantity().name());
                ps.setDouble(5, e.value());
                ps.setDouble(6, e.rule().threshold());
                ps.setInt(7, e.rule().windowDays());
                ps.setLong(8, now);
                ps.executeUpdate();
            }
        }
        StringBuilder sql = new StringBuilder(
                "DELETE FROM alert WHERE study_instance_uid = ? AND state = 'OPEN'");
        if (!names.isEmpty()) {
            sql.append(" AND rule_name NOT IN (").append(String.join(", ", names.stream().map(n -> "?").toList()))
                    .append(")");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, s.studyInstanceUid());
            for (int i = 0; i < names.size(); i++) {
                ps.setString(i + 2, names.get(i));
            }
            ps.executeUpdate();
        }
    }

    private static Optional<Long> studyKey(Connection c, String uid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM study WHERE study_instance_uid = ?")) {
            ps.setString(1, uid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }
}
