package org.kerma.dicom.sr;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomDateTime;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.PersonName;
import org.kerma.dicom.Tag;

/**
 * One content item of an SR document (PS3.3 section C.17.3, SR Document Content Module), read in place: a view
 * over the {@link DicomObject} item (or the document data set, for the root), not a copy, with its
 * {@link ContentPath}.
 *
 * <p>Readers never throw on bad content: a missing or unreadable attribute gives an empty result, and the caller
 * records a finding with {@link #path()}. Concept names are compared with {@link #hasConceptName(Code)}, by coding
 * scheme and code value with legacy SNOMED-RT codes taken as their SNOMED CT equivalents ({@link LegacyCodes}),
 * never by meaning.
 */
public final class ContentItem {
    private final DicomObject item;
    private final ContentPath path;

    ContentItem(DicomObject item, ContentPath path) {
        this.item = item;
        this.path = path;
    }

    /** The document's root content item (the top container, path {@code 1}) over the document data set. */
    public static ContentItem root(DicomObject document) {
        return new ContentItem(document, ContentPath.root());
    }

    public ContentPath path() {
        return path;
    }

    /** The data set item this content item reads from. */
    public DicomObject dataset() {
        return item;
    }

    /** Value Type (0040,A040) as written, empty string when absent. */
    public String valueTypeCode() {
        return item.getString(Tag.ValueType, "");
    }

    /** The value type; empty when absent or not one of PS3.3 Table C.17-5 (a by-reference item has none). */
    public Optional<ValueType> valueType() {
        return ValueType.of(valueTypeCode());
    }

    /** Relationship Type (0040,A010) to the parent; empty for the root or when absent or unknown. */
    public Optional<RelationshipType> relationshipType() {
        return RelationshipType.of(item.getString(Tag.RelationshipType, ""));
    }

    /** The Concept Name Code Sequence (0040,A043) code; empty when absent or without a code value. */
    public Optional<Code> conceptName() {
        return firstCode(Tag.ConceptNameCodeSequence);
    }

    /** True when the concept name is {@code name} (value and scheme; SRT and SCT equivalents match). */
    public boolean hasConceptName(Code name) {
        Optional<Code> own = conceptName();
        return own.isPresent() && LegacyCodes.sameConcept(own.get(), name);
    }

    /** The items of the Content Sequence (0040,A730), in order, with their paths. */
    public List<ContentItem> children() {
        List<DicomObject> items = item.items(Tag.ContentSequence);
        List<ContentItem> children = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            children.add(new ContentItem(items.get(i), path.child(i + 1)));
        }
        return children;
    }

    /** The children whose concept name is {@code name}, in order. */
    public List<ContentItem> children(Code name) {
        return children().stream().filter(c -> c.hasConceptName(name)).toList();
    }

    /** The first child whose concept name is {@code name}. */
    public Optional<ContentItem> child(Code name) {
        for (ContentItem c : children()) {
            if (c.hasConceptName(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /**
     * For a by-reference relationship (PS3.3 section C.17.3.2.5): the path of the referenced item, from Referenced
     * Content Item Identifier (0040,DB73); empty for an ordinary item or when the identifier is not a valid path.
     */
    public Optional<ContentPath> referencedPath() {
        if (!item.contains(Tag.ReferencedContentItemIdentifier)) {
            return Optional.empty();
        }
        try {
            long[] positions = item.longs(Tag.ReferencedContentItemIdentifier);
            return positions.length == 0 ? Optional.empty() : Optional.of(ContentPath.of(positions));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when this item refers to another instead of carrying a value. */
    public boolean isByReference() {
        return item.contains(Tag.ReferencedContentItemIdentifier);
    }

    /** TEXT: Text Value (0040,A160). */
    public Optional<String> text() {
        return string(Tag.TextValue);
    }

    /** CODE: the Concept Code Sequence (0040,A168) code. */
    public Optional<Code> code() {
        return firstCode(Tag.ConceptCodeSequence);
    }

    /** True when this is a CODE item whose code is {@code value} (value and scheme; SRT and SCT equivalents match). */
    public boolean hasCode(Code value) {
        Optional<Code> own = code();
        return own.isPresent() && LegacyCodes.sameConcept(own.get(), value);
    }

    /**
     * NUM: the measured value. Empty when the item has no Measured Value Sequence (0040,A300) item and no qualifier;
     * otherwise the value text, its reading (empty when unreadable), units and qualifier.
     */
    public Optional<NumericValue> numeric() {
        List<DicomObject> measured = item.items(Tag.MeasuredValueSequence);
        Optional<Code> qualifier = firstCode(Tag.NumericValueQualifierCodeSequence);
        if (measured.isEmpty()) {
            return qualifier.map(q -> new NumericValue("", OptionalDouble.empty(), Optional.empty(), Optional.of(q)));
        }
        DicomObject m = measured.get(0);
        String text = safe(() -> String.join("\\", m.strings(Tag.NumericValue))).orElse("");
        OptionalDouble value = decimal(m);
        List<DicomObject> units = m.items(Tag.MeasurementUnitsCodeSequence);
        Optional<Code> unit = units.isEmpty() ? Optional.empty() : Code.from(units.get(0));
        return Optional.of(new NumericValue(text, value, unit, qualifier));
    }

    /** UIDREF: UID (0040,A124). */
    public Optional<String> uid() {
        return string(Tag.UID);
    }

    /** DATETIME: DateTime (0040,A120); empty when absent or not a valid DT. */
    public Optional<DicomDateTime> dateTime() {
        return safe(() -> item.findDateTime(Tag.DateTime).orElse(null));
    }

    /** DATE: Date (0040,A121). */
    public Optional<LocalDate> date() {
        return safe(() -> item.findDate(Tag.Date).orElse(null));
    }

    /** TIME: Time (0040,A122). */
    public Optional<LocalTime> time() {
        return safe(() -> item.findTime(Tag.Time).orElse(null));
    }

    /** PNAME: Person Name (0040,A123). */
    public Optional<PersonName> personName() {
        return safe(() -> item.findPersonName(Tag.PersonName).orElse(null));
    }

    /** IMAGE, COMPOSITE, WAVEFORM: the first item of Referenced SOP Sequence (0008,1199). */
    public Optional<SopReference> reference() {
        List<DicomObject> refs = item.items(Tag.ReferencedSOPSequence);
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        DicomObject r = refs.get(0);
        List<Long> frames = safe(() -> Arrays.stream(r.longs(Tag.ReferencedFrameNumber)).boxed().toList())
                .orElse(List.of());
        return Optional.of(new SopReference(r.getString(Tag.ReferencedSOPClassUID, ""),
                r.getString(Tag.ReferencedSOPInstanceUID, ""), frames));
    }

    /** SCOORD, SCOORD3D: Graphic Type (0070,0023), e.g. "POINT", "POLYLINE". */
    public Optional<String> graphicType() {
        return string(Tag.GraphicType);
    }

    /** SCOORD, SCOORD3D: Graphic Data (0070,0022), (column,row) or (x,y,z) tuples flattened; empty when absent. */
    public double[] graphicData() {
        return safe(() -> item.doubles(Tag.GraphicData)).orElse(new double[0]);
    }

    /** SCOORD3D: Referenced Frame of Reference UID (3006,0024). */
    public Optional<String> frameOfReferenceUid() {
        return string(Tag.ReferencedFrameOfReferenceUID);
    }

    /** TCOORD: Temporal Range Type (0040,A130), e.g. "POINT", "SEGMENT". */
    public Optional<String> temporalRangeType() {
        return string(Tag.TemporalRangeType);
    }

    /** TCOORD: Referenced Time Offsets (0040,A138) in seconds, or else Referenced Sample Positions (0040,A132). */
    public double[] temporalPositions() {
        double[] offsets = safe(() -> item.doubles(Tag.ReferencedTimeOffsets)).orElse(new double[0]);
        return offsets.length > 0 ? offsets : safe(() -> item.doubles(Tag.ReferencedSamplePositions))
                .orElse(new double[0]);
    }

    /** Template Identifier (0040,DB00) of Content Template Sequence (0040,A504), e.g. "10011"; root items only. */
    public Optional<String> templateIdentifier() {
        List<DicomObject> t = item.items(Tag.ContentTemplateSequence);
        return t.isEmpty() ? Optional.empty() : t.get(0).findString(Tag.TemplateIdentifier);
    }

    /** "1.4.2 NUM (113813, DCM, "CT Dose Length Product Total")": path, value type and concept name. */
    @Override
    public String toString() {
        return path + " " + (isByReference() ? "by-reference" : valueTypeCode()) + " "
                + conceptName().map(Code::toString).orElse("(no concept name)");
    }

    private Optional<Code> firstCode(int sequenceTag) {
        List<DicomObject> items = item.items(sequenceTag);
        return items.isEmpty() ? Optional.empty() : Code.from(items.get(0));
    }

    private Optional<String> string(int tag) {
        return safe(() -> item.findString(tag).orElse(null));
    }

    private static OptionalDouble decimal(DicomObject m) {
        OptionalDouble fp = safeDouble(() -> m.findDouble(Tag.FloatingPointValue));
        return fp.isPresent() ? fp : safeDouble(() -> m.findDouble(Tag.NumericValue));
    }

    private static OptionalDouble safeDouble(java.util.function.Supplier<OptionalDouble> read) {
        try {
            return read.get();
        } catch (InvalidValueException e) {
            return OptionalDouble.empty();
        }
    }

    private static <T> Optional<T> safe(java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
