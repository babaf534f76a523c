package org.kerma.dose.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an installed DICOM tool (dicom3tools, dcmtk) and collects its output. */
final class Peer {
    /**
     * The dciodvfy warnings a built report may carry, each with why it is not a defect of the report. Any other
     * warning fails the test.
     */
    static final Map<String, String> EXPLAINED_WARNINGS = Map.of(
            "</StudyID(0020,0010)> - Missing attribute or value that would be needed to build DICOMDIR",
            "Study ID is Type 2 (PS3.3 C.7.2.1) and the builder's input does not know it, so it is present and empty;"
                    + " only a DICOMDIR (PS3.3 F.5.3) needs a value");

    private Peer() {
    }

    record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }

    static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    static List<String> unexplainedWarnings(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("Warning"))
                .filter(l -> EXPLAINED_WARNINGS.keySet().stream().noneMatch(l::contains)).toList();
    }
}
