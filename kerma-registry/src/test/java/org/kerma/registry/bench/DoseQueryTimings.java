package org.kerma.registry.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.StudyFilter;
import org.kerma.registry.dose.DoseQueries;

/**
 * Latency of the dose queries with a million irradiation events: {@code /api/studies/{uid}/dose},
 * {@code /api/patients/{id}/dose} and the study list with its dose summary (unfiltered and filtered by DAP), p50
 * and p95. The tables are filled in bulk with SQL batches (not through ingest): 2,000 patients of 10 studies each,
 * each study with one dose report of 50 events (DAP, RP air kerma, kV, start), 10 images linked to its first 10
 * events, accumulated dose and a dose summary, then ANALYZE. Run by {@code bench/dose-queries.sh}; arguments: JDBC URL, events.
 */
public final class DoseQueryTimings {
    private static final int EVENTS_PER_STUDY = 50;
    private static final int IMAGES_PER_STUDY = 10;
    private static final int STUDIES_PER_PATIENT = 10;
    private static final int QUERIES = 300;

    private DoseQueryTimings() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int events = Integer.parseInt(args[1]);
        int studies = events / EVENTS_PER_STUDY;
        try (IndexDatabase index = IndexDatabase.open(url)) {
            long start = System.nanoTime();
            fill(index, studies);
            index.read("analyze", c -> { // fresh statistics, as autovacuum (PostgreSQL) or ANALYZE would give
                try (java.sql.Statement st = c.createStatement()) {
                    st.execute("ANALYZE");
                }
                return null;
            });
            System.out.printf("filled %s: %d studies, %d events, %d images in %.0f s%n", index.dialect(), studies,
                    studies * EVENTS_PER_STUDY, studies * IMAGES_PER_STUDY, (System.nanoTime() - start) / 1e9);
            DoseQueries dose = new DoseQueries(index);
            Browse browse = new Browse(index);
            Random random = new Random(7);
            report("study dose (/api/studies/{uid}/dose, 50 events, 10 images)", time(i ->
                    dose.study(studyUid(random.nextInt(studies))).orElseThrow()));
            report("patient dose (/api/patients/{id}/dose, 10 studies)", time(i ->
                    dose.patient("P" + random.nextInt(studies / STUDIES_PER_PATIENT), null, null, null)
                            .orElseThrow()));
            report("study list with dose summary (/api/studies, 50 rows)", time(i ->
                    browse.studies(new StudyFilter(null, null, null, null, null, 0, 50))));
            report("study list filtered minDapGym2 (/api/studies?minDapGym2=, 50 rows)", time(i ->
                    browse.studies(new StudyFilter(null, null, null, null, null, 0, 50).withMinimumDose(0.009, null))));
        }
    }

    private static String studyUid(int s) {
        return "1.2.826.0.1.3680043.10.1188.90." + s;
    }

    private static long[] time(IntConsumer query) {
        for (int i = 0; i < 20; i++) {
            query.accept(i); // warm-up
        }
        long[] micros = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long t = System.nanoTime();
            query.accept(i);
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void report(String what, long[] micros) {
        System.out.printf("%s: p50 %.2f ms, p95 %.2f ms (%d queries)%n", what, micros[QUERIES / 2] / 1000.0,
                micros[QUERIES * 95 / 100] / 1000.0, QUERIES);
    }

    private static void fill(IndexDatabase index, int studies) {
        int batch = 1000;
        for (int from = 0; from < studies; from += batch) {
            int first = from;
            int last = Math.min(studies, from + batch);
            index.inTransaction("fill dose tables", c -> {
                fill(c, first, last);
                return null;
            });
        }
    }

    private static void fill(Connection c, int first, int last) throws java.sql.SQLException {
        byte[] none = new byte[0];
        try (PreparedStatement patient = c.prepareStatement("INSERT INTO patient (id, patient_id, attributes)"
                + " VALUES (?, ?, ?)");
             PreparedStatement study = c.prepareStatement("INSERT INTO study (id, patient_fk, study_instance_uid,"
                     + " study_date, attributes) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement series = c.prepareStatement("INSERT INTO series (id, study_fk, series_instance_uid,"
                     + " modality, attributes) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement instance = c.prepareStatement("INSERT INTO instance (id, series_fk, sop_instance_uid,"
                     + " sop_class_uid, object_class, file_path, file_size, sha256, transfer_syntax_uid, received_at,"
                     + " attributes) VALUES (?, ?, ?, '1.2', ?, 'x', 0, 'x', '1.2.840.10008.1.2.1', 0, ?)");
             PreparedStatement report = c.prepareStatement("INSERT INTO dose_report (id, instance_fk, study_fk,"
                     + " sop_instance_uid, kind, template, status) VALUES (?, ?, ?, ?, 'PROJECTION_XRAY', '10001',"
                     + " 'STANDING')");
             PreparedStatement accumulated = c.prepareStatement("INSERT INTO accumulated_dose (report_fk, plane_code,"
                     + " plane_scheme, plane_meaning, dap_gym2, rp_air_kerma_gy, fluoro_time_s, event_count)"
                     + " VALUES (?, '113622', 'DCM', 'Single Plane', ?, ?, ?, ?)");
             PreparedStatement event = c.prepareStatement("INSERT INTO irradiation_event (report_fk, study_fk, seq,"
                     + " content_path, event_uid, standing, started_at, type_code, type_scheme, type_meaning, kvp_kv,"
                     + " dap_gym2, rp_air_kerma_gy) VALUES (?, ?, ?, ?, ?, 1, ?, '113611', 'DCM',"
                     + " 'Stationary Acquisition', 80, ?, ?)");
             PreparedStatement link = c.prepareStatement("INSERT INTO event_image (study_fk, event_uid, instance_fk,"
                     + " method, time_difference_s) VALUES (?, ?, ?, 'EVENT_UID', 0.1)");
             PreparedStatement summary = c.prepareStatement("INSERT INTO study_dose (study_fk, source, dap_gym2,"
                     + " rp_air_kerma_gy, fluoro_time_s, event_count) VALUES (?, 'REPORT', ?, ?, ?, ?)")) {
            Random random = new Random(first);
            for (int s = first; s < last; s++) {
                long studyId = s + 1L;
                if (s % STUDIES_PER_PATIENT == 0) {
                    patient.setLong(1, s / STUDIES_PER_PATIENT + 1L);
                    patient.setString(2, "P" + s / STUDIES_PER_PATIENT);
                    patient.setBytes(3, none);
                    patient.addBatch();
                }
                study.setLong(1, studyId);
                study.setLong(2, s / STUDIES_PER_PATIENT + 1L);
                study.setString(3, studyUid(s));
                study.setString(4, String.format("2024%02d%02d", 1 + s % 12, 1 + s % 28));
                study.setBytes(5, none);
                study.addBatch();
                for (int k = 0; k < 2; k++) {
                    series.setLong(1, studyId * 2 + k);
                    series.setLong(2, studyId);
                    series.setString(3, studyUid(s) + "." + k);
                    series.setString(4, k == 0 ? "XA" : "SR");
                    series.setBytes(5, none);
                    series.addBatch();
                }
                long firstInstance = studyId * (IMAGES_PER_STUDY + 1);
                for (int i = 0; i <= IMAGES_PER_STUDY; i++) {
                    instance.setLong(1, firstInstance + i);
                    instance.setLong(2, studyId * 2 + (i == IMAGES_PER_STUDY ? 1 : 0));
                    instance.setString(3, studyUid(s) + ".0." + i);
                    instance.setString(4, i == IMAGES_PER_STUDY ? "DOSE_REPORT" : "IMAGE");
                    instance.setBytes(5, none);
                    instance.addBatch();
                }
                report.setLong(1, studyId);
                report.setLong(2, firstInstance + IMAGES_PER_STUDY);
                report.setLong(3, studyId);
                report.setString(4, studyUid(s) + ".0." + IMAGES_PER_STUDY);
                report.addBatch();
                double total = 0;
                double rp = 0;
                for (int e = 0; e < EVENTS_PER_STUDY; e++) {
                    double dap = random.nextDouble() * 0.0004;
                    total += dap;
                    rp += dap * 2;
                    String uid = studyUid(s) + ".9." + e;
                    event.setLong(1, studyId);
                    event.setLong(2, studyId);
                    event.setInt(3, e);
                    event.setString(4, "1." + (e + 10));
                    event.setString(5, uid);
                    event.setString(6, String.format("2024-03-15T10:%02d:%02d", e / 60, e % 60));
                    event.setDouble(7, dap);
                    event.setDouble(8, dap * 2);
                    event.addBatch();
                    if (e < IMAGES_PER_STUDY) {
                        link.setLong(1, studyId);
                        link.setString(2, uid);
                        link.setLong(3, firstInstance + e);
                        link.addBatch();
                    }
                }
                accumulated.setLong(1, studyId);
                accumulated.setDouble(2, total);
                accumulated.setDouble(3, rp);
                accumulated.setDouble(4, 120.0);
                accumulated.setInt(5, EVENTS_PER_STUDY);
                accumulated.addBatch();
                summary.setLong(1, studyId);
                summary.setDouble(2, total);
                summary.setDouble(3, rp);
                summary.setDouble(4, 120.0);
                summary.setInt(5, EVENTS_PER_STUDY);
                summary.addBatch();
            }
            for (PreparedStatement ps : new PreparedStatement[] {patient, study, series, instance, report, accumulated,
                    event, link, summary}) {
                ps.executeBatch();
            }
        }
    }
}
