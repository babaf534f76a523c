package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import org.kerma.registry.query.StudyFilter;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Accounts.Principal;
import org.kerma.server.export.EventExport;
import org.kerma.server.export.ExportFormat;
import org.kerma.server.export.StudyExport;

/**
 * {@code /api/exports/studies.csv|.xlsx} (one row per study) and {@code /api/exports/events.csv|.xlsx} (one row per
 * irradiation event): the studies of {@code /api/studies} with its filters (paging ignored), streamed as they are
 * read. Patient ID and Name columns only for roles that see them. Each export is audit-logged with its filters.
 */
final class ExportRoutes {
    private final StudyExport studies;
    private final EventExport events;
    private final Accounts accounts;

    ExportRoutes(StudyExport studies, EventExport events, Accounts accounts) {
        this.studies = studies;
        this.events = events;
        this.accounts = accounts;
    }

    /** Writes one export of the filtered studies. */
    private interface Writer {
        void write(StudyFilter filter, ExportFormat format, boolean identifiers, OutputStream out) throws IOException;
    }

    void addTo(Javalin app) {
        for (ExportFormat format : ExportFormat.values()) {
            app.get("/api/exports/studies." + format.extension(), ctx -> export(ctx, "studies", format,
                    studies::write));
            app.get("/api/exports/events." + format.extension(), ctx -> export(ctx, "events", format,
                    events::write));
        }
    }

    private void export(Context ctx, String level, ExportFormat format, Writer writer) throws IOException {
        Principal p = AuthRoutes.principal(ctx);
        StudyFilter filter = StudyRoutes.filter(ctx);
        boolean identifiers = p.user().role().seesPatientIdentifiers();
        String file = level + "." + format.extension();
        accounts.audit(p.user().name(), "EXPORT", file + " " + describe(filter)
                + (identifiers ? "" : " without patient identifiers"), ctx.ip());
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(format.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"kerma-" + file + "\"");
        try (OutputStream out = ctx.outputStream()) {
            writer.write(filter, format, identifiers, out);
        }
    }

    /** The filter in words, for the audit log. */
    static String describe(StudyFilter f) {
        StringBuilder s = new StringBuilder("filters:");
        append(s, "patientId", f.patientId());
        append(s, "from", f.dateFrom());
        append(s, "to", f.dateTo());
        append(s, "modality", f.modality());
        append(s, "accession", f.accessionNumber());
        append(s, "device", f.deviceId() == null ? null : f.deviceId().toString());
        append(s, "minDapGym2", f.minDapGym2() == null ? null : f.minDapGym2().toString());
        append(s, "minDlpMGyCm", f.minDlpMGyCm() == null ? null : f.minDlpMGyCm().toString());
        return s.toString().equals("filters:") ? "all studies" : s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append(' ').append(name).append('=').append(value);
        }
    }
}
