package org.kerma.cli;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Quantity;

/**
 * Prints a {@link DoseReport} as indented text or as JSON, walking its records by their components so that every
 * field the reader fills is shown under its own name. Empty optionals and empty lists are left out. A
 * {@link Quantity} prints as its canonical value and unit (JSON: {@code {"value":415.82,"unit":"mGy.cm",
 * "original":415.82,"originalUnit":"mGycm"}}); a {@link Code} as value, scheme and meaning.
 */
final class DoseReportFormat {
    private DoseReportFormat() {
    }

    static String text(DoseReport report) {
        StringBuilder out = new StringBuilder();
        text(out, report, 0);
        return out.toString();
    }

    static String json(DoseReport report) {
        StringBuilder out = new StringBuilder();
        json(out, report);
        return out.toString();
    }

    private static Object unwrap(Object value) {
        return value instanceof Optional<?> o ? o.orElse(null) : value;
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof Collection<?> c && c.isEmpty())
                || (value instanceof String s && s.isEmpty());
    }

    static void text(StringBuilder out, Record record, int depth) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = unwrap(read(c, record));
            if (empty(value)) {
                continue;
            }
            String indent = "  ".repeat(depth);
            if (value instanceof Collection<?> list) {
                out.append(indent).append(c.getName()).append(" (").append(list.size()).append("):\n");
                int i = 0;
                for (Object item : list) {
                    if (item instanceof Record r && !(item instanceof Quantity) && !(item instanceof Code)
                            && r.getClass().getRecordComponents().length > 3) {
                        out.append(indent).append("  [").append(i++).append("]\n");
                        text(out, r, depth + 2);
                    } else {
                        out.append(indent).append("  - ").append(scalar(item)).append('\n');
                    }
                }
            } else if (value instanceof Record r && !(value instanceof Quantity) && !(value instanceof Code)) {
                out.append(indent).append(c.getName()).append(":\n");
                text(out, r, depth + 1);
            } else {
                out.append(indent).append(c.getName()).append(": ").append(scalar(value)).append('\n');
            }
        }
    }

    private static String scalar(Object value) {
        if (value instanceof Code code) {
            return code.meaning() + " (" + code.value() + ", " + code.scheme() + ")";
        }
        return String.valueOf(value);
    }

    private static void json(StringBuilder out, Object value) {
        value = unwrap(value);
        if (value == null) {
            out.append("null");
        } else if (value instanceof Quantity q) {
            out.append("{\"value\":").append(number(q.value())).append(",\"unit\":");
            string(out, q.unit().ucum());
            out.append(",\"original\":").append(number(q.originalValue())).append(",\"originalUnit\":");
            string(out, q.originalUnit());
            out.append('}');
        } else if (value instanceof Code c) {
            out.append("{\"value\":");
            string(out, c.value());
            out.append(",\"scheme\":");
            string(out, c.scheme());
            out.append(",\"meaning\":");
            string(out, c.meaning());
            out.append('}');
        } else if (value instanceof Record r) {
            out.append('{');
            boolean first = true;
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                Object v = unwrap(read(c, r));
                if (empty(v)) {
                    continue;
                }
                out.append(first ? "" : ",");
                first = false;
                string(out, c.getName());
                out.append(':');
                json(out, v);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                out.append(first ? "" : ",");
                first = false;
                json(out, item);
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(number(d));
        } else if (value instanceof Enum<?> || value instanceof TemporalAccessor || value instanceof String) {
            string(out, value.toString());
        } else {
            string(out, String.valueOf(value));
        }
    }

    private static String number(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
