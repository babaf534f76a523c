package org.kerma.registry.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit ({@link IndexDatabase#inGroupTransaction}), run on each index database by a subclass: work arriving
 * while a group commits goes into the next group together, each member keeps its own outcome.
 */
abstract class GroupCommitContract {
    private IndexDatabase db;
    private ExecutorService threads;

    abstract String freshDatabaseUrl() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = IndexDatabase.open(freshDatabaseUrl());
        db.inTransaction("create the test table", c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE IF EXISTS group_test");
                s.executeUpdate("CREATE TABLE group_test (k VARCHAR(16) PRIMARY KEY)");
            }
            return null;
        });
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        db.close();
    }

    @Test
    void workArrivingWhileAGroupCommitsIsCommittedAsOneGroupWithOneBeforeCommitAction() throws Exception {
        AtomicInteger forced = new AtomicInteger();
        List<Future<String>> results = grouped(List.of("a", "b", "c", "d"), key -> (c, group) -> {
            insert(c, key);
            group.beforeCommit("directory", forced::incrementAndGet);
            return "stored " + key;
        });

        for (int i = 0; i < 4; i++) {
            assertThat(results.get(i).get()).isEqualTo("stored " + "abcd".charAt(i));
        }
        assertThat(keys()).containsExactly("a", "b", "c", "d");
        assertThat(forced.get()).as("one action for the first group (a), one for the group that waited (b, c, d)")
                .isEqualTo(2);
    }

    @Test
    void aMemberThatFailsIsRolledBackAloneAndOnlyItsCallerSeesTheFailure() throws Exception {
        List<Future<String>> results = grouped(List.of("a", "b", "c", "a"), key -> (c, group) -> {
            insert(c, key);
            if (key.equals("b")) {
                throw new IllegalStateException("b cannot be indexed");
            }
            return key;
        });

        assertThat(results.get(0).get()).isEqualTo("a");
        assertThatThrownBy(() -> results.get(1).get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("b cannot be indexed");
        assertThat(results.get(2).get()).isEqualTo("c");
        assertThatThrownBy(() -> results.get(3).get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IndexException.class).hasMessageStartingWith("cannot put a in the index ");
        assertThat(keys()).as("b's insert and the second a are undone; c, in the same group, is kept")
                .containsExactly("a", "c");
    }

    @Test
    void beforeCommitActionsOfDifferentKeysRunConcurrently() {
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        Runnable meetTheOther = () -> {
            try {
                bothRunning.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other action did not run meanwhile", e);
            }
        };
        String result = db.inGroupTransaction("put a", (c, group) -> {
            insert(c, "a");
            group.beforeCommit("root", meetTheOther);
            group.beforeCommit("study", meetTheOther);
            return "stored";
        });

        assertThat(result).isEqualTo("stored");
        assertThat(keys()).containsExactly("a");
    }

    @Test
    void aFailingBeforeCommitActionFailsTheWholeGroupAndCommitsNothing() throws Exception {
        List<Future<String>> results = grouped(List.of("a", "b", "c"), key -> (c, group) -> {
            insert(c, key);
            if (!key.equals("a")) {
                group.beforeCommit("directory", () -> {
                    throw new UncheckedIOException(new java.io.IOException("No space left on device"));
                });
            }
            return key;
        });

        assertThat(results.get(0).get()).isEqualTo("a");
        for (Future<String> f : results.subList(1, 3)) {
            assertThatThrownBy(f::get).cause().isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("No space left on device");
        }
        assertThat(keys()).containsExactly("a");
    }

    /** Work for one key. */
    private interface WorkFor {
        IndexDatabase.GroupWork<String> of(String key);
    }

    /**
     * Submits the work of the first key, and while it is running (its transaction open) the others, each from its
     * own thread; lets the first finish only once all the others wait for the commit lock, so they form one group.
     */
    private List<Future<String>> grouped(List<String> keys, WorkFor work) throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        results.add(threads.submit(() -> db.inGroupTransaction("put " + keys.get(0), (c, group) -> {
            running.countDown();
            await(release);
            return work.of(keys.get(0)).run(c, group);
        })));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        List<Thread> waiting = new ArrayList<>();
        for (String key : keys.subList(1, keys.size())) {
            CountDownLatch started = new CountDownLatch(1);
            results.add(threads.submit(() -> {
                synchronized (waiting) {
                    waiting.add(Thread.currentThread());
                }
                started.countDown();
                return db.inGroupTransaction("put " + key, work.of(key));
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!allParked(waiting)) {
            assertThat(System.nanoTime()).as("the other members wait for the commit lock").isLessThan(deadline);
            Thread.sleep(5);
        }
        release.countDown();
        return results;
    }

    private static boolean allParked(List<Thread> threads) {
        synchronized (threads) {
            return threads.stream().allMatch(t -> t.getState() == Thread.State.WAITING);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void insert(java.sql.Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_test (k) VALUES (?)")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    private List<String> keys() {
        return db.read("read the test table", c -> {
            List<String> keys = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT k FROM group_test ORDER BY k")) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }
}
