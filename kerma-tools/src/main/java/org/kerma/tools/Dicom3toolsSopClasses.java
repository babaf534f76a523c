package org.kerma.tools;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kerma.tools.read.Dicom3toolsTemplateReader;

/** Reads dicom3tools' {@code sopcl.tpl}: SOP class name (e.g. {@code CTImageStorage}) to UID. */
final class Dicom3toolsSopClasses {
    private Dicom3toolsSopClasses() {
    }

    /** Names to UIDs in file order; the first line of a name wins. */
    static Map<String, String> read(Path file) {
        Map<String, String> uids = new LinkedHashMap<>();
        for (Map<String, String> line : Dicom3toolsTemplateReader.readLines(file)) {
            String name = line.get("Name");
            String uid = line.get("Uid");
            if (name != null && uid != null) {
                uids.putIfAbsent(name, uid);
            }
        }
        return uids;
    }
}
