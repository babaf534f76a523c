package org.kerma.dose.build;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;
import org.kerma.dose.units.Units;

/**
 * Appends content items (PS3.3 C.17.3 SR Document Content Module) to one container, strictly: a mandatory value that
 * is absent, a quantity in the wrong kind of unit, a NUM without a finite value or a negative dose is refused with an
 * {@link RdsrBuildException} naming the content item path the item would have had and its concept.
 */
final class ContentWriter {
    private static final DateTimeFormatter DT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final DicomObject item;
    private final String path;
    private int count;

    private ContentWriter(DicomObject item, String path) {
        this.item = item;
        this.path = path;
    }

    /** A writer for the root container of {@code document} (path "1"). */
    static ContentWriter root(DicomObject document) {
        return new ContentWriter(document, "1");
    }

    String path() {
        return path;
    }

    /** The path the next item will have. */
    String nextPath() {
        return path + "." + (count + 1);
    }

    DicomObject add(String relationship, String valueType, Code name) {
        DicomObject child = item.findSequence(Tag.ContentSequence)
                .orElseGet(() -> item.newSequence(Tag.ContentSequence)).addItem();
        count++;
        child.setString(Tag.RelationshipType, relationship);
        child.setString(Tag.ValueType, valueType);
        name.writeTo(child.newSequence(Tag.ConceptNameCodeSequence).addItem());
        return child;
    }

    RdsrBuildException missing(Code name, String rule) {
        return new RdsrBuildException(nextPath(), describe(name) + " is missing; " + rule);
    }

    static String describe(Code name) {
        return name.meaning() + " (" + name.value() + ", " + name.scheme() + ")";
    }

    /** A writer for the content item added last (to add its children). */
    ContentWriter lastChild() {
        java.util.List<DicomObject> items = item.items(Tag.ContentSequence);
        return new ContentWriter(items.get(items.size() - 1), path + "." + count);
    }

    /** A mandatory value: present, or refused naming {@code rule} (the template row). */
    <T> T required(Optional<T> value, Code name, String rule) {
        return value.orElseThrow(() -> missing(name, rule));
    }

    ContentWriter container(String relationship, Code name) {
        DicomObject c = add(relationship, "CONTAINER", name);
        c.setString(Tag.ContinuityOfContent, "SEPARATE");
        return new ContentWriter(c, path + "." + count);
    }

    ContentWriter code(String relationship, Code name, Code value) {
        if (value.value().isEmpty() || value.scheme().isEmpty()) {
            throw new RdsrBuildException(nextPath(), describe(name) + " has a code without value or scheme");
        }
        DicomObject c = add(relationship, "CODE", name);
        value.writeTo(c.newSequence(Tag.ConceptCodeSequence).addItem());
        return this;
    }

    ContentWriter code(String relationship, Code name, Optional<Code> value) {
        value.ifPresent(v -> code(relationship, name, v));
        return this;
    }

    ContentWriter text(String relationship, Code name, String value) {
        if (value.isEmpty()) {
            throw new RdsrBuildException(nextPath(), describe(name) + " is an empty TEXT");
        }
        add(relationship, "TEXT", name).setString(Tag.TextValue, value);
        return this;
    }

    ContentWriter text(String relationship, Code name, Optional<String> value) {
        value.filter(v -> !v.isEmpty()).ifPresent(v -> text(relationship, name, v));
        return this;
    }

    ContentWriter uid(String relationship, Code name, String value) {
        if (!value.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*") || value.length() > 64) {
            throw new RdsrBuildException(nextPath(), describe(name) + " '" + value + "' is not a valid UID");
        }
        add(relationship, "UIDREF", name).setString(Tag.UID, value);
        return this;
    }

    /** An IMAGE item referencing one instance (Referenced SOP Sequence, PS3.3 C.17.3.2.5); both UIDs required. */
    ContentWriter image(String relationship, Code name, org.kerma.dose.IrradiationEvent.ImageReference image) {
        if (image.sopClassUid().isEmpty() || image.sopInstanceUid().isEmpty()) {
            throw new RdsrBuildException(nextPath(), describe(name) + " needs the SOP Class and SOP Instance UID of"
                    + " the image, was '" + image.sopClassUid() + "' / '" + image.sopInstanceUid() + "'");
        }
        DicomObject reference = add(relationship, "IMAGE", name).newSequence(Tag.ReferencedSOPSequence).addItem();
        reference.setString(Tag.ReferencedSOPClassUID, image.sopClassUid());
        reference.setString(Tag.ReferencedSOPInstanceUID, image.sopInstanceUid());
        return this;
    }

    ContentWriter dateTime(String relationship, Code name, LocalDateTime value) {
        String text = DT.format(value) + (value.getNano() == 0 ? "" : String.format(".%06d", value.getNano() / 1000));
        add(relationship, "DATETIME", name).setString(Tag.DateTime, text);
        return this;
    }

    /**
     * A NUM in the unit the template names ({@code ucum}), converted from the quantity's canonical unit.
     *
     * @param nonNegative true for doses, times, counts and lengths that cannot be negative
     */
    ContentWriter num(String relationship, Code name, Quantity q, Unit canonical, String ucum, boolean nonNegative) {
        if (q.unit() != canonical) {
            throw new RdsrBuildException(nextPath(), describe(name) + " is in " + q.unit().ucum()
                    + "; expected a quantity in " + canonical.ucum());
        }
        if (!Double.isFinite(q.value())) {
            throw new RdsrBuildException(nextPath(), describe(name) + " has no numeric value");
        }
        if (nonNegative && q.value() < 0) {
            throw new RdsrBuildException(nextPath(), describe(name) + " is negative (" + q.value() + ")");
        }
        DicomObject num = add(relationship, "NUM", name);
        DicomObject mv = num.newSequence(Tag.MeasuredValueSequence).addItem();
        mv.setString(Tag.NumericValue, VR.DS, decimalString(toUnit(q.value(), canonical, ucum)));
        new Code(ucum, "UCUM", ucum).writeTo(mv.newSequence(Tag.MeasurementUnitsCodeSequence).addItem());
        return this;
    }

    ContentWriter num(String relationship, Code name, Optional<Quantity> q, Unit canonical, String ucum,
            boolean nonNegative) {
        q.ifPresent(v -> num(relationship, name, v, canonical, ucum, nonNegative));
        return this;
    }

    /** {@code value} in canonical unit {@code from} expressed in UCUM {@code ucum}. */
    static double toUnit(double value, Unit from, String ucum) {
        if (from.ucum().equals(ucum)) {
            return value;
        }
        Units.Conversion c = Units.convert(1, ucum, from);
        if (!(c instanceof Units.Conversion.Converted converted)) {
            throw new IllegalStateException("template unit " + ucum + " is not a unit of " + from.ucum());
        }
        double ratio = 1 / converted.value();
        long exponent = Math.round(Math.log10(ratio));
        if (Math.abs(ratio / Math.pow(10, exponent) - 1) < 1e-12) {
            return new BigDecimal(Double.toString(value)).scaleByPowerOfTen((int) exponent).doubleValue();
        }
        return value * ratio;
    }

    /** A DS value (PS3.5 Table 6.2-1: at most 16 characters): the shortest decimal, else 10 significant digits. */
    static String decimalString(double v) {
        BigDecimal b = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String plain = b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        if (plain.length() <= 16) {
            return plain;
        }
        for (int digits = 12; digits > 1; digits--) {
            String s = b.round(new MathContext(digits)).stripTrailingZeros().toString();
            if (s.length() <= 16) {
                return s;
            }
        }
        throw new IllegalStateException("cannot write " + v + " as DS");
    }
}
