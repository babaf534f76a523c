package org.kerma.tools.read;

import java.util.List;
import org.kerma.dicom.VR;

/**
 * The VR column of DCMTK's {@code dicom.dic} and {@code private.dic}: a PS3.5 VR in upper case, or one of DCMTK's
 * lower-case pseudo-VRs for elements whose VR the dictionary cannot fix alone.
 *
 * <table>
 *   <caption>pseudo-VRs</caption>
 *   <tr><td>xs</td><td>US or SS (depends on Pixel Representation)</td></tr>
 *   <tr><td>ox</td><td>OB or OW</td></tr>
 *   <tr><td>lt</td><td>US or SS or OW (LUT Data)</td></tr>
 *   <tr><td>px</td><td>OB or OW (Pixel Data)</td></tr>
 *   <tr><td>up</td><td>UL (an offset DCMTK updates in a DICOMDIR)</td></tr>
 *   <tr><td>na</td><td>no VR (Item and the delimitation items)</td></tr>
 * </table>
 */
public final class DcmtkVr {
    private DcmtkVr() {
    }

    /**
     * The VRs a code stands for, first the default.
     *
     * @throws IllegalArgumentException naming the code when it is neither a VR nor a known pseudo-VR
     */
    public static List<VR> toVrs(String code) {
        switch (code) {
            case "xs": return List.of(VR.US, VR.SS);
            case "ox": case "px": return List.of(VR.OB, VR.OW);
            case "lt": return List.of(VR.US, VR.SS, VR.OW);
            case "up": return List.of(VR.UL);
            case "na": return List.of();
            default:
                VR vr = VR.ofName(code);
                if (vr == null) {
                    throw new IllegalArgumentException("unknown DCMTK VR '" + code + "'");
                }
                return List.of(vr);
        }
    }
}
