package io.github.buttplugjava.core.codec;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.message.ClientMessage;
import java.util.List;
import java.util.Objects;

/**
 * One decoded client request, already converted to v4, or the error it must be answered with.
 *
 * <p>A legacy request may become several v4 commands (SingleMotorVibrateCmd becomes one OutputCmd
 * per vibrate feature; VibrateCmd with two speeds two OutputCmds; StopAllDevices a StopCmd). The
 * server runs them all and sends ONE reply with {@link #id()}: Ok when all succeed (or the single
 * reply the v4 command produces, e.g. a DeviceList, ServerInfo or InputReading), else the first error.
 */
public sealed interface Decoded {
    /**
     * The Id the reply must carry (0 when the request's Id could not be read).
     *
     * @return the Id for the reply, 0..{@link io.github.buttplugjava.core.message.Message#MAX_ID}
     */
    long id();

    /**
     * A request to run.
     *
     * @param id       the request's Id
     * @param wireName the message name as received, e.g. {@code "VibrateCmd"}
     * @param commands the v4 commands, at least one, all carrying {@code id}
     */
    record Request(long id, String wireName, List<ClientMessage> commands) implements Decoded {
        /**
         * @param id the request's Id
         * @param wireName the message name as received, e.g. {@code "VibrateCmd"}
         * @param commands the v4 commands, at least one, all carrying {@code id}
         * @throws IllegalArgumentException when there is no command
         */
        public Request {
            Objects.requireNonNull(wireName, "wireName");
            commands = List.copyOf(commands);
            if (commands.isEmpty()) {
                throw new IllegalArgumentException("a request needs at least one command");
            }
        }
    }

    /**
     * A message that must be answered with {@code Error(id, error.code(), error.getMessage())}.
     *
     * @param id    the message's Id when it could be read, else 0
     * @param error what is wrong, with its spec error code
     */
    record Rejected(long id, ButtplugException error) implements Decoded {
        /**
         * @param id the message's Id when it could be read, else 0
         * @param error what is wrong, with its spec error code
         * @throws NullPointerException when {@code error} is null
         */
        public Rejected {
            Objects.requireNonNull(error, "error");
        }
    }
}
