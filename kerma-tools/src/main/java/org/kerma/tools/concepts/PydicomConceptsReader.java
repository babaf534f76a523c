package org.kerma.tools.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.tools.read.PythonLiterals;

/**
 * Reads pydicom's {@code sr/_concepts_dict.py}: {@code concepts["SCHEME"] = {keyword: {code: (meaning, [cid, ...])}}}.
 * The subscript assignments are read as plain names ({@code concepts__SCHEME}) so that {@link PythonLiterals}, which
 * knows only {@code name = literal}, can parse the module without evaluating anything.
 */
final class PydicomConceptsReader {
    private static final Pattern SUBSCRIPT = Pattern.compile("^(\\w+)\\[\"([A-Za-z0-9_]+)\"\\] =", Pattern.MULTILINE);

    private PydicomConceptsReader() {
    }

    static List<Concept> read(Path file) {
        Map<String, Object> module = PythonLiterals.parseModule(file.toString(), rewrite(readText(file)));
        List<Concept> concepts = new ArrayList<>();
        for (Map.Entry<String, Object> scheme : module.entrySet()) {
            if (!scheme.getKey().startsWith("concepts__")) {
                continue;
            }
            String designator = scheme.getKey().substring("concepts__".length());
            for (Map.Entry<?, ?> byKeyword : ((Map<?, ?>) scheme.getValue()).entrySet()) {
                for (Map.Entry<?, ?> byCode : ((Map<?, ?>) byKeyword.getValue()).entrySet()) {
                    List<?> meaningAndCids = (List<?>) byCode.getValue();
                    List<Long> cids = ((List<?>) meaningAndCids.get(1)).stream().map(c -> (Long) c).toList();
                    concepts.add(new Concept(designator, (String) byKeyword.getKey(), (String) byCode.getKey(),
                            (String) meaningAndCids.get(0), cids));
                }
            }
        }
        return concepts;
    }

    static String rewrite(String text) {
        Matcher m = SUBSCRIPT.matcher(text);
        return m.replaceAll("$1__$2 =");
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
