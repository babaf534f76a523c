package org.kerma.net.ul;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol machine of one association: the current {@link State} and the transitions of
 * {@link TransitionTable}. {@link #fire} looks up the action, lets the caller perform it, and moves to the next
 * state. Thread-safe: transitions are serialised on this object, so the reading thread and user threads (sending
 * P-DATA, releasing, aborting) see one order of events.
 */
public final class StateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(StateMachine.class);

    private final String name;
    private final boolean requestor;
    private State state = State.Sta1;

    /**
     * @param name      the association's name for logs
     * @param requestor true on the association-requestor side (decides AR-8's next state)
     */
    public StateMachine(String name, boolean requestor) {
        this.name = name;
        this.requestor = requestor;
    }

    public synchronized State state() {
        return state;
    }

    /**
     * Applies {@code event}: performs its action (through {@code perform}) and moves to the action's next state.
     * AE-6 ends in Sta13 when {@code perform} calls {@link #rejectedByProvider()}.
     *
     * @return the action taken
     * @throws IllegalStateException when the event is not possible in the current state
     */
    public synchronized Action fire(Event event, Consumer<Action> perform) {
        Action action = TransitionTable.action(event, state).orElseThrow(() -> new IllegalStateException(
                name + ": " + event + " (" + event.description() + ") is not possible in " + state + " ("
                        + state.description() + ")"));
        State next = action == Action.AR_8 ? (requestor ? State.Sta9 : State.Sta10) : action.next();
        providerRejected = false;
        perform.accept(action);
        if (action == Action.AE_6 && providerRejected) {
            next = State.Sta13;
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{}: {} in {} -> {} -> {}", name, event, state, action.standardName(), next);
        }
        state = next;
        return action;
    }

    private boolean providerRejected;

    /** Called from within AE-6 when the request was rejected (A-ASSOCIATE-RJ sent): the next state is Sta13. */
    public void rejectedByProvider() {
        providerRejected = true;
    }

    /** True when {@code event} has an entry in the current state. */
    public synchronized boolean possible(Event event) {
        return TransitionTable.action(event, state).isPresent();
    }
}
