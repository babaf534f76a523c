package org.kerma.tools;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the staged standard and the project root for tests; never skips, fails with a message instead. */
public final class StagedStandard {
    private StagedStandard() {
    }

    /** {@code <kerma.shared>/standard}; fails the test when it is missing. */
    public static Path folder() {
        String shared = System.getProperty("kerma.shared");
        if (shared == null) {
            fail("system property kerma.shared is not set (the root pom sets it for surefire)");
        }
        Path standard = Path.of(shared, "standard").toAbsolutePath().normalize();
        if (!Files.isDirectory(standard)) {
            fail("staged standard not found at " + standard
                    + ": the generator tests need ../shared/standard (set -Dkerma.shared=DIR)");
        }
        return standard;
    }

    /** The project root ({@code kerma.project}, set by kerma-tools' pom); fails the test when it is not one. */
    public static Path project() {
        Path root = Path.of(System.getProperty("kerma.project", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve(GeneratedFiles.DICOM_MODULE))) {
            fail("project root not found at " + root + " (expected a kerma-dicom folder in it)");
        }
        return root;
    }
}
