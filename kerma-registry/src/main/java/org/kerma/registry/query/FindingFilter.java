package org.kerma.registry.query;

import java.util.Locale;
import org.kerma.registry.index.Findings;

/**
 * Which findings to list, and which page of them. Null fields do not filter.
 *
 * @param severity what severity (ERROR, WARNING, INFO)
 * @param source   what found them: an extractor's name, e.g. {@code validation}
 * @param modality the Modality of the instance's series (CT, DX, SR, ...)
 * @param dateFrom first Study Date, YYYYMMDD, inclusive
 * @param dateTo   last Study Date, YYYYMMDD, inclusive
 * @param offset   how many matching findings to skip (newest first)
 * @param limit    how many to return, 1 to 1000
 */
public record FindingFilter(Findings.Severity severity, String source, String modality, String dateFrom,
                            String dateTo, int offset, int limit) {

    public FindingFilter {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be at least 0 and limit 1 to 1000, were " + offset + " and "
                    + limit);
        }
        for (String date : new String[] {dateFrom, dateTo}) {
            if (date != null && !date.matches("\\d{8}")) {
                throw new IllegalArgumentException("a date must be YYYYMMDD, was '" + date + "'");
            }
        }
    }

    /** Every finding, first page of 50. */
    public static FindingFilter all() {
        return new FindingFilter(null, null, null, null, null, 0, 50);
    }

    /** A severity named as text (any case); null or blank is none. */
    public static Findings.Severity severity(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Findings.Severity.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity must be ERROR, WARNING or INFO, was '" + text + "'");
        }
    }
}
