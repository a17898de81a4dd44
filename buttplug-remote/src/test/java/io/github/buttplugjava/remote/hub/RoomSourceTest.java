package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.device.Device;
import io.github.buttplugjava.core.device.InputListener;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.testsupport.devices.EventRecorder;
import io.github.buttplugjava.testsupport.devices.ListSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RoomSourceTest {

    /** A device an agent describes however it likes. */
    record Described(String name, long gap, List<DeviceFeature> features) implements Device {
        @Override
        public String identifier() {
            return name;
        }

        @Override
        public long timingGapMs() {
            return gap;
        }

        @Override
        public CompletableFuture<Void> output(int featureIndex, OutputCommand command) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Integer> read(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(0);
        }

        @Override
        public CompletableFuture<Void> subscribe(int featureIndex, InputType type, InputListener listener) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> unsubscribe(int featureIndex, InputType type) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> stop() {
            return CompletableFuture.completedFuture(null);
        }
    }

    static Described toy(String name, int features) {
        return new Described(name, 0, IntStream.range(0, features).mapToObj(i -> new DeviceFeature(i, "Motor " + i,
                Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of())).toList());
    }

    private final AtomicLong now = new AtomicLong();
    private final RoomSource room = new RoomSource("test", new AgentCaps(4, 3, 60, 5), now::get);
    private final EventRecorder events = new EventRecorder();
    private final ListSource agent = new ListSource();
    private final List<String> aborted = new ArrayList<>();

    private void join(String linkId) {
        room.start(events);
        assertThat(room.reserve(linkId, "Alice")).isTrue();
        room.attach(linkId, agent, aborted::add);
    }

    @Test
    void moreDevicesThanTheCapAbortTheAgentLinkAndItsDevicesLeave() throws Exception {
        join("a1");
        for (int i = 0; i < 4; i++) {
            agent.add(toy("toy " + i, 1));
        }
        assertThat(room.deviceCount("a1")).contains(4);
        agent.add(toy("one too many", 1));
        assertThat(aborted).singleElement().asString().contains("more than 4 devices");
        for (int i = 0; i < 4; i++) {
            assertThat(events.next().kind()).isEqualTo("added");
        }
        for (int i = 0; i < 4; i++) {
            assertThat(events.next().kind()).isEqualTo("removed");
        }
        assertThat(events.events).isEmpty();
        assertThat(agent.isClosed()).isTrue();
        assertThat(room.deviceCount("a1")).isEmpty();
        assertThat(room.aliases()).isEmpty();
        agent.add(toy("after the abort", 1)); // late events of an aborted agent cost nothing
        assertThat(events.events).isEmpty();
    }

    @Test
    void aDeviceWithTooManyFeaturesAbortsTheAgentLink() {
        join("a1");
        agent.add(toy("many", 4));
        assertThat(aborted).singleElement().asString().contains("4 features").contains("most is 3");
        assertThat(events.events).isEmpty();
    }

    @Test
    void churnAfterTheFirstListIsRateLimited() throws Exception {
        join("a1");
        agent.add(toy("first", 1));
        room.firstListDone("a1");
        // add and remove: 5 (the burst) pass at once, the sixth within the same instant does not
        for (int i = 0; i < 5; i++) {
            Described d = toy("churn " + i, 1);
            agent.add(d);
            agent.remove(d);
        }
        assertThat(aborted).isEmpty();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1)); // one more token a second at 60/min
        Described d = toy("refilled", 1);
        agent.add(d);
        agent.remove(d);
        assertThat(aborted).isEmpty();
        agent.add(toy("too fast", 1));
        assertThat(aborted).singleElement().asString().contains("faster than 60 per minute");
    }

    @Test
    void nothingIsKeptOfDevicesThatLeft() {
        join("a1");
        room.firstListDone("a1");
        for (int i = 0; i < 1_000; i++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            Described d = toy("toy " + i, 1);
            agent.add(d);
            agent.remove(d);
        }
        assertThat(aborted).isEmpty();
        assertThat(room.deviceCount("a1")).contains(0);
    }

    @Test
    void aliasesThatLookAlikeAreRefusedUntilTheFirstLeaves() {
        room.start(events);
        assertThat(room.reserve("a1", "Eve")).isTrue();
        assertThat(room.reserve("a2", "\u0415v\u0435")).isFalse();
        assertThat(room.reserve("a3", "E\u200Bve")).isFalse();
        assertThat(room.reserve("a4", "EVE")).isFalse();
        assertThat(room.reserve("a5", "Eve")).isFalse();
        assertThat(room.reserve("a6", "Frank")).isTrue();
        assertThat(room.reserve("a7", "Frank")).isFalse();
        room.detach("a1");
        assertThat(room.reserve("a8", "eve")).isTrue();
        assertThat(room.aliases()).containsExactlyInAnyOrder("Frank", "eve");
    }

    @Test
    void onlyTheSameAliasWithTheSameResumeKeyDigestTakesALinkedAgentsPlaceAndItsDevicesLeaveFirst() throws Exception {
        byte[] key = io.github.buttplugjava.remote.link.ResumeKey.generate().digest();
        byte[] other = io.github.buttplugjava.remote.link.ResumeKey.generate().digest();
        room.start(events);
        assertThat(room.reserve("a1", "Alice", key, aborted::add).reserved()).isTrue();
        room.attach("a1", agent, aborted::add);
        agent.add(toy("toy", 1));
        assertThat(events.next().kind()).isEqualTo("added");

        assertThat(room.reserve("a3", "Alice", null, r -> { }).reserved()).as("no key").isFalse();
        assertThat(room.reserve("a4", "Alice", other, r -> { }).reserved()).as("another key").isFalse();
        assertThat(room.reserve("a5", "ALICE", key, r -> { }).reserved()).as("a look-alike alias with the key").isFalse();
        assertThat(room.reserve("a6", "Alice")).as("no key at all").isFalse();
        assertThat(events.events).isEmpty();
        assertThat(aborted).isEmpty();

        RoomSource.Reservation r = room.reserve("a7", "Alice", key.clone(), s -> { });
        assertThat(r.reserved()).isTrue();
        assertThat(events.next().kind()).as("the stale link's device left before its place was taken").isEqualTo("removed");
        assertThat(room.deviceCount("a1")).isEmpty();
        assertThat(aborted).as("closed by the caller, outside the lock").isEmpty();
        r.replaced().orElseThrow().close("replaced");
        assertThat(aborted).containsExactly("replaced");
        assertThat(agent.isClosed()).isTrue();
        assertThat(room.aliases()).containsExactly("Alice");
        room.detach("a1"); // the stale link's own end, later: nothing more leaves
        assertThat(room.aliases()).containsExactly("Alice");
        assertThat(events.events).isEmpty();
    }

    @Test
    void aStaleLinkStillJoiningIsReplacedAndItsLateAttachJustClosesItsSource() {
        byte[] key = io.github.buttplugjava.remote.link.ResumeKey.generate().digest();
        room.start(events);
        assertThat(room.reserve("b1", "Bob", key, aborted::add).reserved()).isTrue();
        RoomSource.Reservation r = room.reserve("b2", "Bob", key, s -> { });
        assertThat(r.reserved()).isTrue();
        r.replaced().orElseThrow().close("replaced");
        assertThat(aborted).containsExactly("replaced");
        room.attach("b1", agent, aborted::add); // its welcome went out before the abort
        assertThat(agent.isClosed()).isTrue();
        assertThat(room.aliases()).containsExactly("Bob");
        assertThat(room.reserve("b3", "Bob", null, null).reserved()).as("and without the key, still refused").isFalse();
    }

    @Test
    void theRoomShowsCleanNamesAndDescriptionsAndAClampedGap() throws Exception {
        join("a1");
        String ansi = "\u001b[31m";
        Described hostile = new Described("Evil" + ansi + "\nName" + "x".repeat(100_000), 4_294_967_295L,
                List.of(new DeviceFeature(0, ansi + "Motor\nINFO forged line" + "y".repeat(100_000),
                        Map.of(OutputType.VIBRATE, OutputLimits.of(Range.upTo(20))), Map.of())));
        agent.add(hostile);
        Device shown = events.next().device();
        assertThat(shown.name()).startsWith("Alice - Evil").doesNotContain("\u001b", "\n").hasSizeLessThan(80);
        String description = shown.features().get(0).description();
        assertThat(description).doesNotContain("\u001b", "\n").hasSizeLessThanOrEqualTo(64).contains("Motor INFO");
        assertThat(shown.timingGapMs()).isEqualTo(1_000);
        assertThat(shown.features().get(0).outputs()).isEqualTo(hostile.features().get(0).outputs());
    }
}
