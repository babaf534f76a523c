package org.kerma.standard;

import java.util.List;

/**
 * A composite Information Object Definition (PS3.3 Annex A) with its modules and the SOP classes that use it.
 *
 * @param id           kebab-case identifier, e.g. {@code x-ray-radiofluoroscopic-image}
 * @param name         e.g. "X-Ray Radiofluoroscopic Image"
 * @param section      the PS3.3 section of its module table, e.g. "A.16.3"
 * @param modules      the module table in PS3.3 order
 * @param sopClassUids the SOP classes (PS3.4) whose instances follow this IOD
 */
public record Iod(String id, String name, String section, List<IodModule> modules, List<String> sopClassUids) {
    public Iod {
        modules = List.copyOf(modules);
        sopClassUids = List.copyOf(sopClassUids);
    }
}
