package io.github.buttplugjava.btle;

import io.github.buttplugjava.btle.sim.SimulatedAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks on simulated peripherals. */
final class SimulatedPeripheralProbe {

    private SimulatedPeripheralProbe() {
    }

    /** The peripheral at {@code address} was connected and is disconnected now. */
    static void assertDisconnected(SimulatedAdapter adapter, String address) {
        assertThat(adapter.peripheral(address)).as("connected once").isPresent();
        assertThat(adapter.peripheral(address).get().isConnected()).as("disconnected after the failure").isFalse();
    }
}
