package io.github.buttplugjava.cluster.internal;

/** One end of a bridged link on this node: what NATS delivers to it. */
interface BridgeEnd {

    /** The node at the other end. */
    String peer();

    /** A frame the other end sent. */
    void fromPeer(String frame);

    /**
     * The other end closed, or is taken for gone (silent node, lost NATS).
     *
     * @param reason why, for the log and the peer's close
     * @param framesSent how many frames the other end sent before its close; -1 when unknown
     */
    void peerClosed(String reason, long framesSent);
}
