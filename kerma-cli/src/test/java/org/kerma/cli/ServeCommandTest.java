package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomReader;
import org.kerma.net.Status;
import org.kerma.net.client.Connection;
import org.kerma.net.client.DicomClient;
import org.kerma.net.client.Proposal;
import org.kerma.net.client.Response;
import org.kerma.net.service.Instance;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.index.IndexedInstance;

/**
 * {@code kerma serve} in its own JVM, started as the bench kit starts it: prints where it stores and how to reach
 * it, answers on both ports, shuts down gracefully on SIGTERM, and loses no acknowledged object to a kill -9 in the
 * middle of a bulk send of 1,000 objects.
 */
class ServeCommandTest {
    private static final String ROOT = "1.2.826.0.1.3680043.10.1188.8.";
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private Process serve(Path data, int dicomPort, int httpPort, Path log) throws Exception {
        // the kerma command's own logging (KERMA_LOG), not the logback-test.xml a test jar on the class path brings
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), Kerma.class.getName(), "serve", "--aet", "KSERVE",
                "--data", data.toString(), "--dicom-port", Integer.toString(dicomPort), "--http-port",
                Integer.toString(httpPort)).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("KERMA_LOG", "info");
        Process p = pb.start();
        started.add(p);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
            try {
                if (http(httpPort, "/api/health").statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("kerma serve did not answer /api/health:\n" + Files.readString(log));
    }

    private static HttpResponse<String> http(int port, String path) throws Exception {
        return http(port, path, null);
    }

    private static HttpResponse<String> http(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A viewer's bearer token made with {@code kerma user add} and {@code kerma user token}, beside the server. */
    private String viewerToken(Path data) throws IOException {
        Path password = Files.writeString(work.resolve("password.txt"), "serve-test-password\n");
        CommandRun add = CommandRun.kerma(new Object[0], "user", "add", "serve-test", "--role", "viewer",
                "--password-file", password.toString(), "--data", data.toString());
        assertThat(add.exitCode()).as(add.err()).isZero();
        CommandRun token = CommandRun.kerma(new Object[0], "user", "token", "serve-test", "--data", data.toString());
        assertThat(token.exitCode()).as(token.err()).isZero();
        return token.out().trim();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static DicomObject image(int n) {
        DicomObject d = new DicomObject();
        d.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        d.setString(Tag.SOPInstanceUID, ROOT + "3." + n);
        d.setString(Tag.StudyInstanceUID, ROOT + "1." + (n / 100));
        d.setString(Tag.SeriesInstanceUID, ROOT + "2." + (n / 10));
        d.setString(Tag.PatientID, "BULK" + (n / 100));
        d.setString(Tag.Modality, "CT");
        d.setString(Tag.InstanceNumber, Integer.toString(n));
        d.put(Tag.PixelData, VR.OW, new byte[2048]);
        return d;
    }

    @Test
    void refusesABadConfigurationFileNamingTheFileAndTheKey() throws Exception {
        Path config = Files.writeString(work.resolve("kerma.yml"), "dicom:\n  port: 99999\n");

        CommandRun run = CommandRun.kerma(new Object[0], "serve", "--config", config.toString(), "--data",
                work.resolve("data").toString());

        assertThat(run.exitCode()).isEqualTo(Kerma.EXIT_FAILURE);
        assertThat(run.err()).isEqualTo("kerma serve: " + config + ": dicom.port: expected a whole number from 0 to"
                + " 65535, got '99999'" + System.lineSeparator());
        assertThat(Files.exists(work.resolve("data"))).as("nothing created before the configuration is valid")
                .isFalse();
    }

    @Test
    void printsWhereItStoresAndStopsGracefullyOnSigterm() throws Exception {
        int dicomPort = freePort();
        int httpPort = freePort();
        Path log = work.resolve("serve.log");
        Process p = serve(work.resolve("data"), dicomPort, httpPort, log);
        try (DicomClient client = DicomClient.connect(Connection.to("KSERVE", "127.0.0.1", dicomPort)
                .withCallingAe("CT1"), Proposal.storage(List.of(Instance.of(image(1)))))) {
            assertThat(client.echo()).isEqualTo(Status.SUCCESS);
            assertThat(client.store(image(1)).status()).isEqualTo(Status.SUCCESS);
        }
        assertThat(http(httpPort, "/api/health").body()).contains("\"instances\":1");

        p.destroy(); // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(log);
        assertThat(out).contains("kerma serve: storing in " + work.resolve("data").resolve("archive"),
                "AE title KSERVE, DICOM port " + dicomPort, "REST API at http://127.0.0.1:" + httpPort + "/api",
                "DICOM port closed, every association finished", "stopped; index closed",
                "no user yet; the dashboard at http://127.0.0.1:" + httpPort + "/ and the REST API need one. Create"
                        + " the first admin with: kerma user add NAME --role admin --data "
                        + work.resolve("data").toAbsolutePath());
    }

    @Test
    void losesNoAcknowledgedObjectToAKillNineDuringABulkSendOfAThousand() throws Exception {
        Path data = work.resolve("data");
        int dicomPort = freePort();
        int httpPort = freePort();
        Process p = serve(data, dicomPort, httpPort, work.resolve("serve-1.log"));
        List<String> acknowledged = new ArrayList<>();
        IOException broken = null;
        try (DicomClient client = DicomClient.connect(Connection.to("KSERVE", "127.0.0.1", dicomPort)
                .withCallingAe("CT1"), Proposal.storage(List.of(Instance.of(image(0)))))) {
            for (int n = 0; n < 1000; n++) {
                DicomObject d = image(n);
                Response r = client.store(d);
                if (r.status().isSuccess()) {
                    acknowledged.add(d.getString(Tag.SOPInstanceUID, ""));
                }
                if (acknowledged.size() == 150) {
                    p.destroyForcibly(); // SIGKILL: no shutdown hook, no closing of anything
                }
            }
        } catch (IOException e) {
            broken = e;
        }
        assertThat(broken).as("the association broke when the node was killed").isNotNull();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeBetween(150, 999);
        Path incoming = data.resolve("archive").resolve("incoming");
        Path orphan = Files.writeString(incoming.resolve("left-by-a-crash.part"), "half an object");

        Process again = serve(data, dicomPort, httpPort, work.resolve("serve-2.log"));
        assertThat(Files.exists(orphan)).as("orphaned temporary file cleaned at restart").isFalse();
        String health = http(httpPort, "/api/health").body();
        String token = viewerToken(data);
        for (String sop : acknowledged.subList(0, 5)) {
            assertThat(http(httpPort, "/api/instances/" + sop, token).statusCode()).as(sop).isEqualTo(200);
        }
        again.destroy();
        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(health).contains("\"status\":\"ok\"");

        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data))) {
            assertThat(registry.archive().orphans()).isEmpty();
            for (String sop : acknowledged) {
                IndexedInstance indexed = registry.index().read("find", c -> Hierarchy.find(c, sop)).orElseThrow(
                        () -> new AssertionError("acknowledged " + sop + " is not in the index"));
                try (InputStream in = Files.newInputStream(registry.archive().resolve(indexed.filePath()))) {
                    assertThat(Archive.digest(in)).as(sop).isEqualTo(indexed.sha256());
                }
            }
            for (Path file : registry.archive().archivedFiles()) {
                assertThat(DicomReader.read(file).dataset().getString(Tag.SOPInstanceUID, "") + ".dcm")
                        .as("every visible archive file is a whole object").isEqualTo(file.getFileName().toString());
            }
        }
        try (Stream<Path> left = Files.list(incoming)) {
            assertThat(left.toList()).isEmpty();
        }
    }
}
