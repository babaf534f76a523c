package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.server.api.RestApi;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/**
 * The identity rows of OpenREM's expectations ({@code ../shared/corpus/openrem/EXPECTED.tsv}): several dose reports
 * of one study (Siemens Multi and Continued), duplicates imported again, combined imports, and the image-based DX
 * and MG studies. Each set of files goes through {@code kerma import} into a fresh registry, in the order listed
 * (a set imported more times than it has files has its last file imported again), and each row is checked against
 * the REST answers. Writes the section "Registry: identity rows through kerma import" of
 * {@code docs/conformance.md}; fails on any failing row.
 */
class OpenremIdentityTest {
    static final String SECTION = "## Registry: identity rows through kerma import";
    private static final Pattern IMPORTS = Pattern.compile("combined: (\\d+) imports");
    private static final Pattern APPROX = Pattern.compile("approx\\((\\d+)dp\\)");
    private static final Pattern EVENT = Pattern.compile("event\\[\\d+]\\.|event\\.");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The file imported again, as the "dedup behaviour" rows of EXPECTED.tsv say, by the set's first file. */
    private static final Map<String, String> REIMPORTED = Map.of(
            "CT-RDSR-Siemens-Multi-1", "CT-RDSR-Siemens-Multi-1.dcm",
            "CT-RDSR-Siemens-Continued-1", "CT-RDSR-Siemens-Continued-2.dcm",
            "MG-Im-GE_Seno_1_ForPresentation", "MG-Im-GE_Seno_1_ForProcessing.dcm",
            "DX-Im-GE_XR220-1", "DX-Im-GE_XR220-2.dcm");

    /** Rows where Kerma answers otherwise on purpose or for a reason outside the registry: (files, field) → why. */
    private static final Map<String, String> KNOWN = Map.of(
            "CT-RDSR-Siemens-Continued-1.dcm+CT-RDSR-Siemens-Continued-2.dcm GeneralStudyModuleAttr.objects.count()",
            "both reports have one Study Instance UID: Kerma keeps one study to which the disjoint second report adds"
                    + " its events (issue 6); OpenREM makes a second study entry",
            "CT-RDSR-Siemens-Continued-1.dcm+CT-RDSR-Siemens-Continued-2.dcm event.count()",
            "the one study holds the events of both reports (2 + 2); OpenREM counts 2 in each of its two entries",
            "DX-Im-Carestream_DR7500-1.dcm mech.distance.distance_source_to_detector",
            "the header's Distance Source to Detector is 11.5, read as written (mm, with an implausible-value"
                    + " finding); OpenREM scales Carestream's value to 1150 mm: a vendor quirk for TechniqueReader",
            "DX-Im-Carestream_DR7500-2.dcm mech.distance.distance_source_to_detector",
            "as for DX-Im-Carestream_DR7500-1.dcm");

    @TempDir
    Path tmp;

    record Row(String files, String scope, String field, String expected, String unit, String match) {
        List<String> fileList() {
            return List.of(files.split("\\+"));
        }

        /** How many imports the row's scope describes: "combined: N", "after re-import" (one more), else one each. */
        int imports() {
            Matcher m = IMPORTS.matcher(scope);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            return fileList().size() + (scope.contains("after re-import") ? 1 : 0);
        }

        /**
         * The identity rows: several files, a re-import, or an image-based study, with a dose or study scope (the
         * "dedup behaviour" rows say the same in words; PET series and administrations are not the registry's).
         */
        boolean isIdentityRow(Path corpus) {
            boolean identity = files.contains("+") || scope.contains("re-import") || scope.contains("(this image)")
                    || files.contains("-Im-");
            boolean doseScope = scope.startsWith("study(") || scope.startsWith("study;") || scope.equals("study")
                    || scope.startsWith("event[only]") || scope.equals("event(this image)");
            return identity && doseScope && fileList().stream().allMatch(f -> Files.isRegularFile(corpus.resolve(f)));
        }
    }

    record Outcome(Row row, String status, String actual, String reason) {
    }

    /** What one registry answered after importing a set of files. */
    record Answers(List<JsonNode> studies, Map<String, JsonNode> studyDose, Map<String, JsonNode> instanceDose,
                   List<String> sopOfFile) {
        JsonNode firstDose() {
            return studyDose.get(studies.get(0).get("studyInstanceUid").asText());
        }
    }

    @Test
    void identityRowsPassThroughImportAndTheRestApi() throws Exception {
        Path corpus = Path.of(DoseCommandTest.corpus("EXPECTED.tsv"));
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(corpus).subList(1, Files.readAllLines(corpus).size())) {
            String[] f = line.split("\t", -1);
            Row row = new Row(f[0], f[1], f[2], f[3], f[4], f[5]);
            if (row.isIdentityRow(corpus.getParent())) {
                rows.add(row);
            }
        }
        Map<String, Answers> registries = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            String key = row.files() + " x" + row.imports();
            Answers answers = registries.get(key);
            if (answers == null) {
                answers = importAndAsk(row.fileList(), row.imports(), corpus.getParent(), registries.size());
                registries.put(key, answers);
            }
            outcomes.add(check(row, answers));
        }
        writeSection(outcomes);
        assertThat(outcomes.stream().filter(o -> o.status().equals("FAIL")).map(o -> o.row().files() + " "
                + o.row().scope() + " " + o.row().field() + ": expected " + o.row().expected() + ", got "
                + o.actual())).isEmpty();
        assertThat(outcomes.stream().filter(o -> o.status().equals("PASS")).count()).isGreaterThan(40);
    }

    private Answers importAndAsk(List<String> files, int imports, Path corpus, int n) throws Exception {
        Path data = tmp.resolve("r" + n);
        List<String> order = new ArrayList<>(files);
        while (order.size() < imports) {
            order.add(REIMPORTED.entrySet().stream().filter(e -> files.get(0).startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(files.get(files.size() - 1)));
        }
        List<String> sops = new ArrayList<>();
        for (String file : files) {
            sops.add(DicomReader.read(corpus.resolve(file)).dataset().getString(Tag.SOPInstanceUID, ""));
        }
        for (String file : order) {
            CommandRun run = CommandRun.kerma(new Object[0], "import", "--data", data.toString(),
                    corpus.resolve(file).toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isIn(0, 3);
        }
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data));
             RestApi api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0)) {
            Accounts accounts = new Accounts(registry.index());
            token = accounts.issueToken(accounts.add("openrem-physicist", Role.PHYSICIST,
                    "correct horse".toCharArray()), Duration.ofHours(1));
            List<JsonNode> studies = new ArrayList<>();
            get(api, "/api/studies?limit=1000").get("items").forEach(studies::add);
            studies.sort((a, b) -> Integer.compare(order.indexOf(fileOfStudy(a, files, corpus)),
                    order.indexOf(fileOfStudy(b, files, corpus))));
            Map<String, JsonNode> dose = new LinkedHashMap<>();
            for (JsonNode s : studies) {
                String uid = s.get("studyInstanceUid").asText();
                dose.put(uid, get(api, "/api/studies/" + uid + "/dose"));
            }
            Map<String, JsonNode> instances = new LinkedHashMap<>();
            for (String sop : sops) {
                instances.put(sop, get(api, "/api/instances/" + sop + "/dose"));
            }
            return new Answers(studies, dose, instances, sops);
        }
    }

    /** The first file of the set whose study is {@code study} (studies in the order their files were imported). */
    private static String fileOfStudy(JsonNode study, List<String> files, Path corpus) {
        for (String f : files) {
            try {
                if (DicomReader.read(corpus.resolve(f)).dataset().getString(Tag.StudyInstanceUID, "")
                        .equals(study.get("studyInstanceUid").asText())) {
                    return f;
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return "";
    }

    /** A physicist's bearer token for the registry being asked. */
    private static String token;

    private static JsonNode get(RestApi api, String path) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** Event type codes of the CT acquisition kinds OpenREM counts. */
    private static final Map<String, List<String>> CT_TYPES = Map.of(
            "number_of_axial", List.of("113804"), "number_of_spiral", List.of("116152004", "P5-08001"),
            "number_of_stationary", List.of("113806"), "number_of_const_angle", List.of("113805"));

    private Outcome check(Row row, Answers a) {
        String field = row.field();
        Function<JsonNode, JsonNode> summary = d -> d.get("summary");
        JsonNode first = a.firstDose();
        Object actual;
        if (field.equals("GeneralStudyModuleAttr.objects.count()") || field.equals("studies.count()")) {
            actual = a.studies().size();
        } else if (field.equals("event.count()")) {
            actual = first.get("events").size();
        } else if (field.equals("number_of_events")) {
            actual = summary.apply(first).get("eventCount").asInt();
        } else if (field.equals("total_dlp")) {
            actual = number(summary.apply(first).get("dlpMGyCm"));
        } else if (field.equals("total_dap") || field.equals("total_dap_a") && first.get("accumulated").size() == 1) {
            actual = number(summary.apply(first).get("dapGym2"));
        } else if (field.equals("number_of_planes")) {
            actual = first.get("accumulated").size();
        } else if (CT_TYPES.containsKey(field)) {
            int n = 0;
            for (JsonNode e : first.get("events")) {
                if (!e.get("type").isNull() && CT_TYPES.get(field).contains(e.get("type").get("code").asText())) {
                    n++;
                }
            }
            actual = n;
        } else if (field.equals("study_date")) {
            String date = a.studies().get(0).get("studyDate").asText();
            actual = date.substring(0, 4) + "-" + date.substring(4, 6) + "-" + date.substring(6);
        } else if (row.scope().equals("event(this image)") || row.scope().equals("event[only]")
                && row.fileList().size() == 1 && row.files().contains("-Im-")) {
            JsonNode technique = a.instanceDose().get(a.sopOfFile().get(0)).get("technique");
            actual = technique == null || technique.isNull() ? null : technique(EVENT.matcher(field).replaceFirst(""),
                    technique);
            if (actual == NOT_IN_API) {
                return new Outcome(row, "N/A", "", "not in the image technique of the dose API");
            }
        } else {
            return new Outcome(row, "N/A", "", "not a dose answer of the registry (equipment, patient, age,"
                    + " AGD or export)");
        }
        Outcome outcome = compare(row, actual);
        String known = KNOWN.getOrDefault(row.files() + " " + field,
                KNOWN.get(row.files() + " " + EVENT.matcher(field).replaceFirst("")));
        if (outcome.status().equals("FAIL") && known != null) {
            return new Outcome(row, "KNOWN", outcome.actual(), known);
        }
        return outcome;
    }

    private static final Object NOT_IN_API = new Object();

    /** The image technique value named by an OpenREM event field, in OpenREM's unit. */
    private static Object technique(String field, JsonNode t) {
        return switch (field) {
            case "acquisition_protocol" -> t.get("protocolName").isNull() ? null : t.get("protocolName").asText();
            case "dose_area_product" -> number(t.get("dapGym2"));
            case "mech.distance.distance_source_to_detector" -> number(t.get("sidMm"));
            case "source.exposure_time" -> scaled(t.get("exposureTimeS"), 1000); // ms
            case "source.average_xray_tube_current" -> number(t.get("tubeCurrentMa"));
            case "source.exposure.exposure" -> scaled(t.get("exposureMas"), 1000); // uA.s
            case "source.kvp.kvp" -> number(t.get("kvpKv"));
            case "detector.exposure_index" -> number(t.get("exposureIndex"));
            default -> NOT_IN_API;
        };
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static Double scaled(JsonNode n, double factor) {
        Double v = number(n);
        return v == null ? null : v * factor;
    }

    private static Outcome compare(Row row, Object actual) {
        if (actual == null) {
            return new Outcome(row, "FAIL", "null", "no value");
        }
        Matcher approx = APPROX.matcher(row.match());
        boolean pass;
        if (actual instanceof Double d) {
            double expected = Double.parseDouble(row.expected());
            double tolerance = approx.matches() ? 0.5 * Math.pow(10, -Integer.parseInt(approx.group(1))) : 1e-9;
            pass = Math.abs(d - expected) <= tolerance;
        } else if (actual instanceof Integer i) {
            pass = i == (int) Double.parseDouble(row.expected());
        } else {
            pass = actual.toString().equals(row.expected());
        }
        return new Outcome(row, pass ? "PASS" : "FAIL", actual.toString(), "");
    }

    private static void writeSection(List<Outcome> outcomes) throws Exception {
        Path docs = Path.of("..", "docs");
        if (!Files.isDirectory(docs)) {
            return;
        }
        Map<String, int[]> perSet = new TreeMap<>();
        Map<String, List<String>> notChecked = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] c = perSet.computeIfAbsent(o.row().files(), k -> new int[3]);
            c[switch (o.status()) {
                case "PASS" -> 0;
                case "FAIL", "KNOWN" -> 1;
                default -> 2;
            }]++;
            if (o.status().equals("N/A")) {
                notChecked.computeIfAbsent(o.reason(), k -> new ArrayList<>()).add(o.row().field());
            }
        }
        StringBuilder md = new StringBuilder(SECTION).append("\n\nGenerated by `OpenremIdentityTest` (kerma-cli):")
                .append(" the rows of several files, re-imports and image-based DX/MG studies, each set imported")
                .append(" with `kerma import` into a fresh registry and checked against the REST answers")
                .append(" (`/api/studies`, `/api/studies/{uid}/dose`, `/api/instances/{uid}/dose`).\n\n")
                .append("| outcome | rows |\n| --- | --- |\n");
        long pass = outcomes.stream().filter(o -> o.status().equals("PASS")).count();
        long fail = outcomes.stream().filter(o -> o.status().equals("FAIL")).count();
        long known = outcomes.stream().filter(o -> o.status().equals("KNOWN")).count();
        md.append("| pass | ").append(pass).append(" |\n| fail | ").append(fail).append(" |\n| known difference |")
                .append(' ').append(known).append(" |\n| not checked | ").append(outcomes.size() - pass - fail - known)
                .append(" |\n\n| files | pass | fail or known | not checked |\n| --- | --- | --- | --- |\n");
        perSet.forEach((files, c) -> md.append("| ").append(files.replace("+", " + ")).append(" | ").append(c[0])
                .append(" | ").append(c[1]).append(" | ").append(c[2]).append(" |\n"));
        md.append("\n| known difference | expected | Kerma | why |\n| --- | --- | --- | --- |\n");
        outcomes.stream().filter(o -> o.status().equals("KNOWN")).forEach(o -> md.append("| ")
                .append(o.row().files().replace("+", " + ")).append(" ").append(o.row().field()).append(" | ")
                .append(o.row().expected()).append(' ').append(o.row().unit()).append(" | ").append(o.actual())
                .append(" | ").append(o.reason()).append(" |\n"));
        md.append("\n| not checked because | rows | fields |\n| --- | --- | --- |\n");
        notChecked.forEach((reason, fields) -> md.append("| ").append(reason).append(" | ").append(fields.size())
                .append(" | ").append(String.join(", ", fields.stream().distinct().sorted().toList())
                        .replace("|", "\\|")).append(" |\n"));
        Path file = docs.resolve("conformance.md");
        String old = Files.readString(file, StandardCharsets.UTF_8);
        int at = old.indexOf(SECTION);
        String head = at < 0 ? old.stripTrailing() + "\n" : old.substring(0, at).stripTrailing() + "\n";
        Files.writeString(file, head + "\n" + md, StandardCharsets.UTF_8);
    }
}
