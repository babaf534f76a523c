package org.kerma.dose.reference;

import java.util.List;

/**
 * A rule that raises an alert when a study's {@code quantity} is above {@code threshold} (canonical unit), for the
 * studies {@code match} selects and, when {@code device} is not empty, whose device text it is found in. With
 * {@code windowDays} > 0 the value is cumulative: the sum over the patient's studies dated within the last
 * {@code windowDays} days up to and including the study's date.
 *
 * @param name      stable name; alerts refer to the rule by it
 * @param device    case-insensitive regular expression on "manufacturer model serial station" (empty: any)
 * @param shipped   true for Kerma's defaults (to be reviewed locally), false for local rules
 * @param enabled   a disabled rule raises nothing
 */
public record AlertRule(String name, ExamMatch match, String device, DoseQuantity quantity, double threshold,
                        int windowDays, String source, boolean shipped, boolean enabled) {

    public AlertRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an alert rule needs a name");
        }
        if (windowDays < 0) {
            throw new IllegalArgumentException("rule " + name + ": window_days is negative (" + windowDays + ")");
        }
        device = ExamMatch.checked(device);
    }

    /** Whether the rule applies to {@code study} (modality, text patterns, device). */
    public boolean appliesTo(StudyExposure study) {
        return enabled && match.matches(study) && (device.isEmpty() || ExamMatch.found(device, study.devices()));
    }

    public boolean cumulative() {
        return windowDays > 0;
    }

    /** The rules of a data file (see {@code alert-rules-default.tsv}). */
    static List<AlertRule> from(DataTable t, boolean shipped) {
        return t.rows().stream().map(row -> {
            DoseQuantity q = DoseQuantity.of(row.get("quantity"))
                    .orElseThrow(() -> row.error("unknown quantity '" + row.get("quantity") + "'"));
            try {
                return new AlertRule(row.get("name"),
                        ExamMatch.of(row.optional("modality"), row.optional("match"), row.optional("exclude")),
                        row.optional("device"), q, Quantities.canonical(row.number("value"), row.get("unit"), q),
                        Integer.parseInt(row.get("window_days")), row.get("source"), shipped, true);
            } catch (IllegalArgumentException e) {
                throw row.error(e.getMessage());
            }
        }).toList();
    }
}
