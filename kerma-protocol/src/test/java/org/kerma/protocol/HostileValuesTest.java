package org.kerma.protocol;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.ReadOptions;
import org.kerma.dicom.io.WriteOptions;

/**
 * Every element of every fixture, at any depth, replaced in turn by a garbage value of its own VR (odd bytes that
 * are neither a number, a date nor a tag), and every element of the protocol fixtures removed in turn: reading,
 * checking and drawing the tree must not throw.
 */
class HostileValuesTest {
    private static final byte[] GARBAGE = "x\u00ff?".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void garbageInAnyElementBecomesFindingsNotExceptions() throws Exception {
        int mutations = 0;
        for (ProtocolFixtures.Named f : ProtocolFixtures.all()) {
            byte[] encoded = DicomWriter.encode(f.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                    WriteOptions.DEFAULT);
            int count = count(f.dataset());
            for (int k = 0; k < count; k++) {
                boolean image = f.fileName().contains("IMAGE");
                for (boolean remove : image ? new boolean[] {false} : new boolean[] {false, true}) {
                    DicomObject copy = DicomReader.readDataset(new java.io.ByteArrayInputStream(encoded), "fixture",
                            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
                    mutate(copy, new int[] {k}, remove);
                    String what = f.fileName() + " element #" + k + (remove ? " removed" : " garbled");
                    assertThatCode(() -> exercise(copy)).as(what).doesNotThrowAnyException();
                    mutations++;
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(mutations).isGreaterThan(500);
    }

    private static final DefinedProtocol CAROTID = DefinedProtocol.read(ProtocolFixtures.carotidStentingDefined())
            .value();
    private static final PerformedProtocol PERFORMED = PerformedProtocol.read(
            ProtocolFixtures.carotidPerformedWithTwoViolations()).value();
    private static final List<DicomObject> IMAGES = ProtocolFixtures.carotidImages();

    private static void exercise(DicomObject ds) {
        DefinedProtocol d = DefinedProtocol.read(ds).value();
        PerformedProtocol p = PerformedProtocol.read(ds).value();
        ProtocolApproval.read(ds);
        ProtocolReference.readAll(ds);
        ConstraintCheck.check(d, PERFORMED);
        ConstraintCheck.check(CAROTID, p);
        ConstraintCheck.checkImages(CAROTID, List.of(ds));
        ConstraintCheck.checkImages(d, IMAGES);
        CrossReferenceTree.build(List.of(new CrossReferenceTree.Source("x", ds))).render();
    }

    private static int count(DicomObject ds) {
        int n = 0;
        for (int i = 0; i < ds.size(); i++) {
            n++;
            if (ds.valueAt(i) instanceof Sequence s) {
                for (DicomObject item : s.items()) {
                    n += count(item);
                }
            }
        }
        return n;
    }

    /** Garbles or removes the k-th element in depth-first order; returns true when done. */
    private static boolean mutate(DicomObject ds, int[] k, boolean remove) {
        List<Integer> tags = new ArrayList<>();
        for (int i = 0; i < ds.size(); i++) {
            tags.add(ds.tagAt(i));
        }
        for (int tag : tags) {
            int i = ds.indexOf(tag);
            if (k[0]-- == 0) {
                if (remove) {
                    ds.remove(tag);
                } else if (!(ds.valueAt(i) instanceof Sequence)) {
                    ds.put(tag, ds.vrAt(i), GARBAGE.clone());
                } else {
                    ds.put(tag, org.kerma.dicom.VR.UN, GARBAGE.clone());
                }
                return true;
            }
            if (ds.valueAt(i) instanceof Sequence s) {
                for (DicomObject item : s.items()) {
                    if (mutate(item, k, remove)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
