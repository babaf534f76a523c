package org.kerma.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/**
 * What {@code kerma --version} and {@code kerma version} print: Kerma's version, then the Java runtime running it.
 * Kerma's version comes from {@code version.properties}, which the build fills in from the project version.
 */
final class KermaVersion implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return lines();
    }

    static String[] lines() {
        return new String[] {
            "kerma " + kermaVersion(),
            "Java " + System.getProperty("java.version")
                    + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.vm.name") + ")"
        };
    }

    static String kermaVersion() {
        try (InputStream in = KermaVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: a broken build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
