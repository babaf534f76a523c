package org.kerma.dose;

import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;

/** Builds SR content trees in memory for tests: one fluent step per content item. */
public final class SrBuilder {
    private final DicomObject item;

    private SrBuilder(DicomObject item) {
        this.item = item;
    }

    /** A document of {@code sopClass} whose root container is {@code title}, following template {@code tid}. */
    public static SrBuilder document(String sopClass, Code title, String tid) {
        DicomObject doc = new DicomObject();
        doc.setString(Tag.SOPClassUID, sopClass);
        doc.setString(Tag.SOPInstanceUID, "1.2.3.4");
        doc.setString(Tag.Modality, "SR");
        doc.setString(Tag.ValueType, "CONTAINER");
        title.writeTo(doc.newSequence(Tag.ConceptNameCodeSequence).addItem());
        if (tid != null) {
            DicomObject t = doc.newSequence(Tag.ContentTemplateSequence).addItem();
            t.setString(Tag.MappingResource, "DCMR");
            t.setString(Tag.TemplateIdentifier, tid);
        }
        return new SrBuilder(doc);
    }

    public static SrBuilder rdsr(Code title, String tid) {
        return document(Uid.XRayRadiationDoseSRStorage, title, tid);
    }

    public DicomObject dataset() {
        return item;
    }

    private DicomObject add(String relationship, String valueType, Code name) {
        DicomObject child = item.findSequence(Tag.ContentSequence)
                .orElseGet(() -> item.newSequence(Tag.ContentSequence)).addItem();
        child.setString(Tag.RelationshipType, relationship);
        child.setString(Tag.ValueType, valueType);
        if (name != null) {
            name.writeTo(child.newSequence(Tag.ConceptNameCodeSequence).addItem());
        }
        return child;
    }

    /** Adds a CONTAINER child and returns a builder for it. */
    public SrBuilder container(Code name) {
        return new SrBuilder(add("CONTAINS", "CONTAINER", name));
    }

    public SrBuilder num(Code name, String value, String ucum) {
        DicomObject num = add("CONTAINS", "NUM", name);
        DicomObject mv = num.newSequence(Tag.MeasuredValueSequence).addItem();
        mv.put(Tag.NumericValue, VR.DS, value.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (ucum != null) {
            new Code(ucum, "UCUM", ucum).writeTo(mv.newSequence(Tag.MeasurementUnitsCodeSequence).addItem());
        }
        return this;
    }

    public SrBuilder code(String relationship, Code name, Code value) {
        DicomObject c = add(relationship, "CODE", name);
        value.writeTo(c.newSequence(Tag.ConceptCodeSequence).addItem());
        return this;
    }

    public SrBuilder code(Code name, Code value) {
        return code("CONTAINS", name, value);
    }

    public SrBuilder text(Code name, String value) {
        add("CONTAINS", "TEXT", name).setString(Tag.TextValue, value);
        return this;
    }

    public SrBuilder uid(Code name, String value) {
        add("CONTAINS", "UIDREF", name).setString(Tag.UID, value);
        return this;
    }

    /** Adds a by-reference child pointing at {@code path} (e.g. 1, 2 for "1.2"). */
    public SrBuilder byReference(String relationship, long... path) {
        DicomObject ref = item.findSequence(Tag.ContentSequence)
                .orElseGet(() -> item.newSequence(Tag.ContentSequence)).addItem();
        ref.setString(Tag.RelationshipType, relationship);
        ref.setLong(Tag.ReferencedContentItemIdentifier, path);
        return this;
    }
}
