package org.kerma.registry.protocol;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kerma.registry.dose.DoseAnswers.Event;
import org.kerma.registry.dose.DoseAnswers.ImageEvent;
import org.kerma.registry.dose.DoseAnswers.InstanceDose;
import org.kerma.registry.dose.DoseAnswers.Technique;
import org.kerma.registry.dose.DoseQueries;
import org.kerma.registry.index.IndexDatabase;

/**
 * Dose per protocol element ({@code /api/protocols/{uid}/dose}): for each element of a defined or performed
 * protocol, the images that reference it (General Procedure Protocol Reference Macro, any patient) with the
 * irradiation events that produced them as the dose tables link them ({@link DoseQueries#instance}), and totals
 * that count each event once per element. Canonical units: DAP Gy·m², air kerma Gy, CTDIvol mGy, DLP mGy·cm.
 * Read-only; thread-safe.
 */
public final class ProtocolDose {

    /**
     * One image that references an element, with its dose.
     *
     * @param level     IMAGE, or SERIES for a CT image whose series carries the reference
     * @param technique its header technique; null when the image technique extractor kept none
     * @param events    the irradiation events that produced it (for a study without dose report: the image's own
     *                  header values, method IMAGE_HEADER)
     */
    public record ImageDose(String sopInstanceUid, String studyInstanceUid, String patientId, String level,
                            Technique technique, List<ImageEvent> events) {
    }

    /**
     * Totals over an element's distinct irradiation events (by study and Irradiation Event UID).
     *
     * @param ctdiVolMeanMGy mean CTDIvol over the events that have one
     */
    public record Totals(int images, int events, int patients, Double dapGym2, Double rpAirKermaGy,
                         Double dlpMGyCm, Double ctdiVolMaxMGy, Double ctdiVolMeanMGy) {
    }

    /**
     * One element and the dose of the images that reference it. An element number that images reference but the
     * protocol does not have is listed with {@code name} null; references naming no element are under
     * {@code kind} null.
     */
    public record ElementDose(String kind, Integer number, String name, Totals totals, List<ImageDose> images) {
    }

    /** The answer for one protocol. */
    public record ProtocolElementDose(String protocolUid, String kind, String protocolName,
                                      List<ElementDose> elements) {
    }

    private final IndexDatabase index;
    private final ProtocolQueries protocols;
    private final DoseQueries dose;

    public ProtocolDose(IndexDatabase index) {
        this.index = index;
        this.protocols = new ProtocolQueries(index);
        this.dose = new DoseQueries(index);
    }

    /** Dose per element of the protocol with this SOP Instance UID; empty when it is not in the registry. */
    public Optional<ProtocolElementDose> of(String protocolUid) {
        Optional<ProtocolQueries.ProtocolDetail> detail = protocols.protocol(protocolUid);
        if (detail.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> names = new LinkedHashMap<>();
        detail.get().elements().stream().filter(e -> !e.kind().equals("STORAGE"))
                .forEach(e -> names.putIfAbsent(e.kind() + " " + e.number(), e.name()));
        Map<String, List<Reference>> byElement = new LinkedHashMap<>();
        names.keySet().forEach(k -> byElement.put(k, new ArrayList<>()));
        for (Reference r : references(protocolUid)) {
            byElement.computeIfAbsent(r.kind == null ? "" : r.kind + " " + r.number, k -> new ArrayList<>()).add(r);
        }
        List<ElementDose> elements = new ArrayList<>();
        for (Map.Entry<String, List<Reference>> e : byElement.entrySet()) {
            List<ImageDose> images = new ArrayList<>();
            for (Reference r : e.getValue()) {
                InstanceDose d = dose.instance(r.sopInstanceUid).orElse(null);
                images.add(new ImageDose(r.sopInstanceUid, r.studyUid, r.patientId, r.level,
                        d == null ? null : d.technique(), d == null ? List.of() : d.events()));
            }
            String key = e.getKey();
            String kind = key.isEmpty() ? null : key.substring(0, key.indexOf(' '));
            Integer number = key.isEmpty() ? null : Integer.valueOf(key.substring(key.indexOf(' ') + 1));
            elements.add(new ElementDose(kind, number, names.get(key), totals(images), images));
        }
        return Optional.of(new ProtocolElementDose(protocolUid, detail.get().protocol().kind(),
                detail.get().protocol().protocolName(), elements));
    }

    private static Totals totals(List<ImageDose> images) {
        Set<String> seen = new HashSet<>();
        Set<String> patients = new HashSet<>();
        Sum dap = new Sum();
        Sum kerma = new Sum();
        Sum dlp = new Sum();
        Sum ctdi = new Sum();
        Double ctdiMax = null;
        for (ImageDose image : images) {
            patients.add(image.patientId());
            for (ImageEvent ie : image.events()) {
                Event e = ie.event();
                String key = image.studyInstanceUid() + "|" + (e.eventUid() != null ? e.eventUid()
                        : "image " + image.sopInstanceUid());
                if (!seen.add(key)) {
                    continue;
                }
                dap.add(e.dapGym2());
                kerma.add(e.rpAirKermaGy());
                dlp.add(e.dlpMGyCm());
                ctdi.add(e.ctdiVolMGy());
                if (e.ctdiVolMGy() != null) {
                    ctdiMax = ctdiMax == null ? e.ctdiVolMGy() : Math.max(ctdiMax, e.ctdiVolMGy());
                }
            }
        }
        return new Totals(images.size(), seen.size(), patients.size(), dap.total(), kerma.total(), dlp.total(),
                ctdiMax, ctdi.count == 0 ? null : ctdi.sum / ctdi.count);
    }

    /** A sum of values that may be absent: null when none was present. */
    private static final class Sum {
        double sum;
        int count;

        void add(Double v) {
            if (v != null) {
                sum += v;
                count++;
            }
        }

        Double total() {
            return count == 0 ? null : sum;
        }
    }

    private record Reference(String kind, Integer number, String sopInstanceUid, String studyUid, String patientId,
                             String level) {
    }

    private List<Reference> references(String protocolUid) {
        return index.read("read the references to " + protocolUid, c -> {
            List<Reference> refs = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT DISTINCT r.element_kind, r.element_number, i.sop_instance_uid, st.study_instance_uid,
                           p.patient_id, r.level
                    FROM protocol_reference r JOIN instance i ON i.id = r.instance_fk
                    JOIN series se ON se.id = i.series_fk JOIN study st ON st.id = se.study_fk
                    JOIN patient p ON p.id = st.patient_fk
                    WHERE r.protocol_uid = ? AND r.referencing_kind = 'IMAGE'
                    ORDER BY r.element_kind, r.element_number, st.study_instance_uid, i.sop_instance_uid""")) {
                ps.setString(1, protocolUid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new Reference(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return refs;
        });
    }
}
