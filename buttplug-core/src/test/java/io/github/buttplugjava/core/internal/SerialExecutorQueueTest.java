package io.github.buttplugjava.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The waiting tasks of a {@link SerialExecutor} (a head slot, then a deque made for a second waiting
 * task and let go when it drains): order kept through every mix of execute, executeFirst and
 * offer, and the drain handed over once.
 */
class SerialExecutorQueueTest {

    /** Runs nothing until the test says so. */
    private static final class Manual implements Executor {
        private final Queue<Runnable> drains = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            drains.add(task);
        }

        void runAll() {
            Runnable next;
            while ((next = drains.poll()) != null) {
                next.run();
            }
        }
    }

    private final Manual backing = new Manual();
    private final SerialExecutor serial = new SerialExecutor(backing);
    private final List<String> ran = new ArrayList<>();

    private Runnable task(String name) {
        return () -> ran.add(name);
    }

    @Test
    void tasksRunInSubmissionOrderThroughOneDrain() {
        for (int i = 0; i < 5; i++) {
            serial.execute(task("t" + i));
        }
        assertThat(backing.drains).hasSize(1);
        assertThat(serial.hasQueued()).isTrue();

        backing.runAll();

        assertThat(ran).containsExactly("t0", "t1", "t2", "t3", "t4");
        assertThat(serial.hasQueued()).isFalse();
    }

    @Test
    void executeFirstGoesAheadOfEveryWaitingTaskWhetherOneOrManyWait() {
        serial.execute(task("a"));
        serial.executeFirst(task("first1"));
        serial.execute(task("b"));
        serial.executeFirst(task("first2"));
        backing.runAll();
        assertThat(ran).containsExactly("first2", "first1", "a", "b");

        ran.clear();
        serial.executeFirst(task("alone"));
        serial.execute(task("after"));
        backing.runAll();
        assertThat(ran).containsExactly("alone", "after");
    }

    @Test
    void tasksAddedWhileTheQueueDrainsRunAfterItInOrder() {
        serial.execute(() -> {
            ran.add("t0");
            serial.execute(task("t2"));
            serial.execute(task("t3"));
        });
        serial.execute(task("t1"));
        backing.runAll();
        assertThat(ran).containsExactly("t0", "t1", "t2", "t3");

        ran.clear(); // the deque was let go when it drained: a new burst still keeps its order
        serial.execute(task("u0"));
        serial.execute(task("u1"));
        serial.execute(task("u2"));
        backing.runAll();
        assertThat(ran).containsExactly("u0", "u1", "u2");
    }

    @Test
    void offerQueuesWithoutStartingAndOnlyTheFirstOfferMustDrain() {
        assertThat(serial.offer(task("o1"))).isTrue();
        assertThat(serial.offer(task("o2"))).isFalse();
        serial.execute(task("e3")); // a drain is due: this one waits for it too
        assertThat(backing.drains).isEmpty();
        assertThat(ran).isEmpty();

        serial.drainOffered();
        backing.runAll();

        assertThat(ran).containsExactly("o1", "o2", "e3");
        assertThat(serial.offer(task("o4"))).isTrue(); // idle again
        serial.drainOffered();
        backing.runAll();
        assertThat(ran).containsExactly("o1", "o2", "e3", "o4");
    }

    @Test
    void aDroppingExecutorWhoseBackingRejectsDropsEveryWaitingTaskAndTakesNewOnes() {
        boolean[] reject = {true};
        Manual later = new Manual();
        SerialExecutor dropping = SerialExecutor.droppingWhenRejected(task -> {
            if (reject[0]) {
                throw new RejectedExecutionException("shut down");
            }
            later.execute(task);
        });
        assertThat(dropping.offer(task("x"))).isTrue();
        dropping.offer(task("y"));
        dropping.drainOffered();
        assertThat(dropping.hasQueued()).isFalse();

        reject[0] = false;
        dropping.execute(task("z"));
        later.runAll();
        assertThat(ran).containsExactly("z");
    }
}
