package org.kerma.dose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Quantity;
import org.kerma.dose.rdsr.RdsrReader;

class JsonDoseDescriptionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UidGenerator UIDS = new UidGenerator("1.2.826.0.1.3680043.10.1234");

    static ObjectNode example(String name) throws Exception {
        try (InputStream in = JsonDoseDescriptionTest.class.getResourceAsStream(name)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static DoseReport roundTrip(DoseReport in, String profile) {
        DicomObject sr = RdsrBuilder.with(VendorProfile.named(profile)).build(in);
        return RdsrReader.read(sr);
    }

    @Test
    void ctDescriptionConvertsUnitsAndComputesTotals() throws Exception {
        DoseReport report = JsonDoseDescription.fromTree(example("ct-two-events.json"), UIDS);
        CtIrradiationEvent spiral = report.ctEvents().get(1);
        assertThat(spiral.dlp().orElseThrow().value()).isEqualTo(415.82);
        assertThat(report.ctEvents().get(0).scanningLength().scanningLength().orElseThrow().value()).isEqualTo(512);
        assertThat(spiral.sources().get(0).exposureTimePerRotation().orElseThrow().value()).isEqualTo(0.5);
        assertThat(report.ctAccumulatedDose().flatMap(CtAccumulatedDose::ctDoseLengthProductTotal).orElseThrow()
                .value()).isEqualTo(415.82);
        assertThat(report.ctAccumulatedDose().flatMap(CtAccumulatedDose::totalNumberOfIrradiationEvents)
                .orElseThrow().value()).isEqualTo(2);
    }

    @Test
    void ctDescriptionRoundTripsThroughEveryProfile() throws Exception {
        DoseReport in = JsonDoseDescription.fromTree(example("ct-two-events.json"), UIDS);
        for (String profile : VendorProfile.NAMES) {
            DoseReport out = roundTrip(in, profile);
            assertThat(out.findings()).isEmpty();
            RoundTrip.assertSameDose(in, out, VendorProfile.named(profile));
            assertThat(out.ctEvents().get(1).meanCtdivol().map(Quantity::value)).contains(8.43);
        }
    }

    @Test
    void projectionDescriptionRoundTripsThroughEveryProfile() throws Exception {
        DoseReport in = JsonDoseDescription.fromTree(example("xa-two-events.json"), UIDS);
        assertThat(in.accumulatedDoses().get(0).doseAreaProductTotal().orElseThrow().value()).isEqualTo(0.00144);
        assertThat(in.events().get(1).source().exposure().orElseThrow().value()).isEqualTo(34.3);
        for (String profile : VendorProfile.NAMES) {
            DoseReport out = roundTrip(in, profile);
            assertThat(out.findings()).isEmpty();
            RoundTrip.assertSameDose(in, out, VendorProfile.named(profile));
            assertThat(out.events().get(0).doseRp().map(Quantity::value)).contains(0.0105);
        }
    }

    private static void assertRejected(String example, Consumer<ObjectNode> edit, String where, String why)
            throws Exception {
        ObjectNode json = example(example);
        edit.accept(json);
        assertThatThrownBy(() -> JsonDoseDescription.fromTree(json, UIDS)).isInstanceOf(RdsrBuildException.class)
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(((RdsrBuildException) e).where()).isEqualTo(where));
    }

    private static ObjectNode event(ObjectNode json, int i) {
        return (ObjectNode) json.get("events").get(i);
    }

    @Test
    void rejectsAnUnknownUnitNamingItsJsonPath() throws Exception {
        assertRejected("ct-two-events.json", j -> ((ObjectNode) event(j, 1).get("meanCtdivol")).put("unit", "furlong"),
                "$.events[1].meanCtdivol.unit", "'furlong' is not a UCUM unit");
    }

    @Test
    void rejectsAUnitOfTheWrongKindNamingItsJsonPath() throws Exception {
        assertRejected("ct-two-events.json", j -> ((ObjectNode) event(j, 1).get("dlp")).put("unit", "mGy"),
                "$.events[1].dlp.unit", "'mGy' is not a unit of dlp");
    }

    @Test
    void rejectsANegativeDoseNamingItsJsonPath() throws Exception {
        assertRejected("xa-two-events.json", j -> ((ObjectNode) event(j, 0).get("doseAreaProduct")).put("value", -1.5),
                "$.events[0].doseAreaProduct.value", "negative");
    }

    @Test
    void rejectsAnUnknownCodeNamingItsJsonPath() throws Exception {
        assertRejected("ct-two-events.json", j -> ((ObjectNode) event(j, 1).get("ctdiwPhantomType"))
                .put("value", "999999"), "$.events[1].ctdiwPhantomType", "unknown code (999999, DCM)");
    }

    @Test
    void rejectsADescriptionWithoutEvents() throws Exception {
        assertRejected("ct-two-events.json", j -> j.remove("events"), "$.events", "at least one irradiation event");
        assertRejected("xa-two-events.json", j -> j.set("events", JSON.createArrayNode()), "$.events", "empty");
    }

    @Test
    void rejectsAMisspeltMember() throws Exception {
        assertRejected("ct-two-events.json", j -> event(j, 0).put("ctdiVol", 3), "$.events[0].ctdiVol",
                "unknown member");
    }

    @Test
    void rejectsAMissingMandatoryMember() throws Exception {
        assertRejected("ct-two-events.json", j -> event(j, 1).remove("targetRegion"), "$.events[1].targetRegion",
                "missing");
    }
}
