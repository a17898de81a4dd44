package io.github.buttplugjava.examples.hardening;

import io.github.buttplugjava.core.sim.SimulatedDevices;
import io.github.buttplugjava.remote.agent.DeviceGrant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Row 6: an agent announces far more devices than the per-agent cap (64). It is refused with a
 * reason; the room never lists more than the cap of its devices; once its link ends its devices
 * leave the controller's list at once; another, honest agent's toy still answers commands.
 */
class AgentDeviceCapTest {

    private static final int CAP = 64;

    /** 10,000 devices in the reply to RequestDeviceList: about 1.5 MB, over the frame bound too. */
    @Test
    void tenThousandDevicesInOneListAreRefused() throws Exception {
        refused(Wire.vibrators(0, 10_000, "Toy "), false);
    }

    /** 1,000 devices in one list (about 150 KB, under every frame bound): only the device cap can refuse it. */
    @Test
    void aThousandDevicesInOneListUnderTheFrameBoundAreRefusedAtTheCap() throws Exception {
        refused(Wire.vibrators(0, 1_000, "Toy "), true);
    }

    /**
     * One device more per DeviceList event (the v4 way of announcing devices one by one; v4 has no
     * DeviceAdded). Scaled to 1,000 events: each v4 event carries the whole list, so 10,000 would
     * cost the test quadratic bytes (gigabytes) on today's code, which has no cap.
     */
    @Test
    void devicesAnnouncedOneAtATimeAreRefusedAtTheCap() throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub()) {
            SimulatedDevices alice = Rigs.sims("lovense");
            hub.share(0, "Alice", alice, DeviceGrant.full());
            try (PackedController c = PackedController.connect(hub.port(), hub.controlPath(0));
                 HostileAgent agent = HostileAgent.connect(hub.port())) {
                c.handshake("controller");
                int alicesIndex = c.awaitDevice("Alice", Duration.ofSeconds(5));
                assertThat(agent.hello(Rigs.Hub.shareToken(0), "Mallory")).contains("Welcome");
                int[] most = new int[1];
                try (Bounded adding = Bounded.start("one-at-a-time", 1_000, Duration.ofSeconds(20), i -> {
                    agent.pushDeviceList(Wire.vibrators(0, i + 1, "Toy "));
                    most[0] = Math.max(most[0], hub.room().devices().devices().size() - 1);
                    Bounded.sleep(5);
                    return agent.peer.isOpen();
                })) {
                    String close = agent.awaitClosedByHub(Duration.ofSeconds(20));
                    adding.stopAndJoin(Duration.ofSeconds(5));
                    assertThat(close).as("close of the agent over the cap").startsWith("1008 ");
                    assertThat(close.substring(5)).as("reason").matches("(?is).*device.*");
                }
                assertThat(most[0]).as("most of its devices the room listed").isLessThanOrEqualTo(CAP);
                afterwards(hub, c, alicesIndex, alice);
            }
        }
    }

    private static void refused(String devices, boolean mustBeTheCap) throws Exception {
        try (Rigs.Hub hub = new Rigs.Hub()) {
            SimulatedDevices alice = Rigs.sims("lovense");
            hub.share(0, "Alice", alice, DeviceGrant.full());
            try (PackedController c = PackedController.connect(hub.port(), hub.controlPath(0));
                 HostileAgent agent = HostileAgent.connect(hub.port()).devices(devices)) {
                c.handshake("controller");
                int alicesIndex = c.awaitDevice("Alice", Duration.ofSeconds(5));
                assertThat(agent.hello(Rigs.Hub.shareToken(0), "Mallory")).contains("Welcome");
                int[] most = new int[1];
                String close;
                try (Bounded watch = Bounded.start("watch", 100_000, Duration.ofSeconds(10), i -> {
                    most[0] = Math.max(most[0], hub.room().devices().devices().size() - 1);
                    Bounded.sleep(2);
                    return true;
                })) {
                    close = agent.awaitClosedByHub(Duration.ofSeconds(10));
                }
                assertThat(close).as("close of the agent over the cap").matches("^10(08|09) .+");
                if (mustBeTheCap) {
                    assertThat(close).startsWith("1008 ");
                    assertThat(close.substring(5)).as("reason").matches("(?is).*device.*");
                }
                assertThat(most[0]).as("most of its devices the room listed").isLessThanOrEqualTo(CAP);
                afterwards(hub, c, alicesIndex, alice);
            }
        }
    }

    private static void afterwards(Rigs.Hub hub, PackedController c, int alicesIndex, SimulatedDevices alice)
            throws Exception {
        // its devices are gone from the controller's list at once (within a second)
        assertThat(ServerProbe.await(() -> {
            try {
                Map<String, Integer> list = c.deviceList();
                return list.keySet().stream().noneMatch(n -> n.contains("Mallory"));
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(1))).as("Mallory's devices left the controller's list").isTrue();
        // the honest agent's toy still answers
        long id = c.nextId();
        c.send("[" + Wire.vibrate(id, alicesIndex, 12) + "]");
        String reply = c.peer.await(t -> Wire.hasReply(t, id), Duration.ofSeconds(5));
        assertThat(reply).contains("\"Ok\"");
        alice.devices().get(0).awaitOutput(0, o -> o.value() == 12, Duration.ofSeconds(5));
    }
}
