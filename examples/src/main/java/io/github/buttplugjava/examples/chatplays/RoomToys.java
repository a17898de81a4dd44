package io.github.buttplugjava.examples.chatplays;

import io.github.buttplugjava.core.client.ButtplugClient;
import io.github.buttplugjava.core.client.ButtplugClientDevice;
import io.github.buttplugjava.core.message.OutputType;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The toys of a hub room as one controller sees them: every device with a vibrator runs at the
 * chat's level, scaled by this bot's own highest level. The hub holds the controller to its
 * ceiling and each sharer's agent to its grant whatever the level; the scale is for a bot that
 * connects by URL to a hub whose owner set no ceiling for it.
 */
public final class RoomToys implements Toys {

    private final ButtplugClient client;
    private final double maxLevel;

    /**
     * @param client   a connected controller client of the room
     * @param maxLevel the highest level this bot sends, in (0, 1]; 1 to leave the limit to the hub's ceiling
     * @throws IllegalArgumentException when {@code maxLevel} is outside (0, 1]
     */
    public RoomToys(ButtplugClient client, double maxLevel) {
        if (!(maxLevel > 0 && maxLevel <= 1)) {
            throw new IllegalArgumentException("the highest level must be within (0, 1]");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.maxLevel = maxLevel;
    }

    @Override
    public CompletableFuture<Void> level(double level) {
        double scaled = Math.max(0, Math.min(1, level)) * maxLevel;
        return CompletableFuture.allOf(client.devices().stream().filter(d -> d.hasOutput(OutputType.VIBRATE))
                .map(d -> d.vibrate(scaled)).toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletableFuture<Void> stop() {
        return client.isConnected() ? client.stopAll() : CompletableFuture.completedFuture(null);
    }

    /**
     * How many toys the chat drives now.
     *
     * @return the devices of the room with a vibrator
     */
    public long count() {
        return client.devices().stream().filter(d -> d.hasOutput(OutputType.VIBRATE)).count();
    }

    @Override
    public String toString() {
        return "RoomToys[" + client.devices().stream().map(ButtplugClientDevice::name).toList() + "]";
    }
}
