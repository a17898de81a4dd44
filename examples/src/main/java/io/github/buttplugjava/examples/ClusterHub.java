package io.github.buttplugjava.examples;

import io.github.buttplugjava.cluster.ClusterNode;
import io.github.buttplugjava.remote.hub.ControllerCeiling;
import io.github.buttplugjava.remote.link.AccessToken;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * {@code hub --cluster}: the hub as a node of a cluster. The room is created in the cluster unless
 * it exists (then its tokens stay those it was created with, and are not shown again: the
 * cluster keeps only their hashes).
 */
final class ClusterHub {

    private final HubCommand command;

    ClusterHub(HubCommand command) {
        this.command = command;
    }

    int run() throws Exception {
        if (command.controllers.controllers != null && command.controllers.controllers > 1
                || command.controllers.controlTokens.size() > 1 || !"shared".equals(command.controllers.policy)) {
            throw OptionErrors.of(command.spec, "--cluster rooms have one controller and the shared policy for now"
                    + " (see docs/CLUSTER.md, not done)");
        }
        if (command.roomConfig != null) {
            throw OptionErrors.of(command.spec, "--cluster takes its room from the options, not --room-config, for now"
                    + " (see docs/CLUSTER.md, not done)");
        }
        ControllerSpec spec;
        try {
            spec = command.controllers.controlTokens.isEmpty() ? new ControllerSpec(null, null, ControllerCeiling.NONE)
                    : ControllerSpec.parse(command.controllers.controlTokens.get(0));
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(command.spec, e.getMessage());
        }
        if (spec.name() != null || !ControllerCeiling.NONE.equals(spec.ceiling())) {
            throw OptionErrors.of(command.spec, "--cluster rooms take a bare --control-token TOKEN for now: controller names"
                    + " and ceilings are not stored in the cluster yet (see docs/CLUSTER.md, not done)");
        }
        ClusterNode node;
        AccessToken share = command.shareToken == null ? AccessToken.generate() : AccessToken.of(command.shareToken);
        AccessToken control = spec.token() == null ? AccessToken.generate() : AccessToken.of(spec.token());
        boolean created;
        try {
            node = command.cluster.start(command.settings());
            created = node.createIfAbsent(command.room, share, control);
        } catch (IllegalArgumentException e) {
            throw OptionErrors.of(command.spec, e.getMessage());
        } catch (IOException e) {
            System.err.println("buttplug hub: " + e.getMessage());
            return 1;
        }
        URI shareUri = node.hub().shareUri();
        System.out.println("Hub node '" + command.cluster.nodeName + "' running in cluster '" + command.cluster.clusterName
                + "' (NATS " + command.cluster.natsUrl + "). Room '" + command.room + "'.");
        System.out.println("  Share URL:    " + shareUri);
        if (created) {
            System.out.println("  Share token:  " + share.reveal());
            URI controlUri = shareUri.resolve("/control/" + control.reveal());
            System.out.println("  Control URL:  " + controlUri + "   (a secret: whoever has it can drive the shared toys)");
        } else {
            System.out.println("  The room exists in the cluster: its tokens are the ones it was created with"
                    + " (the cluster keeps only their hashes).");
        }
        System.out.println("Any node of the cluster takes any link for the room. Ctrl-C leaves the cluster.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "buttplug-hub-shutdown"));
        stopped.await();
        return 0;
    }
}
