package org.kerma.dose;

import org.kerma.dose.vendor.Quirk;

/**
 * A vendor deviation the reader handled while reading one report, where, and what it did.
 *
 * @param quirk  which deviation
 * @param path   the content item path, or "-" for the data set
 * @param detail what was written and what was read, e.g. "unit Gym2 read as Gy.m2"
 */
public record AppliedQuirk(Quirk quirk, String path, String detail) {
    @Override
    public String toString() {
        return quirk + " at " + path + ": " + detail;
    }
}
