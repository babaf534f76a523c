package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.query.Browse;
import org.kerma.registry.query.StudyFilter;

/**
 * {@code kerma export} of 100,000 studies in a JVM limited to 64 MiB of heap: the study rows are streamed from the
 * index into the XLSX file, so the export finishes and the file reads back with every row. The index rows are
 * inserted directly (no archived files), as many as a busy department makes in a few years.
 */
class ExportScaleTest {
    private static final int STUDIES = 100_000;

    @TempDir
    Path work;

    @Test
    void exportsAHundredThousandStudiesToXlsxInSixtyFourMegabytesOfHeap() throws Exception {
        Path data = work.resolve("data");
        long listMillis;
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data))) {
            registry.index().inTransaction("insert test studies", ExportScaleTest::insert);
            Browse browse = new Browse(registry.index());
            long start = System.nanoTime();
            Browse.Page<Browse.Study> first = browse.studies(new StudyFilter(null, null, null, null, null, 0, 50));
            listMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(first.total()).isEqualTo(STUDIES);
        }
        Path xlsx = work.resolve("all.xlsx");
        Path log = work.resolve("export.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), Kerma.class.getName(), "export", "--data",
                data.toString(), "--format", "xlsx", "--level", "study", "-o", xlsx.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        long exportMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(p.exitValue()).as(Files.readString(log)).isZero();
        assertThat(Files.readString(log)).startsWith("exported 100000 studies to ");
        long rows;
        String lastUid;
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook book = new ReadableWorkbook(in);
             Stream<Row> stream = book.getFirstSheet().openStream()) {
            Row[] last = new Row[1];
            rows = stream.peek(r -> last[0] = r).count();
            lastUid = last[0].getCellText(16);
        }
        assertThat(rows).isEqualTo(STUDIES + 1);
        assertThat(lastUid).isEqualTo("2.25.1"); // the oldest study comes last
        System.out.printf("ExportScaleTest: %,d studies: first page of the list %d ms; kerma export xlsx with -Xmx64m"
                + " %d ms, %,d bytes%n", STUDIES, listMillis, exportMillis, Files.size(xlsx));
    }

    private static Void insert(Connection c) throws java.sql.SQLException {
        byte[] none = new byte[0];
        try (PreparedStatement patient = c.prepareStatement(
                "INSERT INTO patient (id, patient_id, patient_name, attributes) VALUES (?, ?, ?, ?)");
             PreparedStatement study = c.prepareStatement("INSERT INTO study (id, patient_fk, study_instance_uid,"
                     + " study_date, study_time, accession_number, study_description, attributes)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement series = c.prepareStatement("INSERT INTO series (id, study_fk, series_instance_uid,"
                     + " modality, attributes) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement instance = c.prepareStatement("INSERT INTO instance (series_fk, sop_instance_uid,"
                     + " sop_class_uid, object_class, file_path, file_size, sha256, transfer_syntax_uid, received_at,"
                     + " attributes) VALUES (?, ?, '1.2.840.10008.5.1.4.1.1.2', 'IMAGE', 'none', 0, '', "
                     + "'1.2.840.10008.1.2.1', 0, ?)")) {
            for (int n = 1; n <= STUDIES; n++) {
                if (n <= STUDIES / 4) {
                    patient.setInt(1, n);
                    patient.setString(2, "SCALE-" + n);
                    patient.setString(3, "Scale^Patient^" + n);
                    patient.setBytes(4, none);
                    patient.addBatch();
                }
                study.setInt(1, n);
                study.setInt(2, (n - 1) % (STUDIES / 4) + 1);
                study.setString(3, "2.25." + n);
                study.setString(4, java.time.LocalDate.of(2000, 1, 1).plusDays(n / 30).toString().replace("-", ""));
                study.setString(5, "101500");
                study.setString(6, "A" + n);
                study.setString(7, n % 2 == 0 ? "CT THORAX" : "CORONARY ANGIOGRAPHY");
                study.setBytes(8, none);
                study.addBatch();
                series.setInt(1, n);
                series.setInt(2, n);
                series.setString(3, "2.25." + n + ".1");
                series.setString(4, n % 2 == 0 ? "CT" : "XA");
                series.setBytes(5, none);
                series.addBatch();
                instance.setInt(1, n);
                instance.setString(2, "2.25." + n + ".1.1");
                instance.setBytes(3, none);
                instance.addBatch();
                if (n % 5000 == 0) {
                    patient.executeBatch();
                    study.executeBatch();
                    series.executeBatch();
                    instance.executeBatch();
                }
            }
        }
        return null;
    }
}
