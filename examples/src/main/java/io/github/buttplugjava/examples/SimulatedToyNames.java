package io.github.buttplugjava.examples;

import io.github.buttplugjava.core.sim.SimulatedToy;
import java.util.Iterator;

/** The simulated toys' short names, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts. */
final class SimulatedToyNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return SimulatedToy.names().iterator();
    }
}
