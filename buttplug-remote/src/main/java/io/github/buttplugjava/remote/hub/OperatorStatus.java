package io.github.buttplugjava.remote.hub;

/**
 * More for the hub's operator endpoints ({@link RemoteServerBuilder#metrics}) from what runs
 * around the hub: a hub cluster node reports its NATS state, the rooms it owns and its bridged
 * links. Set with {@link RemoteServerBuilder#operatorStatus}. Called on an I/O thread for each
 * request: answer from memory, never block, and never put a token in the text.
 */
public interface OperatorStatus {

    /**
     * Whether {@code /healthz} answers 200 (else 503, so a load balancer sends new links elsewhere;
     * links already open are not touched).
     *
     * @return true when healthy
     */
    boolean healthy();

    /**
     * Lines added to the {@code /healthz} body after its first line.
     *
     * @return plain text, each line ending with a newline; may be empty
     */
    String healthText();

    /**
     * Lines added to {@code /metrics}, in the Prometheus text format ({@code # HELP}, {@code # TYPE}
     * and samples).
     *
     * @return the text, each line ending with a newline; may be empty
     */
    String metricsText();
}
