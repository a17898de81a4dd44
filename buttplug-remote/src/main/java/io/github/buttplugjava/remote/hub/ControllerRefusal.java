package io.github.buttplugjava.remote.hub;

import io.github.buttplugjava.core.Scheduling;
import io.github.buttplugjava.core.internal.Deadlines;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.buttplugjava.core.connector.ButtplugConnector;
import io.github.buttplugjava.core.connector.FrameListener;
import io.github.buttplugjava.core.message.ErrorCode;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Turns away a controller the room cannot take (it already has one): answers its first request
 * (its RequestServerInfo) with a spec {@code Error} of class ERROR_INIT carrying that request's Id,
 * as it does any retry within a second, then closes. The {@code Error} message has the same shape in every spec version, so this works
 * for any client without a codec. A client that says nothing is closed after a few seconds.
 */
final class ControllerRefusal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SILENCE = Duration.ofSeconds(3);
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final int MAX_ANSWERS = 4;

    private ControllerRefusal() {
    }

    /** Refuses the controller on {@code link} with {@code reason}; completes when closed. */
    static CompletableFuture<Void> refuse(ButtplugConnector link, Scheduling scheduling, String reason) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        link.connect(new FrameListener() {
            private int answered;

            /** Answers every request (a client may retry its handshake in an older version), then closes. */
            @Override
            public void onFrame(String frame) {
                if (answered >= MAX_ANSWERS) {
                    return;
                }
                answered++;
                CompletableFuture<Void> sent = link.send(errorFrame(idOf(frame), reason));
                if (answered == MAX_ANSWERS) {
                    sent.whenComplete((v, e) -> link.close());
                } else if (answered == 1) {
                    Deadlines.later(GRACE, link::close, scheduling);
                }
            }

            @Override
            public void onClosed(Throwable cause) {
                done.complete(null);
            }
        }).whenComplete((v, e) -> {
            if (e != null) {
                done.complete(null);
            }
        });
        Deadlines.orTimeout(done, SILENCE, scheduling).whenComplete((v, e) -> {
            if (e != null) {
                link.close();
            }
        });
        return done;
    }

    /** The Id of the first message of a frame, or 0 when none can be read. */
    static long idOf(String frame) {
        try {
            JsonNode first = JSON.readTree(frame).path(0);
            JsonNode body = first.isObject() && first.size() == 1 ? first.elements().next() : null;
            long id = body == null ? 0 : body.path("Id").asLong(0);
            return id >= 0 && id <= 0xFFFF_FFFFL ? id : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    static String errorFrame(long id, String reason) {
        var error = JSON.createObjectNode().put("Id", id).put("ErrorMessage", reason)
                .put("ErrorCode", ErrorCode.INIT.code());
        return JSON.createArrayNode().add(JSON.createObjectNode().set("Error", error)).toString();
    }
}
