package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The public packages do not expose the internal ones (pdu, ul, dimse) in public signatures. */
class ArchitectureTest {

    private static final List<String> PUBLIC = List.of("org.kerma.net", "org.kerma.net.service",
            "org.kerma.net.client");

    @Test
    void publicApiSignaturesUseNoInternalTypes() throws Exception {
        Path classes = Path.of(DicomNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> leaks = new ArrayList<>();
        for (String pkg : PUBLIC) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = pkg + "." + f.getFileName().toString().replace(".class", "");
                    Class<?> type = Class.forName(name);
                    if (!Modifier.isPublic(type.getModifiers())) {
                        continue;
                    }
                    for (Method m : type.getMethods()) {
                        if (m.getDeclaringClass() != type) {
                            continue;
                        }
                        List<Class<?>> used = new ArrayList<>(List.of(m.getParameterTypes()));
                        used.add(m.getReturnType());
                        for (Class<?> u : used) {
                            if (internal(u)) {
                                leaks.add(name + "." + m.getName() + " uses " + u.getName());
                            }
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean internal(Class<?> c) {
        String n = c.getName();
        return n.startsWith("org.kerma.net.pdu.") || n.startsWith("org.kerma.net.ul.")
                || n.startsWith("org.kerma.net.dimse.");
    }

}
