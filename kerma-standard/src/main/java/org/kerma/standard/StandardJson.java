package org.kerma.standard;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.UidEntry;
import org.kerma.dicom.UidRegistry;
import org.kerma.dicom.VR;

/**
 * The JSON form of the standard's facts, one shape for every face of Kerma ({@code kerma std ... --json} and the REST
 * API's {@code /api/std/...}): IODs with their modules, modules with their attributes, attributes with the modules
 * using them, and UIDs. Also the lookup of an attribute by tag, keyword or keyword ending, shared by both faces.
 *
 * <p>Each writer emits one complete JSON value into the generator; the caller owns the generator.
 */
public final class StandardJson {
    private final Standard standard;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    public StandardJson(Standard standard) {
        this.standard = standard;
    }

    /** Every IOD as {@code {id, name, section, sopClassUids}}, in the tables' order. */
    public void iods(JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (Iod iod : standard.iods()) {
            g.writeStartObject();
            g.writeStringField("id", iod.id());
            g.writeStringField("name", iod.name());
            g.writeStringField("section", iod.section());
            g.writeArrayFieldStart("sopClassUids");
            for (String uid : iod.sopClassUids()) {
                g.writeString(uid);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** One IOD: its SOP classes, and its modules with information entity, usage, section and condition. */
    public void iod(JsonGenerator g, Iod iod) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", iod.id());
        g.writeStringField("name", iod.name());
        g.writeStringField("section", iod.section());
        g.writeArrayFieldStart("sopClasses");
        for (String uid : iod.sopClassUids()) {
            g.writeStartObject();
            g.writeStringField("uid", uid);
            g.writeStringField("name", UidRegistry.standard().nameOf(uid));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("modules");
        for (IodModule m : iod.modules()) {
            Optional<Module> module = standard.module(m.moduleId());
            g.writeStartObject();
            g.writeStringField("informationEntity", m.informationEntity());
            g.writeStringField("module", m.moduleId());
            g.writeStringField("name", module.map(Module::name).orElse(""));
            g.writeStringField("usage", m.usage().letter());
            g.writeStringField("section", module.map(Module::section).orElse(""));
            g.writeStringField("condition", m.conditionText());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One module: its attributes with tag, keyword, depth, path, type, VR, VM, condition and value set. */
    public void module(JsonGenerator g, Module module) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", module.id());
        g.writeStringField("name", module.name());
        g.writeStringField("section", module.section());
        g.writeBooleanField("tabulated", module.tabulated());
        g.writeArrayFieldStart("attributes");
        for (ModuleAttribute a : module.attributes()) {
            g.writeStartObject();
            g.writeStringField("tag", Tags.toHex(a.tag()));
            g.writeStringField("keyword", a.keyword());
            g.writeStringField("name", a.name());
            g.writeNumberField("depth", a.depth());
            g.writeStringField("path", String.join(">", a.path()));
            g.writeStringField("type", a.type().label());
            g.writeStringField("vr", vrOf(a.tag()));
            g.writeStringField("vm", a.vm().isEmpty() ? vmOf(a.tag()) : a.vm());
            if (!a.condition().isEmpty()) {
                g.writeStringField("condition", a.condition());
            }
            if (a.values().isPresent()) {
                g.writeStringField(a.values().get().enumerated() ? "enumeratedValues" : "definedTerms",
                        String.join("\\", a.values().get().values()));
            }
            if (!a.checked()) {
                g.writeBooleanField("checked", false);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One attribute of the data dictionary, with the ids of the modules that use it. */
    public void attribute(JsonGenerator g, int tag) throws IOException {
        DictionaryEntry e = entry(tag);
        g.writeStartObject();
        g.writeStringField("tag", Tags.toHex(tag));
        g.writeStringField("name", e.name());
        g.writeStringField("keyword", e.keyword());
        g.writeStringField("vr", String.join(" or ", e.vrs().stream().map(VR::name).toList()));
        g.writeStringField("vm", e.vm());
        g.writeBooleanField("retired", e.retired());
        g.writeArrayFieldStart("modules");
        for (Module m : standard.modulesUsing(tag)) {
            g.writeString(m.id());
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** One UID of PS3.6 Annex A, with its IOD when it is a SOP class of one. */
    public void uid(JsonGenerator g, UidEntry e) throws IOException {
        Optional<Iod> iod = iodOfSopClass(e.uid());
        g.writeStartObject();
        g.writeStringField("uid", e.uid());
        g.writeStringField("name", e.name());
        g.writeStringField("keyword", e.keyword());
        g.writeStringField("type", e.type().name());
        g.writeBooleanField("retired", e.retired());
        if (iod.isPresent()) {
            g.writeStringField("iod", iod.get().id());
        }
        g.writeEndObject();
    }

    /** The IOD whose SOP classes include {@code uid}. */
    public Optional<Iod> iodOfSopClass(String uid) {
        return standard.iod(uid).filter(i -> i.sopClassUids().contains(uid));
    }

    /** The dictionary entry of {@code tag}; an {@link IllegalArgumentException} naming it when there is none. */
    public DictionaryEntry entry(int tag) {
        return dictionary.find(tag).orElseThrow(() -> new IllegalArgumentException(
                Tags.format(tag) + " is not in the data dictionary"));
    }

    /**
     * The attributes a query names: a keyword, a tag ({@code 0018,115E}, {@code (0018,115E)}, {@code 0018115E}), or
     * the end of keywords ("AreaDoseProduct": every attribute whose keyword ends so, case ignored, sorted by
     * keyword). An {@link IllegalArgumentException} naming the query when it is none of these.
     */
    public List<Integer> attributesNamed(String query) {
        String q = query.trim();
        OptionalInt exact = dictionary.tagOf(q);
        if (exact.isPresent()) {
            return List.of(exact.getAsInt());
        }
        List<Integer> bySuffix = bySuffix(q);
        if (!bySuffix.isEmpty()) {
            return bySuffix;
        }
        try {
            return List.of(Tags.parse(q));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("'" + q + "' is neither a keyword of the data dictionary nor a tag"
                    + " (GGGG,EEEE)", ex);
        }
    }

    /** The VRs of {@code tag} in the dictionary joined with '|', or empty. */
    public String vrOf(int tag) {
        return dictionary.find(tag).map(e -> String.join("|", e.vrs().stream().map(VR::name).toList())).orElse("");
    }

    /** The VM of {@code tag} in the dictionary, or empty. */
    public String vmOf(int tag) {
        return dictionary.find(tag).map(DictionaryEntry::vm).orElse("");
    }

    private List<Integer> bySuffix(String text) {
        if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
            return List.of();
        }
        String suffix = text.toLowerCase(Locale.ROOT);
        List<Integer> tags = new ArrayList<>();
        Arrays.stream(Tag.class.getFields()).map(java.lang.reflect.Field::getName)
                .filter(k -> k.toLowerCase(Locale.ROOT).endsWith(suffix)).sorted()
                .forEach(k -> dictionary.tagOf(k).ifPresent(tags::add));
        return tags;
    }
}
