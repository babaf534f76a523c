package org.kerma.net.ul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionTableTest {

    @Test
    void holdsTheStandardsActionsForSampledCells() {
        assertThat(TransitionTable.action(Event.Evt6, State.Sta2)).contains(Action.AE_6);
        assertThat(TransitionTable.action(Event.Evt10, State.Sta6)).contains(Action.DT_2);
        assertThat(TransitionTable.action(Event.Evt10, State.Sta7)).contains(Action.AR_6);
        assertThat(TransitionTable.action(Event.Evt12, State.Sta7)).contains(Action.AR_8);
        assertThat(TransitionTable.action(Event.Evt13, State.Sta10)).contains(Action.AR_10);
        assertThat(TransitionTable.action(Event.Evt3, State.Sta13)).contains(Action.AA_6);
        assertThat(TransitionTable.action(Event.Evt6, State.Sta13)).contains(Action.AA_7);
        assertThat(TransitionTable.action(Event.Evt17, State.Sta13)).contains(Action.AR_5);
        assertThat(TransitionTable.action(Event.Evt18, State.Sta2)).contains(Action.AA_2);
        assertThat(TransitionTable.action(Event.Evt15, State.Sta4)).contains(Action.AA_2);
        assertThat(TransitionTable.action(Event.Evt9, State.Sta1)).isEmpty();
    }

    @Test
    void answersEveryPduEventInEveryStateWhereAnAssociationExists() {
        List<String> missing = new ArrayList<>();
        for (Event e : List.of(Event.Evt3, Event.Evt4, Event.Evt6, Event.Evt10, Event.Evt12, Event.Evt13,
                Event.Evt16, Event.Evt17, Event.Evt19)) {
            for (State s : State.values()) {
                if (s != State.Sta1 && s != State.Sta4 && TransitionTable.action(e, s).isEmpty()) {
                    missing.add(e + "/" + s);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void resolvesAReleaseCollisionByRole() {
        StateMachine requestor = establish(true);
        StateMachine acceptor = establish(false);
        requestor.fire(Event.Evt11, a -> { });
        acceptor.fire(Event.Evt11, a -> { });

        requestor.fire(Event.Evt12, a -> { });
        acceptor.fire(Event.Evt12, a -> { });

        assertThat(requestor.state()).isEqualTo(State.Sta9);
        assertThat(acceptor.state()).isEqualTo(State.Sta10);
    }

    @Test
    void goesToSta13WhenAe6Rejects() {
        StateMachine fsm = new StateMachine("test", false);
        fsm.fire(Event.Evt5, a -> { });

        fsm.fire(Event.Evt6, a -> fsm.rejectedByProvider());

        assertThat(fsm.state()).isEqualTo(State.Sta13);
    }

    @Test
    void refusesAPrimitiveThatIsNotPossibleInTheState() {
        StateMachine fsm = new StateMachine("test", true);

        assertThatThrownBy(() -> fsm.fire(Event.Evt9, a -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Evt9 (P-DATA request primitive) is not possible in Sta1 (Idle)");
    }

    private static StateMachine establish(boolean requestor) {
        StateMachine fsm = new StateMachine("test", requestor);
        if (requestor) {
            fsm.fire(Event.Evt1, a -> { });
            fsm.fire(Event.Evt2, a -> { });
            fsm.fire(Event.Evt3, a -> { });
        } else {
            fsm.fire(Event.Evt5, a -> { });
            fsm.fire(Event.Evt6, a -> { });
            fsm.fire(Event.Evt7, a -> { });
        }
        assertThat(fsm.state()).isEqualTo(State.Sta6);
        return fsm;
    }
}
