package io.github.buttplugjava.device.serial.dongle.internal;

import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dongle's conversation under virtual time: what it sends, what it reports, when. */
class DongleStateMachineTest {

    private static final String STATUS = DongleMessages.status();
    private static final String SEARCH = DongleMessages.search();
    private static final String STOP = DongleMessages.stopSearch();

    private final VirtualTime time = new VirtualTime();
    private final List<String> sent = new ArrayList<>();
    private final List<String> reported = new ArrayList<>();
    private final DongleStateMachine machine = new DongleStateMachine(sent::add, new DongleStateMachine.Toys() {
        @Override
        public void connected(String id) {
            reported.add("connected " + id);
        }

        @Override
        public void reply(String id, String text) {
            reported.add("reply " + id + " " + text);
        }

        @Override
        public void gone(String id) {
            reported.add("gone " + id);
        }

        @Override
        public void scanningEnded() {
            reported.add("scanning ended");
        }
    }, Runnable::run, time.scheduler());

    private void dongle(String json) {
        DongleMessages.read(json).forEach(machine::received);
    }

    @Test
    void waitsTheStatusAnswerThenSearches() {
        machine.start(true);
        assertThat(sent).containsExactly(STATUS);

        time.advance(DongleStateMachine.STATUS_WAIT.minusMillis(1));
        assertThat(sent).containsExactly(STATUS);
        time.advanceMillis(1);
        assertThat(sent).containsExactly(STATUS, SEARCH);
    }

    @Test
    void withoutAScanItIdlesAfterTheStatusWait() {
        machine.start(false);
        time.advance(DongleStateMachine.STATUS_WAIT);
        assertThat(sent).containsExactly(STATUS);

        machine.startScanning();
        assertThat(sent).containsExactly(STATUS, SEARCH);
    }

    @Test
    void aFoundToyStopsTheSearchAndIsConnectedWhenTheSearchHasStopped() {
        machine.start(true);
        time.advance(DongleStateMachine.STATUS_WAIT);
        dongle("{\"type\":\"usb\",\"func\":\"search\",\"result\":205}");
        dongle("{\"type\":\"toy\",\"func\":\"toyData\",\"data\":{\"id\":\"T1\"}}");
        assertThat(sent).containsExactly(STATUS, SEARCH, STOP);
        assertThat(reported).isEmpty();

        dongle("{\"type\":\"usb\",\"func\":\"stopSearch\",\"result\":200}");
        dongle("{\"type\":\"usb\",\"func\":\"search\",\"result\":206}");
        assertThat(reported).containsExactly("scanning ended", "connected T1");

        dongle("{\"type\":\"toy\",\"func\":\"toyData\",\"data\":{\"id\":\"T1\",\"data\":\"85;\"}}");
        dongle("{\"type\":\"toy\",\"func\":\"toyData\",\"data\":{\"id\":\"other\",\"data\":\"1;\"}}");
        dongle("{\"type\":\"toy\",\"func\":\"status\",\"data\":{\"id\":\"T1\",\"status\":403}}");
        assertThat(reported).containsExactly("scanning ended", "connected T1", "reply T1 85;", "gone T1");
    }

    @Test
    void aDongleThatNeverReportsTheSearchStoppedStillConnectsTheToyAfterTheWait() {
        machine.start(true);
        time.advance(DongleStateMachine.STATUS_WAIT);
        dongle("{\"type\":\"toy\",\"func\":\"toyData\",\"data\":{\"id\":\"T1\"}}");

        time.advance(DongleStateMachine.CONNECT_WAIT.minusMillis(1));
        assertThat(reported).isEmpty();
        time.advanceMillis(1);
        assertThat(reported).containsExactly("scanning ended", "connected T1");
    }

    @Test
    void aSearchTheDongleEndsOnItsOwnIsStartedAgain() {
        machine.start(true);
        time.advance(DongleStateMachine.STATUS_WAIT);
        dongle("{\"type\":\"usb\",\"func\":\"search\",\"result\":206}");
        assertThat(sent).containsExactly(STATUS, SEARCH, SEARCH);

        machine.stopScanning();
        assertThat(sent).containsExactly(STATUS, SEARCH, SEARCH, STOP);
        assertThat(reported).isEmpty();
    }

    @Test
    void aToyConnectedAlreadyIsTakenAtOnceAndEndsLaterScans() {
        machine.start(true);
        dongle("{\"type\":\"toy\",\"func\":\"status\",\"data\":{\"id\":\"T9\",\"status\":202}}");
        time.advance(Duration.ofSeconds(5));

        assertThat(sent).containsExactly(STATUS);
        assertThat(reported).containsExactly("connected T9");
        machine.startScanning();
        assertThat(reported).containsExactly("connected T9", "scanning ended");
    }

    @Test
    void theDongleGoingAwayTakesTheToyWithIt() {
        machine.start(false);
        dongle("{\"type\":\"toy\",\"func\":\"status\",\"data\":{\"id\":\"T9\",\"status\":202}}");

        machine.lost();
        dongle("{\"type\":\"toy\",\"func\":\"toyData\",\"data\":{\"id\":\"T9\",\"data\":\"OK;\"}}");
        machine.startScanning();

        assertThat(reported).containsExactly("connected T9", "gone T9", "scanning ended");
        assertThat(sent).containsExactly(STATUS);
    }

    @Test
    void aScanEndedByTheDongleWithoutAToyIsReported() {
        machine.start(true);
        time.advance(DongleStateMachine.STATUS_WAIT);
        dongle("{\"type\":\"toy\",\"func\":\"toyData\",\"result\":404}");

        assertThat(reported).containsExactly("scanning ended");
        machine.startScanning();
        assertThat(sent).containsExactly(STATUS, SEARCH, SEARCH);
    }
}
