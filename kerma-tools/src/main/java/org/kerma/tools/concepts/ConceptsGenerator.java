package org.kerma.tools.concepts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.tools.read.Provenance;

/**
 * Generates the SR concept constants of kerma-dicom from the staged standard: {@code org.kerma.dicom.sr.Concepts}
 * (one {@code Code} constant per pydicom concept keyword, in nested classes per coding scheme) from pydicom's
 * {@code sr/_concepts_dict.py}, and the legacy SNOMED map {@code srt-sct.tsv} (SNOMED-RT code → SNOMED CT code)
 * from pydicom's {@code sr/_snomed_dict.py} and PixelMed's {@code srtsctmapping.xml} (their union: the two never give
 * one SRT code different SCT codes, which the cross-check report would list), completed with the SCT/SRT pairs of
 * the concept names in PixelMed's template file.
 *
 * <p>Which concepts become constants: every DCM and UCUM concept, and the SCT concepts that belong to a context
 * group of the dose templates ({@link ConceptSelection}). Run by {@code tools/generate-standard-data.sh}; same
 * inputs give byte-identical outputs. Arguments: {@code PROJECT_DIR STANDARD_DIR}.
 */
public final class ConceptsGenerator {
    static final String PYDICOM_CONCEPTS = "pydicom/src/pydicom/sr/_concepts_dict.py";
    static final String PYDICOM_SNOMED = "pydicom/src/pydicom/sr/_snomed_dict.py";
    static final String PIXELMED_SNOMED = "pixelmed/com/pixelmed/validate/srtsctmapping.xml";
    static final String PIXELMED_TEMPLATES = "pixelmed/com/pixelmed/validate/DicomSRDescriptionsSource.xml";
    static final String CONCEPTS_JAVA = "kerma-dicom/src/main/java/org/kerma/dicom/sr/Concepts.java";
    static final String SRT_SCT_TSV = "kerma-dicom/src/main/resources/org/kerma/dicom/sr/srt-sct.tsv";

    private ConceptsGenerator() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ConceptsGenerator PROJECT_DIR STANDARD_DIR");
            System.exit(2);
        }
        List<String> report = generate(Path.of(args[0]), Path.of(args[1]));
        System.out.println("Generated " + CONCEPTS_JAVA + " and " + SRT_SCT_TSV);
        report.forEach(System.out::println);
    }

    /**
     * Reads the sources and writes both outputs under {@code project}.
     *
     * @return the cross-check lines: every SRT code on which pydicom and PixelMed disagree
     */
    public static List<String> generate(Path project, Path standard) {
        List<Concept> concepts = PydicomConceptsReader.read(standard.resolve(PYDICOM_CONCEPTS));
        Map<String, String> srtToSct = PydicomSnomedReader.read(standard.resolve(PYDICOM_SNOMED));
        Map<String, String> pixelmed = PixelmedSnomedReader.read(standard.resolve(PIXELMED_SNOMED));
        List<String> report = SnomedMapCheck.compare(srtToSct, pixelmed);
        Map<String, String> union = new TreeMap<>(pixelmed);
        union.putAll(srtToSct);
        Map<String, String> templateAlternatives = templateSrtAlternatives(standard.resolve(PIXELMED_TEMPLATES));
        int added = 0;
        for (Map.Entry<String, String> e : templateAlternatives.entrySet()) {
            String had = union.putIfAbsent(e.getKey(), e.getValue());
            if (had == null) {
                added++;
            } else if (!had.equals(e.getValue())) {
                report.add("srt-sct: SRT " + e.getKey() + ": map " + had + ", template alternative " + e.getValue());
            }
        }
        report.add("srt-sct: " + added
                + " legacy codes added from the SCT/SRT concept name pairs of PixelMed's templates");
        Provenance conceptSource = Provenance.ofStaged(standard, PYDICOM_CONCEPTS);
        write(project.resolve(CONCEPTS_JAVA),
                ConceptsJavaWriter.render(
                        ConceptSelection.select(concepts, templateSctNames(standard.resolve(PIXELMED_TEMPLATES))),
                        List.of(conceptSource, Provenance.ofStaged(standard, PIXELMED_TEMPLATES))));
        write(project.resolve(SRT_SCT_TSV), SrtSctTsvWriter.render(union,
                List.of(Provenance.ofStaged(standard, PYDICOM_SNOMED), Provenance.ofStaged(standard, PIXELMED_SNOMED),
                        Provenance.ofStaged(standard, PIXELMED_TEMPLATES))));
        return report;
    }

    /** The SCT code values that name a template content item: {@code cvConceptName="V" csdConceptName="SCT"}. */
    static Set<String> templateSctNames(Path templates) {
        Matcher m = Pattern.compile("cvConceptName=\"([0-9]+)\"\\s+csdConceptName=\"SCT\"")
                .matcher(PydicomConceptsReader.readText(templates));
        Set<String> codes = new TreeSet<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /**
     * The legacy code of each template concept name that PixelMed gives with both forms:
     * {@code cvConceptName="SCT code" csdConceptName="SCT" cvAltConceptName="SRT code" csdAltConceptName="SRT"}
     * (such as Radiopharmaceutical agent, 349358000 / F-61FDB, which neither map lists).
     */
    static Map<String, String> templateSrtAlternatives(Path templates) {
        Matcher m = Pattern.compile("cvConceptName=\"([0-9]+)\"\\s+csdConceptName=\"SCT\"\\s+"
                + "cvAltConceptName=\"([^\"]+)\"\\s+csdAltConceptName=\"SRT\"")
                .matcher(PydicomConceptsReader.readText(templates));
        Map<String, String> pairs = new TreeMap<>();
        while (m.find()) {
            pairs.put(m.group(2), m.group(1));
        }
        return pairs;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
