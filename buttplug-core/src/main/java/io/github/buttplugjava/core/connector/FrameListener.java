package io.github.buttplugjava.core.connector;

/** Receives what a {@link ButtplugConnector} reads. Called serially; must not block. */
public interface FrameListener {

    /**
     * One received text frame.
     *
     * @param frame the frame's text, never null
     */
    void onFrame(String frame);

    /**
     * The pipe closed: called exactly once.
     *
     * @param cause why, or null for an orderly close
     */
    void onClosed(Throwable cause);
}
