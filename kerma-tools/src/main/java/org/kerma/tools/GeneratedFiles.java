package org.kerma.tools;

import java.nio.file.Path;

/** The generator's outputs, all under kerma-dicom of a project root (the real one, or a scratch copy in tests). */
public final class GeneratedFiles {
    /** The module the outputs belong to. */
    public static final String DICOM_MODULE = "kerma-dicom";
    private static final String RESOURCES = DICOM_MODULE + "/src/main/resources/org/kerma/dicom/";
    private static final String SOURCES = DICOM_MODULE + "/src/main/java/org/kerma/dicom/";

    private final Path projectDir;

    /** @param projectDir the project root the outputs are placed under */
    public GeneratedFiles(Path projectDir) {
        this.projectDir = projectDir;
    }

    public Path dictionaryTsv() {
        return projectDir.resolve(RESOURCES + "dictionary.tsv");
    }

    public Path uidsTsv() {
        return projectDir.resolve(RESOURCES + "uids.tsv");
    }

    public Path privateDictionaryTsv() {
        return projectDir.resolve(RESOURCES + "private-dictionary.tsv");
    }

    public Path tagJava() {
        return projectDir.resolve(SOURCES + "Tag.java");
    }

    public Path uidJava() {
        return projectDir.resolve(SOURCES + "Uid.java");
    }
}
