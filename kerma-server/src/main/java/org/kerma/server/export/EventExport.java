package org.kerma.server.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.kerma.registry.dose.DoseAnswers;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.StudyFilter;

/**
 * The irradiation events of the studies of the list, one row per event (the events the Study page shows: those of
 * the standing dose reports, or of the image headers when a study has no report), with the study's filters applied:
 * what {@code /api/exports/events.csv|.xlsx} and {@code kerma export --level event} write. Studies are read one at a
 * time, so the export runs in constant memory whatever the number of studies. Values in the units named in the
 * column headers; empty when absent. Patient columns only with patient identifiers.
 */
public final class EventExport {
    private final Browse browse;
    private final DoseQueries dose;

    public EventExport(Browse browse, DoseQueries dose) {
        this.browse = browse;
        this.dose = dose;
    }

    /** The header row. */
    public static List<String> header(boolean patientIdentifiers) {
        List<String> h = new ArrayList<>(List.of("Study Date", "Accession Number"));
        if (patientIdentifiers) {
            h.addAll(List.of("Patient ID", "Patient Name"));
        }
        h.addAll(List.of("Study Instance UID", "Event start", "Event type", "Acquisition plane", "Protocol",
                "Target region", "kVp (kV)", "Tube current (mA)", "Exposure time (ms)", "Pulses (count)",
                "Irradiation duration (s)", "DAP (Gy·cm²)", "RP air kerma (mGy)", "Primary angle (deg)",
                "Secondary angle (deg)", "SID (mm)", "Collimated field area (cm²)", "CTDIvol (mGy)", "DLP (mGy·cm)",
                "Linked images (count)", "Link methods", "Irradiation Event UID", "Dose report SOP Instance UID"));
        return h;
    }

    /**
     * Writes the events of the studies matching {@code filter} to {@code out} (left open).
     *
     * @return how many events were written
     */
    public long write(StudyFilter filter, ExportFormat format, boolean patientIdentifiers, OutputStream out)
            throws IOException {
        long[] rows = {0};
        try (TableWriter table = TableWriter.open(format, out, "Events", header(patientIdentifiers))) {
            try {
                browse.eachStudy(filter, study -> dose.study(study.studyInstanceUid()).ifPresent(d -> {
                    for (DoseAnswers.Event e : d.events()) {
                        try {
                            table.row(row(study, e, patientIdentifiers));
                        } catch (IOException x) {
                            throw new UncheckedIOException(x);
                        }
                        rows[0]++;
                    }
                }));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return rows[0];
    }

    private static List<Object> row(Browse.Study s, DoseAnswers.Event e, boolean patientIdentifiers) {
        List<Object> row = new ArrayList<>();
        row.add(StudyExport.date(s.studyDate()));
        row.add(s.accessionNumber());
        if (patientIdentifiers) {
            row.add(s.patientId());
            row.add(s.patientName());
        }
        row.add(s.studyInstanceUid());
        row.add(e.startedAt() == null ? null : e.startedAt().replace('T', ' '));
        row.add(meaning(e.type()));
        row.add(meaning(e.plane()));
        row.add(e.protocol());
        row.add(meaning(e.targetRegion()));
        row.add(e.kvpKv());
        row.add(e.tubeCurrentMa());
        row.add(Units.scaled(e.exposureTimeS(), Units.S_TO_MS));
        row.add(e.pulses());
        row.add(e.irradiationDurationS());
        row.add(Units.scaled(e.dapGym2(), Units.GYM2_TO_GYCM2));
        row.add(Units.scaled(e.rpAirKermaGy(), Units.GY_TO_MGY));
        row.add(e.primaryAngleDeg());
        row.add(e.secondaryAngleDeg());
        row.add(e.sidMm());
        row.add(Units.scaled(e.collimatedFieldAreaM2(), Units.M2_TO_CM2));
        row.add(e.ctdiVolMGy());
        row.add(e.dlpMGyCm());
        row.add(e.images().size());
        row.add(String.join(" ", e.images().stream().map(DoseAnswers.LinkedImage::method).distinct().toList()));
        row.add(e.eventUid());
        row.add(e.reportSopInstanceUid());
        return row;
    }

    private static String meaning(DoseAnswers.Coded code) {
        return code == null ? null : code.meaning() != null && !code.meaning().isEmpty() ? code.meaning()
                : code.code() + " (" + code.scheme() + ")";
    }
}
