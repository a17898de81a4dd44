package io.github.buttplugjava.examples.programs;

import io.github.buttplugjava.testsupport.nats.NatsServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code buttplug hub --cluster} from the jar on a pseudo-terminal, on a real nats-server: the
 * node runs the {@code hub>} console, whose commands list the stored room, store an invite and a
 * legacy grant, and refuse what cannot be done; {@code quit} leaves the cluster.
 */
class ClusterConsoleIT {

    private static final String ALICE = "cluster-console-it-alice-0123456789";

    @Test
    void aClusterNodeOnATerminalRunsTheConsoleAndItsChangesAreStored() throws Exception {
        assumeTrue(JarProcess.scriptAvailable(), "script(1) (util-linux) is not installed");
        try (NatsServer nats = NatsServer.start();
             JarProcess p = JarProcess.onPseudoTerminal("hub", "--cluster", nats.url(), "--node-name", "n1", "--port", "0",
                     "--room", "party", "--control-token", "alice:" + ALICE)) {
            int at = p.awaitOut("hub> ");
            p.type("rooms\r");
            at = p.awaitOut("party  policy shared  controllers alice  invited -  refused -  legacy node default  runs on another"
                    + " node \\(or on none yet\\)", at);
            p.type("invite party Carol\r");
            at = p.awaitOut("invited Carol to room party \\(stored in the cluster\\); their share token: [A-Za-z0-9_-]{22,}", at);
            p.type("legacy-grant party vibrate=0.3 200ms\r");
            at = p.awaitOut("room party: 0.13 forwarders that join from now on get ", at);
            p.type("rooms\r");
            at = p.awaitOut("invited Carol  refused -  legacy vibrate", at);
            p.type("revoke-controller party alice\r");
            at = p.awaitOut("error: .*keeps at least one controller", at);
            p.type("quit\r");
            assertThat(p.exitStatus()).as(p.out()).isZero();
        }
    }
}
