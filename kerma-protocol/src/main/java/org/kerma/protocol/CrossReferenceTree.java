package org.kerma.protocol;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;

/**
 * The cross references of a set of instances drawn as a tree: defined protocols, the defined protocols that take
 * their input from them (another device's elements), the performed protocols that followed them, the images that
 * reference those, and the irradiation events of the images (Irradiation Event UID (0008,3010)).
 *
 * <p>An image referencing a performed protocol hangs under it, otherwise under the defined protocol it references.
 * References to instances not in the set become {@link Kind#MISSING} nodes and findings; reference cycles are cut
 * where they close and reported. A node reachable along several references appears under each.
 *
 * @param roots    the top nodes, in input order
 * @param findings missing instances, cycles, unreadable references
 */
public record CrossReferenceTree(List<Node> roots, List<ProtocolFinding> findings) {

    /** What a node stands for. */
    public enum Kind { DEFINED, PERFORMED, IMAGE, IRRADIATION_EVENT, MISSING }

    /**
     * One node.
     *
     * @param kind     what it is
     * @param uid      its SOP Instance UID (an Irradiation Event UID for events)
     * @param label    one line for display
     * @param source   where it was read from (a file name), "" for events and missing instances
     * @param children the nodes under it
     */
    public record Node(Kind kind, String uid, String label, String source, List<Node> children) {
        public Node {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(source, "source");
            children = List.copyOf(children);
        }
    }

    /**
     * One input instance.
     *
     * @param name    where it came from, for display and findings
     * @param dataset its data set
     */
    public record Source(String name, DicomObject dataset) {
        public Source {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(dataset, "dataset");
        }
    }

    public CrossReferenceTree {
        roots = List.copyOf(roots);
        findings = List.copyOf(findings);
    }

    /** Builds the tree of {@code sources}; instances that are neither protocols nor reference one are left out. */
    public static CrossReferenceTree build(List<Source> sources) {
        return new Builder(sources).build();
    }

    /** The tree as indented text, one node a line, with its source file in brackets. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (Node root : roots) {
            sb.append(line(root)).append('\n');
            renderChildren(root, "", sb);
        }
        return sb.toString();
    }

    private static void renderChildren(Node node, String indent, StringBuilder sb) {
        for (int i = 0; i < node.children().size(); i++) {
            Node c = node.children().get(i);
            boolean last = i == node.children().size() - 1;
            sb.append(indent).append(last ? "└── " : "├── ").append(line(c)).append('\n');
            renderChildren(c, indent + (last ? "    " : "│   "), sb);
        }
    }

    private static String line(Node n) {
        return n.label() + (n.source().isEmpty() ? "" : "  [" + n.source() + "]");
    }

    /** Collects nodes and edges, then unfolds them from the roots. */
    private static final class Builder {
        private final List<Source> sources;
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final Map<String, Set<String>> children = new LinkedHashMap<>();
        private final Map<String, String> edgeNotes = new LinkedHashMap<>();
        private final Set<String> hasParent = new HashSet<>();
        private final List<ProtocolFinding> findings = new ArrayList<>();

        Builder(List<Source> sources) {
            this.sources = sources;
        }

        CrossReferenceTree build() {
            for (Source s : sources) {
                node(s);
            }
            for (Source s : sources) {
                edges(s);
            }
            List<Node> roots = new ArrayList<>();
            Set<String> placed = new HashSet<>();
            for (String uid : nodes.keySet()) {
                if (!hasParent.contains(uid)) {
                    roots.add(unfold(uid, new LinkedHashSet<>(), placed));
                }
            }
            for (String uid : nodes.keySet()) { // nodes only reachable around a cycle
                if (!placed.contains(uid) && children.containsKey(uid)) {
                    roots.add(unfold(uid, new LinkedHashSet<>(), placed));
                }
            }
            return new CrossReferenceTree(roots, findings);
        }

        private void node(Source s) {
            DicomObject ds = s.dataset();
            String uid = str(ds, Tag.SOPInstanceUID, "");
            String sopClass = str(ds, Tag.SOPClassUID, "");
            String name = str(ds, Tag.ProtocolName, "");
            if (DefinedProtocol.SOP_CLASSES.contains(sopClass)) {
                nodes.put(uid, new Node(Kind.DEFINED, uid, "defined " + str(ds, Tag.EquipmentModality, "?")
                        + " \"" + name + "\" " + uid, s.name(), List.of()));
            } else if (PerformedProtocol.SOP_CLASSES.contains(sopClass)) {
                nodes.put(uid, new Node(Kind.PERFORMED, uid, "performed \"" + name + "\" " + uid, s.name(),
                        List.of()));
            } else if (ds.contains(Tag.ReferencedDefinedProtocolSequence)
                    || ds.contains(Tag.ReferencedPerformedProtocolSequence)) {
                nodes.put(uid, new Node(Kind.IMAGE, uid, "image " + str(ds, Tag.Modality, "") + " series "
                        + str(ds, Tag.SeriesNumber, "?") + " instance " + str(ds, Tag.InstanceNumber, "?")
                        + " " + uid, s.name(), List.of()));
                for (String event : Values.strings(ds, Tag.IrradiationEventUID, ItemPath.ROOT, null)) {
                    String key = "event:" + event;
                    nodes.putIfAbsent(key, new Node(Kind.IRRADIATION_EVENT, event, "irradiation event " + event, "",
                            List.of()));
                    edge(uid, key, "");
                }
            }
        }

        private void edges(Source s) {
            DicomObject ds = s.dataset();
            String uid = str(ds, Tag.SOPInstanceUID, "");
            Node n = nodes.get(uid);
            if (n == null) {
                return;
            }
            switch (n.kind()) {
                case DEFINED -> {
                    Reading<DefinedProtocol> d = DefinedProtocol.read(ds);
                    for (ProtocolElement e : d.value().elements()) {
                        e.sourceInstance().ifPresent(ref -> parent(ref.sopInstanceUid(), uid, s.name(),
                                "takes input from " + sourcesOf(e) + " for " + e.label()));
                    }
                }
                case PERFORMED -> {
                    for (InstanceReference ref : PerformedProtocol.read(ds).value().definedProtocols()) {
                        parent(ref.sopInstanceUid(), uid, s.name(), "");
                    }
                }
                case IMAGE -> {
                    Reading<List<ProtocolReference>> refs = ProtocolReference.readAll(ds);
                    refs.findings().forEach(f -> findings.add(new ProtocolFinding(s.name() + " " + f.path(),
                            f.message())));
                    List<ProtocolReference> performed = refs.value().stream()
                            .filter(r -> r.kind() == ProtocolReference.Kind.PERFORMED).toList();
                    List<ProtocolReference> chosen = performed.isEmpty() ? refs.value() : performed;
                    String elements = String.join(", ", refs.value().stream().map(Builder::elementsOf)
                            .filter(e -> !e.isEmpty()).toList());
                    for (ProtocolReference r : chosen) {
                        parent(r.protocol().sopInstanceUid(), uid, s.name(), elements);
                    }
                }
                default -> { }
            }
        }

        private static String str(DicomObject ds, int tag, String absent) {
            String v = Values.string(ds, tag, ItemPath.ROOT, null);
            return v.isEmpty() ? absent : v;
        }

        private static String sourcesOf(ProtocolElement e) {
            List<String> s = new ArrayList<>();
            e.sourceAcquisitionElements().forEach(x -> s.add("acquisition " + x));
            e.sourceReconstructionElements().forEach(x -> s.add("reconstruction " + x));
            return s.isEmpty() ? "it" : String.join(", ", s);
        }

        private static String elementsOf(ProtocolReference r) {
            List<String> s = new ArrayList<>();
            r.sourceAcquisitionElements().forEach(x -> s.add("acquisition " + x));
            r.sourceReconstructionElements().forEach(x -> s.add("reconstruction " + x));
            return s.isEmpty() ? "" : String.join(", ", s);
        }

        private void parent(String parentUid, String childUid, String source, String note) {
            if (!nodes.containsKey(parentUid)) {
                findings.add(new ProtocolFinding(source, "references " + parentUid + ", which is not in the set"));
                nodes.put(parentUid, new Node(Kind.MISSING, parentUid, "not in the set: " + parentUid, "",
                        List.of()));
            }
            edge(parentUid, childUid, note);
        }

        private void edge(String parentUid, String childUid, String note) {
            children.computeIfAbsent(parentUid, k -> new LinkedHashSet<>()).add(childUid);
            hasParent.add(childUid);
            if (!note.isEmpty()) {
                edgeNotes.put(parentUid + ">" + childUid, note);
            }
        }

        private Node unfold(String uid, LinkedHashSet<String> path, Set<String> placed) {
            Node n = nodes.get(uid);
            placed.add(uid);
            path.add(uid);
            List<Node> kids = new ArrayList<>();
            for (String c : children.getOrDefault(uid, Set.of())) {
                if (path.contains(c)) {
                    findings.add(new ProtocolFinding(nodes.get(c).source(), "reference cycle: "
                            + String.join(" -> ", path) + " -> " + c));
                    continue;
                }
                Node child = unfold(c, path, placed);
                String note = edgeNotes.get(uid + ">" + c);
                kids.add(note == null ? child : new Node(child.kind(), child.uid(), child.label() + " (" + note + ")",
                        child.source(), child.children()));
            }
            path.remove(uid);
            return new Node(n.kind(), n.uid(), n.label(), n.source(), kids);
        }
    }
}
