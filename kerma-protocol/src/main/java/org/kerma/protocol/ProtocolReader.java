package org.kerma.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;

/**
 * Reads the modules shared by defined and performed protocols, leniently: what is wrong is added to the findings
 * and reading goes on. One instance per data set read.
 */
final class ProtocolReader {
    final List<ProtocolFinding> findings = new ArrayList<>();
    private final DicomObject dataset;

    ProtocolReader(DicomObject dataset) {
        this.dataset = dataset;
    }

    void expectSopClass(String what, String... sopClasses) {
        String sopClass = string(Tag.SOPClassUID);
        if (!List.of(sopClasses).contains(sopClass)) {
            findings.add(new ProtocolFinding(ItemPath.name(Tag.SOPClassUID), "SOP Class UID '" + sopClass
                    + "' is not a " + what + " (" + String.join(", ", sopClasses) + ")"));
        }
        if (string(Tag.SOPInstanceUID).isEmpty()) {
            findings.add(new ProtocolFinding(ItemPath.name(Tag.SOPInstanceUID), "SOP Instance UID is missing"));
        }
    }

    String string(int tag) {
        return Values.string(dataset, tag, ItemPath.ROOT, findings);
    }

    private List<DicomObject> items(int tag) {
        return Values.items(dataset, tag, ItemPath.ROOT, findings);
    }

    ProtocolContext context() {
        List<String> reasons = new ArrayList<>(Values.strings(dataset, Tag.PotentialReasonsForProcedure,
                ItemPath.ROOT, findings));
        codes(dataset, Tag.PotentialReasonsForProcedureCodeSequence).forEach(c -> reasons.add(c.meaning()));
        String custodian = items(Tag.CustodialOrganizationSequence).stream().findFirst()
                .map(o -> {
                    String name = Values.string(o, Tag.InstitutionName, ItemPath.ROOT, null);
                    return name.isEmpty() ? codes(o, Tag.InstitutionCodeSequence).stream().findFirst()
                            .map(Code::meaning).orElse("") : name;
                })
                .orElse("");
        if (string(Tag.ProtocolName).isEmpty()) {
            findings.add(new ProtocolFinding(ItemPath.name(Tag.ProtocolName), "Protocol Name is missing"));
        }
        return new ProtocolContext(string(Tag.ProtocolName), codes(dataset, Tag.ResponsibleGroupCodeSequence),
                codes(dataset, Tag.PotentialScheduledProtocolCodeSequence),
                codes(dataset, Tag.PotentialRequestedProcedureCodeSequence), reasons,
                codes(dataset, Tag.ContraindicationsCodeSequence), string(Tag.ProtocolDesignRationale), custodian);
    }

    PatientSpecification patientSpecification() {
        List<AttributeValueConstraint> constraints = new ArrayList<>();
        int n = 0;
        for (DicomObject item : items(Tag.PatientSpecificationSequence)) {
            constraints.add(AttributeValueConstraint.read(item,
                    ItemPath.ROOT.item(Tag.PatientSpecificationSequence, ++n), findings));
        }
        return new PatientSpecification(constraints);
    }

    EquipmentSpecification equipmentSpecification() {
        List<ModelSpecification> models = new ArrayList<>();
        int n = 0;
        for (DicomObject m : items(Tag.ModelSpecificationSequence)) {
            ItemPath at = ItemPath.ROOT.item(Tag.ModelSpecificationSequence, ++n);
            models.add(new ModelSpecification(Values.string(m, Tag.Manufacturer, at, findings),
                    Values.string(m, Tag.ManufacturerRelatedModelGroup, at, findings),
                    Values.string(m, Tag.ManufacturerModelName, at, findings),
                    Values.strings(m, Tag.SoftwareVersions, at, findings),
                    Values.string(m, Tag.DeviceSerialNumber, at, findings)));
        }
        return new EquipmentSpecification(string(Tag.EquipmentModality), models);
    }

    List<Instruction> instructions() {
        List<Instruction> list = new ArrayList<>();
        int n = 0;
        for (DicomObject i : items(Tag.InstructionSequence)) {
            ItemPath at = ItemPath.ROOT.item(Tag.InstructionSequence, ++n);
            String flag = Values.string(i, Tag.InstructionPerformedFlag, at, findings);
            list.add(new Instruction(Values.integer(i, Tag.InstructionIndex, at, findings).orElse(0),
                    Values.string(i, Tag.InstructionText, at, findings),
                    Values.string(i, Tag.InstructionDescription, at, findings),
                    flag.isEmpty() ? Optional.empty() : Optional.of(flag.equals("YES"))));
        }
        return list;
    }

    PatientPositioning positioning() {
        return new PatientPositioning(string(Tag.ProtocolDefinedPatientPosition),
                codes(dataset, Tag.AnatomicRegionSequence).stream().findFirst(),
                codes(dataset, Tag.PrimaryAnatomicStructureSequence));
    }

    List<InstanceReference> references(int sequence) {
        List<InstanceReference> refs = new ArrayList<>();
        int n = 0;
        for (DicomObject item : items(sequence)) {
            ItemPath at = ItemPath.ROOT.item(sequence, ++n);
            InstanceReference ref = new InstanceReference(Values.string(item, Tag.ReferencedSOPClassUID, at, findings),
                    Values.string(item, Tag.ReferencedSOPInstanceUID, at, findings));
            if (ref.sopInstanceUid().isEmpty()) {
                findings.add(new ProtocolFinding(at.toString(),
                        "reference without a Referenced SOP Instance UID"));
            }
            refs.add(ref);
        }
        return refs;
    }

    /** The elements of one kind, from the defined or the performed sequence. */
    List<ProtocolElement> elements(ElementKind kind, boolean defined) {
        int sequence = defined ? kind.definedSequence() : kind.performedSequence();
        List<ProtocolElement> elements = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        int n = 0;
        for (DicomObject item : items(sequence)) {
            ItemPath at = ItemPath.ROOT.item(sequence, ++n);
            ProtocolElement e = element(kind, item, at, defined);
            if (e.number() > 0 && !numbers.add(e.number())) {
                findings.add(new ProtocolFinding(at.attribute(Tag.ProtocolElementNumber), "element number "
                        + e.number() + " is used by more than one " + kind.label() + " element"));
            }
            elements.add(e);
        }
        return elements;
    }

    private ProtocolElement element(ElementKind kind, DicomObject item, ItemPath at, boolean defined) {
        int number = Values.integer(item, Tag.ProtocolElementNumber, at, findings).orElse(0);
        if (number <= 0) {
            findings.add(new ProtocolFinding(at.attribute(Tag.ProtocolElementNumber),
                    "Protocol Element Number is missing or not positive"));
        }
        List<AttributeValueConstraint> constraints = new ArrayList<>();
        int c = 0;
        for (DicomObject p : Values.items(item, Tag.ParametersSpecificationSequence, at, findings)) {
            constraints.add(AttributeValueConstraint.read(p, at.item(Tag.ParametersSpecificationSequence, ++c),
                    findings));
        }
        if (!defined && c > 0) {
            findings.add(new ProtocolFinding(at.attribute(Tag.ParametersSpecificationSequence),
                    "constraints in a performed protocol element are not expected; read anyway"));
        }
        String refInstance = Values.string(item, Tag.ReferencedSOPInstanceUID, at, findings);
        Optional<InstanceReference> source = refInstance.isEmpty() ? Optional.empty() : Optional.of(
                new InstanceReference(Values.string(item, Tag.ReferencedSOPClassUID, at, findings), refInstance));
        return new ProtocolElement(kind, Math.max(number, 0), Values.string(item, Tag.ProtocolElementName, at,
                findings), Values.string(item, Tag.ProtocolElementPurpose, at, findings),
                Values.string(item, Tag.ProtocolElementCharacteristicsSummary, at, findings),
                Values.string(item, Tag.RequestedSeriesDescription, at, findings),
                Values.ints(item, Tag.SourceAcquisitionProtocolElementNumber, at, findings),
                Values.ints(item, Tag.SourceReconstructionProtocolElementNumber, at, findings),
                Values.ints(item, Tag.SourceAcquisitionBeamNumber, at, findings), source, planes(item, at),
                outputs(item, at), constraints, item, at.toString());
    }

    private List<XaPlane> planes(DicomObject element, ItemPath at) {
        List<XaPlane> planes = new ArrayList<>();
        int n = 0;
        for (DicomObject p : Values.items(element, Tag.XAPlaneDetailsSequence, at, findings)) {
            ItemPath pa = at.item(Tag.XAPlaneDetailsSequence, ++n);
            List<FilterDetails> filters = new ArrayList<>();
            int m = 0;
            for (DicomObject f : Values.items(p, Tag.XRayFilterDetailsSequence, pa, findings)) {
                ItemPath fa = pa.item(Tag.XRayFilterDetailsSequence, ++m);
                filters.add(new FilterDetails(Values.string(f, Tag.FilterType, fa, findings),
                        Values.strings(f, Tag.FilterMaterial, fa, findings),
                        Values.doubles(f, Tag.FilterThicknessMinimum, fa, findings),
                        Values.doubles(f, Tag.FilterThicknessMaximum, fa, findings)));
            }
            planes.add(new XaPlane(Values.string(p, Tag.PlaneIdentification, pa, findings),
                    Values.string(p, Tag.AcquisitionFieldOfViewLabel, pa, findings),
                    Values.doubles(p, Tag.FieldOfViewDimensionsInFloat, pa, findings),
                    Values.firstDouble(p, Tag.PrimaryPositionerScanArc, pa, findings),
                    Values.firstDouble(p, Tag.PrimaryPositionerIncrement, pa, findings), filters));
        }
        return planes;
    }

    private List<StorageOutput> outputs(DicomObject element, ItemPath at) {
        List<StorageOutput> outputs = new ArrayList<>();
        int n = 0;
        for (DicomObject o : Values.items(element, Tag.OutputInformationSequence, at, findings)) {
            ItemPath oa = at.item(Tag.OutputInformationSequence, ++n);
            outputs.add(new StorageOutput(Values.string(o, Tag.ReferencedSOPClassUID, oa, findings),
                    firstOfEach(o, Tag.DICOMStorageSequence, Tag.DestinationAE, oa),
                    firstOfEach(o, Tag.STOWRSStorageSequence, Tag.StorageURL, oa),
                    firstOfEach(o, Tag.XDSStorageSequence, Tag.RepositoryUniqueID, oa)));
        }
        return outputs;
    }

    private List<String> firstOfEach(DicomObject ds, int sequence, int tag, ItemPath at) {
        List<String> list = new ArrayList<>();
        int n = 0;
        for (DicomObject item : Values.items(ds, sequence, at, findings)) {
            list.add(Values.string(item, tag, at.item(sequence, ++n), findings));
        }
        return list;
    }

    /**
     * Checks the source element numbers of reconstruction and storage elements against the elements of this
     * instance (when the source is in it) and looks for cycles among reconstruction elements.
     */
    void checkSources(List<ProtocolElement> acquisitions, List<ProtocolElement> reconstructions,
                      List<ProtocolElement> storages) {
        Set<Integer> acq = numbers(acquisitions);
        Set<Integer> rec = numbers(reconstructions);
        for (List<ProtocolElement> list : List.of(reconstructions, storages)) {
            for (ProtocolElement e : list) {
                if (e.sourceInstance().isPresent()) {
                    continue; // the sources are in another instance; resolved when both are known
                }
                unknown(e, e.sourceAcquisitionElements(), acq, ElementKind.ACQUISITION);
                unknown(e, e.sourceReconstructionElements(), rec, ElementKind.RECONSTRUCTION);
            }
        }
        findCycle(reconstructions).ifPresent(cycle -> findings.add(new ProtocolFinding(
                ItemPath.name(Tag.ReconstructionProtocolElementSpecificationSequence), "reconstruction elements "
                + cycle + " take their input from each other in a cycle")));
    }

    private void unknown(ProtocolElement e, List<Integer> sources, Set<Integer> known, ElementKind kind) {
        for (int s : sources) {
            if (!known.contains(s)) {
                findings.add(new ProtocolFinding(e.path(), e.label() + " takes its input from " + kind.label()
                        + " element " + s + ", which this protocol does not have"));
            }
        }
    }

    /** A cycle in the "takes input from" graph of reconstruction elements, as "2 -> 3 -> 2". */
    static Optional<String> findCycle(List<ProtocolElement> reconstructions) {
        Map<Integer, List<Integer>> edges = new HashMap<>();
        for (ProtocolElement e : reconstructions) {
            if (e.sourceInstance().isEmpty()) {
                edges.computeIfAbsent(e.number(), k -> new ArrayList<>()).addAll(e.sourceReconstructionElements());
            }
        }
        Map<Integer, Integer> state = new HashMap<>(); // 1 on the path, 2 done
        for (Integer start : edges.keySet()) {
            Deque<Integer> path = new ArrayDeque<>();
            Optional<String> cycle = visit(start, edges, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> visit(int node, Map<Integer, List<Integer>> edges, Map<Integer, Integer> state,
                                          Deque<Integer> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null) {
            List<Integer> list = new ArrayList<>(path);
            List<Integer> loop = new ArrayList<>(list.subList(list.indexOf(node), list.size()));
            loop.add(node);
            return Optional.of(String.join(" -> ", loop.stream().map(String::valueOf).toList()));
        }
        state.put(node, 1);
        path.addLast(node);
        for (int next : edges.getOrDefault(node, List.of())) {
            Optional<String> cycle = visit(next, edges, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.removeLast();
        state.put(node, 2);
        return Optional.empty();
    }

    private static Set<Integer> numbers(List<ProtocolElement> elements) {
        Set<Integer> s = new HashSet<>();
        elements.forEach(e -> s.add(e.number()));
        return s;
    }

    /** The codes of a code sequence; items that are not readable codes are left out. */
    static List<Code> codes(DicomObject ds, int sequence) {
        List<Code> codes = new ArrayList<>();
        for (DicomObject item : Values.items(ds, sequence, ItemPath.ROOT, null)) {
            code(item).ifPresent(codes::add);
        }
        return codes;
    }

    /** {@link Code#from} that reads an unreadable item as no code. */
    static Optional<Code> code(DicomObject item) {
        try {
            return Code.from(item);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
