package org.kerma.registry.dose;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;

/** Binding and reading the nullable values of the dose tables: quantities, codes, date-times. */
final class Sql {
    private Sql() {
    }

    /** A parameter binder that counts positions, so rows of 30 columns stay readable. */
    static final class Binder {
        private final PreparedStatement ps;
        private int i = 1;

        Binder(PreparedStatement ps) {
            this.ps = ps;
        }

        Binder text(String value) throws SQLException {
            ps.setString(i++, value);
            return this;
        }

        Binder text(Optional<String> value) throws SQLException {
            return text(value.map(String::strip).filter(s -> !s.isEmpty()).orElse(null));
        }

        Binder id(long value) throws SQLException {
            ps.setLong(i++, value);
            return this;
        }

        Binder integer(Integer value) throws SQLException {
            if (value == null) {
                ps.setNull(i++, Types.INTEGER);
            } else {
                ps.setInt(i++, value);
            }
            return this;
        }

        Binder number(Double value) throws SQLException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                ps.setNull(i++, Types.DOUBLE);
            } else {
                ps.setDouble(i++, value);
            }
            return this;
        }

        /** The quantity's value in {@code unit}, which must be its canonical unit or a multiple of it. */
        Binder quantity(Optional<Quantity> q, Unit unit) throws SQLException {
            return number(in(q, unit));
        }

        Binder dateTime(Optional<LocalDateTime> t) throws SQLException {
            return text(t.map(Sql::format).orElse(null));
        }

        /** Three columns: code value, scheme, meaning. */
        Binder code(Optional<Code> code) throws SQLException {
            text(code.map(Code::value).orElse(null));
            text(code.map(Code::scheme).orElse(null));
            return text(code.map(Code::meaning).orElse(null));
        }
    }

    /**
     * The value of {@code q} in {@code unit}: the canonical value when its unit is {@code unit}; Gy given where mGy
     * is wanted is converted (entrance dose); any other unit is a programming error.
     */
    static Double in(Optional<Quantity> q, Unit unit) {
        if (q.isEmpty()) {
            return null;
        }
        Quantity v = q.get();
        if (v.unit() == unit) {
            return v.value();
        }
        if (v.unit() == Unit.GRAY && unit == Unit.MILLIGRAY) {
            return v.value() * 1000;
        }
        if (v.unit() == Unit.MILLIGRAY && unit == Unit.GRAY) {
            return v.value() / 1000;
        }
        throw new IllegalArgumentException("a quantity in " + v.unit().symbol() + " where " + unit.symbol()
                + " is stored: " + v);
    }

    /** "2024-03-01T10:22:31.25": ISO-8601 local date-time, seconds always written, fraction as needed. */
    static String format(LocalDateTime t) {
        return t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    static Optional<LocalDateTime> dateTime(String text) {
        return text == null ? Optional.empty() : Optional.of(LocalDateTime.parse(text));
    }

    static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** The code in columns {@code prefix_code}, {@code prefix_scheme}, {@code prefix_meaning}, or null. */
    static DoseAnswers.Coded code(ResultSet rs, String prefix) throws SQLException {
        String value = rs.getString(prefix + "_code");
        if (value == null) {
            return null;
        }
        return new DoseAnswers.Coded(value, rs.getString(prefix + "_scheme"), rs.getString(prefix + "_meaning"));
    }
}
