package org.kerma.dicom;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The UIDs registered by the DICOM standard (PS3.6 Annex A): SOP classes, transfer syntaxes, well-known instances
 * and frames of reference, coding schemes and the rest, with the encoding traits of each transfer syntax.
 *
 * <p>{@link #standard()} is built from the generated resource {@code uids.tsv} (pydicom's registry, 2024d; traits
 * from dicom3tools and PS3.5 2026c Annex A; see {@code NOTICE}). It is loaded once, on first use, and immutable, so
 * every method may be called from any thread.
 */
public final class UidRegistry {
    static final String RESOURCE = "uids.tsv";

    private final Map<String, UidEntry> byUid;
    private final Map<String, TransferSyntaxTraits> traits;

    private UidRegistry(Map<String, UidEntry> byUid, Map<String, TransferSyntaxTraits> traits) {
        this.byUid = Collections.unmodifiableMap(byUid);
        this.traits = traits;
    }

    /** Holds the standard registry; the JVM loads it, once, on first access. */
    private static final class Standard {
        static final UidRegistry INSTANCE = of(TabTable.resource(RESOURCE));
    }

    /**
     * The registry of the standard.
     *
     * @throws IllegalStateException naming the resource when {@code uids.tsv} is missing or malformed
     */
    public static UidRegistry standard() {
        return Standard.INSTANCE;
    }

    /**
     * A registry built from the bytes of a {@code uids.tsv} table: uid, type, retired (Y/N), keyword, four traits
     * (Y/N, or all empty), name.
     *
     * @throws IllegalStateException naming the line of a malformed row
     */
    static UidRegistry of(byte[] uidsTsv) {
        TabTable table = new TabTable(RESOURCE, uidsTsv);
        Map<String, UidEntry> byUid = new LinkedHashMap<>(1024);
        Map<String, TransferSyntaxTraits> traits = new HashMap<>(128);
        while (table.next()) {
            table.requireFields(9);
            UidEntry e = new UidEntry(table.text(0), table.text(8), table.text(3), UidType.ofName(table.text(1)),
                    yes(table, 2));
            byUid.put(e.uid(), e);
            if (table.length(4) > 0) {
                traits.put(e.uid(), new TransferSyntaxTraits(yes(table, 4), yes(table, 5), yes(table, 6),
                        yes(table, 7)));
            }
        }
        return new UidRegistry(byUid, traits);
    }

    private static boolean yes(TabTable table, int field) {
        if (table.is(field, 'Y')) {
            return true;
        }
        if (table.is(field, 'N')) {
            return false;
        }
        throw table.error("expected Y or N in field " + (field + 1) + ", found '" + table.text(field) + "'");
    }

    /** The registered UID; empty for a UID the standard does not register (e.g. a private SOP class). */
    public Optional<UidEntry> find(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    /** The registered name of {@code uid}, or {@code uid} itself when it is unknown or has no name. */
    public String nameOf(String uid) {
        UidEntry e = byUid.get(uid);
        return e == null || e.name().isEmpty() ? uid : e.name();
    }

    /** Every registered UID, in registry order; an unmodifiable view. */
    public Collection<UidEntry> all() {
        return byUid.values();
    }

    /**
     * How the transfer syntax {@code uid} encodes a data set; empty when {@code uid} is not a registered transfer
     * syntax or no source describes its encoding (the retired RFC 2557 and XML encodings).
     */
    public Optional<TransferSyntaxTraits> transferSyntaxTraits(String uid) {
        return Optional.ofNullable(traits.get(uid));
    }
}
