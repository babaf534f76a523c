package org.kerma.dose.build;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts;
import org.kerma.dicom.sr.LegacyCodes;

/**
 * The coded concepts a dose description may use: every DCM and SCT constant of the generated {@link Concepts}
 * (PS3.16 DCM and the SCT concepts of the dose context groups), looked up by scheme and value; SRT codes by their SCT
 * successor ({@link LegacyCodes}).
 */
final class KnownCodes {
    private static final Map<String, Code> CODES = load();

    private KnownCodes() {
    }

    /** The concept with this value in this scheme, with the standard's meaning; empty when not known. */
    static Optional<Code> find(String scheme, String value) {
        Code canonical = LegacyCodes.canonical(new Code(value, scheme, value));
        return Optional.ofNullable(CODES.get(canonical.scheme() + ":" + canonical.value()));
    }

    private static Map<String, Code> load() {
        Map<String, Code> codes = new HashMap<>();
        for (Class<?> scheme : new Class<?>[] {Concepts.DCM.class, Concepts.SCT.class, Concepts.UCUM.class}) {
            for (Field f : scheme.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Code.class) {
                    try {
                        Code c = (Code) f.get(null);
                        codes.putIfAbsent(c.scheme() + ":" + c.value(), c);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return Map.copyOf(codes);
    }
}
