package org.kerma.net.ul;

import static org.kerma.net.ul.Action.*;
import static org.kerma.net.ul.Event.*;
import static org.kerma.net.ul.State.*;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state transition table of the DICOM upper layer (PS3.8 section 9.2.3, Table 9-10) as data: for each event
 * the action in each state where the table has an entry. An event in a state with no entry is not possible there
 * (a local primitive issued in the wrong state: a programming error of the caller).
 */
public final class TransitionTable {

    private static final Map<Event, Map<State, Action>> TABLE = new EnumMap<>(Event.class);

    static {
        row(Evt1, Sta1, AE_1);
        row(Evt2, Sta4, AE_2);
        row(Evt3, Sta2, AA_1, Sta3, AA_8, Sta5, AE_3, Sta6, AA_8, Sta7, AA_8, Sta8, AA_8, Sta9, AA_8, Sta10, AA_8,
                Sta11, AA_8, Sta12, AA_8, Sta13, AA_6);
        row(Evt4, Sta2, AA_1, Sta3, AA_8, Sta5, AE_4, Sta6, AA_8, Sta7, AA_8, Sta8, AA_8, Sta9, AA_8, Sta10, AA_8,
                Sta11, AA_8, Sta12, AA_8, Sta13, AA_6);
        row(Evt5, Sta1, AE_5);
        row(Evt6, Sta2, AE_6, Sta3, AA_8, Sta5, AA_8, Sta6, AA_8, Sta7, AA_8, Sta8, AA_8, Sta9, AA_8, Sta10, AA_8,
                Sta11, AA_8, Sta12, AA_8, Sta13, AA_7);
        row(Evt7, Sta3, AE_7);
        row(Evt8, Sta3, AE_8);
        row(Evt9, Sta6, DT_1, Sta8, AR_7);
        row(Evt10, Sta2, AA_1, Sta3, AA_8, Sta5, AA_8, Sta6, DT_2, Sta7, AR_6, Sta8, AA_8, Sta9, AA_8, Sta10, AA_8,
                Sta11, AA_8, Sta12, AA_8, Sta13, AA_6);
        row(Evt11, Sta6, AR_1);
        row(Evt12, Sta2, AA_1, Sta3, AA_8, Sta5, AA_8, Sta6, AR_2, Sta7, AR_8, Sta8, AA_8, Sta9, AA_8, Sta10, AA_8,
                Sta11, AA_8, Sta12, AA_8, Sta13, AA_6);
        row(Evt13, Sta2, AA_1, Sta3, AA_8, Sta5, AA_8, Sta6, AA_8, Sta7, AR_3, Sta8, AA_8, Sta9, AA_8, Sta10, AR_10,
                Sta11, AR_3, Sta12, AA_8, Sta13, AA_6);
        row(Evt14, Sta8, AR_4, Sta9, AR_9, Sta12, AR_4);
        row(Evt15, Sta3, AA_1, Sta4, AA_2, Sta5, AA_1, Sta6, AA_1, Sta7, AA_1, Sta8, AA_1, Sta9, AA_1, Sta10, AA_1,
                Sta11, AA_1, Sta12, AA_1);
        row(Evt16, Sta2, AA_2, Sta3, AA_3, Sta5, AA_3, Sta6, AA_3, Sta7, AA_3, Sta8, AA_3, Sta9, AA_3, Sta10, AA_3,
                Sta11, AA_3, Sta12, AA_3, Sta13, AA_2);
        row(Evt17, Sta2, AA_5, Sta3, AA_4, Sta4, AA_4, Sta5, AA_4, Sta6, AA_4, Sta7, AA_4, Sta8, AA_4, Sta9, AA_4,
                Sta10, AA_4, Sta11, AA_4, Sta12, AA_4, Sta13, AR_5);
        row(Evt18, Sta2, AA_2, Sta13, AR_5);
        row(Evt19, Sta2, AA_1, Sta3, AA_8, Sta5, AA_8, Sta6, AA_8, Sta7, AA_8, Sta8, AA_8, Sta9, AA_8, Sta10, AA_8,
                Sta11, AA_8, Sta12, AA_8, Sta13, AA_7);
    }

    private TransitionTable() {
    }

    private static void row(Event event, Object... stateActions) {
        Map<State, Action> row = new EnumMap<>(State.class);
        for (int i = 0; i < stateActions.length; i += 2) {
            row.put((State) stateActions[i], (Action) stateActions[i + 1]);
        }
        TABLE.put(event, row);
    }

    /** The action for {@code event} in {@code state}, or empty when the table has no entry. */
    public static Optional<Action> action(Event event, State state) {
        return Optional.ofNullable(TABLE.get(event).get(state));
    }
}
