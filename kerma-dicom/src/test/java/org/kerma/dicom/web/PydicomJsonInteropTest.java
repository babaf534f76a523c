package org.kerma.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.corpus.Corpus;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.json.DicomJson;
import org.kerma.dicom.json.JsonOptions;

/**
 * Kerma's DICOM JSON against pydicom's {@code Dataset.to_json_dict()} (Debian python3-pydicom 2.3, through
 * {@code src/test/python/pydicom_json.py}) for every dose SR of the corpus and a handful of images: both documents are
 * parsed and compared attribute by attribute (VR, then values: numbers by value, strings exactly, InlineBinary by
 * hash). Each difference must fall into a kind listed in {@code pydicom-json-disagreements.tsv}, which says who is
 * right per PS3.18; a listed kind that no longer occurs fails too.
 */
class PydicomJsonInteropTest {
    private static final Path KINDS = Path.of("src/test/resources/org/kerma/dicom/web/pydicom-json-disagreements.tsv");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void kermaJsonAgreesWithPydicomExceptForListedDisagreements() throws Exception {
        List<Corpus.Entry> files = InteropFiles.files();
        Map<String, JsonNode> pydicom = runPydicom(files);
        Map<String, String> kinds = JsonComparison.readKinds(KINDS);
        Map<String, Integer> seen = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        int compared = 0;
        int attributes = 0;
        for (Corpus.Entry entry : files) {
            JsonNode py = pydicom.get(entry.file().toString());
            if (py == null) {
                unexplained.add(entry.name() + ": no output from pydicom");
                continue;
            }
            if (py.has("error")) {
                String error = py.get("error").asText();
                if (error.contains("could not convert string to float") && kinds.containsKey("pydicom-fails-on-invalid-ds")) {
                    seen.merge("pydicom-fails-on-invalid-ds", 1, Integer::sum);
                } else {
                    unexplained.add(entry.name() + ": pydicom failed: " + error);
                }
                continue;
            }
            DicomObject dataset = DicomReader.read(entry.file(), ReadOptions.DEFAULT).dataset();
            JsonNode kerma = digest(MAPPER.readTree(DicomJson.toJson(dataset, JsonOptions.DEFAULT)));
            JsonComparison comparison = JsonComparison.compare(kerma, py.get("json"));
            compared++;
            attributes += comparison.attributes();
            for (JsonComparison.Difference d : comparison.differences()) {
                if (kinds.containsKey(d.kind())) {
                    seen.merge(d.kind(), 1, Integer::sum);
                } else {
                    unexplained.add(entry.name() + "\t" + d);
                }
            }
        }
        System.out.printf("pydicom JSON interop: %d files, %d attributes compared; disagreements by kind: %s%n",
                compared, attributes, seen);
        assertThat(compared).as("files compared").isGreaterThanOrEqualTo(40);
        assertThat(unexplained).as("differences not listed in pydicom-json-disagreements.tsv").isEmpty();
        assertThat(kinds.keySet()).as("listed kinds that no longer occur").isSubsetOf(seen.keySet());
    }

    /** Replaces every InlineBinary by "<N bytes sha1 X>", as pydicom_json.py does. */
    static JsonNode digest(JsonNode node) throws Exception {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            Map<String, JsonNode> replaced = new LinkedHashMap<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getKey().equals("InlineBinary")) {
                    byte[] raw = Base64.getDecoder().decode(f.getValue().asText());
                    String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(raw));
                    replaced.put(f.getKey(), new TextNode("<" + raw.length + " bytes sha1 " + sha1 + ">"));
                } else {
                    replaced.put(f.getKey(), digest(f.getValue()));
                }
            }
            replaced.forEach(o::set);
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                digest(child);
            }
        }
        return node;
    }

    private static Map<String, JsonNode> runPydicom(List<Corpus.Entry> files) throws IOException, InterruptedException {
        Path script = Path.of("src/test/python/pydicom_json.py").toAbsolutePath();
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            throw new IllegalStateException("/usr/bin/python3 is missing: install Debian's python3-pydicom");
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString()));
        files.forEach(f -> command.add(f.file().toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, JsonNode> results = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode node = MAPPER.readTree(line);
                results.put(node.get("file").asText(), node);
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("pydicom_json.py failed; is python3-pydicom installed for /usr/bin/python3?");
        }
        return results;
    }
}
