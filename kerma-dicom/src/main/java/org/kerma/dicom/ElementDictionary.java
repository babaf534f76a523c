package org.kerma.dicom;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The DICOM data dictionary: what the standard says about each data element (tag, keyword, name, VR, VM, retired),
 * plus a dictionary of private data elements known by their Private Creator.
 *
 * <p>{@link #standard()} is built from resources generated from the DICOM 2026b dictionary (see {@code NOTICE}
 * beside them): {@code dictionary.tsv} and {@code private-dictionary.tsv} (DCMTK's private.dic and pydicom's private
 * dictionary). It is loaded on first use, once; to keep that fast, loading only indexes the tags, each entry is
 * decoded when first looked up, the private dictionary is read and indexed by creator on the first
 * {@link #findPrivate(String, int)}, and a creator's definitions are decoded when that creator is first looked up.
 * What it answers never changes, and every method may be called from any thread. Lookups of a single tag take
 * constant time.
 *
 * <p>How {@link #find(int)} resolves a tag, first match wins:
 * <ol>
 *   <li>the entry of exactly that tag;</li>
 *   <li>in an odd (private) group: (gggg,0000) is a retired Group Length (UL), (gggg,0010-00FF) a Private Creator
 *       (LO); any other private element needs its creator, see {@link #findPrivate(String, int)};</li>
 *   <li>(gggg,0000) of any other group: a retired Group Length (UL), PS3.5 section 7.2 (checked before the
 *       repeating groups because the retired element masks (1000,xxx0) and (1010,xxxx) would cover it);</li>
 *   <li>a repeating group entry such as (60xx,3000) Overlay Data, returned as such (its {@code tag} has the
 *       repeating digits zero and its {@code mask} says which digits repeat).</li>
 * </ol>
 */
public final class ElementDictionary {
    static final String DICTIONARY_RESOURCE = "dictionary.tsv";
    static final String PRIVATE_DICTIONARY_RESOURCE = "private-dictionary.tsv";

    private static final List<VR> UL = List.of(VR.UL);
    private static final List<VR> LO = List.of(VR.LO);

    private final StandardElements standardElements;
    /** The private table's bytes, or null to read the resource when first needed. */
    private final byte[] privateTable;
    private volatile PrivateElements privateElements;

    private ElementDictionary(StandardElements standardElements, byte[] privateTable) {
        this.standardElements = standardElements;
        this.privateTable = privateTable;
    }

    /** Holds the standard dictionary; the JVM loads it, once, on first access (initialization-on-demand holder). */
    private static final class Standard {
        static final ElementDictionary INSTANCE = new ElementDictionary(
                StandardElements.parse(DICTIONARY_RESOURCE, TabTable.resource(DICTIONARY_RESOURCE)), null);
    }

    /**
     * The dictionary of the standard and the known private elements.
     *
     * @throws IllegalStateException naming the resource when {@code dictionary.tsv} is missing or malformed (a
     *                               packaging error; the first call fails and so does every later one)
     */
    public static ElementDictionary standard() {
        return Standard.INSTANCE;
    }

    /** A dictionary built from the bytes of the two tables (for tests and for tools that carry their own). */
    static ElementDictionary of(byte[] dictionaryTsv, byte[] privateDictionaryTsv) {
        return new ElementDictionary(StandardElements.parse(DICTIONARY_RESOURCE, dictionaryTsv),
                privateDictionaryTsv.clone());
    }

    /** What the dictionary says about {@code tag}, resolved as described in the class comment; empty when unknown. */
    public Optional<DictionaryEntry> find(int tag) {
        return Optional.ofNullable(lookup(tag));
    }

    /**
     * The definition of a private data element (gggg,xxee) whose block xx is reserved by {@code creator}, as an entry
     * for {@code tag} itself. The creator is compared exactly after trimming leading and trailing spaces (and NULs).
     *
     * @param creator the value of the Private Creator element (gggg,00xx) that reserved the block
     * @param tag     the private data element
     * @return the definition; empty when {@code tag} is not a private data element or the creator or the element
     *         is not in the private dictionary
     * @throws IllegalStateException naming the resource when {@code private-dictionary.tsv} is missing or malformed
     *                               (a row of the creator's is checked when the creator is first looked up)
     */
    public Optional<DictionaryEntry> findPrivate(String creator, int tag) {
        if (creator == null || !Tags.isPrivate(tag) || Tags.element(tag) < 0x1000) {
            return Optional.empty();
        }
        return Optional.ofNullable(privateElements().find(creator.trim(), tag));
    }

    /** The private dictionary, read on first use (double-checked through a volatile field). */
    private PrivateElements privateElements() {
        PrivateElements p = privateElements;
        if (p == null) {
            synchronized (this) {
                p = privateElements;
                if (p == null) {
                    byte[] data = privateTable != null ? privateTable : TabTable.resource(PRIVATE_DICTIONARY_RESOURCE);
                    p = PrivateElements.index(PRIVATE_DICTIONARY_RESOURCE, data);
                    privateElements = p;
                }
            }
        }
        return p;
    }

    /** The VR to use for {@code tag}: the first VR of its entry, UN when the dictionary does not know it. */
    public VR vrOf(int tag) {
        DictionaryEntry e = lookup(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** The tag of a keyword of a single-tag entry ({@code "PatientName"} → 0x00100010); empty for unknown keywords. */
    public OptionalInt tagOf(String keyword) {
        return standardElements.tagOf(keyword);
    }

    /** The keyword of {@code tag} as {@link #find(int)} resolves it; "" when unknown. */
    public String keywordOf(int tag) {
        DictionaryEntry e = lookup(tag);
        return e == null ? "" : e.keyword();
    }

    /** The tag with its keyword, for messages: "(0010,0010) PatientName", or "(0019,1010)" when unknown. */
    public String describe(int tag) {
        String keyword = keywordOf(tag);
        return keyword.isEmpty() ? Tags.format(tag) : Tags.format(tag) + " " + keyword;
    }

    private DictionaryEntry lookup(int tag) {
        DictionaryEntry e = standardElements.single(tag);
        if (e != null) {
            return e;
        }
        if (Tags.isPrivate(tag)) {
            if (Tags.isGroupLength(tag)) {
                return groupLength(tag);
            }
            return Tags.isPrivateCreator(tag)
                    ? new DictionaryEntry(tag, DictionaryEntry.SINGLE_TAG, "PrivateCreator", "Private Creator", LO, "1",
                    false)
                    : null;
        }
        return Tags.isGroupLength(tag) ? groupLength(tag) : standardElements.repeating(tag);
    }

    private static DictionaryEntry groupLength(int tag) {
        return new DictionaryEntry(tag, DictionaryEntry.SINGLE_TAG, "GroupLength", "Group Length", UL, "1", true);
    }
}
