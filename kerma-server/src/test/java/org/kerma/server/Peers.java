package org.kerma.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real peers (dcmtk, Orthanc, PostgreSQL tools) as child processes with time limits, and free loopback ports. */
final class Peers {

    private Peers() {
    }

    /** What a finished process returned and printed (stdout and stderr together). */
    record Result(int exitCode, String output) {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result run(Path cwd, Duration limit, String... command) throws IOException, InterruptedException {
        return run(cwd, limit, List.of(command));
    }

    static Result run(Path cwd, Duration limit, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("peer", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + limit
                        + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Starts a long-running peer; the caller stops it. Output goes to {@code log}. */
    static Process start(Path cwd, Path log, List<String> command) throws IOException {
        return new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Waits until something listens on the loopback port, failing early when {@code process} died. */
    static void awaitPort(int port, Duration limit, Process process, Path log) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("the peer exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + limit
                + (log == null ? "" : ":\n" + Files.readString(log)));
    }

    static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
