package org.kerma.server;

/**
 * A configuration that cannot be used. The message names the source (the file, or the environment variable) and
 * the key, e.g. {@code /etc/kerma/kerma.yml: dicom.port: expected a port number 0 to 65535, got 'dicom'}.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
