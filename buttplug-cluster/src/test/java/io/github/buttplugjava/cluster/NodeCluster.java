package io.github.buttplugjava.cluster;

import io.github.buttplugjava.testsupport.nats.NatsServer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real nats-server and hub nodes {@code n1..nN}, each a {@link NodeProcess}, started together;
 * {@code n1} creates the room given, and every other node is started once it knows the room. {@link #close()} stops every node and NATS, also those of a
 * start that failed half-way.
 */
final class NodeCluster implements AutoCloseable {

    final NatsServer nats;
    private final List<NodeProcess> nodes;

    private NodeCluster(NatsServer nats, List<NodeProcess> nodes) {
        this.nats = nats;
        this.nodes = nodes;
    }

    /**
     * Starts NATS and {@code count} nodes (in parallel).
     *
     * @param crowd the {@code --crowd} settings of {@link NodeMain}
     * @param room  {@code name share-token control-token}, created by {@code n1}
     */
    static NodeCluster start(int count, boolean crowd, String... room) throws Exception {
        NatsServer nats = NatsServer.start();
        ExecutorService starters = Executors.newFixedThreadPool(count);
        List<CompletableFuture<NodeProcess>> starting = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "n" + i;
            // n1 creates the room; the others are ready once they have learned of it
            String[] args = i == 1 || room.length == 0 ? room : new String[]{room[0]};
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return NodeProcess.start(nats.url(), name, crowd, args);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, starters));
        }
        starters.shutdown();
        List<NodeProcess> started = new ArrayList<>();
        Exception failed = null;
        for (CompletableFuture<NodeProcess> f : starting) {
            try {
                started.add(f.join()); // each start is bounded by NodeProcess's 60 s
            } catch (CompletionException e) {
                failed = failed == null ? e : failed;
            }
        }
        NodeCluster cluster = new NodeCluster(nats, started);
        if (failed != null) {
            cluster.close();
            throw failed;
        }
        return cluster;
    }

    /** Node {@code n<number>}. */
    NodeProcess node(int number) {
        return nodes.get(number - 1);
    }

    List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    @Override
    public void close() throws InterruptedException {
        nodes.forEach(NodeProcess::close);
        nats.close();
    }
}
