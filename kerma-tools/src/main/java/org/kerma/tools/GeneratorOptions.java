package org.kerma.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the generator reads and writes.
 *
 * @param standardDir       the staged standard folder ({@code ../shared/standard})
 * @param projectDir        the Kerma project root; outputs go under its {@code kerma-dicom}
 * @param privateDic        DCMTK's {@code private.dic}, when the private dictionary should be generated
 * @param pydicomPrivateDic pydicom's {@code _private_dict.py}, merged into the private dictionary when present
 */
public record GeneratorOptions(Path standardDir, Path projectDir, Optional<Path> privateDic,
                               Optional<Path> pydicomPrivateDic) {

    /** Where Debian's python3-pydicom installs pydicom's private dictionary. */
    public static final Path DEBIAN_PYDICOM_PRIVATE_DIC =
            Path.of("/usr/lib/python3/dist-packages/pydicom/_private_dict.py");

    /**
     * Parses {@code [--standard DIR] [--project DIR] [--private-dic FILE] [--pydicom-private-dic FILE]}. The project
     * defaults to the working directory, the standard folder to {@code <project>/../shared/standard}; an empty
     * {@code --private-dic} means none. {@code --pydicom-private-dic} defaults to
     * {@link #DEBIAN_PYDICOM_PRIVATE_DIC} when that file exists, else to none; empty means none.
     *
     * @throws IllegalArgumentException for an unknown option or a missing value
     */
    public static GeneratorOptions parse(String... args) {
        Path standard = null;
        Path project = Path.of("").toAbsolutePath();
        Path privateDic = null;
        Optional<Path> pydicom = Files.isRegularFile(DEBIAN_PYDICOM_PRIVATE_DIC)
                ? Optional.of(DEBIAN_PYDICOM_PRIVATE_DIC) : Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option + "\n" + usage());
            }
            String value = args[++i];
            switch (option) {
                case "--standard": standard = Path.of(value); break;
                case "--project": project = Path.of(value); break;
                case "--private-dic": privateDic = value.isBlank() ? null : Path.of(value); break;
                case "--pydicom-private-dic":
                    pydicom = value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
                    break;
                default: throw new IllegalArgumentException("unknown option " + option + "\n" + usage());
            }
        }
        if (standard == null) {
            standard = project.resolve("../shared/standard");
        }
        return new GeneratorOptions(standard.toAbsolutePath().normalize(), project.toAbsolutePath().normalize(),
                Optional.ofNullable(privateDic), pydicom);
    }

    /**
     * Checks that the inputs exist.
     *
     * @throws IllegalStateException naming what is missing
     */
    void requireInputs() {
        if (!Files.isDirectory(standardDir)) {
            throw new IllegalStateException("staged standard folder not found: " + standardDir
                    + " (pass --standard DIR)");
        }
        privateDic.filter(p -> !Files.isRegularFile(p)).ifPresent(p -> {
            throw new IllegalStateException("private dictionary not found: " + p);
        });
        pydicomPrivateDic.filter(p -> !Files.isRegularFile(p)).ifPresent(p -> {
            throw new IllegalStateException("pydicom private dictionary not found: " + p
                    + " (pass --pydicom-private-dic '' to generate without it)");
        });
    }

    static String usage() {
        return "usage: StandardDataGenerator [--standard DIR] [--project DIR] [--private-dic FILE]"
                + " [--pydicom-private-dic FILE]";
    }
}
