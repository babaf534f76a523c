package org.kerma.registry.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Tags;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomParseException;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.IndexedInstance;
import org.kerma.registry.index.ObjectClass;
import org.kerma.registry.ingest.Extractor;
import org.kerma.standard.validate.Finding;
import org.kerma.standard.validate.IodValidator;
import org.kerma.standard.validate.Severity;

/**
 * Validates every object at ingest against its IOD, and an X-Ray Radiation Dose SR's content tree against TID
 * 10001/10011 ({@link IodValidator}, the checks of {@code kerma validate}), and records the findings against the
 * instance under the source {@value #NAME}.
 *
 * <p>The ingest pipeline hands extractors the data set read up to Pixel Data. The validator needs the whole object
 * (Pixel Data present or not, elements after it, the File Meta Information), so this extractor reads the archived
 * file itself, to its end, leaving values of {@value #BULK_THRESHOLD} bytes or more (Pixel Data, large Overlay Data)
 * in the file: they count as present with a value, and their bytes are not checked. When the file cannot be read to
 * its end, the data set read up to Pixel Data is validated instead, and the reason is an ERROR finding.
 *
 * <p>Severities: the validator's ERROR and WARNING stay as they are (findings of rules the standard decides,
 * including the disagreements with dciodvfy decided in Kerma's favour; defined terms, codes outside defined context
 * groups and rows of hand-kept tables not yet checked against PS3.3 are warnings); NOT_CHECKED (a condition that
 * cannot be evaluated, a module without a table) becomes INFO. Writes no table of its own. Thread-safe.
 */
public final class ValidationExtractor implements Extractor {
    /** The source its findings are recorded under. */
    public static final String NAME = "validation";
    static final long BULK_THRESHOLD = 64 * 1024;
    private static final ReadOptions WHOLE_FILE = ReadOptions.DEFAULT.withBulkDataThreshold(BULK_THRESHOLD);

    private final Path archiveRoot;
    private final IodValidator validator;

    /**
     * @param archiveRoot the archive the instances' file paths are relative to
     * @param validator   the validator to run (shared; it caches its per-IOD plans)
     */
    public ValidationExtractor(Path archiveRoot, IodValidator validator) {
        this.archiveRoot = archiveRoot.toAbsolutePath().normalize();
        this.validator = validator;
    }

    /** Validation over the archive at {@code archiveRoot} with the tables Kerma ships. */
    public static ValidationExtractor standard(Path archiveRoot) {
        return new ValidationExtractor(archiveRoot, IodValidator.standard());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<ObjectClass> classes() {
        return EnumSet.allOf(ObjectClass.class);
    }

    @Override
    public List<Findings.Finding> extract(IndexedInstance instance, DicomObject dataset, Connection c) {
        Path file = archiveRoot.resolve(instance.filePath());
        List<Findings.Finding> out = new ArrayList<>();
        List<Finding> found;
        try {
            found = validator.validate(DicomReader.read(file, WHOLE_FILE));
        } catch (DicomParseException e) {
            out.add(Findings.Finding.of(Findings.Severity.ERROR, "the archived file cannot be read to its end ("
                    + e.getMessage() + "); only the data set up to Pixel Data was validated"));
            found = validator.validate(dataset);
        } catch (IOException e) {
            out.add(Findings.Finding.of(Findings.Severity.ERROR, "cannot read the archived file " + file + " ("
                    + e + "); only the data set up to Pixel Data was validated"));
            found = validator.validate(dataset);
        }
        for (Finding f : found) {
            out.add(recorded(f));
        }
        return out;
    }

    /** A validator finding as the registry records it: severity mapped, rule and attribute in the message. */
    static Findings.Finding recorded(Finding f) {
        StringBuilder message = new StringBuilder(f.rule().name()).append(": ");
        if (f.tag() != -1) {
            message.append(f.keyword().isEmpty() ? "" : f.keyword() + " ").append(f.tagText()).append(' ');
        }
        message.append(f.reason());
        return new Findings.Finding(severity(f.severity()), message.toString(), f.module(), location(f));
    }

    static Findings.Severity severity(Severity s) {
        return switch (s) {
            case ERROR -> Findings.Severity.ERROR;
            case WARNING -> Findings.Severity.WARNING;
            case NOT_CHECKED -> Findings.Severity.INFO;
        };
    }

    /**
     * Where the finding is: for an SR template finding (module {@code TID nnnn}) {@code content item 1.4.2}; else
     * the tag path from the top level, sequences with their 1-based item number, e.g.
     * {@code (0040,A730)[1].(0040,A043)}; "" for a finding about the object as a whole.
     */
    static String location(Finding f) {
        if (f.module().startsWith("TID ")) {
            return f.itemPath().isEmpty() ? "" : "content item " + f.itemPath();
        }
        StringBuilder path = new StringBuilder();
        if (!f.itemPath().isEmpty()) {
            for (String step : f.itemPath().split(">")) {
                int bracket = step.indexOf('[');
                String sequence = bracket < 0 ? step : step.substring(0, bracket);
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(tagText(sequence)).append(bracket < 0 ? "" : step.substring(bracket));
            }
        }
        if (f.tag() != -1) {
            path.append(path.length() > 0 ? "." : "").append(f.tagText());
        }
        return path.toString();
    }

    /** A sequence named by keyword (or already as "(gggg,eeee)") as "(gggg,eeee)". */
    private static String tagText(String sequence) {
        if (sequence.startsWith("(")) {
            return sequence;
        }
        return ElementDictionary.standard().tagOf(sequence).stream().mapToObj(Tags::format).findFirst()
                .orElse(sequence);
    }
}
