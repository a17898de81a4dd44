package io.github.buttplugjava.examples;

import io.github.buttplugjava.btle.sim.SimulatedBle;
import java.util.Iterator;

/** The simulated BLE toys' short names, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts. */
final class SimulatedBleToyNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return SimulatedBle.names().iterator();
    }
}
