package org.kerma.dose.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.kerma.dose.DoseReport;
import org.kerma.dose.ObserverContext;

/** Compares a report read back from a built file with the report it was built from. */
final class RoundTrip {
    private RoundTrip() {
    }

    /**
     * The same dose data: observer (as far as {@code profile} writes it), procedure, scope, times, sources, every
     * accumulated and event value in canonical units. Content item paths and the value/unit as written are not
     * compared (the builder writes the template's units, e.g. µAs for Exposure).
     */
    static void assertSameDose(DoseReport in, DoseReport out, VendorProfile profile) {
        String tid = in.templateId();
        ObserverContext o = in.observer();
        if (!profile.order(tid).contains(RootItem.DEVICE_OBSERVER_PHYSICAL_LOCATION)) {
            o = new ObserverContext(o.observerType(), o.deviceObserverUid(), o.deviceName(), o.manufacturer(),
                    o.modelName(), o.serialNumber(), Optional.empty(), o.personName());
        }
        assertThat(out.kind()).isEqualTo(in.kind());
        assertThat(out.templateId()).isEqualTo(tid);
        assertThat(out.observer()).isEqualTo(o);
        assertThat(out.procedureReported()).isEqualTo(in.procedureReported());
        assertThat(out.hasIntent()).isEqualTo(in.hasIntent());
        assertThat(out.scopeOfAccumulation()).isEqualTo(in.scopeOfAccumulation());
        assertThat(out.scopeUid()).isEqualTo(in.scopeUid());
        assertThat(out.startOfXRayIrradiation()).isEqualTo(in.startOfXRayIrradiation());
        assertThat(out.endOfXRayIrradiation()).isEqualTo(in.endOfXRayIrradiation());
        assertThat(out.sourceOfDoseInformation()).isEqualTo(in.sourceOfDoseInformation());
        assertThat(out.header().studyInstanceUid()).isEqualTo(in.header().studyInstanceUid());
        assertThat(out.header().patientId()).isEqualTo(in.header().patientId());
        assertThat(out.header().patientName()).isEqualTo(in.header().patientName());
        assertThat(out.header().accessionNumber()).isEqualTo(in.header().accessionNumber());
        assertThat(out.header().manufacturer()).isEqualTo(in.header().manufacturer());
        String[] ignored = {".*path", ".*originalValue", ".*originalUnit"};
        assertThat(out.ctAccumulatedDose()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(ignored)
                .isEqualTo(in.ctAccumulatedDose());
        assertThat(out.ctEvents()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(ignored)
                .isEqualTo(in.ctEvents());
        assertThat(out.accumulatedDoses()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(ignored)
                .isEqualTo(in.accumulatedDoses());
        assertThat(out.events()).usingRecursiveComparison().ignoringFieldsMatchingRegexes(ignored)
                .isEqualTo(in.events());
    }
}
