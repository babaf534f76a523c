package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Tag;

class LibraryAndUsageTest {

    @Test
    void groupsTheLibraryByModelAndAnatomy() {
        ProtocolLibrary library = new ProtocolLibrary(List.of(
                DefinedProtocol.read(ProtocolFixtures.ctRoutineAdultHeadDefined()).value(),
                DefinedProtocol.read(ProtocolFixtures.twoDeviceReconstruction()).value(),
                DefinedProtocol.read(ProtocolFixtures.carotidStentingDefined()).value()));
        assertThat(library.protocols()).extracting(p -> p.context().protocolName())
                .containsExactly("CAROTIDS", "CAROTIDS 3D", "ROUTINE ADULT HEAD");
        assertThat(library.byModel().keySet()).containsExactly("Angiotech Angiomatic",
                "Angiotech Angiomatic 3D Workstation", "Kerma Test Scanners Helix 64");
        assertThat(library.byAnatomy()).hasSize(3);
        assertThat(library.byAnatomy().get(ProtocolFixtures.HEAD.toString())).extracting(
                DefinedProtocol::sopInstanceUid).containsExactly(ProtocolFixtures.CT_HEAD_UID);
        assertThat(library.byAnatomy().get("(no region)")).extracting(DefinedProtocol::sopInstanceUid)
                .containsExactly(ProtocolFixtures.UID_02);
    }

    @Test
    void listsTheImagesAndIrradiationEventsOfEachElement() {
        List<ElementUsage> usage = ElementUsage.of(ProtocolFixtures.mixedSeries());
        assertThat(usage).extracting(u -> u.element().protocolUid(), u -> u.element().number(),
                u -> u.imageUids().size()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProtocolFixtures.CAROTID_UID, 2, 2),
                org.assertj.core.groups.Tuple.tuple(ProtocolFixtures.UID_01, 1, 1),
                org.assertj.core.groups.Tuple.tuple(ProtocolFixtures.CAROTID_UID, 9, 1));
        ElementUsage dsa = usage.get(0);
        assertThat(dsa.element().kind()).isEqualTo(ElementKind.ACQUISITION);
        assertThat(dsa.irradiationEvents()).containsExactly(
                ProtocolFixtures.mixedSeries().get(0).getString(Tag.IrradiationEventUID, ""),
                ProtocolFixtures.mixedSeries().get(2).getString(Tag.IrradiationEventUID, ""));

        List<ElementUsage> ct = ElementUsage.of(ProtocolFixtures.ctHeadImages());
        assertThat(ct).singleElement().satisfies(u -> {
            assertThat(u.element().kind()).isEqualTo(ElementKind.RECONSTRUCTION);
            assertThat(u.imageUids()).hasSize(2);
            assertThat(u.irradiationEvents()).hasSize(1);
        });
    }
}
