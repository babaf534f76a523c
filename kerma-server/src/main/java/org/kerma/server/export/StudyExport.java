package org.kerma.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.kerma.registry.dose.DoseAnswers;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.StudyFilter;

/**
 * The study list as a table, one row per study, with the filters of the list applied (its paging ignored): what
 * {@code /api/exports/studies.csv|.xlsx} and {@code kerma export --level study} write. Without patient identifiers
 * the Patient ID and Patient Name columns are left out altogether. Dates are YYYY-MM-DD; dose values in the display
 * units named in their column headers (DAP Gy·cm², air kerma mGy), empty when absent.
 */
public final class StudyExport {
    private final Browse browse;

    public StudyExport(Browse browse) {
        this.browse = browse;
    }

    /** The header row. */
    public static List<String> header(boolean patientIdentifiers) {
        List<String> h = new ArrayList<>(List.of("Study Date", "Study Time", "Accession Number", "Study ID",
                "Study Description"));
        if (patientIdentifiers) {
            h.addAll(List.of("Patient ID", "Patient Name"));
        }
        h.addAll(List.of("Modalities", "Series (count)", "Instances (count)", "DAP (Gy·cm²)", "RP air kerma (mGy)",
                "Fluoro time (s)", "DLP (mGy·cm)", "CTDIvol max (mGy)", "Irradiation events (count)",
                "Study Instance UID"));
        return h;
    }

    /**
     * Writes the studies matching {@code filter} to {@code out} (left open).
     *
     * @return how many studies were written
     */
    public long write(StudyFilter filter, ExportFormat format, boolean patientIdentifiers, OutputStream out)
            throws IOException {
        try (TableWriter table = TableWriter.open(format, out, "Studies", header(patientIdentifiers))) {
            try {
                return browse.eachStudy(filter, study -> {
                    try {
                        table.row(row(study, patientIdentifiers));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static List<Object> row(Browse.Study s, boolean patientIdentifiers) {
        List<Object> row = new ArrayList<>(List.of(date(s.studyDate()), time(s.studyTime())));
        row.add(s.accessionNumber());
        row.add(s.studyId());
        row.add(s.studyDescription());
        if (patientIdentifiers) {
            row.add(s.patientId());
            row.add(s.patientName());
        }
        row.add(String.join(" ", s.modalities()));
        row.add(s.series());
        row.add(s.instances());
        DoseAnswers.Summary dose = s.dose() == null ? DoseAnswers.Summary.NONE : s.dose();
        row.add(Units.scaled(dose.dapGym2(), Units.GYM2_TO_GYCM2));
        row.add(Units.scaled(dose.rpAirKermaGy(), Units.GY_TO_MGY));
        row.add(dose.fluoroTimeS());
        row.add(dose.dlpMGyCm());
        row.add(dose.ctdiVolMaxMGy());
        row.add(dose.eventCount());
        row.add(s.studyInstanceUid());
        return row;
    }

    /** YYYYMMDD as YYYY-MM-DD; anything else as it is. */
    public static String date(String d) {
        return d != null && d.matches("\\d{8}") ? d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6)
                : d == null ? "" : d;
    }

    /** HHMMSS[.F] as HH:MM:SS; anything else as it is. */
    static String time(String t) {
        return t != null && t.matches("\\d{6}(\\.\\d*)?") ? t.substring(0, 2) + ":" + t.substring(2, 4) + ":"
                + t.substring(4, 6) : t == null ? "" : t;
    }
}
