package org.kerma.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of {@code private-dictionary.tsv}, by Private Creator. Building it only indexes the rows by creator
 * (one pass over the bytes; a string is made only where the creator changes, as the table is sorted by creator);
 * a creator's rows are decoded when that creator is first looked up. Per creator, definitions for one group then
 * sit in an O(1) {@link TagIndex} keyed by (group, element), where the element is either the offset in the
 * creator's block (0x00-0xFF) or a fixed element number (0x1000 and up); definitions for a range of odd groups are
 * scanned. Safe for concurrent use: the bytes are never written and each creator is decoded once, under its lock.
 */
final class PrivateElements {
    /**
     * The decoded definitions of one creator, read-only once built. {@code entries} hold the definitions with
     * tag = (first group, element spec); {@code ranges} hold {low group, high group, entry} for definitions covering
     * a range of groups.
     */
    private static final class Definitions {
        final List<DictionaryEntry> entries;
        final List<int[]> ranges = new ArrayList<>(0);
        final TagIndex index;

        /**
         * Decodes rows: creator, group ("gggg" or "gggg-gggg"), element ("ee" or "eeee"), vr, vm, keyword, name.
         *
         * @throws IllegalStateException naming the line of a malformed row
         */
        Definitions(TabTable table, int[] rows, int count) {
            entries = new ArrayList<>(count);
            List<Integer> singleRows = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                table.at(rows[r]);
                table.requireFields(7);
                int groupLow = table.hex(1, 0, 4);
                int groupHigh = table.length(1) == 9 ? table.hex(1, 5, 9) : groupLow;
                int elementLength = table.length(2);
                if ((table.length(1) != 4 && table.length(1) != 9) || (elementLength != 2 && elementLength != 4)) {
                    throw table.error("malformed group or element");
                }
                int element = table.hex(2, 0, elementLength);
                entries.add(new DictionaryEntry((groupLow << 16) | element, DictionaryEntry.SINGLE_TAG,
                        table.text(5), table.text(6), VrColumn.read(table, 3), Vm.of(table.text(4)), false));
                int row = entries.size() - 1;
                if (groupHigh == groupLow) {
                    singleRows.add(row);
                } else {
                    ranges.add(new int[] {groupLow, groupHigh, row});
                }
            }
            index = new TagIndex(singleRows.size());
            for (int i : singleRows) {
                index.put(entries.get(i).tag(), i);
            }
        }

        DictionaryEntry find(int group, int element) {
            int i = element >= 0x1000 ? index.get((group << 16) | element) : -1;
            if (i < 0) {
                i = index.get((group << 16) | (element & 0xFF));
            }
            if (i >= 0) {
                return entries.get(i);
            }
            for (int[] r : ranges) {
                int spec = entries.get(r[2]).tag() & 0xFFFF;
                if (group >= r[0] && group <= r[1] && spec == (spec >= 0x1000 ? element : element & 0xFF)) {
                    return entries.get(r[2]);
                }
            }
            return null;
        }
    }

    /** Where one creator's rows start; its definitions once decoded. */
    private static final class Creator {
        private int[] rows = new int[8];
        private int count;
        private volatile Definitions definitions;

        void add(int rowStart) {
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
            }
            rows[count++] = rowStart;
        }

        /** The definitions, decoded on the first call (double-checked through the volatile field). */
        Definitions definitions(String source, byte[] data) {
            Definitions d = definitions;
            if (d == null) {
                synchronized (this) {
                    d = definitions;
                    if (d == null) {
                        d = new Definitions(new TabTable(source, data), rows, count);
                        definitions = d;
                    }
                }
            }
            return d;
        }
    }

    private final String source;
    private final byte[] data;
    private final Map<String, Creator> byCreator;

    private PrivateElements(String source, byte[] data, Map<String, Creator> byCreator) {
        this.source = source;
        this.data = data;
        this.byCreator = byCreator;
    }

    /**
     * Indexes the rows of the table by creator (field 0); rows are decoded, and their other fields checked, per
     * creator on first lookup.
     *
     * @param source names the table in error messages
     * @param data   the table's bytes, kept and never written
     * @throws IllegalStateException naming the line of a row that does not start with a creator and a tab
     */
    static PrivateElements index(String source, byte[] data) {
        TabTable table = new TabTable(source, data);
        Map<String, Creator> byCreator = new HashMap<>();
        Creator current = null;
        int currentStart = 0;
        int currentLength = -1;
        while (table.next()) {
            int start = table.rowStart();
            int end = start + table.rowLength();
            int tab = start;
            while (tab < end && data[tab] != '\t') {
                tab++;
            }
            if (tab == start || tab == end) {
                throw table.error("row does not start with a creator and a tab");
            }
            int length = tab - start;
            if (length != currentLength || !Arrays.equals(data, currentStart, currentStart + length,
                    data, start, start + length)) {
                current = byCreator.computeIfAbsent(table.text(0), c -> new Creator());
                currentStart = start;
                currentLength = length;
            }
            current.add(start);
        }
        return new PrivateElements(source, data, byCreator);
    }

    /**
     * The definition of private data element {@code tag} in a block reserved by {@code creator}, as an entry for
     * {@code tag} itself; null when none.
     *
     * @throws IllegalStateException naming the line when one of the creator's rows is malformed
     */
    DictionaryEntry find(String creator, int tag) {
        Creator c = byCreator.get(creator);
        if (c == null) {
            return null;
        }
        DictionaryEntry template = c.definitions(source, data).find(Tags.group(tag), Tags.element(tag));
        return template == null ? null : template.at(tag);
    }
}
