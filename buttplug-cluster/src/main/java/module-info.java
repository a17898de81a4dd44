/**
 * buttplug-cluster: several hub nodes share rooms through NATS. Rooms live in a JetStream
 * key-value bucket (tokens as salted hashes), each room runs on one owner node under a lease, and
 * links arriving at another node are bridged to the owner over NATS subjects (docs/CLUSTER.md).
 */
@SuppressWarnings("requires-automatic") // jnats names its module in the manifest only
module io.github.buttplugjava.cluster {
    requires transitive io.github.buttplugjava.remote;
    requires io.nats.jnats;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.github.buttplugjava.cluster;
}
