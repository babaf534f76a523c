package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;

/** {@code kerma user} and {@code kerma export} on a registry in a temporary data directory. */
class UserAndExportCommandTest {
    private static final String R = "1.2.826.0.1.3680043.10.1188.9.";

    @TempDir
    Path work;

    @Test
    void addsAnAdminFromAPasswordFileListsItAndIssuesATokenTheAccountsAccept() throws Exception {
        Path data = work.resolve("data");
        Path password = Files.writeString(work.resolve("pw"), "first-admin-password\nignored second line\n");

        CommandRun add = CommandRun.kerma(new Object[0], "user", "add", "root", "--role", "admin",
                "--password-file", password.toString(), "--data", data.toString());
        CommandRun list = CommandRun.kerma(new Object[0], "user", "list", "--data", data.toString());
        CommandRun token = CommandRun.kerma(new Object[0], "user", "token", "root", "--days", "2", "--data",
                data.toString());
        CommandRun again = CommandRun.kerma(new Object[0], "user", "add", "root", "--role", "viewer",
                "--password-file", password.toString(), "--data", data.toString());

        assertThat(add.out()).isEqualTo("added root (admin)" + System.lineSeparator());
        assertThat(list.out()).startsWith("root                     admin      added ");
        assertThat(again.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(again.err()).contains("a user named root already exists");
        try (IndexDatabase index = IndexDatabase.open("jdbc:sqlite:" + data.resolve("kerma.db"))) {
            Accounts accounts = new Accounts(index);
            assertThat(accounts.authenticate("root", "first-admin-password".toCharArray())).isPresent();
            assertThat(accounts.principal(token.out().trim(), true).orElseThrow().user().role())
                    .isEqualTo(Role.ADMIN);
            assertThat(accounts.auditLog(10)).extracting(Accounts.AuditEntry::action)
                    .contains("USER_ADDED", "TOKEN_ISSUED");
        }
    }

    @Test
    void aBadRoleIsAUsageFailureNamingTheRoles() {
        CommandRun add = CommandRun.kerma(new Object[0], "user", "add", "x", "--role", "boss", "--password-file",
                "nowhere", "--data", work.resolve("data").toString());

        assertThat(add.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(add.err()).contains("a role is viewer, physicist or admin, was 'boss'");
    }

    @Test
    void exportsTheFilteredStudyListAsXlsxAndCsvWithOneRowPerStudy() throws Exception {
        Path data = work.resolve("data");
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data))) {
            for (int n = 1; n <= 30; n++) {
                registry.ingest().storeFile(new ByteArrayInputStream(part10(image(n))), Origin.file("export test"));
            }
        }
        Path xlsx = work.resolve("studies.xlsx");
        Path csv = work.resolve("studies.csv");

        CommandRun x = CommandRun.kerma(new Object[0], "export", "--data", data.toString(), "--format", "xlsx",
                "--level", "study", "-o", xlsx.toString(), "--modality", "DX");
        CommandRun c = CommandRun.kerma(new Object[0], "export", "--data", data.toString(), "--format", "csv",
                "-o", csv.toString(), "--from", "2024-01-05", "--to", "2024-01-07", "--no-patient-identifiers");

        assertThat(x.out()).as(x.err()).startsWith("exported 10 studies to ");
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook book = new ReadableWorkbook(in);
             Stream<Row> rows = book.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all).hasSize(11);
            assertThat(all.get(0).getCellText(5)).isEqualTo("Patient ID");
            assertThat(all.get(1).getCellText(0)).isEqualTo("2024-01-30");
            assertThat(all.get(1).getCellText(5)).isEqualTo("EXP-30");
            assertThat(all.get(1).getCellAsNumber(9).orElseThrow().intValue()).isEqualTo(1);
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).doesNotContain("Patient");
        assertThat(lines.get(1)).startsWith("2024-01-07,");
        assertThat(Files.exists(work.resolve("studies.csv.part"))).isFalse();
    }

    private static DicomObject image(int n) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, R + n + ".1.1");
        ds.setString(Tag.StudyInstanceUID, R + n);
        ds.setString(Tag.SeriesInstanceUID, R + n + ".1");
        ds.setString(Tag.StudyDate, String.format("202401%02d", n));
        ds.setString(Tag.Modality, n % 3 == 0 ? "DX" : "CT");
        ds.setString(Tag.PatientID, "EXP-" + n);
        ds.setString(Tag.PatientName, "Export^Test");
        ds.put(Tag.PixelData, VR.OW, new byte[64]);
        return ds;
    }

    private static byte[] part10(DicomObject ds) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        DicomWriter.writeFile(out, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return out.toByteArray();
    }
}
