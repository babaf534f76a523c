package org.kerma.dose.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The alert rules Kerma ships as defaults, and the evaluation of a study against rules. */
public final class AlertRules {
    private AlertRules() {
    }

    /** Kerma's default rules (SIR/NCRP SRDL, StrlSchV Anlage 14): defaults, to be reviewed locally. */
    public static List<AlertRule> defaults() {
        return AlertRule.from(DataTable.resource("alert-rules-default.tsv"), true);
    }

    /**
     * The rules {@code study} exceeds. A per-study rule compares the study's own value; a cumulative rule the sum
     * of the values of the patient's studies in its window ({@code patientStudies}, which may include
     * {@code study} itself; it is counted once), and only when the study has a date.
     */
    public static List<Exceedance> evaluate(StudyExposure study, List<AlertRule> rules,
                                            List<StudyExposure> patientStudies) {
        List<Exceedance> out = new ArrayList<>();
        for (AlertRule rule : rules) {
            if (!rule.appliesTo(study)) {
                continue;
            }
            OptionalDouble value = rule.cumulative() ? cumulative(study, rule, patientStudies)
                    : study.value(rule.quantity());
            if (value.isPresent() && value.getAsDouble() > rule.threshold()) {
                out.add(new Exceedance(rule, value.getAsDouble()));
            }
        }
        return out;
    }

    /** The sum of the quantity over the studies the rule applies to dated within its window ending at the study. */
    static OptionalDouble cumulative(StudyExposure study, AlertRule rule, List<StudyExposure> patientStudies) {
        if (study.studyDate().isEmpty() || study.value(rule.quantity()).isEmpty()) {
            return OptionalDouble.empty();
        }
        LocalDate end = study.studyDate().get();
        LocalDate start = end.minusDays(rule.windowDays() - 1L);
        double sum = study.value(rule.quantity()).getAsDouble();
        for (StudyExposure other : patientStudies) {
            if (other.studyInstanceUid().equals(study.studyInstanceUid()) || other.studyDate().isEmpty()
                    || !rule.appliesTo(other)) {
                continue;
            }
            LocalDate d = other.studyDate().get();
            if (!d.isBefore(start) && !d.isAfter(end)) {
                sum += other.value(rule.quantity()).orElse(0);
            }
        }
        return OptionalDouble.of(sum);
    }
}
