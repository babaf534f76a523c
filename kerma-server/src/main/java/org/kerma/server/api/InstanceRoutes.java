package org.kerma.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.json.BulkDataUris;
import org.kerma.dicom.json.DicomJson;
import org.kerma.dicom.json.JsonOptions;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.query.Browse;

/**
 * {@code /api/instances/{uid}}: the instance's index entry, its Part 10 file ({@code /file}, application/dicom) and
 * its data set as DICOM JSON ({@code /json}, PS3.18 Annex F). In the JSON, values of 1 KiB or more (Pixel Data)
 * are BulkDataURIs into {@code /file}, with the byte range as the fragment: {@code #offset=N&length=N}. The file and
 * the JSON hold patient identifiers, so the viewer role gets 403 for them.
 */
final class InstanceRoutes {
    private static final long BULK_THRESHOLD = 1024;

    private final Browse browse;
    private final Archive archive;

    InstanceRoutes(Browse browse, Archive archive) {
        this.browse = browse;
        this.archive = archive;
    }

    void addTo(Javalin app) {
        app.get("/api/instances/{instance}", ctx -> ctx.json(instance(ctx)));
        app.get("/api/instances/{instance}/file", this::file);
        app.get("/api/instances/{instance}/json", this::json);
        app.before("/api/instances/*", InstanceRoutes::identifiersAllowed);
    }

    /** The file and its JSON carry the patient's name, ID and birth date: not for the viewer role. */
    private static void identifiersAllowed(Context ctx) {
        if (ctx.path().endsWith("/file") || ctx.path().endsWith("/json")) {
            if (!AuthRoutes.seesPatientIdentifiers(ctx)) {
                throw new ApiException(403, "the viewer role does not see patient identifiers, which the DICOM"
                        + " file and its JSON contain");
            }
        }
    }

    private Browse.Instance instance(Context ctx) {
        String uid = ctx.pathParam("instance");
        return browse.instance(uid).orElseThrow(() -> ApiException.notFound("instance " + uid));
    }

    private Path archived(Browse.Instance instance) {
        Path file = archive.resolve(instance.filePath());
        if (!Files.isRegularFile(file)) {
            throw new ApiException(500, "the archived file of instance " + instance.sopInstanceUid() + ", "
                    + instance.filePath() + ", is missing");
        }
        return file;
    }

    private void file(Context ctx) throws IOException {
        Browse.Instance instance = instance(ctx);
        Path file = archived(instance);
        ctx.res().setCharacterEncoding(null); // binary: no charset parameter
        ctx.res().setContentType("application/dicom");
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        ctx.header("Content-Disposition", "attachment; filename=\"" + instance.sopInstanceUid() + ".dcm\"");
        try (OutputStream out = ctx.outputStream()) {
            Files.copy(file, out);
        }
    }

    private void json(Context ctx) throws IOException {
        Browse.Instance instance = instance(ctx);
        DicomFile dicom = DicomReader.read(archived(instance),
                ReadOptions.DEFAULT.withBulkDataThreshold(BULK_THRESHOLD));
        String fileUri = "/api/instances/" + instance.sopInstanceUid() + "/file";
        BulkDataUris uris = value -> {
            BulkData range = value.value() instanceof Fragments f ? BulkDataUris.encapsulatedRange(f)
                    : (BulkData) value.value();
            return fileUri + "#offset=" + range.offset() + "&length=" + range.length();
        };
        ctx.contentType("application/dicom+json");
        try (OutputStream out = ctx.outputStream()) {
            DicomJson.write(dicom.dataset(), out, JsonOptions.DEFAULT.withBulkData(Long.MAX_VALUE, uris));
        }
    }
}
