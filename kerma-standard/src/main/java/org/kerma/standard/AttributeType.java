package org.kerma.standard;

/** The type of an attribute in a module (PS3.5 Section 7.4): whether it must be present and have a value. */
public enum AttributeType {
    /** 1: present with a value. */
    TYPE_1("1"),
    /** 1C: present with a value when its condition holds. */
    TYPE_1C("1C"),
    /** 2: present, possibly empty. */
    TYPE_2("2"),
    /** 2C: present, possibly empty, when its condition holds. */
    TYPE_2C("2C"),
    /** 3: optional. */
    TYPE_3("3");

    private final String label;

    AttributeType(String label) {
        this.label = label;
    }

    /** As PS3.3 writes it: 1, 1C, 2, 2C or 3. */
    public String label() {
        return label;
    }

    /** True for 1C and 2C. */
    public boolean conditional() {
        return this == TYPE_1C || this == TYPE_2C;
    }

    /** True for 1 and 1C: a present attribute must have a value. */
    public boolean requiresValue() {
        return this == TYPE_1 || this == TYPE_1C;
    }

    /**
     * The type for a label.
     *
     * @throws IllegalArgumentException for anything but 1, 1C, 2, 2C or 3
     */
    public static AttributeType ofLabel(String label) {
        for (AttributeType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not an attribute type (1, 1C, 2, 2C, 3): " + label);
    }
}
