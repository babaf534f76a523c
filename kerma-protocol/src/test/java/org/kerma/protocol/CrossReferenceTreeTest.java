package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;

class CrossReferenceTreeTest {

    private static List<CrossReferenceTree.Source> sources() {
        List<CrossReferenceTree.Source> s = new ArrayList<>();
        for (ProtocolFixtures.Named n : ProtocolFixtures.all()) {
            s.add(new CrossReferenceTree.Source(n.fileName(), n.dataset()));
        }
        return s;
    }

    @Test
    void drawsDefinedPerformedImagesAndEvents() {
        CrossReferenceTree tree = CrossReferenceTree.build(sources());
        assertThat(tree.roots()).extracting(CrossReferenceTree.Node::kind).containsExactly(
                CrossReferenceTree.Kind.DEFINED, CrossReferenceTree.Kind.DEFINED, CrossReferenceTree.Kind.DEFINED);
        CrossReferenceTree.Node carotid = tree.roots().get(0);
        assertThat(carotid.uid()).isEqualTo(ProtocolFixtures.CAROTID_UID);
        assertThat(carotid.children()).extracting(CrossReferenceTree.Node::kind).containsExactly(
                CrossReferenceTree.Kind.PERFORMED, CrossReferenceTree.Kind.IMAGE, CrossReferenceTree.Kind.IMAGE,
                CrossReferenceTree.Kind.IMAGE, CrossReferenceTree.Kind.IMAGE, CrossReferenceTree.Kind.IMAGE,
                CrossReferenceTree.Kind.IMAGE);
        assertThat(carotid.children().get(3).label()).endsWith("(acquisition 3)");
        assertThat(carotid.children().get(3).children()).singleElement().satisfies(e ->
                assertThat(e.kind()).isEqualTo(CrossReferenceTree.Kind.IRRADIATION_EVENT));

        CrossReferenceTree.Node uid01 = tree.roots().get(1);
        assertThat(uid01.uid()).isEqualTo(ProtocolFixtures.UID_01);
        assertThat(uid01.children().get(0).uid()).isEqualTo(ProtocolFixtures.UID_02);
        assertThat(uid01.children().get(0).label()).endsWith(
                "(takes input from acquisition 3 for reconstruction 1 3D SUB RECONSTRUCTION)");

        CrossReferenceTree.Node ct = tree.roots().get(2);
        CrossReferenceTree.Node performed = ct.children().get(0);
        assertThat(performed.uid()).isEqualTo(ProtocolFixtures.CT_HEAD_PERFORMED_UID);
        assertThat(performed.children()).hasSize(2).allSatisfy(i -> {
            assertThat(i.kind()).isEqualTo(CrossReferenceTree.Kind.IMAGE);
            assertThat(i.label()).endsWith("(reconstruction 1)");
        });
        assertThat(tree.findings()).isEmpty();
        String text = tree.render();
        assertThat(text).startsWith("defined XA \"CAROTIDS\" " + ProtocolFixtures.CAROTID_UID
                + "  [XA-DEFINED-Carotids.dcm]\n├── performed \"CAROTIDS\" ");
    }

    @Test
    void marksReferencesToInstancesOutsideTheSetAndCutsCycles() {
        DicomObject a = ProtocolFixtures.twoDeviceReconstruction();
        DicomObject b = ProtocolFixtures.twoDeviceAcquisition();
        // b's storage element now takes its input from a's element, and a's from b's: a cycle
        DicomObject store = b.items(Tag.StorageProtocolElementSpecificationSequence).get(0);
        store.setString(Tag.ReferencedSOPClassUID, a.getString(Tag.SOPClassUID, ""));
        store.setString(Tag.ReferencedSOPInstanceUID, ProtocolFixtures.UID_02);
        DicomObject image = ProtocolFixtures.carotidImages().get(0);
        CrossReferenceTree tree = CrossReferenceTree.build(List.of(new CrossReferenceTree.Source("a.dcm", a),
                new CrossReferenceTree.Source("b.dcm", b), new CrossReferenceTree.Source("image.dcm", image)));
        assertThat(tree.findings()).extracting(ProtocolFinding::toString).containsExactly(
                "image.dcm: references " + ProtocolFixtures.CAROTID_UID + ", which is not in the set",
                "a.dcm: reference cycle: " + ProtocolFixtures.UID_02 + " -> " + ProtocolFixtures.UID_01 + " -> "
                        + ProtocolFixtures.UID_02);
        assertThat(tree.roots()).extracting(CrossReferenceTree.Node::kind).containsExactly(
                CrossReferenceTree.Kind.MISSING, CrossReferenceTree.Kind.DEFINED);
        assertThat(tree.roots().get(0).children()).singleElement().satisfies(i ->
                assertThat(i.kind()).isEqualTo(CrossReferenceTree.Kind.IMAGE));
    }
}
