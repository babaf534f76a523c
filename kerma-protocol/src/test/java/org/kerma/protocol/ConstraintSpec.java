package org.kerma.protocol;

import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

/**
 * Test-scope builder of one Attribute Value Constraint Macro item (PS3.3 section 10.25): selector name, keyword and
 * VR come from the data dictionary, the values go into the Selector &lt;VR&gt; Value of that VR.
 */
public final class ConstraintSpec {
    private final int attribute;
    private final List<int[]> path = new ArrayList<>();
    private String type = "EQUAL";
    private final List<String[]> values = new ArrayList<>();
    private final List<Code> codes = new ArrayList<>();
    private int valueNumber = 1;
    private Code units;
    private String modifiable = "";
    private String significance = "";
    private VR valueVr;

    private ConstraintSpec(int attribute) {
        this.attribute = attribute;
    }

    /** A constraint on attribute {@code tag}. */
    public static ConstraintSpec on(int tag) {
        return new ConstraintSpec(tag);
    }

    /** Descends sequence {@code tag}, item {@code item} (0 = every item). */
    public ConstraintSpec in(int sequence, int item) {
        path.add(new int[] {sequence, item});
        return this;
    }

    public ConstraintSpec type(String constraintType) {
        this.type = constraintType;
        return this;
    }

    /** One Constraint Value Sequence item holding these values. */
    public ConstraintSpec value(String... v) {
        values.add(v);
        return this;
    }

    /** One Constraint Value Sequence item holding this code. */
    public ConstraintSpec code(Code code) {
        codes.add(code);
        return this;
    }

    public ConstraintSpec valueNumber(int n) {
        this.valueNumber = n;
        return this;
    }

    public ConstraintSpec units(Code u) {
        this.units = u;
        return this;
    }

    public ConstraintSpec modifiable(boolean yes) {
        this.modifiable = yes ? "YES" : "NO";
        return this;
    }

    public ConstraintSpec significance(String s) {
        this.significance = s;
        return this;
    }

    /** Writes the values in this VR instead of the attribute's own (to build a wrong-VR constraint). */
    public ConstraintSpec valuesAs(VR vr) {
        this.valueVr = vr;
        return this;
    }

    /** Appends the constraint as a new item of {@code sequence}. */
    public DicomObject addTo(Sequence sequence) {
        DicomObject item = sequence.addItem();
        ElementDictionary dict = ElementDictionary.standard();
        DictionaryEntry entry = dict.find(attribute).orElseThrow();
        VR vr = entry.vr();
        item.setString(Tag.SelectorAttributeName, entry.name());
        item.setString(Tag.SelectorAttributeKeyword, entry.keyword());
        item.setString(Tag.SelectorAttributeVR, vr.name());
        item.setLong(Tag.SelectorAttribute, attribute);
        if (vr != VR.SQ) {
            item.setLong(Tag.SelectorValueNumber, valueNumber);
        }
        if (!path.isEmpty()) {
            item.setLong(Tag.SelectorSequencePointer, path.stream().mapToLong(p -> p[0] & 0xFFFFFFFFL).toArray());
            item.setString(Tag.SelectorSequencePointerItems,
                    path.stream().map(p -> Integer.toString(p[1])).toArray(String[]::new));
        }
        item.setString(Tag.ConstraintType, type);
        if (!significance.isEmpty()) {
            item.setString(Tag.ConstraintViolationSignificance, significance);
        }
        if (!values.isEmpty() || !codes.isEmpty()) {
            Sequence cv = item.newSequence(Tag.ConstraintValueSequence);
            VR as = valueVr != null ? valueVr : vr;
            for (String[] v : values) {
                DicomObject valueItem = cv.addItem();
                valueItem.setString(dict.tagOf("Selector" + as.name() + "Value").orElseThrow(), v);
            }
            for (Code c : codes) {
                c.writeTo(cv.addItem().newSequence(Tag.SelectorCodeSequenceValue).addItem());
            }
        }
        if (units != null) {
            units.writeTo(item.newSequence(Tag.MeasurementUnitsCodeSequence).addItem());
        }
        if (!modifiable.isEmpty()) {
            item.setString(Tag.ModifiableConstraintFlag, modifiable);
        }
        return item;
    }
}
