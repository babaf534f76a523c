package org.kerma.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tags;
import org.kerma.dicom.UidEntry;
import org.kerma.dicom.UidRegistry;
import org.kerma.dicom.VR;
import org.kerma.standard.Iod;
import org.kerma.standard.IodModule;
import org.kerma.standard.Module;
import org.kerma.standard.ModuleAttribute;
import org.kerma.standard.Standard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kerma std iod|module|tag|uid}: looks facts of the standard up in Kerma's tables (kerma-standard and the
 * data dictionary of kerma-dicom) and prints them as a table, or with {@code --json} as one JSON document. An
 * unknown name, tag or UID is a failure (exit 1) naming what was looked for.
 */
@Command(name = "std", description = "Look up IODs, modules, attributes and UIDs of the DICOM standard.",
        subcommands = {StdCommand.IodLookup.class, StdCommand.ModuleLookup.class, StdCommand.TagLookup.class,
            StdCommand.UidLookup.class})
final class StdCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Kerma.EXIT_OK;
    }

    /** {@code kerma std iod NAME|ID|SOP-CLASS-UID}. */
    @Command(name = "iod", description = "An IOD's information entities and modules with usage (PS3.3 Annex A).")
    static final class IodLookup implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "NAME|UID", description = "IOD name (\"X-Ray Radiofluoroscopic Image\"), id, or"
                + " SOP Class UID.")
        private String query;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            Standard standard = Standard.current();
            Iod iod = standard.iod(query).orElseThrow(() -> new IllegalArgumentException("no IOD named or with"
                    + " SOP class '" + query + "' (try a name such as \"CT Image\" or a SOP Class UID)"));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                try (JsonOut j = new JsonOut(out)) {
                    JsonGenerator g = j.json();
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
                        g.writeStartObject();
                        g.writeStringField("informationEntity", m.informationEntity());
                        g.writeStringField("module", m.moduleId());
                        g.writeStringField("name", standard.module(m.moduleId()).map(Module::name).orElse(""));
                        g.writeStringField("usage", m.usage().letter());
                        g.writeStringField("section", standard.module(m.moduleId()).map(Module::section).orElse(""));
                        g.writeStringField("condition", m.conditionText());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                return Kerma.EXIT_OK;
            }
            out.println(iod.name() + " IOD (PS3.3 " + iod.section() + ", id " + iod.id() + ")");
            for (String uid : iod.sopClassUids()) {
                out.println("SOP class " + uid + " " + UidRegistry.standard().nameOf(uid));
            }
            out.printf("%-20s %-40s %-5s %-12s %s%n", "IE", "MODULE", "USAGE", "SECTION", "CONDITION");
            for (IodModule m : iod.modules()) {
                Optional<Module> module = standard.module(m.moduleId());
                out.printf("%-20s %-40s %-5s %-12s %s%n", m.informationEntity(),
                        module.map(Module::name).orElse(m.moduleId()), m.usage().letter(),
                        module.map(Module::section).orElse(""), m.conditionText());
            }
            return Kerma.EXIT_OK;
        }
    }

    /** {@code kerma std module NAME|ID}. */
    @Command(name = "module", description = "A module's attributes with tag, type, VR, VM and nesting (PS3.3).")
    static final class ModuleLookup implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Module name (\"RT Beams\") or id (rt-beams).")
        private String query;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            Module module = Standard.current().module(query).orElseThrow(() -> new IllegalArgumentException(
                    "no module named '" + query + "' (try a name such as \"RT Beams\")"));
            PrintWriter out = spec.commandLine().getOut();
            ElementDictionary dictionary = ElementDictionary.standard();
            if (json) {
                try (JsonOut j = new JsonOut(out)) {
                    JsonGenerator g = j.json();
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
                        g.writeStringField("vr", vr(dictionary, a.tag()));
                        g.writeStringField("vm", a.vm().isEmpty() ? vm(dictionary, a.tag()) : a.vm());
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
                return Kerma.EXIT_OK;
            }
            out.println(module.name() + " module (PS3.3 " + module.section() + ", id " + module.id() + ")"
                    + (module.tabulated() ? "" : ": attributes not tabulated in Kerma's tables"));
            out.printf("%-50s %-11s %-4s %-5s %-6s %s%n", "ATTRIBUTE", "TAG", "TYPE", "VR", "VM", "CONDITION/VALUES");
            for (ModuleAttribute a : module.attributes()) {
                String extra = a.condition() + a.values().map(v -> (a.condition().isEmpty() ? "" : " ")
                        + (v.enumerated() ? "enum " : "terms ") + String.join("\\", v.values())).orElse("");
                out.printf("%-50s %-11s %-4s %-5s %-6s %s%n", a.nestedKeyword(), Tags.format(a.tag()),
                        a.type().label(), vr(dictionary, a.tag()), a.vm().isEmpty() ? vm(dictionary, a.tag()) : a.vm(),
                        a.checked() ? extra : (extra + " (unchecked)").trim());
            }
            return Kerma.EXIT_OK;
        }
    }

    /**
     * {@code kerma std tag (GGGG,EEEE)|KEYWORD}: one attribute; for the end of a keyword ("AreaDoseProduct") every
     * attribute whose keyword ends so (with {@code --json}, an array of them when there are several).
     */
    @Command(name = "tag", description = "An attribute: name, keyword, VR, VM, retired, and the modules using it.")
    static final class TagLookup implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "TAG|KEYWORD", description = "0018,115E, (0018,115E), 0018115E, a keyword, or the"
                + " end of one keyword (AreaDoseProduct).")
        private String query;

        @Option(names = "--json", description = "Print JSON instead of text.")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            ElementDictionary dictionary = ElementDictionary.standard();
            String q = query.trim();
            List<Integer> tags = dictionary.tagOf(q).isPresent() ? List.of(dictionary.tagOf(q).getAsInt())
                    : bySuffix(q);
            if (tags.isEmpty()) {
                tags = List.of(parse(q));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                try (JsonOut j = new JsonOut(out)) {
                    if (tags.size() > 1) {
                        j.json().writeStartArray();
                    }
                    for (int tag : tags) {
                        writeJson(j.json(), tag, entry(dictionary, tag));
                    }
                    if (tags.size() > 1) {
                        j.json().writeEndArray();
                    }
                }
                return Kerma.EXIT_OK;
            }
            for (int n = 0; n < tags.size(); n++) {
                if (n > 0) {
                    out.println();
                }
                writeText(out, tags.get(n), entry(dictionary, tags.get(n)));
            }
            return Kerma.EXIT_OK;
        }

        private static DictionaryEntry entry(ElementDictionary dictionary, int tag) {
            return dictionary.find(tag).orElseThrow(() -> new IllegalArgumentException(
                    Tags.format(tag) + " is not in the data dictionary"));
        }

        private static void writeJson(JsonGenerator g, int tag, DictionaryEntry e) throws IOException {
            g.writeStartObject();
            g.writeStringField("tag", Tags.toHex(tag));
            g.writeStringField("name", e.name());
            g.writeStringField("keyword", e.keyword());
            g.writeStringField("vr", String.join(" or ", e.vrs().stream().map(VR::name).toList()));
            g.writeStringField("vm", e.vm());
            g.writeBooleanField("retired", e.retired());
            g.writeArrayFieldStart("modules");
            for (Module m : Standard.current().modulesUsing(tag)) {
                g.writeString(m.id());
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private static void writeText(PrintWriter out, int tag, DictionaryEntry e) {
            List<Module> modules = Standard.current().modulesUsing(tag);
            out.println("Tag:     " + Tags.format(tag));
            out.println("Name:    " + e.name());
            out.println("Keyword: " + e.keyword());
            out.println("VR:      " + String.join(" or ", e.vrs().stream().map(VR::name).toList()));
            out.println("VM:      " + e.vm());
            out.println("Retired: " + (e.retired() ? "yes" : "no"));
            out.println("Modules: " + (modules.isEmpty() ? "(none)" : String.join(", ",
                    modules.stream().map(m -> m.name() + " (" + m.id() + ")").toList())));
        }

        /** The tags of the keywords that end with {@code text} (case ignored), for shorthand such as "AreaDoseProduct". */
        private static List<Integer> bySuffix(String text) {
            if (text.isEmpty() || !Character.isLetter(text.charAt(0))) {
                return List.of();
            }
            String suffix = text.toLowerCase(java.util.Locale.ROOT);
            return java.util.Arrays.stream(org.kerma.dicom.Tag.class.getFields())
                    .map(java.lang.reflect.Field::getName)
                    .filter(k -> k.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)).sorted()
                    .map(k -> ElementDictionary.standard().tagOf(k))
                    .filter(java.util.OptionalInt::isPresent).map(java.util.OptionalInt::getAsInt).toList();
        }

        private static int parse(String text) {
            try {
                return Tags.parse(text);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("'" + text + "' is neither a keyword of the data dictionary nor"
                        + " a tag (GGGG,EEEE)", ex);
            }
        }
    }

    /** {@code kerma std uid UID}. */
    @Command(name = "uid", description = "A UID of PS3.6 Annex A: name, keyword, type, and its IOD for a SOP class.")
    static final class UidLookup implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "UID", description = "e.g. 1.2.840.10008.5.1.4.1.1.88.67")
        private String uid;

        @Option(names = "--json", description = "Print JSON instead of text.")
        private boolean json;

        @Override
        public Integer call() throws IOException {
            UidEntry e = UidRegistry.standard().find(uid.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "UID " + uid + " is not in the standard's UID registry"));
            Optional<Iod> iod = Standard.current().iod(e.uid()).filter(i -> i.sopClassUids().contains(e.uid()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                try (JsonOut j = new JsonOut(out)) {
                    JsonGenerator g = j.json();
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
                return Kerma.EXIT_OK;
            }
            out.println("UID:     " + e.uid());
            out.println("Name:    " + e.name());
            out.println("Keyword: " + e.keyword());
            out.println("Type:    " + e.type());
            out.println("Retired: " + (e.retired() ? "yes" : "no"));
            iod.ifPresent(i -> out.println("IOD:     " + i.name() + " (PS3.3 " + i.section() + ", id " + i.id() + ")"));
            return Kerma.EXIT_OK;
        }
    }

    private static String vr(ElementDictionary dictionary, int tag) {
        return dictionary.find(tag).map(e -> String.join("|", e.vrs().stream().map(VR::name).toList())).orElse("");
    }

    private static String vm(ElementDictionary dictionary, int tag) {
        return dictionary.find(tag).map(DictionaryEntry::vm).orElse("");
    }
}
