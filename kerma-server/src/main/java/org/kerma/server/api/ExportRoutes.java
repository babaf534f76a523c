package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import org.kerma.registry.query.StudyFilter;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Accounts.Principal;
import org.kerma.server.export.ExportFormat;
import org.kerma.server.export.StudyExport;

/**
 * {@code /api/exports/studies.csv} and {@code /api/exports/studies.xlsx}: the study list with the filters of
 * {@code /api/studies} (paging ignored), streamed as it is read. Patient ID and Name columns only for roles that see
 * them. Each export is audit-logged with its filters.
 */
final class ExportRoutes {
    private final StudyExport studies;
    private final Accounts accounts;

    ExportRoutes(StudyExport studies, Accounts accounts) {
        this.studies = studies;
        this.accounts = accounts;
    }

    void addTo(Javalin app) {
        app.get("/api/exports/studies.csv", ctx -> studies(ctx, ExportFormat.CSV));
        app.get("/api/exports/studies.xlsx", ctx -> studies(ctx, ExportFormat.XLSX));
    }

    private void studies(Context ctx, ExportFormat format) throws IOException {
        Principal p = AuthRoutes.principal(ctx);
        StudyFilter filter = StudyRoutes.filter(ctx);
        boolean identifiers = p.user().role().seesPatientIdentifiers();
        accounts.audit(p.user().name(), "EXPORT", "studies." + format.extension() + " " + describe(filter)
                + (identifiers ? "" : " without patient identifiers"), ctx.ip());
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(format.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"kerma-studies." + format.extension() + "\"");
        try (OutputStream out = ctx.outputStream()) {
            studies.write(filter, format, identifiers, out);
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
        return s.toString().equals("filters:") ? "all studies" : s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append(' ').append(name).append('=').append(value);
        }
    }
}
