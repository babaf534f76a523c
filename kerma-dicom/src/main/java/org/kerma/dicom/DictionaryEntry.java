package org.kerma.dicom;

import java.util.List;
import java.util.Objects;

/**
 * One data element of the data dictionary (PS3.6 Table 6-1, PS3.7 Table E.1-1), or of a private dictionary.
 *
 * <p>{@code mask} says which bits of a tag must equal {@code tag} for this entry to describe it: {@code 0xFFFFFFFF}
 * for a single tag, {@code 0xFF00FFFF} for a repeating group such as (60xx,3000) Overlay Data (where {@code tag} is
 * 0x60003000), {@code 0xFFFFFF00} for (0020,31xx). {@code vrs} lists every VR the standard allows, in the order the
 * standard writes them ("US or SS" gives [US, SS]); it is empty for the item and delimitation tags of group FFFE,
 * which have no VR. {@code name} is the human-readable name, empty when no source gives one. {@code vm} is the value
 * multiplicity as PS3.6 writes it ("1", "1-n", "2-2n", ...).
 *
 * @param tag     the tag, or for a repeating group the tag with the repeating digits zero
 * @param mask    the bits of a tag that must equal {@code tag}
 * @param keyword the PS3.6 keyword, e.g. {@code PatientName}
 * @param name    the PS3.6 name, e.g. "Patient's Name"; may be empty
 * @param vrs     the allowed VRs, first the one to use when nothing else decides; immutable, may be empty
 * @param vm      the value multiplicity
 * @param retired true when PS3.6 lists the element as retired
 */
public record DictionaryEntry(int tag, int mask, String keyword, String name, List<VR> vrs, String vm,
                              boolean retired) {

    /** The {@link #mask()} of an entry that describes exactly one tag. */
    public static final int SINGLE_TAG = 0xFFFFFFFF;

    /** Checks that no component is null and makes {@code vrs} immutable. */
    public DictionaryEntry {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vm, "vm");
        vrs = List.copyOf(vrs);
    }

    /** The VR to use when only one can be: the first of a multi-VR entry (US for "US or SS"), UN when there is none. */
    public VR vr() {
        return vrs.isEmpty() ? VR.UN : vrs.get(0);
    }

    /** True when this entry stands for a repeating group or range of tags rather than one tag. */
    public boolean isRepeating() {
        return mask != SINGLE_TAG;
    }

    /** True when {@code candidate} is a tag this entry describes. */
    public boolean matches(int candidate) {
        return (candidate & mask) == tag;
    }

    /** The same entry describing the single tag {@code actualTag}, for entries found through a mask or a private block. */
    DictionaryEntry at(int actualTag) {
        return new DictionaryEntry(actualTag, SINGLE_TAG, keyword, name, vrs, vm, retired);
    }
}
