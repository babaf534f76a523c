package org.kerma.dicom.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's pydicom ({@code /usr/bin/python3}, package python3-pydicom) over files through
 * {@code src/test/python/pydicom_view.py} and returns its view of each: elements as (path, VR, normalised value).
 */
public final class PydicomView {
    /** One element as pydicom sees it. */
    public record Element(String path, String vr, String value) {
    }

    /** pydicom's result for one file: its elements, or the error it raised. */
    public record Result(List<Element> elements, String error) {
    }

    private static Map<Path, Result> corpus;

    private PydicomView() {
    }

    /** pydicom's view of every corpus file, computed once per test JVM. */
    public static synchronized Map<Path, Result> ofCorpus() throws IOException, InterruptedException {
        if (corpus == null) {
            corpus = of(Corpus.dicomFiles().stream().map(Corpus.Entry::file).toList());
        }
        return corpus;
    }

    public static Map<Path, Result> of(List<Path> files) throws IOException, InterruptedException {
        Path script = Path.of("src/test/python/pydicom_view.py").toAbsolutePath();
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            throw new IllegalStateException("/usr/bin/python3 is missing: install Debian's python3-pydicom");
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<Path, Result> results = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode node = json.readTree(line);
                Path file = Path.of(node.get("file").asText());
                if (node.has("error")) {
                    results.put(file, new Result(List.of(), node.get("error").asText()));
                    continue;
                }
                List<Element> elements = new ArrayList<>();
                for (JsonNode e : node.get("elements")) {
                    elements.add(new Element(e.get(0).asText(), e.get(1).asText(), e.get(2).asText()));
                }
                results.put(file, new Result(elements, null));
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("pydicom_view.py failed (exit " + p.exitValue()
                    + "); is python3-pydicom installed for /usr/bin/python3?");
        }
        return results;
    }
}
