package org.kerma.registry.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.protocol.ConstraintSpec;
import org.kerma.protocol.CrossReferenceTree;
import org.kerma.protocol.ProtocolFixtures;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Hierarchy;
import org.kerma.registry.ingest.IngestOutcome;
import org.kerma.registry.ingest.Origin;
import org.kerma.registry.query.Browse.Page;

/**
 * The protocol tables filled at ingest, compliance in any order of arrival, and the queries over them; run on each
 * index database by a subclass.
 */
abstract class ProtocolStoreContract {
    @TempDir
    Path data;
    private final List<Registry> opened = new ArrayList<>();
    private int registries;

    /** The URL of an empty index database for one registry. */
    abstract String freshDatabaseUrl() throws Exception;

    Registry open() throws Exception {
        Path dir = data.resolve("r" + registries++);
        Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(dir)
                .withDatabaseUrl(freshDatabaseUrl()).withValidationAtIngest(false)); // findings here: the protocol's
        opened.add(registry);
        return registry;
    }

    @AfterEach
    void close() {
        opened.forEach(Registry::close);
    }

    static IngestOutcome ingest(Registry registry, DicomObject ds) throws Exception {
        return registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("test"));
    }

    static List<DicomObject> fixtures() {
        return ProtocolFixtures.all().stream().map(ProtocolFixtures.Named::dataset).toList();
    }

    /** The compliance rows as comparable lines: subject, defined protocol, scope, attribute, outcome, actual. */
    static List<String> complianceLines(Registry registry) {
        return registry.index().read("read compliance", c -> {
            List<String> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT i.sop_instance_uid, x.defined_uid, x.scope, x.attribute_name, x.outcome, x.actual, x.reason
                    FROM protocol_compliance x JOIN instance i ON i.id = x.subject_fk""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | "
                            + rs.getString(4) + " | " + rs.getString(5) + " | " + rs.getString(6) + " | "
                            + rs.getString(7));
                }
            }
            Collections.sort(lines);
            return lines;
        });
    }

    static long count(Registry registry, String sql) {
        return registry.index().read("count", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void ingestOfTheFixturesGivesTheExpectedComplianceRows() throws Exception {
        Registry registry = open();
        for (DicomObject ds : fixtures()) {
            IngestOutcome outcome = ingest(registry, ds);
            assertThat(outcome.result()).as(ds.getString(Tag.SOPInstanceUID, "")).isEqualTo(IngestOutcome.Result.STORED);
        }
        ProtocolQueries q = new ProtocolQueries(registry.index());

        ProtocolQueries.ComplianceReport performed = q.compliance(ProtocolFixtures.CAROTID_PERFORMED_UID).orElseThrow();
        assertThat(performed.kind()).isEqualTo("PERFORMED");
        assertThat(performed.fail()).isEqualTo(2);
        assertThat(performed.pass()).isEqualTo(8);
        assertThat(performed.rows()).filteredOn(r -> r.outcome().equals("FAIL"))
                .extracting(r -> r.scope() + ": " + r.attribute() + " " + r.actual() + " not " + r.allowed())
                .containsExactlyInAnyOrder(
                        "acquisition 3 ROTATIONAL SUB: Filter Thickness Minimum 0.5 not [0.1 .. 0.3] mm",
                        "acquisition 3 ROTATIONAL SUB: Primary Positioner Scan Arc 210 not [180 .. 200] deg");

        ProtocolQueries.ComplianceReport ct = q.compliance(ProtocolFixtures.CT_HEAD_UID).orElseThrow();
        assertThat(ct.fail()).isZero();
        assertThat(ct.rows()).extracting(ProtocolQueries.ComplianceRow::subjectUid).containsOnly(
                ProtocolFixtures.CT_HEAD_PERFORMED_UID); // CT images stand under their performed protocol
        assertThat(ct.pass()).isEqualTo(8);

        ProtocolQueries.ComplianceReport carotid = q.compliance(ProtocolFixtures.CAROTID_UID).orElseThrow();
        String image3 = ProtocolFixtures.carotidImages().get(2).getString(Tag.SOPInstanceUID, "");
        List<DicomObject> mixed = ProtocolFixtures.mixedSeries();
        String mixed3 = mixed.get(2).getString(Tag.SOPInstanceUID, "");
        assertThat(carotid.rows()).filteredOn(r -> r.subjectKind().equals("IMAGE") && r.outcome().equals("FAIL"))
                .extracting(r -> r.subjectUid() + " " + r.attribute() + " " + r.actual())
                .containsExactlyInAnyOrder(image3 + " Field of View Dimension(s) in Float 220",
                        mixed3 + " Filter Thickness Minimum 0.4");
        String unknownElement = mixed.get(3).getString(Tag.SOPInstanceUID, "");
        assertThat(carotid.rows()).filteredOn(r -> r.subjectUid().equals(unknownElement))
                .extracting(ProtocolQueries.ComplianceRow::scope).containsExactly("patient", "reference");
        assertThat(carotid.rows()).filteredOn(r -> r.subjectUid().equals(unknownElement) && r.attribute().isEmpty())
                .singleElement().satisfies(r -> {
                    assertThat(r.outcome()).isEqualTo("NOT_EVALUABLE");
                    assertThat(r.reason()).contains("references acquisition element 9 of " + ProtocolFixtures.CAROTID_UID
                            + ", which it does not have");
                });
        long unknownId = registry.index().read("find", c -> Hierarchy.find(c, unknownElement)).orElseThrow().id();
        List<Findings.Recorded> recorded = registry.index().read("findings", c -> Findings.of(c, unknownId));
        assertThat(recorded)
                .filteredOn(f -> f.source().equals(ComplianceEvaluation.SOURCE)).singleElement()
                .satisfies(f -> assertThat(f.finding().location()).endsWith("ReferencedDefinedProtocolSequence[1]"));
        // the mixed series: its images are checked against the protocol each references
        String ofUid01 = mixed.get(1).getString(Tag.SOPInstanceUID, "");
        assertThat(q.compliance(ProtocolFixtures.UID_01).orElseThrow().rows())
                .extracting(ProtocolQueries.ComplianceRow::subjectUid).containsOnly(ofUid01).isNotEmpty();
        assertThat(carotid.rows()).extracting(ProtocolQueries.ComplianceRow::subjectUid).doesNotContain(ofUid01);
    }

    @Test
    void complianceIsTheSameWhateverTheOrderOfArrival() throws Exception {
        Registry inOrder = open();
        for (DicomObject ds : fixtures()) {
            ingest(inOrder, ds);
        }
        List<String> expected = complianceLines(inOrder);
        assertThat(expected).hasSizeGreaterThan(30);

        Registry reversed = open();
        List<DicomObject> backwards = new ArrayList<>(fixtures());
        Collections.reverse(backwards);
        for (DicomObject ds : backwards) {
            ingest(reversed, ds);
        }
        assertThat(complianceLines(reversed)).isEqualTo(expected);

        Registry shuffled = open();
        List<DicomObject> random = new ArrayList<>(fixtures());
        Collections.shuffle(random, new Random(9));
        for (DicomObject ds : random) {
            ingest(shuffled, ds);
        }
        assertThat(complianceLines(shuffled)).isEqualTo(expected);

        shuffled.reindex(n -> { });
        assertThat(complianceLines(shuffled)).isEqualTo(expected);
        assertThat(count(shuffled, "SELECT count(*) FROM protocol")).isEqualTo(6);
    }

    @Test
    void concurrentArrivalsEndWithTheSameComplianceAsOneByOne() throws Exception {
        Registry oneByOne = open();
        for (DicomObject ds : fixtures()) {
            ingest(oneByOne, ds);
        }
        List<String> expected = complianceLines(oneByOne);
        for (int round = 0; round < 3; round++) {
            Registry parallel = open();
            List<DicomObject> objects = new ArrayList<>(fixtures());
            Collections.shuffle(objects, new Random(round));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<IngestOutcome>> done = new ArrayList<>();
            for (DicomObject ds : objects) {
                done.add(pool.submit(() -> ingest(parallel, ds)));
            }
            for (Future<IngestOutcome> f : done) {
                assertThat(f.get().result()).isEqualTo(IngestOutcome.Result.STORED);
            }
            pool.shutdown();
            assertThat(complianceLines(parallel)).as("round " + round).isEqualTo(expected);
        }
    }

    @Test
    void definedProtocolsAreIndexedUnderTheProtocolLibraryAndListedByModelAnatomyAndName() throws Exception {
        Registry registry = open();
        for (DicomObject ds : fixtures()) {
            ingest(registry, ds);
        }
        String study = registry.index().read("find", c -> Hierarchy.find(c, ProtocolFixtures.CAROTID_UID))
                .orElseThrow().studyInstanceUid();
        assertThat(study).isEqualTo(Hierarchy.PROTOCOL_LIBRARY_STUDY_UID);

        ProtocolQueries q = new ProtocolQueries(registry.index());
        Page<ProtocolQueries.ProtocolSummary> all = q.library(filter(null, null, null, null, 0, 50));
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.items()).extracting(ProtocolQueries.ProtocolSummary::protocolName)
                .containsExactly("CAROTIDS", "CAROTIDS", "CAROTIDS 3D", "ROUTINE ADULT HEAD");
        assertThat(q.library(filter("Angiomatic", null, null, null, 0, 50)).items())
                .extracting(ProtocolQueries.ProtocolSummary::sopInstanceUid)
                .containsExactlyInAnyOrder(ProtocolFixtures.CAROTID_UID, ProtocolFixtures.UID_01);
        assertThat(q.library(filter(null, "69536005", null, null, 0, 50)).items())
                .extracting(ProtocolQueries.ProtocolSummary::sopInstanceUid)
                .containsExactly(ProtocolFixtures.CT_HEAD_UID);
        assertThat(q.library(filter(null, "carotid artery", "3d", null, 0, 50)).total()).isZero();
        assertThat(q.library(filter(null, null, "3d", null, 0, 50)).items())
                .extracting(ProtocolQueries.ProtocolSummary::sopInstanceUid)
                .containsExactly(ProtocolFixtures.UID_02);
        Page<ProtocolQueries.ProtocolSummary> second = q.library(filter(null, null, null, null, 1, 2));
        assertThat(second.items()).hasSize(2);
        assertThat(second.total()).isEqualTo(4);
        assertThat(q.library(filter(null, null, null, "PERFORMED", 0, 50)).items())
                .extracting(ProtocolQueries.ProtocolSummary::studyInstanceUid)
                .containsOnly(ProtocolFixtures.STUDY_UID);

        ProtocolQueries.ProtocolDetail detail = q.protocol(ProtocolFixtures.CAROTID_UID).orElseThrow();
        assertThat(detail.protocol().models()).extracting(ProtocolQueries.Model::modelName)
                .containsExactly("Angiomatic");
        assertThat(detail.patientSpecification()).singleElement()
                .satisfies(k -> assertThat(k.attribute() + " " + k.allowed()).isEqualTo("Patient's Age > 018Y"));
        assertThat(detail.elements()).extracting(e -> e.kind() + " " + e.number() + " " + e.name())
                .containsExactly("ACQUISITION 1 FLUOROSCOPY NOSUB", "ACQUISITION 2 DSA", "ACQUISITION 3 ROTATIONAL SUB",
                        "RECONSTRUCTION 1 3D SUB RECONSTRUCTION");
        ProtocolQueries.Element rotational = detail.elements().get(2);
        assertThat(rotational.constraints()).extracting(k -> k.selector() + " " + k.type() + " " + k.allowed()
                        + " modifiable " + k.modifiable())
                .contains("XAPlaneDetailsSequence[1].PrimaryPositionerScanArc RANGE_INCL [180 .. 200] deg"
                        + " modifiable NO");
        assertThat(detail.elements().get(3).sourceAcquisition()).containsExactly(3);
        assertThat(detail.referencedBy()).containsKey(ProtocolFixtures.CAROTID_PERFORMED_UID);
    }

    @Test
    void aStudyTreeRunsFromDefinedToPerformedProtocolsToImagesToEvents() throws Exception {
        Registry registry = open();
        for (DicomObject ds : fixtures()) {
            ingest(registry, ds);
        }
        CrossReferenceTree tree = new ProtocolQueries(registry.index()).studyTree(ProtocolFixtures.STUDY_UID)
                .orElseThrow();
        CrossReferenceTree.Node ctHead = tree.roots().stream()
                .filter(n -> n.uid().equals(ProtocolFixtures.CT_HEAD_UID)).findFirst().orElseThrow();
        assertThat(ctHead.kind()).isEqualTo(CrossReferenceTree.Kind.DEFINED);
        CrossReferenceTree.Node performed = ctHead.children().get(0);
        assertThat(performed.uid()).isEqualTo(ProtocolFixtures.CT_HEAD_PERFORMED_UID);
        assertThat(performed.children()).hasSize(2).allSatisfy(image -> {
            assertThat(image.kind()).isEqualTo(CrossReferenceTree.Kind.IMAGE);
            assertThat(image.children()).singleElement().extracting(CrossReferenceTree.Node::kind)
                    .isEqualTo(CrossReferenceTree.Kind.IRRADIATION_EVENT);
        });
        assertThat(tree.render()).contains("defined XA \"CAROTIDS\" " + ProtocolFixtures.CAROTID_UID);
        assertThat(new ProtocolQueries(registry.index()).studyTree("1.2.3.4")).isEmpty();
    }

    @Test
    void dosePerElementGivesTheImagesAndEventsReferencingEachElement() throws Exception {
        Registry registry = open();
        for (DicomObject ds : fixtures()) {
            ingest(registry, ds);
        }
        ProtocolDose dose = new ProtocolDose(registry.index());

        ProtocolDose.ProtocolElementDose carotid = dose.of(ProtocolFixtures.CAROTID_UID).orElseThrow();
        assertThat(carotid.elements()).extracting(e -> e.kind() + " " + e.number() + " " + e.name())
                .containsExactly("ACQUISITION 1 FLUOROSCOPY NOSUB", "ACQUISITION 2 DSA", "ACQUISITION 3 ROTATIONAL SUB",
                        "RECONSTRUCTION 1 3D SUB RECONSTRUCTION", "ACQUISITION 9 null");
        ProtocolDose.ElementDose dsa = carotid.elements().get(1);
        // carotid image 2 and mixed-series images 1 and 3: three images, three events of 2.5 dGy·cm² each
        assertThat(dsa.totals().images()).isEqualTo(3);
        assertThat(dsa.totals().events()).isEqualTo(3);
        assertThat(dsa.totals().patients()).isEqualTo(1);
        assertThat(dsa.totals().dapGym2()).isCloseTo(7.5e-5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dsa.images().get(0).technique().kvpKv()).isEqualTo(80.0);
        assertThat(carotid.elements().get(3).totals().images()).isZero();

        ProtocolDose.ProtocolElementDose ct = dose.of(ProtocolFixtures.CT_HEAD_UID).orElseThrow();
        ProtocolDose.ElementDose head5mm = ct.elements().stream()
                .filter(e -> "RECONSTRUCTION".equals(e.kind()) && e.number() == 1).findFirst().orElseThrow();
        // CT events come from dose reports only (docs/dose.md); without one, each image shows its header CTDIvol
        assertThat(head5mm.totals().images()).isEqualTo(2);
        assertThat(head5mm.totals().events()).isZero();
        assertThat(head5mm.images()).extracting(i -> i.technique().ctdiVolMGy()).containsOnly(52.3);
        assertThat(head5mm.images()).extracting(ProtocolDose.ImageDose::level).containsOnly("SERIES");
        assertThat(dose.of("1.2.3")).isEmpty();
    }

    @Test
    void badProtocolContentBecomesFindingsWithPathsAndTheObjectStays() throws Exception {
        Registry registry = open();
        DicomObject ds = ProtocolFixtures.carotidStentingDefined();
        ds.setString(Tag.SOPInstanceUID, ProtocolFixtures.uid("bad carotid"));
        ConstraintSpec.on(Tag.KVP).in(Tag.KVP, 1).type("EQUAL").value("80")
                .addTo(ds.items(Tag.AcquisitionProtocolElementSpecificationSequence).get(0)
                        .findSequence(Tag.ParametersSpecificationSequence).orElseThrow());
        DicomObject rec = ds.items(Tag.ReconstructionProtocolElementSpecificationSequence).get(0);
        rec.setLong(Tag.SourceReconstructionProtocolElementNumber, 1); // takes its input from itself
        IngestOutcome outcome = ingest(registry, ds);

        assertThat(outcome.result()).isEqualTo(IngestOutcome.Result.STORED);
        long id = registry.index().read("find", c -> Hierarchy.find(c, ProtocolFixtures.uid("bad carotid")))
                .orElseThrow().id();
        List<Findings.Recorded> findings = registry.index().read("findings", c -> Findings.of(c, id));
        assertThat(findings).extracting(f -> f.source() + " " + f.finding().location() + ": " + f.message())
                .contains("protocol AcquisitionProtocolElementSpecificationSequence[1].ParametersSpecificationSequence[3]"
                        + ".SelectorSequencePointer: Selector Sequence Pointer value 1 (0018,0060) KVP points"
                        + " nowhere: it is not a sequence (VR DS)")
                .anySatisfy(f -> assertThat(f).contains("in a cycle"));
        assertThat(new ProtocolQueries(registry.index()).protocol(ProtocolFixtures.uid("bad carotid"))).isPresent();

        // an image referencing a defined protocol that never arrives: rows kept, nothing evaluated
        DicomObject orphan = ProtocolFixtures.carotidImages().get(0);
        orphan.items(Tag.ReferencedDefinedProtocolSequence).get(0).setString(Tag.ReferencedSOPInstanceUID, "1.2.3");
        assertThat(ingest(registry, orphan).findings()).filteredOn(f -> f.startsWith("protocol")).isEmpty();
        assertThat(count(registry, "SELECT count(*) FROM protocol_reference WHERE protocol_uid = '1.2.3'"))
                .isEqualTo(1);
        assertThat(count(registry, "SELECT count(*) FROM protocol_compliance")).isZero();
    }

    static ProtocolQueries.LibraryFilter filter(String model, String anatomy, String name, String kind, int offset,
                                                int limit) {
        return new ProtocolQueries.LibraryFilter(kind, null, null, model, anatomy, name, offset, limit);
    }

    static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
