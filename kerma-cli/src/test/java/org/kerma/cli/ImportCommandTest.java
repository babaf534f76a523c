package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

class ImportCommandTest {
    private static final String ROOT = "1.2.826.0.1.3680043.10.1188.9.";

    @TempDir
    Path dir;

    private static CommandRun kerma(String... args) {
        return CommandRun.kerma(new Object[0], args);
    }

    static DicomObject image(String sop) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, Uid.SecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, sop);
        ds.setString(Tag.PatientID, "P1");
        ds.setString(Tag.PatientName, "Import^Test");
        ds.setString(Tag.StudyInstanceUID, ROOT + "1");
        ds.setString(Tag.SeriesInstanceUID, ROOT + "1.1");
        ds.setString(Tag.Modality, "OT");
        ds.setLong(Tag.Rows, 1);
        ds.setLong(Tag.Columns, 1);
        ds.setLong(Tag.BitsAllocated, 8);
        ds.setLong(Tag.SamplesPerPixel, 1);
        ds.put(Tag.PixelData, org.kerma.dicom.VR.OB, new byte[] {7, 0});
        return ds;
    }

    static byte[] part10(DicomObject ds) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeFile(out, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return out.toByteArray();
    }

    private Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    @Test
    void importsDirectoriesRecursivelyAndZipEntriesAndReportsDuplicatesAndFailures() throws Exception {
        Path in = dir.resolve("in");
        write(in.resolve("a/one.dcm"), part10(image(ROOT + "1.1.1")));
        write(in.resolve("a/b/two.dcm"), part10(image(ROOT + "1.1.2")));
        write(in.resolve("notes.txt"), "not DICOM".getBytes());
        try (OutputStream os = Files.newOutputStream(in.resolve("more.zip"));
             ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("x/three.dcm"));
            zip.write(part10(image(ROOT + "1.1.3")));
            zip.putNextEntry(new ZipEntry("x/one-again.dcm"));
            zip.write(part10(image(ROOT + "1.1.1")));
            zip.closeEntry();
        }
        Path data = dir.resolve("data");

        CommandRun run = kerma("import", "--data", data.toString(), "--progress", in.toString());

        assertThat(run.out()).isEqualTo("imported 3, duplicates 1, failed 1\n");
        assertThat(run.err()).contains("4/4 files").contains("failed: " + in.resolve("notes.txt")
                + ": not a readable DICOM object");
        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(Files.exists(data.resolve("kerma.db"))).isTrue();
        try (var files = Files.walk(data.resolve("archive"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".dcm")).count()).isEqualTo(3);
        }
    }

    @Test
    void recordsValidationFindingsUnlessToldNotTo() throws Exception {
        Path file = write(dir.resolve("in/one.dcm"), part10(image(ROOT + "1.1.1")));

        assertThat(kerma("import", "--data", dir.resolve("checked").toString(), file.toString()).exitCode()).isZero();
        assertThat(kerma("import", "--data", dir.resolve("unchecked").toString(), "--no-validation",
                file.toString()).exitCode()).isZero();

        assertThat(findingCount(dir.resolve("checked"))).isPositive();
        assertThat(findingCount(dir.resolve("unchecked"))).isZero();

        CommandRun errors = kerma("findings", "--data", dir.resolve("checked").toString(), "--severity", "error",
                "--limit", "2");
        assertThat(errors.exitCode()).isZero();
        String[] lines = errors.out().split("\n");
        assertThat(lines[0]).matches("\\d+ findings \\(validation ERROR \\d+\\)");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith("ERROR validation " + ROOT + "1.1.1 ");
        assertThat(kerma("findings", "--data", dir.resolve("unchecked").toString()).out()).isEqualTo("0 findings\n");
        CommandRun none = kerma("findings", "--data", dir.resolve("nothing").toString());
        assertThat(none.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(none.err()).contains("no registry in");
        assertThat(kerma("findings", "--data", dir.resolve("checked").toString(), "--severity", "fatal").exitCode())
                .isEqualTo(Kerma.EXIT_USAGE);
    }

    private static long findingCount(Path data) throws Exception {
        try (org.kerma.registry.Registry registry = org.kerma.registry.Registry.open(
                org.kerma.registry.RegistryConfig.defaults().withDataDirectory(data), java.util.List.of())) {
            return registry.index().read("count findings", c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM finding"
                        + " WHERE source = 'validation'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    @Test
    void followsADicomdirMadeByDcmmkdirToTheFilesItReferences() throws Exception {
        Path media = dir.resolve("media");
        write(media.resolve("IMAGES/IM1"), part10(image(ROOT + "1.1.1")));
        write(media.resolve("IMAGES/IM2"), part10(image(ROOT + "1.1.2")));
        Process dcmmkdir = new ProcessBuilder("dcmmkdir", "--general-purpose", "--invent", "+id", media.toString(),
                "IMAGES/IM1", "IMAGES/IM2").directory(media.toFile()).redirectErrorStream(true).start();
        String output = new String(dcmmkdir.getInputStream().readAllBytes());
        assertThat(dcmmkdir.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dcmmkdir.exitValue()).as(output).isZero();
        write(media.resolve("UNLISTED"), part10(image(ROOT + "1.1.9")));

        CommandRun run = kerma("import", "--data", dir.resolve("data").toString(),
                media.resolve("DICOMDIR").toString());

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("imported 2, duplicates 0, failed 0\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void reindexRebuildsWhatImportStored() throws Exception {
        Path in = dir.resolve("in");
        for (int i = 1; i <= 3; i++) {
            write(in.resolve(i + ".dcm"), part10(image(ROOT + "1.1." + i)));
        }
        Path data = dir.resolve("data");
        assertThat(kerma("import", "--data", data.toString(), in.toString()).exitCode()).isZero();

        CommandRun run = kerma("reindex", "--data", data.toString(), "--progress");

        assertThat(run.out()).isEqualTo("reindexed 3 instances, 0 kept-both copies, failed 0\n");
        assertThat(run.err()).contains("3/3 files");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void namesAMissingPathAsAFailure() {
        Path missing = dir.resolve("nowhere");

        CommandRun run = kerma("import", "--data", dir.resolve("data").toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err()).isEqualTo("failed: " + missing + ": no such file or directory\n");
    }

    @Test
    void rejectsAnUnknownDuplicatePolicyAsAUsageError() {
        CommandRun run = kerma("import", "--duplicates", "keep-some", dir.toString());

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_USAGE);
        assertThat(run.err()).contains("keep-some").contains("keep-first, replace or keep-both");
    }

}
