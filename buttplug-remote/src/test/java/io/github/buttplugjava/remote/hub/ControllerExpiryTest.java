package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.ButtplugHandshakeException;
import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.testsupport.time.VirtualTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A controller's ceiling expiry, on a controllable clock. */
class ControllerExpiryTest {

    @Test
    void anExpiredControllerIsDisconnectedAndCannotConnectAgainWhileOthersStay() throws Exception {
        VirtualTime time = new VirtualTime();
        try (RemoteServer hub = RemoteServer.builder().scheduling(time.scheduling()).build()) {
            Room room = hub.addRoom("test");
            RoomController guest = room.addController("guest", ControllerCeiling.NONE.withValidFor(Duration.ofMinutes(5)));
            ButtplugClient client = guest.connect("guest app").get(2, TimeUnit.SECONDS);
            ButtplugClient owner = room.connectController("owner app").get(2, TimeUnit.SECONDS);
            time.advance(Duration.ofMinutes(4));
            assertThat(guest.expired()).isFalse();
            assertThat(guest.isConnected()).isTrue();
            time.advance(Duration.ofMinutes(1));
            assertThat(guest.expired()).isTrue();
            await(() -> !guest.isConnected() && !client.isConnected());
            assertThatThrownBy(() -> guest.connect("guest again").get(2, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ButtplugHandshakeException.class)
                    .hasMessageContaining("expired");
            assertThat(owner.isConnected()).isTrue();
        }
    }

    private static void await(java.util.function.BooleanSupplier disconnected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (!disconnected.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the expired controller is still connected");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // bounded poll-until loop
        }
    }
}
