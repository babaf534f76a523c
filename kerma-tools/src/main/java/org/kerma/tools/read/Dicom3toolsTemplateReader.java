package org.kerma.tools.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the block-structured dicom3tools templates: {@code module/*.tpl} (modules and macros),
 * {@code iodcomp/*.tpl} (composite IODs) and {@code condn.tpl} (conditions). Comments ({@code #} outside quotes) and
 * blank lines are skipped; validator-only lines ({@code Verify=}) are kept in the tree and left to the caller.
 */
public final class Dicom3toolsTemplateReader {
    private static final Map<String, String> BLOCK_ENDS = Map.of("Module", "ModuleEnd", "DefineMacro", "MacroEnd",
            "CompositeIOD", "CompositeIODEnd", "Condition", "ConditionEnd");
    private static final Map<String, String> NESTING_ENDS = Map.of("Sequence", "SequenceEnd",
            "InformationEntity", "InformationEntityEnd", "(", ")");

    /** A closing quote with non-blank text glued to it: {@code VM="1"-n}. */
    private static final Pattern GLUED = Pattern.compile("(=\"[^\"]*)\"([^\\s\"]+)(?=\\s|$)");

    /** A key written twice: {@code StringValue="StringValue="YES"}. */
    private static final Pattern REPEATED_KEY = Pattern.compile("([A-Za-z][A-Za-z0-9]*)=\"\\1=\"");
    private static final Pattern PAIR = Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\s*=\"([^\"]*)\"");

    private Dicom3toolsTemplateReader() {
    }

    /**
     * Every block of every {@code *.tpl} file in {@code folder}, files in name order. A line that is not strictly
     * {@code Key="Value"} pairs but has text glued to a closing quote ({@code VM="1"-n}) is read with that text
     * appended to the value and passed to {@code lenient} as "file:line: text"; so is a module closed by
     * {@code MacroEnd} or a macro by {@code ModuleEnd}.
     */
    public static List<TemplateBlock> readFolder(Path folder, Consumer<String> lenient) {
        try (Stream<Path> files = Files.list(folder)) {
            List<TemplateBlock> blocks = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".tpl")).sorted()
                    .forEach(f -> blocks.addAll(read(f, lenient)));
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /**
     * The blocks of one file.
     *
     * @throws IllegalArgumentException naming file and line for an unbalanced or malformed line
     */
    public static List<TemplateBlock> read(Path file, Consumer<String> lenient) {
        List<String> lines = DcmtkDictionaryReader.readLines(file);
        List<TemplateBlock> blocks = new ArrayList<>();
        Deque<List<TemplateBlock.Node>> open = new ArrayDeque<>();
        Deque<String[]> openKeys = new ArrayDeque<>();
        Deque<Map<String, String>> openFields = new ArrayDeque<>();
        String blockKind = null;
        String blockName = null;
        Map<String, String> blockFields = null;
        String blockSource = null;
        for (int i = 0; i < lines.size(); i++) {
            String source = file.getFileName() + ":" + (i + 1);
            String line = stripComment(lines.get(i)).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (blockKind == null) {
                    Map<String, String> f = pairs(line, source, lenient);
                    String key = f.keySet().iterator().next();
                    if (!BLOCK_ENDS.containsKey(key)) {
                        throw new IllegalArgumentException("expected a block start, found " + key);
                    }
                    blockKind = key;
                    blockName = f.get(key);
                    blockFields = f;
                    blockSource = source;
                    open.push(new ArrayList<>());
                    continue;
                }
                boolean otherEnd = (blockKind.equals("Module") && line.equals("MacroEnd"))
                        || (blockKind.equals("DefineMacro") && line.equals("ModuleEnd"));
                if (otherEnd) {
                    lenient.accept(source + ": " + blockKind + " \"" + blockName + "\" closed by " + line);
                }
                if (otherEnd || line.equals(BLOCK_ENDS.get(blockKind))) {
                    if (open.size() != 1) {
                        throw new IllegalArgumentException("block ends inside " + openKeys.peek()[0]);
                    }
                    blocks.add(new TemplateBlock(blockKind, blockName, blockFields, List.copyOf(open.pop()),
                            blockSource));
                    blockKind = null;
                    continue;
                }
                if (line.equals("(")) {
                    openKeys.push(new String[] {"(", "", source});
                    openFields.push(Map.of());
                    open.push(new ArrayList<>());
                    continue;
                }
                String first = line.startsWith(")") ? ")" : line.split("[=\\s]", 2)[0];
                if (NESTING_ENDS.containsValue(first)) {
                    if (openKeys.isEmpty() || !NESTING_ENDS.get(openKeys.peek()[0]).equals(first)) {
                        lenient.accept(source + ": " + first + " without a matching start (ignored)");
                        continue;
                    }
                    String[] start = openKeys.pop();
                    Map<String, String> startFields = openFields.pop();
                    List<TemplateBlock.Node> children = open.pop();
                    Map<String, String> fields = first.equals(")")
                            ? (line.substring(1).isBlank() ? Map.of() : pairs(line.substring(1), source, lenient))
                            : startFields;
                    open.peek().add(new TemplateBlock.Node(start[0], start[1], fields, List.copyOf(children),
                            start[2]));
                    continue;
                }
                Map<String, String> f = pairs(line, source, lenient);
                if (f.isEmpty()) {
                    continue;
                }
                String key = f.keySet().iterator().next();
                if (NESTING_ENDS.containsKey(key)) {
                    openKeys.push(new String[] {key, f.get(key), source});
                    openFields.push(f);
                    open.push(new ArrayList<>());
                } else {
                    open.peek().add(new TemplateBlock.Node(key, f.get(key), f, List.of(), source));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
            }
        }
        if (blockKind != null) {
            throw new IllegalArgumentException(blockSource + ": " + blockKind + " \"" + blockName + "\" never ends");
        }
        return blocks;
    }

    /**
     * The {@code Key="Value"} pairs of every non-blank, non-comment line of a flat template file such as
     * {@code sopcl.tpl}.
     *
     * @throws IllegalArgumentException naming file and line for a malformed line
     */
    public static List<Map<String, String>> readLines(Path file) {
        List<String> lines = DcmtkDictionaryReader.readLines(file);
        List<Map<String, String>> parsed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).trim();
            if (line.isEmpty()) {
                continue;
            }
            try {
                parsed.add(TemplateLine.parse(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    /**
     * The {@code Key="Value"} pairs of a line. A space before '=' is tolerated and text glued to a closing quote is
     * appended to the value (both reported); other text
     * outside pairs (a stray quote or brace) is dropped; both are passed to {@code lenient}. A line of nothing but
     * such text gives no pairs.
     */
    static Map<String, String> pairs(String line, String source, Consumer<String> lenient) {
        String glued = GLUED.matcher(REPEATED_KEY.matcher(line).replaceAll("$1=\"")).replaceAll("$1$2\"");
        Map<String, String> pairs = new LinkedHashMap<>();
        Matcher m = PAIR.matcher(glued);
        StringBuilder rest = new StringBuilder();
        int end = 0;
        while (m.find()) {
            rest.append(glued, end, m.start());
            pairs.putIfAbsent(m.group(1), m.group(2));
            end = m.end();
        }
        rest.append(glued.substring(end));
        if (!glued.equals(line) || !rest.toString().isBlank() || line.contains(" =\"")) {
            lenient.accept(source + ": " + line.replaceAll("\\s+", " "));
        }
        return pairs;
    }

    /** The line without a {@code #} comment that is outside quotes. */
    public static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted) {
                return line.substring(0, i);
            }
        }
        return line;
    }

}
