package org.kerma.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.kerma.standard.Iod;
import org.kerma.standard.Module;
import org.kerma.standard.Standard;
import org.kerma.standard.StandardJson;

/**
 * {@code /api/std/...}: the standard's facts from Kerma's tables, in the same JSON as {@code kerma std ... --json}
 * ({@link StandardJson}):
 * <ul>
 *   <li>{@code /api/std/iods}: every IOD (id, name, section, SOP Class UIDs);</li>
 *   <li>{@code /api/std/iods/{id}}: one IOD by id, name or SOP Class UID, with its modules and their usage;</li>
 *   <li>{@code /api/std/modules/{id}}: one module by id or name, with its attributes, types and nesting;</li>
 *   <li>{@code /api/std/tags/{tag}}: one attribute by tag ({@code 0018115E}, {@code 0018,115E}) or keyword; for
 *       the end of a keyword, an array of the attributes whose keyword ends so.</li>
 * </ul>
 * An unknown id, name or tag is a 404 naming it.
 */
final class StandardRoutes {
    private static final JsonFactory JSON = new JsonFactory();

    private final Standard standard;
    private final StandardJson facts;

    StandardRoutes(Standard standard) {
        this.standard = standard;
        this.facts = new StandardJson(standard);
    }

    void addTo(Javalin app) {
        app.get("/api/std/iods", ctx -> answer(ctx, facts::iods));
        app.get("/api/std/iods/{id}", this::iod);
        app.get("/api/std/modules/{id}", this::module);
        app.get("/api/std/tags/{tag}", this::tag);
    }

    private void iod(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Iod iod = standard.iod(id).orElseThrow(() -> new ApiException(404, "no IOD named or with SOP class '" + id
                + "' in the standard's tables"));
        answer(ctx, g -> facts.iod(g, iod));
    }

    private void module(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        Module module = standard.module(id).orElseThrow(() -> new ApiException(404, "no module named '" + id
                + "' in the standard's tables"));
        answer(ctx, g -> facts.module(g, module));
    }

    private void tag(Context ctx) throws IOException {
        String query = ctx.pathParam("tag");
        List<Integer> tags;
        try {
            tags = facts.attributesNamed(query);
            tags.forEach(facts::entry);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, e.getMessage());
        }
        answer(ctx, g -> {
            if (tags.size() == 1) {
                facts.attribute(g, tags.get(0));
                return;
            }
            g.writeStartArray();
            for (int tag : tags) {
                facts.attribute(g, tag);
            }
            g.writeEndArray();
        });
    }

    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static void answer(Context ctx, JsonBody body) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            body.write(g);
        }
        ctx.contentType("application/json").result(text.toString());
    }
}
