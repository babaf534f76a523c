package org.kerma.registry.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.registry.index.Dialect;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.index.Level;

/**
 * Answers C-FIND requests from the index (PS3.4 C.4.1): Patient Root and Study Root, at the PATIENT, STUDY, SERIES
 * and IMAGE levels.
 *
 * <p>For each entity at the requested level, the engine builds the candidate (its attributes and those of the
 * levels above, plus the attributes computed from the index: Number of Patient/Study/Series Related ...,
 * Modalities in Study, SOP Classes in Study), matches it against the identifier's keys with {@link Matching}, and
 * returns an identifier holding exactly the requested keys (return keys filled from the candidate, zero length
 * where it has none), the Query/Retrieve Level, the candidate's Specific Character Set, and Retrieve AE Title and
 * Instance Availability when asked for. Keys the index does not keep and keys of levels below the requested one do
 * not restrict the match (PS3.4 C.2.2.1: optional keys an SCP does not support are ignored for matching); they
 * come back with zero length. Unique keys of higher levels are used when given but not required (relational-style
 * leniency).
 *
 * <p>Thread-safe. Each {@link #find} holds a database connection until its stream is closed.
 */
public final class QueryEngine {
    private static final Set<Integer> PATIENT_COUNTS = Set.of(Tag.NumberOfPatientRelatedStudies,
            Tag.NumberOfPatientRelatedSeries, Tag.NumberOfPatientRelatedInstances);
    private static final Set<Integer> STUDY_COMPUTED = Set.of(Tag.NumberOfStudyRelatedSeries,
            Tag.NumberOfStudyRelatedInstances, Tag.ModalitiesInStudy, Tag.SOPClassesInStudy);

    private final IndexDatabase index;
    private final String retrieveAeTitle;

    /**
     * @param retrieveAeTitle the AE title answered as Retrieve AE Title (0008,0054), or null to leave it empty
     */
    public QueryEngine(IndexDatabase index, String retrieveAeTitle) {
        this.index = index;
        this.retrieveAeTitle = retrieveAeTitle;
    }

    public QueryEngine(IndexDatabase index) {
        this(index, null);
    }

    /**
     * The matches of {@code identifier} under {@code model}, one response identifier each, in index order. The
     * stream reads the index lazily and must be closed (try-with-resources) to release its connection.
     *
     * @throws QueryException with status 0xA900 when the identifier has no valid Query/Retrieve Level for the
     *                        model; with 0xC000 when the index cannot be searched (also from the stream's
     *                        operations)
     */
    public Stream<DicomObject> find(QueryModel model, DicomObject identifier) {
        Level level = levelOf(model, identifier);
        SqlFilter filter;
        try {
            filter = SqlFilter.of(identifier, level);
        } catch (RuntimeException e) { // a key whose value cannot be read as text: wrong VR, bad encoding
            throw new QueryException(QueryException.IDENTIFIER_DOES_NOT_MATCH,
                    "the identifier has a key that cannot be matched: " + e.getMessage(), e);
        }
        String sql = sql(level, filter);
        Connection connection = null;
        try {
            connection = index.dataSource().getConnection();
            if (index.dialect() == Dialect.POSTGRESQL) {
                connection.setAutoCommit(false); // lets the driver fetch rows in batches
            }
            PreparedStatement ps = connection.prepareStatement(sql);
            ps.setFetchSize(256);
            for (int i = 0; i < filter.parameters.size(); i++) {
                ps.setString(i + 1, filter.parameters.get(i));
            }
            ResultSet rs = ps.executeQuery();
            Connection c = connection;
            Spliterator<DicomObject> rows = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                    Spliterator.ORDERED | Spliterator.NONNULL) {
                @Override
                public boolean tryAdvance(Consumer<? super DicomObject> action) {
                    try {
                        while (rs.next()) {
                            DicomObject candidate = candidate(c, rs, level, identifier);
                            if (Matching.matchesAll(identifier, candidate, tag -> supported(tag, level))) {
                                action.accept(response(identifier, candidate, level));
                                return true;
                            }
                        }
                        return false;
                    } catch (SQLException e) {
                        throw new QueryException(QueryException.UNABLE_TO_PROCESS,
                                "cannot read the index " + index.url() + ": " + e.getMessage(), e);
                    } catch (QueryException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new QueryException(QueryException.UNABLE_TO_PROCESS,
                                "cannot match the identifier: " + e.getMessage(), e);
                    }
                }
            };
            return StreamSupport.stream(rows, false).onClose(() -> close(c));
        } catch (SQLException e) {
            close(connection);
            throw new QueryException(QueryException.UNABLE_TO_PROCESS,
                    "cannot search the index " + index.url() + ": " + e.getMessage(), e);
        }
    }

    /** The Query/Retrieve Level (0008,0052) of the identifier, checked against the model. */
    static Level levelOf(QueryModel model, DicomObject identifier) {
        String text = identifier.getString(Tag.QueryRetrieveLevel, "").trim();
        if (text.isEmpty()) {
            throw new QueryException(QueryException.IDENTIFIER_DOES_NOT_MATCH,
                    "the identifier has no Query/Retrieve Level (0008,0052)", null);
        }
        for (Level level : model.levels()) {
            if (level.name().equals(text)) {
                return level;
            }
        }
        throw new QueryException(QueryException.IDENTIFIER_DOES_NOT_MATCH, "Query/Retrieve Level '" + text
                + "' is not one of " + model.levels() + " of the " + model + " model", null);
    }

    /** True when the engine can match on {@code tag} at {@code level}: kept or computed at that level or above. */
    static boolean supported(int tag, Level level) {
        for (Level l : Level.values()) {
            if (l.ordinal() > level.ordinal()) {
                break;
            }
            if (l.keeps(tag) || computedAt(l).contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> computedAt(Level level) {
        return switch (level) {
            case PATIENT -> PATIENT_COUNTS;
            case STUDY -> STUDY_COMPUTED;
            case SERIES -> Set.of(Tag.NumberOfSeriesRelatedInstances);
            case IMAGE -> Set.of();
        };
    }

    /** The query the engine runs for {@code filter} at {@code level}. */
    static String sql(Level level, SqlFilter filter) {
        return select(level) + filter.where() + " ORDER BY " + idColumn(level);
    }

    private static String select(Level level) {
        return switch (level) {
            case PATIENT -> "SELECT p.id, p.attributes FROM patient p";
            case STUDY -> "SELECT p.id, p.attributes, st.id, st.attributes FROM study st"
                    + " JOIN patient p ON p.id = st.patient_fk";
            case SERIES -> "SELECT p.id, p.attributes, st.id, st.attributes, se.id, se.attributes FROM series se"
                    + " JOIN study st ON st.id = se.study_fk JOIN patient p ON p.id = st.patient_fk";
            case IMAGE -> "SELECT p.id, p.attributes, st.id, st.attributes, se.id, se.attributes, i.id,"
                    + " i.attributes FROM instance i JOIN series se ON se.id = i.series_fk"
                    + " JOIN study st ON st.id = se.study_fk JOIN patient p ON p.id = st.patient_fk";
        };
    }

    private static String idColumn(Level level) {
        return switch (level) {
            case PATIENT -> "p.id";
            case STUDY -> "st.id";
            case SERIES -> "se.id";
            case IMAGE -> "i.id";
        };
    }

    /** The entity of the current row with its parents' attributes and the computed ones the identifier asks for. */
    private static DicomObject candidate(Connection c, ResultSet rs, Level level, DicomObject identifier)
            throws SQLException {
        List<DicomObject> parts = new ArrayList<>();
        for (int l = 0; l <= level.ordinal(); l++) {
            parts.add(Level.decode(rs.getBytes(2 * l + 2)));
        }
        DicomObject candidate = Candidates.merge(parts);
        for (int l = 0; l <= level.ordinal(); l++) {
            Candidates.addComputed(c, Level.values()[l], rs.getLong(2 * l + 1), identifier, candidate);
        }
        return candidate;
    }

    /** The response identifier: the requested keys, filled from the candidate. */
    private DicomObject response(DicomObject identifier, DicomObject candidate, Level level) {
        DicomObject response = new DicomObject();
        Level.copy(candidate, response, Tag.SpecificCharacterSet);
        for (int i = 0; i < identifier.size(); i++) {
            int tag = identifier.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            if (tag == Tag.QueryRetrieveLevel) {
                response.setString(Tag.QueryRetrieveLevel, level.name());
            } else if (tag == Tag.RetrieveAETitle) {
                if (retrieveAeTitle != null) {
                    response.setString(Tag.RetrieveAETitle, retrieveAeTitle);
                } else {
                    response.put(tag, VR.AE, new byte[0]);
                }
            } else if (tag == Tag.InstanceAvailability) {
                response.setString(Tag.InstanceAvailability, "ONLINE");
            } else if (identifier.valueAt(i) instanceof Sequence) {
                returnSequence(identifier.items(tag), candidate, response, tag, level);
            } else if (candidate.contains(tag) && supported(tag, level)) {
                Level.copy(candidate, response, tag);
            } else {
                response.put(tag, identifier.vrAt(i), new byte[0]);
            }
        }
        return response;
    }

    /**
     * A sequence return key: the candidate's whole sequence when the key has no item or one empty item; else the
     * candidate's items that match the key item, each holding the key item's attributes.
     */
    private static void returnSequence(List<DicomObject> keyItems, DicomObject candidate, DicomObject response,
                                       int tag, Level level) {
        if (!candidate.contains(tag) || !supported(tag, level)) {
            response.newSequence(tag);
            return;
        }
        if (keyItems.isEmpty() || keyItems.get(0).isEmpty()) {
            Level.copy(candidate, response, tag);
            return;
        }
        DicomObject keyItem = keyItems.get(0);
        Sequence out = response.newSequence(tag);
        for (DicomObject item : candidate.items(tag)) {
            if (!Matching.matchesAll(keyItem, item, t -> true)) {
                continue;
            }
            DicomObject returned = out.addItem();
            for (int j = 0; j < keyItem.size(); j++) {
                int t = keyItem.tagAt(j);
                if (item.contains(t)) {
                    Level.copy(item, returned, t);
                } else if (keyItem.valueAt(j) instanceof Sequence) {
                    returned.newSequence(t);
                } else {
                    returned.put(t, keyItem.vrAt(j), new byte[0]);
                }
            }
        }
    }

    private static void close(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            connection.close();
        } catch (SQLException e) {
            // the pool discards a connection it cannot reset
        }
    }
}
