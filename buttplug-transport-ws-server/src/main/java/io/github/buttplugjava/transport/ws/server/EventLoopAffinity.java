package io.github.buttplugjava.transport.ws.server;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.internal.ThreadExecutorMap;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * An executor that keeps a connection's work on the I/O thread it came from: a task submitted
 * from one of a {@link WebSocketServer}'s I/O threads is queued on that thread's event loop,
 * behind the socket events it is handling now (never run inside them); a task submitted from any
 * other thread, or once that event loop no longer takes work, goes to the fallback executor.
 *
 * <p>For serial executors of sessions and clients whose work is non-blocking and bounded (a
 * Buttplug session over a socket of this server, a hub's client of a share agent): a frame read
 * on an I/O thread is then handled there, and the task that writes the reply to another socket on
 * the same event loop writes it directly, so a relayed command needs no thread hand-off but the
 * ones between event loops. Never for work that may block: it would stall every socket of that
 * event loop.
 */
public final class EventLoopAffinity implements Executor {

    private final Executor fallback;

    private EventLoopAffinity(Executor fallback) {
        this.fallback = fallback;
    }

    /**
     * An executor preferring the calling I/O thread's event loop.
     *
     * @param fallback runs tasks submitted from threads other than a WebSocketServer's I/O threads
     * @return the executor
     * @throws NullPointerException when {@code fallback} is null
     */
    public static Executor preferring(Executor fallback) {
        return new EventLoopAffinity(Objects.requireNonNull(fallback, "fallback"));
    }

    /**
     * Queues {@code task} on the calling I/O thread's event loop, else hands it to the fallback.
     *
     * @param task the task
     * @throws RejectedExecutionException when the fallback rejects it
     */
    @Override
    public void execute(Runnable task) {
        if (Thread.currentThread() instanceof IoThread) {
            EventExecutor loop = ThreadExecutorMap.currentExecutor();
            if (loop != null && !loop.isShuttingDown()) {
                try {
                    loop.execute(task);
                    return;
                } catch (RejectedExecutionException e) {
                    // shutting down meanwhile: the fallback takes it
                }
            }
        }
        fallback.execute(task);
    }

    /** The I/O threads of a {@link WebSocketServer}: only their event loops take tasks here. */
    static final class IoThread extends FastThreadLocalThread {
        IoThread(ThreadGroup group, Runnable task, String name) {
            super(group, task, name);
        }
    }

    /** Makes {@link IoThread}s named as Netty's default factory names them, daemons. */
    static final class IoThreads extends DefaultThreadFactory {
        IoThreads(String prefix) {
            super(prefix, true);
        }

        @Override
        protected Thread newThread(Runnable task, String name) {
            return new IoThread(threadGroup, task, name);
        }
    }
}
