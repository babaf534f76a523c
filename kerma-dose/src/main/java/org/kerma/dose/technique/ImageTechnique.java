package org.kerma.dose.technique;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kerma.dose.Finding;
import org.kerma.dose.Quantity;

/**
 * The X-ray technique of one image (XA, XRF/RF, DX/CR, MG, CT and their Enhanced forms), read by
 * {@link TechniqueReader}: its identity, the device, what was examined, and the exposure as a whole and per frame.
 *
 * @param sopClassUid       SOP Class UID (0008,0016)
 * @param sopInstanceUid    SOP Instance UID (0008,0018)
 * @param studyInstanceUid  Study Instance UID (0020,000D)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param modality          Modality (0008,0060)
 * @param device            General Equipment and Device UID
 * @param protocolName      Protocol Name (0018,1030)
 * @param bodyPartExamined  Body Part Examined (0018,0015)
 * @param radiationSetting  Radiation Setting (0018,1155): SC (fluoroscopy) or GR (acquisition)
 * @param numberOfFrames    Number of Frames (0028,0008); 1 for a single-frame image
 * @param frameTime         Frame Time (0018,1063), in s
 * @param image             the technique of the image as a whole (for an Enhanced image: the top level and the
 *                          shared functional groups)
 * @param frames            for an Enhanced image whose per-frame functional groups carry technique, one entry per
 *                          frame in frame order (shared groups merged in); empty otherwise
 * @param findings          values that could not be read or look implausible, with the attribute path
 */
public record ImageTechnique(String sopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, String modality, Device device, Optional<String> protocolName,
        Optional<String> bodyPartExamined, Optional<String> radiationSetting, int numberOfFrames,
        Optional<Quantity> frameTime, ExposureTechnique image, List<ExposureTechnique> frames,
        List<Finding> findings) {

    public ImageTechnique {
        frames = List.copyOf(frames);
        findings = List.copyOf(findings);
    }

    /** Every Irradiation Event UID the image names, of the image and of its frames, in first-seen order. */
    public Set<String> irradiationEventUids() {
        Set<String> uids = new LinkedHashSet<>();
        image.irradiationEventUid().ifPresent(uids::add);
        frames.forEach(f -> f.irradiationEventUid().ifPresent(uids::add));
        return uids;
    }

    /** When the image was acquired: the image's acquisition date-time, else that of its first frame that has one. */
    public Optional<LocalDateTime> acquisitionDateTime() {
        if (image.acquisitionDateTime().isPresent()) {
            return image.acquisitionDateTime();
        }
        return frames.stream().flatMap(f -> f.acquisitionDateTime().stream()).findFirst();
    }
}
