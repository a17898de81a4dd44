package io.github.buttplugjava.transport.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Not API: routes Tyrus' per-session callbacks into the {@link SessionPipe} created when the session
 * opens. Public only because Tyrus invokes its methods reflectively; it cannot be constructed outside
 * this package.
 */
public final class PipeEndpoint extends Endpoint {

    private final Function<Session, SessionPipe> opener;
    private final Consumer<SessionPipe> afterOpen;
    private final int maxFrameSize;
    private volatile SessionPipe pipe;

    /**
     * @param opener makes the pipe for a new session
     * @param afterOpen runs once the pipe receives frames (it may close the pipe to refuse it)
     * @param maxFrameSize largest accepted text frame in bytes
     */
    PipeEndpoint(Function<Session, SessionPipe> opener, Consumer<SessionPipe> afterOpen, int maxFrameSize) {
        this.opener = opener;
        this.afterOpen = afterOpen;
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(maxFrameSize);
        session.setMaxBinaryMessageBufferSize(maxFrameSize);
        session.setMaxIdleTimeout(0);
        SessionPipe opened = opener.apply(session);
        pipe = opened;
        session.addMessageHandler(String.class, opened::onText);
        session.addMessageHandler(ByteBuffer.class, bytes -> opened.onBinary());
        session.addMessageHandler(PongMessage.class, pong -> opened.heard());
        afterOpen.accept(opened);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        SessionPipe p = pipe;
        if (p != null) {
            p.onClose(closeReason);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        SessionPipe p = pipe;
        if (p != null) {
            p.onError(error);
        }
    }
}
