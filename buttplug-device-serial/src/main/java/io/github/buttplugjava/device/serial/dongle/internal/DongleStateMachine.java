package io.github.buttplugjava.device.serial.dongle.internal;

import io.github.buttplugjava.core.PeerText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Lovense dongle's conversation, as the reference runs it (facts from
 * {@code lovense_dongle_state_machine.rs}): on start, ask whether a toy is connected already
 * ({@code statuss}, answered within {@link #STATUS_WAIT} or not at all); scanning sends
 * {@code search}, and restarts it when the dongle stops on its own; a toy found ({@code toyData}
 * with an id) stops the search ({@code stopSearch}) and becomes the toy once the dongle reports
 * the search stopped (or after {@link #CONNECT_WAIT}); a {@code status} 202 is a toy connected,
 * 403 the toy gone. The dongle holds one toy at a time: while it has one, a scan ends at once.
 *
 * <p>Every event runs on one serial executor, so the machine needs no locks. What it decides goes
 * to its {@link Toys} and to the dongle through {@code send}.
 */
public final class DongleStateMachine {

    private static final Logger log = LoggerFactory.getLogger(DongleStateMachine.class);

    /** How long the dongle may take to report a toy connected before we went on. */
    public static final Duration STATUS_WAIT = Duration.ofMillis(250);
    /** How long, after a toy was found, the dongle may take to report its search stopped. */
    public static final Duration CONNECT_WAIT = Duration.ofSeconds(1);

    /** What the machine reports to the source. Called on the machine's executor, one at a time. */
    public interface Toys {

        /**
         * The dongle is connected to a toy.
         *
         * @param id the toy's id
         */
        void connected(String id);

        /**
         * The toy sent something.
         *
         * @param id the toy's id
         * @param text what it sent, e.g. {@code 85;}
         */
        void reply(String id, String text);

        /**
         * The toy is gone (it disconnected, or the dongle did).
         *
         * @param id the toy's id
         */
        void gone(String id);

        /** Scanning stopped on its own (a toy was found, or the dongle went away). */
        void scanningEnded();
    }

    private enum State { CHECKING, IDLE, SCANNING, CONNECTING, TOY, GONE }

    private final Consumer<String> send;
    private final Toys toys;
    private final Executor serial;
    private final ScheduledExecutorService scheduler;
    private State state = State.GONE;
    private boolean scanWanted;
    private String toyId;
    private long timerGeneration;

    /**
     * A machine for one opened dongle.
     *
     * @param send sends a line to the dongle (failures are the sender's to log)
     * @param toys hears what the machine decides
     * @param serial runs every event, one at a time
     * @param scheduler runs the waits
     */
    public DongleStateMachine(Consumer<String> send, Toys toys, Executor serial, ScheduledExecutorService scheduler) {
        this.send = Objects.requireNonNull(send, "send");
        this.toys = Objects.requireNonNull(toys, "toys");
        this.serial = Objects.requireNonNull(serial, "serial");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * The dongle is open: asks it whether a toy is connected already.
     *
     * @param scan whether to start scanning once that is known
     */
    public void start(boolean scan) {
        serial.execute(() -> {
            scanWanted = scan;
            state = State.CHECKING;
            send.accept(DongleMessages.status());
            arm(STATUS_WAIT);
        });
    }

    /** Starts searching for a toy (ends at once when the dongle has one). */
    public void startScanning() {
        serial.execute(() -> {
            switch (state) {
                case CHECKING -> scanWanted = true;
                case IDLE -> search();
                case TOY, GONE -> toys.scanningEnded();
                default -> { }
            }
        });
    }

    /** Stops searching. */
    public void stopScanning() {
        serial.execute(() -> {
            if (state == State.CHECKING) {
                scanWanted = false;
            } else if (state == State.SCANNING) {
                send.accept(DongleMessages.stopSearch());
                state = State.IDLE;
            }
        });
    }

    /**
     * A message from the dongle.
     *
     * @param m the message
     */
    public void received(DongleMessage m) {
        serial.execute(() -> handle(m));
    }

    /** The dongle is gone (unplugged, its port closed): the toy is gone too. */
    public void lost() {
        serial.execute(() -> {
            State was = state;
            state = State.GONE;
            timerGeneration++;
            if (was == State.TOY) {
                toys.gone(toyId);
            } else if (was == State.SCANNING || was == State.CONNECTING || (was == State.CHECKING && scanWanted)) {
                toys.scanningEnded();
            }
        });
    }

    private void handle(DongleMessage m) {
        switch (state) {
            case CHECKING, IDLE -> {
                if (m.is("status") && m.statusIs(DongleCodes.CONNECT_SUCCESS) && m.dataId().isPresent()) {
                    toy(m.dataId().get());
                } else {
                    ignored(m);
                }
            }
            case SCANNING -> scanning(m);
            case CONNECTING -> {
                if (m.is("search") && m.resultIs(DongleCodes.SEARCH_STOPPED)) {
                    toys.scanningEnded();
                    toy(toyId);
                } else {
                    ignored(m);
                }
            }
            case TOY -> withToy(m);
            case GONE -> { }
        }
    }

    private void scanning(DongleMessage m) {
        if (m.is("status") && m.statusIs(DongleCodes.CONNECT_SUCCESS) && m.dataId().isPresent()) {
            toys.scanningEnded();
            toy(m.dataId().get());
        } else if (m.is("search") && m.resultIs(DongleCodes.SEARCH_STOPPED)) {
            log.debug("the Lovense dongle stopped searching on its own; searching again");
            search();
        } else if (m.is("toyData") && m.dataId().isPresent()) {
            send.accept(DongleMessages.stopSearch());
            state = State.CONNECTING;
            toyId = m.dataId().get();
            arm(CONNECT_WAIT);
        } else if (m.is("toyData") && m.result().isPresent()) {
            state = State.IDLE;
            toys.scanningEnded();
        } else {
            ignored(m);
        }
    }

    private void withToy(DongleMessage m) {
        boolean ours = m.dataId().map(toyId::equals).orElse(true);
        if (m.is("status") && m.statusIs(DongleCodes.DEVICE_DISCONNECTED) && ours) {
            state = State.IDLE;
            toys.gone(toyId);
        } else if (m.is("toyData") && m.dataText().isPresent() && ours) {
            toys.reply(toyId, m.dataText().get());
        } else {
            ignored(m);
        }
    }

    private void search() {
        state = State.SCANNING;
        send.accept(DongleMessages.search());
    }

    private void toy(String id) {
        timerGeneration++;
        state = State.TOY;
        toyId = id;
        toys.connected(id);
    }

    private void arm(Duration wait) {
        long generation = ++timerGeneration;
        scheduler.schedule(() -> serial.execute(() -> timedOut(generation)), wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void timedOut(long generation) {
        if (generation != timerGeneration) {
            return;
        }
        if (state == State.CHECKING) {
            if (scanWanted) {
                search();
            } else {
                state = State.IDLE;
            }
        } else if (state == State.CONNECTING) {
            log.debug("the Lovense dongle did not report its search stopped; going on with the toy");
            toys.scanningEnded();
            toy(toyId);
        }
    }

    private void ignored(DongleMessage m) {
        log.debug("Lovense dongle message ignored in state {}: {} {}", state, PeerText.forLog(m.type(), 32),
                PeerText.forLog(m.func(), 32));
    }
}
