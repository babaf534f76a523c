package org.kerma.tools.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Answers "which Debian package, at which version, installed this file?" from dpkg's own records
 * ({@code info/*.list} and {@code status} under {@code /var/lib/dpkg}), without running a program.
 */
public final class DebianPackages {
    private final Path dpkgDir;

    /** @param dpkgDir dpkg's database, normally {@code /var/lib/dpkg} */
    public DebianPackages(Path dpkgDir) {
        this.dpkgDir = dpkgDir;
    }

    /** The system's dpkg database. */
    public static DebianPackages system() {
        return new DebianPackages(Path.of("/var/lib/dpkg"));
    }

    /** "package version" of the package that installed {@code file}, or empty when dpkg does not know it. */
    public Optional<String> packageOf(Path file) {
        Path info = dpkgDir.resolve("info");
        if (!Files.isDirectory(info)) {
            return Optional.empty();
        }
        String wanted = file.toAbsolutePath().normalize().toString();
        try (DirectoryStream<Path> lists = Files.newDirectoryStream(info, "*.list")) {
            for (Path list : lists) {
                if (Files.readAllLines(list).contains(wanted)) {
                    String name = list.getFileName().toString();
                    String pkg = name.substring(0, name.length() - ".list".length()).replaceFirst(":.*$", "");
                    return Optional.of(pkg + " " + versionOf(pkg).orElse("unknown"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + info, e);
        }
        return Optional.empty();
    }

    /** The installed version of a package, from the {@code status} file. */
    Optional<String> versionOf(String pkg) {
        Path status = dpkgDir.resolve("status");
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean inPackage = false;
        for (String line : lines) {
            if (line.startsWith("Package: ")) {
                inPackage = line.substring("Package: ".length()).equals(pkg);
            } else if (inPackage && line.startsWith("Version: ")) {
                return Optional.of(line.substring("Version: ".length()));
            }
        }
        return Optional.empty();
    }
}
