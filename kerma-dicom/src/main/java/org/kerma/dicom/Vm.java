package org.kerma.dicom;

/**
 * Value multiplicities as the dictionary writes them. The common ones are shared constants so that decoded entries
 * do not each hold a copy; others are kept as read.
 */
final class Vm {
    private static final String[] COMMON = {"1", "1-n", "2", "3", "1-2", "2-n", "4", "6", "2-2n", "3-n", "3-3n", "1-3",
        "1-8", "1-32", "1-99", "16", "6-n", "2-4", "1-4", "5", "9", "8", "256"};

    private Vm() {
    }

    /** The shared instance equal to {@code vm}, or {@code vm} itself. */
    static String of(String vm) {
        for (String common : COMMON) {
            if (common.equals(vm)) {
                return common;
            }
        }
        return vm;
    }
}
