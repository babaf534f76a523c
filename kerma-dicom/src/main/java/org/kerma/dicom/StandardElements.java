package org.kerma.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The entries of {@code dictionary.tsv}. Loading only indexes the single-tag rows (tag → byte offset of the row,
 * in an O(1) {@link TagIndex}); a row becomes a {@link DictionaryEntry} the first time it is looked up and is
 * cached. Repeating-group rows (under a hundred) are decoded at once, with one index per distinct mask. The
 * keyword → tag map is built on the first {@link #tagOf(String)}.
 *
 * <p>Thread-safe. The table bytes are never written after loading. The entry cache is filled with a benign race:
 * two threads may decode the same row, and either equal, immutable record may end up cached; records have only
 * final fields, so a record read through the race is fully built. The keyword map is published through a volatile
 * field.
 */
final class StandardElements {
    private final byte[] table;
    private final int[] rowStarts;
    private final TagIndex singleIndex;
    private final DictionaryEntry[] decoded;
    private final int[] masks;
    private final TagIndex[] maskIndexes;
    private final DictionaryEntry[] repeating;
    private volatile Map<String, Integer> tagsByKeyword;

    private StandardElements(byte[] table, int[] rowStarts, int[] tags, List<DictionaryEntry> repeating) {
        this.table = table;
        this.rowStarts = rowStarts;
        this.decoded = new DictionaryEntry[rowStarts.length];
        this.repeating = repeating.toArray(new DictionaryEntry[0]);
        singleIndex = new TagIndex(rowStarts.length);
        for (int i = 0; i < rowStarts.length; i++) {
            singleIndex.put(tags[i], i);
        }
        masks = distinctMasksMostSpecificFirst(this.repeating);
        maskIndexes = new TagIndex[masks.length];
        for (int m = 0; m < masks.length; m++) {
            maskIndexes[m] = new TagIndex(this.repeating.length);
            for (int i = 0; i < this.repeating.length; i++) {
                if (this.repeating[i].mask() == masks[m]) {
                    maskIndexes[m].put(this.repeating[i].tag(), i);
                }
            }
        }
    }

    /**
     * Indexes {@code dictionary.tsv}, whose rows are: tag (8 hex digits, 'x' for a repeating digit), vr, vm,
     * retired (Y/N), keyword, name.
     *
     * @throws IllegalStateException naming the line of a row whose tag is malformed (other columns of single-tag
     *                               rows are checked when the row is first looked up)
     */
    static StandardElements parse(String source, byte[] data) {
        TabTable table = new TabTable(source, data);
        int[] starts = new int[6000];
        int[] tags = new int[6000];
        int count = 0;
        List<DictionaryEntry> repeating = new ArrayList<>(128);
        while (table.next()) {
            int at = table.rowStart();
            if (table.rowLength() < 9 || data[at + 8] != '\t') {
                throw table.error("row does not start with an 8-character tag and a tab");
            }
            int tag = 0;
            int mask = 0;
            for (int k = at; k < at + 8; k++) {
                int c = data[k];
                int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                boolean free = c == 'x';
                if ((digit < 0 || digit > 15 || (c > '9' && c < 'A')) && !free) {
                    throw table.error("not a hex digit or 'x' in the tag");
                }
                tag = (tag << 4) | (free ? 0 : digit);
                mask = (mask << 4) | (free ? 0 : 0xF);
            }
            if (mask != DictionaryEntry.SINGLE_TAG) {
                repeating.add(decode(table, tag, mask));
                continue;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                tags = Arrays.copyOf(tags, count * 2);
            }
            starts[count] = table.rowStart();
            tags[count++] = tag;
        }
        return new StandardElements(data, Arrays.copyOf(starts, count), Arrays.copyOf(tags, count), repeating);
    }

    private static DictionaryEntry decode(TabTable row, int tag, int mask) {
        row.requireFields(6);
        return new DictionaryEntry(tag, mask, row.text(4), row.text(5), VrColumn.read(row, 1), Vm.of(row.text(2)),
                row.is(3, 'Y'));
    }

    /** The distinct masks of the entries, those with more fixed bits first (plain loops: no lambda bootstrap at load). */
    private static int[] distinctMasksMostSpecificFirst(DictionaryEntry[] entries) {
        int[] found = new int[entries.length];
        int count = 0;
        for (DictionaryEntry e : entries) {
            int at = 0;
            while (at < count && found[at] != e.mask()) {
                at++;
            }
            if (at == count) {
                found[count++] = e.mask();
            }
        }
        found = Arrays.copyOf(found, count);
        for (int i = 1; i < count; i++) {
            for (int j = i; j > 0 && Integer.bitCount(found[j]) > Integer.bitCount(found[j - 1]); j--) {
                int t = found[j];
                found[j] = found[j - 1];
                found[j - 1] = t;
            }
        }
        return found;
    }

    /**
     * The entry of exactly this tag, or null.
     *
     * @throws IllegalStateException naming the line when the row is malformed
     */
    DictionaryEntry single(int tag) {
        int i = singleIndex.get(tag);
        return i < 0 ? null : entry(i, tag);
    }

    private DictionaryEntry entry(int i, int tag) {
        DictionaryEntry e = decoded[i];
        if (e == null) {
            e = decode(new TabTable(ElementDictionary.DICTIONARY_RESOURCE, table).at(rowStarts[i]), tag,
                    DictionaryEntry.SINGLE_TAG);
            decoded[i] = e;
        }
        return e;
    }

    /** The repeating-group entry matching this tag (most specific mask first), or null. */
    DictionaryEntry repeating(int tag) {
        for (int m = 0; m < masks.length; m++) {
            int i = maskIndexes[m].get(tag & masks[m]);
            if (i >= 0) {
                return repeating[i];
            }
        }
        return null;
    }

    /** The tag of a single-tag entry with this keyword. */
    OptionalInt tagOf(String keyword) {
        Integer tag = keywordIndex().get(keyword);
        return tag == null ? OptionalInt.empty() : OptionalInt.of(tag);
    }

    private Map<String, Integer> keywordIndex() {
        Map<String, Integer> index = tagsByKeyword;
        if (index == null) {
            index = new HashMap<>(rowStarts.length * 2);
            TabTable row = new TabTable(ElementDictionary.DICTIONARY_RESOURCE, table);
            for (int start : rowStarts) {
                row.at(start);
                index.put(row.text(4), row.hex(0, 0, 8));
            }
            tagsByKeyword = index;
        }
        return index;
    }
}
