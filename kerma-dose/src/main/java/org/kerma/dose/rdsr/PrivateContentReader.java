package org.kerma.dose.rdsr;

import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dose.Finding;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;
import org.kerma.dose.vendor.PrivateContent;
import org.kerma.dose.vendor.Quirk;

/**
 * Fills TID 10003B items an irradiation event lacks from the private content items of {@link PrivateContent}: the
 * collimated field from private shutter positions, Number of Pulses from a private frame count. Used only when the
 * standard item is absent; each value so derived is recorded as an applied {@link Quirk} with the path of the private
 * item and the values it was computed from, so a reader of the report can tell it from a value the device wrote.
 */
final class PrivateContentReader {
    private PrivateContentReader() {
    }

    /** Collimated Field Area (m²), Height and Width (mm) of one event. */
    record CollimatedField(Optional<Quantity> area, Optional<Quantity> height, Optional<Quantity> width) {
        boolean complete() {
            return area.isPresent() && height.isPresent() && width.isPresent();
        }
    }

    /**
     * The event's own Distance Source to Detector (113750), remembered for the events after it; or, when it has
     * none, the SID of the latest earlier event of the same Acquisition Plane that had one (Philips Allura Xper
     * writes it only when it changes; the planes of a bi-plane system have their own SID).
     */
    static Optional<ReadContext.SourceToDetector> sourceToDetector(ContentItem event, Optional<Code> plane,
            Optional<Quantity> own, ReadContext ctx) {
        if (own.isPresent()) {
            String path = ctx.descendant(event, DCM.DistanceSourceToDetector).map(i -> i.path().toString())
                    .orElse(event.path().toString());
            ReadContext.SourceToDetector sid = new ReadContext.SourceToDetector(own.get(), path);
            ctx.sourceToDetectorRead(plane, sid);
            return Optional.of(sid);
        }
        return ctx.lastSourceToDetector(plane);
    }

    /** {@code standard}, or the private frame count of the event when it has no Number of Pulses. */
    static Optional<Quantity> numberOfPulses(ContentItem event, Optional<Quantity> standard, ReadContext ctx) {
        if (standard.isPresent()) {
            return standard;
        }
        for (PrivateContent.FrameCount convention : PrivateContent.frameCounts()) {
            Optional<ContentItem> item = ctx.descendant(event, convention.frames());
            Optional<Quantity> frames = item.flatMap(i -> ctx.quantity(i, Unit.ONE));
            if (frames.isPresent()) {
                ctx.quirk(Quirk.PRIVATE_FRAMES_AS_PULSES, item.get().path().toString(), "Number of Pulses "
                        + frames.get() + " read from " + ReadContext.name(item.get()));
                return frames;
            }
        }
        return Optional.empty();
    }

    /**
     * {@code standard}, with each of its absent quantities derived from the private shutter positions of the event
     * when it has them (formula and source: {@link PrivateContent.ShutterField}). The SID is the event's own
     * ({@code sid}: 113750, or carried from an earlier event), else the private SID item of the convention.
     */
    static CollimatedField collimatedField(ContentItem event, CollimatedField standard,
            Optional<ReadContext.SourceToDetector> sid, ReadContext ctx) {
        if (standard.complete()) {
            return standard;
        }
        for (PrivateContent.ShutterField convention : PrivateContent.shutterFields()) {
            Optional<ContentItem> shutters = ctx.descendant(event, convention.container());
            if (shutters.isPresent()) {
                return derive(event, shutters.get(), convention, standard, sid, ctx).orElse(standard);
            }
        }
        return standard;
    }

    private static Optional<CollimatedField> derive(ContentItem event, ContentItem shutters,
            PrivateContent.ShutterField convention, CollimatedField standard,
            Optional<ReadContext.SourceToDetector> eventSid, ReadContext ctx) {
        String path = shutters.path().toString();
        Optional<Quantity> left = ctx.childQuantity(shutters, convention.left(), Unit.MILLIMETRE);
        Optional<Quantity> right = ctx.childQuantity(shutters, convention.right(), Unit.MILLIMETRE);
        Optional<Quantity> top = ctx.childQuantity(shutters, convention.top(), Unit.MILLIMETRE);
        Optional<Quantity> bottom = ctx.childQuantity(shutters, convention.bottom(), Unit.MILLIMETRE);
        if (left.isEmpty() || right.isEmpty() || top.isEmpty() || bottom.isEmpty()) {
            ctx.finding(Finding.Severity.WARNING, path, ReadContext.name(shutters) + " lacks a shutter position;"
                    + " collimated field not derived");
            return Optional.empty();
        }
        Optional<ReadContext.SourceToDetector> sid = eventSid;
        String sidFrom;
        if (sid.isPresent()) {
            boolean own = sid.get().path().startsWith(event.path() + ".");
            sidFrom = own ? sid.get().path() : "carried from " + sid.get().path();
        } else {
            Optional<ContentItem> item = ctx.descendant(event, convention.privateSourceToDetector());
            sid = item.flatMap(i -> ctx.quantity(i, Unit.MILLIMETRE)
                    .map(q -> new ReadContext.SourceToDetector(q, i.path().toString())));
            sidFrom = sid.map(s -> s.path() + ", " + ReadContext.name(item.get())).orElse("");
        }
        if (sid.isEmpty() || sid.get().distance().value() <= 0) {
            ctx.finding(Finding.Severity.WARNING, path, ReadContext.name(shutters) + " present but no Distance Source"
                    + " to Detector in this or an earlier event; collimated field not derived");
            return Optional.empty();
        }
        double scale = sid.get().distance().value() / convention.shutterPlaneDistance();
        double height = (left.get().value() + right.get().value()) * scale;
        double width = (top.get().value() + bottom.get().value()) * scale;
        if (height <= 0 || width <= 0) {
            ctx.finding(Finding.Severity.WARNING, path, "shutter positions give a field of " + height + " × " + width
                    + " mm; collimated field not derived");
            return Optional.empty();
        }
        String sidText = "SID " + sid.get().distance() + " (" + sidFrom + ") / "
                + Quantity.of(convention.shutterPlaneDistance(), Unit.MILLIMETRE);
        StringBuilder detail = new StringBuilder();
        Optional<Quantity> h = standard.height().or(() -> derived(detail, "Collimated Field Height",
                Quantity.of(height, Unit.MILLIMETRE), "(left " + left.get() + " + right " + right.get() + ") × "
                        + sidText));
        Optional<Quantity> w = standard.width().or(() -> derived(detail, "Collimated Field Width",
                Quantity.of(width, Unit.MILLIMETRE), "(top " + top.get() + " + bottom " + bottom.get() + ") × "
                        + sidText));
        Optional<Quantity> a = standard.area().or(() -> derived(detail, "Collimated Field Area",
                Quantity.of(height * width / 1e6, Unit.SQUARE_METRE), Quantity.of(height, Unit.MILLIMETRE) + " × "
                        + Quantity.of(width, Unit.MILLIMETRE) + " from the shutters"));
        CollimatedField derived = new CollimatedField(a, h, w);
        ctx.quirk(Quirk.PRIVATE_SHUTTER_FIELD, path, detail.toString());
        return Optional.of(derived);
    }

    private static Optional<Quantity> derived(StringBuilder detail, String name, Quantity value, String how) {
        detail.append(detail.isEmpty() ? "derived " : "; ").append(name).append(' ').append(value).append(" = ")
                .append(how);
        return Optional.of(value);
    }
}
