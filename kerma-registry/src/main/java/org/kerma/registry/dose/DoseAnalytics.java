package org.kerma.registry.dose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.registry.index.IndexDatabase;

/**
 * Dose statistics over a range of study dates, behind {@code /api/analytics}: the studies with a dose summary
 * ({@code study_dose}) grouped by device, acquisition protocol or body part, with count, median and quartiles of
 * each study quantity, and the workload (studies by weekday and by hour of Study Time). A study belongs to every
 * group its key set names (two devices, two protocols) with its whole-study values. The SQL reads plain rows; the
 * quartiles are computed here (linear interpolation between ranks, as R type 7 and numpy's default), so the same
 * code runs on SQLite and PostgreSQL. Thread-safe.
 */
public final class DoseAnalytics {
    /** What the studies are grouped by. */
    public enum GroupBy {
        /** The devices of the study's series: "manufacturer model station". */
        DEVICE,
        /** The Acquisition Protocol of the study's standing irradiation events. */
        PROTOCOL,
        /** The Body Part Examined of the study's series. */
        BODY_PART
    }

    /** The study quantities, in the order of the columns of {@code study_dose}. */
    public static final List<DoseQuantity> QUANTITIES = List.of(DoseQuantity.DAP, DoseQuantity.RP_AIR_KERMA,
            DoseQuantity.FLUORO_TIME, DoseQuantity.DLP, DoseQuantity.CTDIVOL);

    /** The label of a group whose studies have no value for the key (no device, protocol or body part). */
    public static final String NONE = "(none)";

    /**
     * The distribution of one quantity in a group, in its canonical unit; {@code referenceLevel} is the level the
     * group's studies were compared with when they all were compared with the same one, else null.
     */
    public record Distribution(String quantity, String unit, int count, double p25, double median, double p75,
                               double min, double max, Double referenceLevel) {
    }

    /** One group: its label, its number of studies and a distribution per quantity some study of it has. */
    public record Group(String key, int studies, List<Distribution> quantities) {
    }

    /** The answer: study dates from/to (ISO, inclusive), the groups by label, the workload. */
    public record Analytics(String from, String to, String groupBy, int studies, List<Group> groups,
                            int[] byWeekday, int[] byHour) {
    }

    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private final IndexDatabase index;

    public DoseAnalytics(IndexDatabase index) {
        this.index = index;
    }

    /**
     * The statistics of the studies dated {@code from} to {@code to} (inclusive), grouped by {@code by}.
     * {@code byWeekday[0]} is Monday; {@code byHour} counts the studies with a Study Time by its hour.
     */
    public Analytics analyse(LocalDate from, LocalDate to, GroupBy by) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        String lo = from.format(DA);
        String hi = to.format(DA);
        return index.read("analyse dose from " + from + " to " + to + " by " + by, c -> {
            Map<Long, double[]> values = new LinkedHashMap<>();
            int[] byWeekday = new int[7];
            int[] byHour = new int[24];
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id, s.study_date, s.study_time, d.dap_gym2, d.rp_air_kerma_gy, d.fluoro_time_s,
                           d.dlp_mgycm, d.ctdivol_max_mgy
                    FROM study s LEFT JOIN study_dose d ON d.study_fk = s.id
                    WHERE s.study_date >= ? AND s.study_date <= ?""")) {
                ps.setString(1, lo);
                ps.setString(2, hi);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        workload(rs.getString(2), rs.getString(3), byWeekday, byHour);
                        double[] v = new double[QUANTITIES.size()];
                        boolean any = false;
                        for (int i = 0; i < v.length; i++) {
                            v[i] = rs.getDouble(4 + i);
                            if (rs.wasNull()) {
                                v[i] = Double.NaN;
                            } else {
                                any = true;
                            }
                        }
                        if (any) {
                            values.put(rs.getLong(1), v);
                        }
                    }
                }
            }
            Map<String, Set<Long>> groups = keys(c, by, lo, hi, values);
            Map<Long, Map<String, Double>> levels = levels(c, lo, hi);
            List<Group> out = new ArrayList<>();
            for (Map.Entry<String, Set<Long>> g : groups.entrySet()) {
                out.add(group(g.getKey(), g.getValue(), values, levels));
            }
            return new Analytics(from.toString(), to.toString(), by.name(), values.size(), out, byWeekday, byHour);
        });
    }

    private static void workload(String date, String time, int[] byWeekday, int[] byHour) {
        if (date != null && date.length() == 8) {
            try {
                DayOfWeek day = LocalDate.parse(date, DA).getDayOfWeek();
                byWeekday[day.getValue() - 1]++;
            } catch (java.time.format.DateTimeParseException e) {
                // a malformed Study Date is left out of the weekday counts
            }
        }
        if (time != null && time.length() >= 2 && Character.isDigit(time.charAt(0))
                && Character.isDigit(time.charAt(1))) {
            int hour = Integer.parseInt(time.substring(0, 2));
            if (hour < 24) {
                byHour[hour]++;
            }
        }
    }

    /** The group labels (sorted) and their studies; a study with dose but no key falls under {@link #NONE}. */
    private static Map<String, Set<Long>> keys(Connection c, GroupBy by, String lo, String hi,
                                               Map<Long, double[]> values) throws SQLException {
        String sql = switch (by) {
            case DEVICE -> """
                    SELECT DISTINCT se.study_fk, dv.manufacturer, dv.model_name, dv.station_name
                    FROM series se JOIN study s ON s.id = se.study_fk JOIN device dv ON dv.id = se.device_fk
                    WHERE s.study_date >= ? AND s.study_date <= ?""";
            case PROTOCOL -> """
                    SELECT DISTINCT e.study_fk, e.protocol FROM irradiation_event e JOIN study s ON s.id = e.study_fk
                    WHERE s.study_date >= ? AND s.study_date <= ? AND e.standing = 1 AND e.protocol IS NOT NULL""";
            case BODY_PART -> """
                    SELECT DISTINCT se.study_fk, se.body_part_examined FROM series se JOIN study s ON s.id = se.study_fk
                    WHERE s.study_date >= ? AND s.study_date <= ? AND se.body_part_examined IS NOT NULL""";
        };
        Map<String, Set<Long>> groups = new TreeMap<>();
        Set<Long> keyed = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lo);
            ps.setString(2, hi);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long study = rs.getLong(1);
                    if (!values.containsKey(study)) {
                        continue;
                    }
                    List<String> parts = new ArrayList<>();
                    for (int i = 2; i <= columns; i++) {
                        String p = rs.getString(i);
                        if (p != null && !p.isBlank()) {
                            parts.add(p.strip());
                        }
                    }
                    if (!parts.isEmpty()) {
                        groups.computeIfAbsent(String.join(" ", parts), k -> new TreeSet<>()).add(study);
                        keyed.add(study);
                    }
                }
            }
        }
        for (Long study : values.keySet()) {
            if (!keyed.contains(study)) {
                groups.computeIfAbsent(NONE, k -> new TreeSet<>()).add(study);
            }
        }
        return groups;
    }

    /** Per study of the range: the reference level value it was compared with, per quantity name. */
    private static Map<Long, Map<String, Double>> levels(Connection c, String lo, String hi) throws SQLException {
        Map<Long, Map<String, Double>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT rc.study_fk, l.quantity, l.value FROM reference_comparison rc
                JOIN study s ON s.id = rc.study_fk JOIN reference_level l ON l.id = rc.level_fk
                WHERE s.study_date >= ? AND s.study_date <= ?""")) {
            ps.setString(1, lo);
            ps.setString(2, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getDouble(3));
                }
            }
        }
        return out;
    }

    private static Group group(String key, Set<Long> studies, Map<Long, double[]> values,
                               Map<Long, Map<String, Double>> levels) {
        List<Distribution> out = new ArrayList<>();
        for (int q = 0; q < QUANTITIES.size(); q++) {
            DoseQuantity quantity = QUANTITIES.get(q);
            double[] v = new double[studies.size()];
            int n = 0;
            Set<Double> level = new TreeSet<>();
            boolean allCompared = true;
            for (Long study : studies) {
                double x = values.get(study)[q];
                if (!Double.isNaN(x)) {
                    v[n++] = x;
                    Double l = levels.getOrDefault(study, Map.of()).get(quantity.name());
                    if (l == null) {
                        allCompared = false;
                    } else {
                        level.add(l);
                    }
                }
            }
            if (n == 0) {
                continue;
            }
            double[] sorted = Arrays.copyOf(v, n);
            Arrays.sort(sorted);
            out.add(new Distribution(quantity.name(), quantity.unit().ucum(), n, quantile(sorted, 0.25),
                    quantile(sorted, 0.5), quantile(sorted, 0.75), sorted[0], sorted[n - 1],
                    allCompared && level.size() == 1 ? level.iterator().next() : null));
        }
        return new Group(key, studies.size(), out);
    }

    /** The p-quantile of sorted values, interpolating linearly between ranks (R type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
