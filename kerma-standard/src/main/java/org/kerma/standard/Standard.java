package org.kerma.standard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kerma.dicom.Code;

/**
 * The DICOM standard as data: composite IODs with their modules (PS3.3 Annex A), modules with their attributes
 * (PS3.3 Annex C, macros expanded), the conditions that can be evaluated, SR templates and context groups (PS3.16).
 * Loaded once from the generated tables in this module's resources (see {@code docs/standard.md} for sources and
 * editions) and from the hand-kept {@code protocol-modules.tsv}.
 *
 * <p>Immutable and thread-safe; module attribute lists are expanded on first use and then cached.
 */
public final class Standard {
    private static volatile Standard current;

    private final Map<String, Iod> iods;
    private final Map<String, String> iodBySopClass;
    private final Map<String, String[]> moduleHeads;
    private final Map<String, Condition> conditions;
    private final Map<String, ContextGroup> contextGroups;
    private final Map<String, Template> templates;
    private final ModuleExpander expander;
    private final Set<String> tabulated;
    private final Map<String, Module> modules = new ConcurrentHashMap<>();
    private volatile Map<Integer, List<String>> modulesByTag;

    private Standard(StandardLoader.Loaded l) {
        this.iods = l.iods();
        this.iodBySopClass = l.iodBySopClass();
        this.moduleHeads = l.moduleHeads();
        this.conditions = l.conditions();
        this.contextGroups = l.contextGroups();
        this.templates = l.templates();
        this.expander = new ModuleExpander(l.blocks(), l.valueSets());
        this.tabulated = l.tabulated();
    }

    /**
     * The tables of the edition Kerma ships.
     *
     * @throws IllegalStateException when a resource is missing or malformed (a build problem)
     */
    public static Standard current() {
        Standard s = current;
        if (s == null) {
            synchronized (Standard.class) {
                s = current;
                if (s == null) {
                    s = new Standard(StandardLoader.load());
                    current = s;
                }
            }
        }
        return s;
    }

    /** Every composite IOD, in PS3.3 order. */
    public List<Iod> iods() {
        return List.copyOf(iods.values());
    }

    /**
     * An IOD by id ({@code x-ray-radiofluoroscopic-image}), by name ("X-Ray Radiofluoroscopic Image", case and
     * punctuation ignored, an "IOD" suffix allowed) or by the UID of a SOP class that uses it.
     */
    public Optional<Iod> iod(String nameIdOrUid) {
        String s = nameIdOrUid.trim();
        String byUid = iodBySopClass.get(s);
        if (byUid != null) {
            return Optional.of(iods.get(byUid));
        }
        if (iods.containsKey(s)) {
            return Optional.of(iods.get(s));
        }
        String key = key(s, "iod");
        return iods.values().stream().filter(i -> key(i.name(), "iod").equals(key)).findFirst();
    }

    /** Every module known, tabulated or not, in the sources' order. */
    public List<Module> modules() {
        List<Module> all = new ArrayList<>();
        moduleHeads.keySet().forEach(id -> all.add(module(id).orElseThrow()));
        return all;
    }

    /** A module by id ({@code rt-beams}) or name ("RT Beams", case and punctuation ignored, "Module" allowed). */
    public Optional<Module> module(String nameOrId) {
        String s = nameOrId.trim();
        String id = moduleHeads.containsKey(s) ? s : null;
        if (id == null) {
            String key = key(s, "module");
            id = moduleHeads.entrySet().stream().filter(e -> key(e.getValue()[0], "module").equals(key))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }
        if (id == null) {
            return Optional.empty();
        }
        String moduleId = id;
        return Optional.of(modules.computeIfAbsent(moduleId, m -> {
            String[] head = moduleHeads.get(m);
            return new Module(m, head[0], head[1], expander.expand(m), tabulated.contains(m));
        }));
    }

    /** The modules that have the tag at any nesting level, in module order. */
    public List<Module> modulesUsing(int tag) {
        Map<Integer, List<String>> index = modulesByTag;
        if (index == null) {
            Map<Integer, List<String>> built = new LinkedHashMap<>();
            for (Module m : modules()) {
                for (ModuleAttribute a : m.attributes()) {
                    List<String> ids = built.computeIfAbsent(a.tag(), t -> new ArrayList<>());
                    if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(m.id())) {
                        ids.add(m.id());
                    }
                }
            }
            index = Collections.unmodifiableMap(built);
            modulesByTag = index;
        }
        return index.getOrDefault(tag, List.of()).stream().map(id -> module(id).orElseThrow()).toList();
    }

    /** A tabulated condition by name, e.g. {@code NumberOfWedgesNotZero}. */
    public Optional<Condition> condition(String name) {
        return Optional.ofNullable(conditions.get(name));
    }

    /** A context group by CID number ("10013"). */
    public Optional<ContextGroup> contextGroup(String cid) {
        return Optional.ofNullable(contextGroups.get(cid.trim()));
    }

    /** The context groups tabulated: those the shipped SR templates use, and those they include. */
    public List<ContextGroup> contextGroups() {
        return List.copyOf(contextGroups.values());
    }

    /** The codes of a context group with those of its included groups, in order; empty for an unknown CID. */
    public Set<Code> codesOf(String cid) {
        Set<Code> codes = new LinkedHashSet<>();
        collect(cid, codes, new LinkedHashSet<>());
        return Collections.unmodifiableSet(codes);
    }

    private void collect(String cid, Set<Code> codes, Set<String> visited) {
        ContextGroup g = contextGroups.get(cid);
        if (g == null || !visited.add(cid)) {
            return;
        }
        codes.addAll(g.codes());
        g.includes().forEach(i -> collect(i, codes, visited));
    }

    /** An SR template by TID ("10001", "1002"). */
    public Optional<Template> template(String tid) {
        return Optional.ofNullable(templates.get(tid.trim().toUpperCase(Locale.ROOT)));
    }

    /** The SR templates tabulated: TID 1002, 10001–10015 and those they include. */
    public List<Template> templates() {
        return List.copyOf(templates.values());
    }

    static String key(String name, String suffix) {
        String k = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return k.endsWith(suffix) && k.length() > suffix.length() ? k.substring(0, k.length() - suffix.length()) : k;
    }
}
