package org.kerma.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
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
        String sopClass = dataset.getString(Tag.SOPClassUID, "");
        if (!List.of(sopClasses).contains(sopClass)) {
            findings.add(new ProtocolFinding(ItemPath.name(Tag.SOPClassUID), "SOP Class UID '" + sopClass
                    + "' is not a " + what + " (" + String.join(", ", sopClasses) + ")"));
        }
        if (dataset.getString(Tag.SOPInstanceUID, "").isEmpty()) {
            findings.add(new ProtocolFinding(ItemPath.name(Tag.SOPInstanceUID), "SOP Instance UID is missing"));
        }
    }

    String string(int tag) {
        return dataset.getString(tag, "");
    }

    ProtocolContext context() {
        List<String> reasons = new ArrayList<>(dataset.strings(Tag.PotentialReasonsForProcedure));
        codes(dataset, Tag.PotentialReasonsForProcedureCodeSequence).forEach(c -> reasons.add(c.meaning()));
        String custodian = dataset.items(Tag.CustodialOrganizationSequence).stream().findFirst()
                .map(o -> o.getString(Tag.InstitutionName, o.items(Tag.InstitutionCodeSequence).stream().findFirst()
                        .flatMap(Code::from).map(Code::meaning).orElse("")))
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
        for (DicomObject item : dataset.items(Tag.PatientSpecificationSequence)) {
            constraints.add(AttributeValueConstraint.read(item,
                    ItemPath.ROOT.item(Tag.PatientSpecificationSequence, ++n), findings));
        }
        return new PatientSpecification(constraints);
    }

    EquipmentSpecification equipmentSpecification() {
        List<ModelSpecification> models = new ArrayList<>();
        for (DicomObject m : dataset.items(Tag.ModelSpecificationSequence)) {
            models.add(new ModelSpecification(m.getString(Tag.Manufacturer, ""),
                    m.getString(Tag.ManufacturerRelatedModelGroup, ""), m.getString(Tag.ManufacturerModelName, ""),
                    m.strings(Tag.SoftwareVersions), m.getString(Tag.DeviceSerialNumber, "")));
        }
        return new EquipmentSpecification(string(Tag.EquipmentModality), models);
    }

    List<Instruction> instructions() {
        List<Instruction> list = new ArrayList<>();
        for (DicomObject i : dataset.items(Tag.InstructionSequence)) {
            String flag = i.getString(Tag.InstructionPerformedFlag, "");
            list.add(new Instruction(i.getInt(Tag.InstructionIndex, 0), i.getString(Tag.InstructionText, ""),
                    i.getString(Tag.InstructionDescription, ""),
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
        for (DicomObject item : dataset.items(sequence)) {
            n++;
            InstanceReference ref = new InstanceReference(item.getString(Tag.ReferencedSOPClassUID, ""),
                    item.getString(Tag.ReferencedSOPInstanceUID, ""));
            if (ref.sopInstanceUid().isEmpty()) {
                findings.add(new ProtocolFinding(ItemPath.ROOT.item(sequence, n).toString(),
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
        for (DicomObject item : dataset.items(sequence)) {
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
        int number = item.getInt(Tag.ProtocolElementNumber, 0);
        if (number <= 0) {
            findings.add(new ProtocolFinding(at.attribute(Tag.ProtocolElementNumber),
                    "Protocol Element Number is missing or not positive"));
        }
        List<AttributeValueConstraint> constraints = new ArrayList<>();
        int c = 0;
        for (DicomObject p : item.items(Tag.ParametersSpecificationSequence)) {
            constraints.add(AttributeValueConstraint.read(p, at.item(Tag.ParametersSpecificationSequence, ++c),
                    findings));
        }
        if (!defined && c > 0) {
            findings.add(new ProtocolFinding(at.attribute(Tag.ParametersSpecificationSequence),
                    "constraints in a performed protocol element are not expected; read anyway"));
        }
        String refInstance = item.getString(Tag.ReferencedSOPInstanceUID, "");
        Optional<InstanceReference> source = refInstance.isEmpty() ? Optional.empty()
                : Optional.of(new InstanceReference(item.getString(Tag.ReferencedSOPClassUID, ""), refInstance));
        return new ProtocolElement(kind, Math.max(number, 0), item.getString(Tag.ProtocolElementName, ""),
                item.getString(Tag.ProtocolElementPurpose, ""),
                item.getString(Tag.ProtocolElementCharacteristicsSummary, ""),
                item.getString(Tag.RequestedSeriesDescription, ""),
                ints(item, Tag.SourceAcquisitionProtocolElementNumber),
                ints(item, Tag.SourceReconstructionProtocolElementNumber),
                ints(item, Tag.SourceAcquisitionBeamNumber), source, planes(item), outputs(item), constraints,
                item, at.toString());
    }

    private static List<XaPlane> planes(DicomObject element) {
        List<XaPlane> planes = new ArrayList<>();
        for (DicomObject p : element.items(Tag.XAPlaneDetailsSequence)) {
            List<FilterDetails> filters = new ArrayList<>();
            for (DicomObject f : p.items(Tag.XRayFilterDetailsSequence)) {
                filters.add(new FilterDetails(f.getString(Tag.FilterType, ""), f.strings(Tag.FilterMaterial),
                        doubles(f, Tag.FilterThicknessMinimum), doubles(f, Tag.FilterThicknessMaximum)));
            }
            planes.add(new XaPlane(p.getString(Tag.PlaneIdentification, ""),
                    p.getString(Tag.AcquisitionFieldOfViewLabel, ""), doubles(p, Tag.FieldOfViewDimensionsInFloat),
                    optional(p, Tag.PrimaryPositionerScanArc), optional(p, Tag.PrimaryPositionerIncrement), filters));
        }
        return planes;
    }

    private static List<StorageOutput> outputs(DicomObject element) {
        List<StorageOutput> outputs = new ArrayList<>();
        for (DicomObject o : element.items(Tag.OutputInformationSequence)) {
            outputs.add(new StorageOutput(o.getString(Tag.ReferencedSOPClassUID, ""),
                    o.items(Tag.DICOMStorageSequence).stream().map(s -> s.getString(Tag.DestinationAE, "")).toList(),
                    o.items(Tag.STOWRSStorageSequence).stream().map(s -> s.getString(Tag.StorageURL, "")).toList(),
                    o.items(Tag.XDSStorageSequence).stream().map(s -> s.getString(Tag.RepositoryUniqueID, ""))
                            .toList()));
        }
        return outputs;
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

    static List<Code> codes(DicomObject ds, int sequence) {
        List<Code> codes = new ArrayList<>();
        for (DicomObject item : ds.items(sequence)) {
            Code.from(item).ifPresent(codes::add);
        }
        return codes;
    }

    static List<Integer> ints(DicomObject ds, int tag) {
        List<Integer> list = new ArrayList<>();
        for (long v : ds.longs(tag)) {
            list.add((int) v);
        }
        return list;
    }

    private static List<Double> doubles(DicomObject ds, int tag) {
        List<Double> list = new ArrayList<>();
        for (double v : ds.doubles(tag)) {
            list.add(v);
        }
        return list;
    }

    private static OptionalDouble optional(DicomObject ds, int tag) {
        return ds.findDouble(tag);
    }
}
