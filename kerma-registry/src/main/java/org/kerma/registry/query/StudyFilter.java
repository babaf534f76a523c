package org.kerma.registry.query;

/**
 * Which studies to list, and which page of them. Null fields do not filter.
 *
 * @param patientId       Patient ID, exactly
 * @param dateFrom        first Study Date, YYYYMMDD, inclusive
 * @param dateTo          last Study Date, YYYYMMDD, inclusive
 * @param modality        a modality some series of the study has (CT, DX, SR, ...)
 * @param accessionNumber Accession Number, exactly
 * @param offset          how many matching studies to skip (newest first)
 * @param limit           how many to return, 1 to 1000
 * @param minDapGym2      least dose area product of the study, Gy·m² (its dose summary)
 * @param minDlpMGyCm     least dose length product of the study, mGy·cm (its dose summary)
 * @param deviceId        the id of a device (as listed by {@link Browse#devices()}) one of the study's series came
 *                        from
 */
public record StudyFilter(String patientId, String dateFrom, String dateTo, String modality, String accessionNumber,
                          int offset, int limit, Double minDapGym2, Double minDlpMGyCm, Long deviceId) {

    /**
     * A Study Date as typed by a user, {@code YYYY-MM-DD} or {@code YYYYMMDD}, in the index's form {@code YYYYMMDD};
     * null or blank gives null (no bound).
     *
     * @throws IllegalArgumentException for any other form, naming it
     */
    public static String studyDate(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String v = typed.trim();
        if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return v.replace("-", "");
        }
        if (v.matches("\\d{8}")) {
            return v;
        }
        throw new IllegalArgumentException("a date must be YYYY-MM-DD or YYYYMMDD, was '" + typed + "'");
    }

    /** A filter without dose thresholds. */
    public StudyFilter(String patientId, String dateFrom, String dateTo, String modality, String accessionNumber,
                       int offset, int limit) {
        this(patientId, dateFrom, dateTo, modality, accessionNumber, offset, limit, null, null, null);
    }

    /** This filter with dose thresholds (null: none). */
    public StudyFilter withMinimumDose(Double dapGym2, Double dlpMGyCm) {
        return new StudyFilter(patientId, dateFrom, dateTo, modality, accessionNumber, offset, limit, dapGym2,
                dlpMGyCm, deviceId);
    }

    /** This filter limited to studies with a series from this device (null: any). */
    public StudyFilter withDevice(Long device) {
        return new StudyFilter(patientId, dateFrom, dateTo, modality, accessionNumber, offset, limit, minDapGym2,
                minDlpMGyCm, device);
    }

    public StudyFilter {
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
}
