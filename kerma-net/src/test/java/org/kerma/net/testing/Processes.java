package org.kerma.net.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs real peers (dcmtk tools) as child processes, with a time limit. */
public final class Processes {

    private Processes() {
    }

    /** What a finished process returned and printed (stdout and stderr together). */
    public record Result(int exitCode, String output) {
    }

    public static Result run(Path cwd, Duration limit, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("peer", ".log");
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(cwd.toFile()).redirectErrorStream(true)
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

    /** Starts a long-running peer; the caller destroys it. Output goes to {@code log}. */
    public static Process start(Path cwd, Path log, String... command) throws IOException {
        return new ProcessBuilder(List.of(command)).directory(cwd.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Waits until something listens on the loopback port. */
    public static void awaitPort(int port, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                s.getLocalPort();
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + limit);
    }

    public static void stop(Process p) throws InterruptedException {
        if (p != null) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
