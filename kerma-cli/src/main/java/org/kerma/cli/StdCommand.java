package org.kerma.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.Tags;
import org.kerma.dicom.UidEntry;
import org.kerma.dicom.UidRegistry;
import org.kerma.dicom.VR;
import org.kerma.standard.Iod;
import org.kerma.standard.IodModule;
import org.kerma.standard.Module;
import org.kerma.standard.ModuleAttribute;
import org.kerma.standard.Standard;
import org.kerma.standard.StandardJson;
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
                    new StandardJson(standard).iod(j.json(), iod);
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
            StandardJson facts = new StandardJson(Standard.current());
            if (json) {
                try (JsonOut j = new JsonOut(out)) {
                    new StandardJson(Standard.current()).module(j.json(), module);
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
                        a.type().label(), facts.vrOf(a.tag()), a.vm().isEmpty() ? facts.vmOf(a.tag()) : a.vm(),
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
            StandardJson facts = new StandardJson(Standard.current());
            List<Integer> tags = facts.attributesNamed(query);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                try (JsonOut j = new JsonOut(out)) {
                    if (tags.size() > 1) {
                        j.json().writeStartArray();
                    }
                    for (int tag : tags) {
                        facts.attribute(j.json(), tag);
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
                writeText(out, tags.get(n), facts.entry(tags.get(n)));
            }
            return Kerma.EXIT_OK;
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
            Optional<Iod> iod = new StandardJson(Standard.current()).iodOfSopClass(e.uid());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                try (JsonOut j = new JsonOut(out)) {
                    new StandardJson(Standard.current()).uid(j.json(), e);
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
}
