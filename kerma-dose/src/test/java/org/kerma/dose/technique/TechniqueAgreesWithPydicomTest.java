package org.kerma.dose.technique;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dose.Finding;
import org.kerma.dose.Quantity;
import org.kerma.dose.SharedCorpus;

/**
 * Every X-ray image of the shared corpus (CR, DX, MG, CT, XA, RF, PX in the two manifests, Enhanced images aside)
 * read by {@link TechniqueReader} and by Debian's pydicom ({@code src/test/python/technique_view.py}): each
 * technique attribute pydicom reads gives the same number as written in Kerma's result; each pydicom cannot read
 * is absent from Kerma's result with an ERROR finding naming it, or read the same as its text.
 */
class TechniqueAgreesWithPydicomTest {
    private static final Set<String> XRAY = Set.of("CR", "DX", "MG", "CT", "XA", "RF", "PX");

    /** Keyword → the field holding it, when the reader takes that attribute (the finer unit absent). */
    private static final Map<String, Function<ExposureTechnique, Optional<Quantity>>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("KVP", ExposureTechnique::kvp);
        FIELDS.put("XRayTubeCurrentInuA", ExposureTechnique::tubeCurrent);
        FIELDS.put("ExposureTimeInuS", ExposureTechnique::exposureTime);
        FIELDS.put("ExposureInuAs", ExposureTechnique::exposure);
        FIELDS.put("ImageAndFluoroscopyAreaDoseProduct", ExposureTechnique::areaDoseProduct);
        FIELDS.put("EntranceDoseInmGy", ExposureTechnique::entranceDose);
        FIELDS.put("RelativeXRayExposure", ExposureTechnique::relativeXRayExposure);
        FIELDS.put("ExposureIndex", ExposureTechnique::exposureIndex);
        FIELDS.put("DeviationIndex", ExposureTechnique::deviationIndex);
        FIELDS.put("PositionerPrimaryAngle", ExposureTechnique::positionerPrimaryAngle);
        FIELDS.put("PositionerSecondaryAngle", ExposureTechnique::positionerSecondaryAngle);
        FIELDS.put("DistanceSourceToDetector", ExposureTechnique::distanceSourceToDetector);
        FIELDS.put("DistanceSourceToPatient", ExposureTechnique::distanceSourceToPatient);
        FIELDS.put("CTDIvol", ExposureTechnique::ctdivol);
    }

    static List<Path> xrayImages() throws IOException {
        List<Path> files = new ArrayList<>();
        Path corpus = SharedCorpus.openrem().getParent();
        for (String part : List.of("openrem", "samples")) {
            List<String> lines = Files.readAllLines(corpus.resolve(part).resolve("MANIFEST.tsv"));
            List<String> header = List.of(lines.get(0).split("\t", -1));
            int modality = header.indexOf("modality");
            int syntax = header.indexOf("transfer_syntax");
            int path = header.contains("local_path") ? header.indexOf("local_path") : header.indexOf("path");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                if (cells.length > Math.max(modality, syntax) && XRAY.contains(cells[modality])
                        && !cells[syntax].startsWith("text dump")) {
                    Path file = part.equals("openrem") ? corpus.resolve(cells[path])
                            : corpus.resolve(part).resolve(cells[path]);
                    if (Files.isRegularFile(file)) {
                        files.add(file);
                    }
                }
            }
        }
        return files;
    }

    static Map<Path, Map<String, String>> pydicom(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                Path.of("src/test/python/technique_view.py").toAbsolutePath().toString()));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Path, Map<String, String>> view = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                String[] cells = line.split("\t");
                view.computeIfAbsent(Path.of(cells[0]), k -> new TreeMap<>()).put(cells[1], cells[2]);
            }
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("technique_view.py (python3-pydicom installed?)").isZero();
        return view;
    }

    @Test
    void everyTechniqueValuePydicomReadsIsReadTheSame() throws Exception {
        List<Path> files = xrayImages();
        assertThat(files).hasSizeGreaterThan(30);
        Map<Path, Map<String, String>> view = pydicom(files);
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        for (Path file : files) {
            var ds = DicomReader.read(file).dataset();
            if (ds.contains(Tag.SharedFunctionalGroupsSequence)) {
                continue;
            }
            ImageTechnique t = TechniqueReader.read(ds);
            Map<String, String> theirs = view.getOrDefault(file, Map.of());
            assertThat(theirs.get("-")).as("pydicom read %s", file).isNull();
            for (var field : FIELDS.entrySet()) {
                String pyValue = theirs.get(field.getKey());
                if (pyValue == null) {
                    continue;
                }
                Optional<Quantity> ours = field.getValue().apply(t.image());
                boolean ourError = t.findings().stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR
                        && f.path().equals(field.getKey()));
                compared++;
                if (pyValue.startsWith("error")) {
                    if (ours.isEmpty() && !ourError) {
                        disagreements.add(file.getFileName() + " " + field.getKey() + ": pydicom " + pyValue
                                + ", Kerma neither a value nor a finding");
                    }
                } else if (ours.isEmpty() ? !ourError
                        : Math.abs(ours.get().originalValue() - Double.parseDouble(pyValue))
                                > 1e-9 * Math.max(1, Math.abs(ours.get().originalValue()))) {
                    disagreements.add(file.getFileName() + " " + field.getKey() + ": pydicom " + pyValue
                            + ", Kerma " + ours);
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(compared).as("values compared").isGreaterThan(100);
        System.out.println("technique values compared with pydicom: " + compared + " in " + files.size() + " files");
    }
}
