package org.kerma.tools.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where one input file came from: its path as written in output headers, its origin (upstream commit, or the
 * package that installed it), the DICOM edition and the sha256 of the bytes read. Rendered into the
 * {@code # source: ...} header line of every generated file.
 *
 * @param path    the file's path relative to the staged standard folder, or an absolute path for a system file
 * @param origin  "commit &lt;hex&gt;" or "package &lt;name&gt; &lt;version&gt;"
 * @param edition the DICOM edition the file follows, "-" when it follows none
 * @param sha256  lowercase hex sha256 of the file's bytes
 */
public record Provenance(String path, String origin, String edition, String sha256) {

    /**
     * The provenance of a file in the staged standard folder, taking commit and edition from the README of its
     * top-level folder (lines "- Commit: `hex`" and "- DICOM edition: ... **edition**").
     *
     * @param standardDir  the staged standard folder ({@code ../shared/standard})
     * @param relativePath the file's path inside it, with '/' separators
     * @throws IllegalStateException naming the README when it lacks a commit line
     */
    public static Provenance ofStaged(Path standardDir, String relativePath) {
        Path file = standardDir.resolve(relativePath);
        String folder = relativePath.substring(0, relativePath.indexOf('/'));
        Path readme = standardDir.resolve(folder).resolve("README.md");
        List<String> lines = readLines(readme);
        String commit = lines.stream().filter(l -> l.startsWith("- Commit:")).findFirst()
                .map(l -> between(l, "`", "`"))
                .orElseThrow(() -> new IllegalStateException(readme + ": no '- Commit:' line"));
        String edition = lines.stream().filter(l -> l.startsWith("- DICOM edition:")).findFirst()
                .map(l -> between(l, "**", "**")).orElse("-");
        return new Provenance(relativePath, "commit " + commit, edition, sha256(file));
    }

    /**
     * The provenance of a file installed by a Debian package, e.g. DCMTK's {@code private.dic}.
     *
     * @param file     the file
     * @param packages where to look up the package; "package unknown" when it knows none
     */
    public static Provenance ofInstalled(Path file, DebianPackages packages) {
        String pkg = packages.packageOf(file).orElse("unknown");
        return new Provenance(file.toAbsolutePath().normalize().toString(), "package " + pkg, "-", sha256(file));
    }

    /** This provenance as it appears in a header: "path commit C edition E sha256 S". */
    public String render() {
        return path + " " + origin + " edition " + edition + " sha256 " + sha256;
    }

    /** Lowercase hex sha256 of a file's bytes. */
    public static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String between(String line, String open, String close) {
        int start = line.indexOf(open);
        int end = start < 0 ? -1 : line.indexOf(close, start + open.length());
        return end < 0 ? "-" : line.substring(start + open.length(), end);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
