package org.kerma.dose.rdsr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Quantity;
import org.kerma.dose.SharedCorpus;
import org.kerma.dose.units.Units;

/**
 * Checks every row of {@code ../shared/corpus/openrem/EXPECTED.tsv} that applies to what kerma-dose reads (study,
 * accumulated, event and administration rows of one dose report file) and writes the outcome to
 * {@code docs/conformance.md}. Fails on any failing row that is not in the committed list of known failures
 * ({@code conformance-known-failures.tsv}, each with its reason).
 */
class OpenremConformanceTest {
    private static final Pattern SCOPE = Pattern.compile("study|accumulated|administration|event\\[(\\d+|only)]");
    /** Where the section on the registry's identity rows begins, which this test leaves as it is. */
    static final String REGISTRY_SECTION = "## Registry: identity rows through kerma import";
    private static final Pattern APPROX = Pattern.compile("approx\\((\\d+)dp\\)");

    record Row(String file, String scope, String field, String expected, String unit, String match) {
        String key() {
            return file + "\t" + scope + "\t" + field;
        }
    }

    record Outcome(Row row, String status, String actual, String reason) {
    }

    @Test
    void everyApplicableExpectedValuePassesOrIsAKnownFailure() throws IOException {
        Map<String, String> known = knownFailures();
        Map<String, Optional<DoseReport>> reports = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows()) {
            if (row.file().contains("+") || row.file().contains(",") || !SCOPE.matcher(row.scope()).matches()) {
                continue;
            }
            Optional<DoseReport> report = reports.computeIfAbsent(row.file(), OpenremConformanceTest::read);
            if (report.isEmpty()) {
                continue;
            }
            outcomes.add(check(row, report.get(), known));
        }
        List<String> regressions = outcomes.stream().filter(o -> o.status().equals("FAIL")
                && !known.containsKey(o.row().key())).map(o -> o.row().key().replace('\t', ' ') + ": expected "
                + o.row().expected() + ", read " + o.actual()).toList();
        writeReport(outcomes, known);
        assertThat(outcomes.stream().filter(o -> o.status().equals("PASS")).count()).isGreaterThan(150);
        assertThat(regressions).as("failing rows not in conformance-known-failures.tsv").isEmpty();
    }

    private static Optional<DoseReport> read(String file) {
        DicomObject o = SharedCorpus.read(file);
        return RdsrReader.isDoseReport(o) ? Optional.of(RdsrReader.read(o)) : Optional.empty();
    }

    static Outcome check(Row row, DoseReport report, Map<String, String> known) {
        ExpectedValues.Actual actual = ExpectedValues.actual(report, row.field());
        if (actual instanceof ExpectedValues.Actual.NotRead) {
            return new Outcome(row, "N/A", "", ExpectedValues.reasonNotRead(row.field()));
        }
        Object value = ((ExpectedValues.Actual.Value) actual).value();
        boolean pass = matches(row, value);
        return new Outcome(row, pass ? "PASS" : "FAIL", shown(value, row.unit()),
                pass ? "" : known.getOrDefault(row.key(), "REGRESSION"));
    }

    static boolean matches(Row row, Object value) {
        String expected = row.expected();
        if (expected.equals("None")) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        if (row.match().equals("bool")) {
            return value instanceof Boolean b && b.toString().equalsIgnoreCase(expected);
        }
        Optional<Double> number = inUnit(value, row.unit());
        Matcher approx = APPROX.matcher(row.match());
        if (number.isPresent()) {
            double e = Double.parseDouble(expected);
            double tolerance = approx.matches() ? 0.5 * Math.pow(10, -Integer.parseInt(approx.group(1)))
                    : 1e-12 * Math.max(1, Math.abs(e));
            return Math.abs(number.get() - e) < tolerance;
        }
        return value.toString().equals(expected);
    }

    /** A quantity in the row's unit (OpenREM's storage unit), or a plain number; empty for text. */
    static Optional<Double> inUnit(Object value, String unit) {
        if (value instanceof Quantity q && !unit.isEmpty() && !unit.equals("years")) {
            Units.Conversion c = Units.convert(1, unit, q.unit());
            if (c instanceof Units.Conversion.Converted f) {
                return Optional.of(q.value() / f.value());
            }
        }
        return ExpectedValues.number(value);
    }

    static String shown(Object value, String unit) {
        if (value == null) {
            return "(nothing)";
        }
        return inUnit(value, unit).map(d -> d + (unit.isEmpty() ? "" : " " + unit)).orElse(value.toString());
    }

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(SharedCorpus.openrem().resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            rows.add(new Row(f[0], f[1], f[2], f[3], f[4], f[5]));
        }
        return rows;
    }

    static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        try (var in = OpenremConformanceTest.class.getResourceAsStream("conformance-known-failures.tsv")) {
            if (in == null) {
                return known;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                known.put(f[0] + "\t" + f[1] + "\t" + f[2], f[3]);
            }
        }
        return known;
    }

    static void writeReport(List<Outcome> outcomes, Map<String, String> known) throws IOException {
        Path docs = Path.of("..", "docs");
        if (!Files.isDirectory(docs)) {
            return;
        }
        long pass = outcomes.stream().filter(o -> o.status().equals("PASS")).count();
        long fail = outcomes.stream().filter(o -> o.status().equals("FAIL")).count();
        long na = outcomes.stream().filter(o -> o.status().equals("N/A")).count();
        StringBuilder md = new StringBuilder();
        md.append("# Conformance: OpenREM's expected values\n\n")
                .append("Generated by `OpenremConformanceTest` (kerma-dose) from `../shared/corpus/openrem/EXPECTED.tsv`;")
                .append(" do not edit. Rows checked: those of one dose report file (X-Ray, Enhanced and")
                .append(" Radiopharmaceutical Radiation Dose SR, GE Enhanced SR) with scope study, accumulated,")
                .append(" event or administration. Values are compared in OpenREM's storage unit (the `unit`")
                .append(" column) after conversion from Kerma's canonical unit; `approx(Ndp)` as OpenREM's")
                .append(" `assertAlmostEqual(places=N)`.\n\n")
                .append("| outcome | rows |\n| --- | --- |\n")
                .append("| pass | ").append(pass).append(" |\n")
                .append("| fail (known, explained below) | ").append(fail).append(" |\n")
                .append("| not read by kerma-dose (reason below) | ").append(na).append(" |\n\n");
        md.append("## Per file\n\n| file | pass | fail | not read |\n| --- | --- | --- | --- |\n");
        Map<String, long[]> perFile = new TreeMap<>();
        for (Outcome o : outcomes) {
            long[] c = perFile.computeIfAbsent(o.row().file(), k -> new long[3]);
            c[o.status().equals("PASS") ? 0 : o.status().equals("FAIL") ? 1 : 2]++;
        }
        perFile.forEach((f, c) -> md.append("| ").append(f).append(" | ").append(c[0]).append(" | ").append(c[1])
                .append(" | ").append(c[2]).append(" |\n"));
        md.append("\n## Failing rows\n\n");
        if (outcomes.stream().noneMatch(o -> o.status().equals("FAIL"))) {
            md.append("None.\n");
        } else {
            md.append("| file | scope | field | expected | read | reason |\n| --- | --- | --- | --- | --- | --- |\n");
        }
        for (Outcome o : outcomes) {
            if (o.status().equals("FAIL")) {
                md.append("| ").append(o.row().file()).append(" | ").append(o.row().scope()).append(" | ")
                        .append(o.row().field()).append(" | ").append(cell(o.row().expected())).append(' ')
                        .append(o.row().unit()).append(" | ").append(cell(o.actual())).append(" | ")
                        .append(cell(o.reason())).append(" |\n");
            }
        }
        md.append("\n## Rows not read, by reason\n\n| reason | rows | fields |\n| --- | --- | --- |\n");
        Map<String, List<String>> byReason = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.status().equals("N/A")) {
                byReason.computeIfAbsent(o.reason(), k -> new ArrayList<>()).add(o.row().field());
            }
        }
        byReason.forEach((reason, fields) -> md.append("| ").append(reason).append(" | ").append(fields.size())
                .append(" | ").append(cell(String.join(", ", fields.stream().distinct().sorted().toList())))
                .append(" |\n"));
        Path file = docs.resolve("conformance.md");
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        int registry = old.indexOf(REGISTRY_SECTION);
        String kept = registry < 0 ? "" : "\n" + old.substring(registry); // written by kerma-cli's OpenremIdentityTest
        Files.writeString(file, md + kept, StandardCharsets.UTF_8);
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
