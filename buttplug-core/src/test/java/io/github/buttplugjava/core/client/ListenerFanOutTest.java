package io.github.buttplugjava.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.buttplugjava.core.ButtplugException;
import io.github.buttplugjava.core.message.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The listener fan-out alone: order, a throwing listener skipped, removal. */
class ListenerFanOutTest {

    private final ListenerFanOut fanOut = new ListenerFanOut();
    private final List<String> calls = new ArrayList<>();

    private ButtplugClientListener recording(String name) {
        return new ButtplugClientListener() {
            @Override
            public void scanningFinished() {
                calls.add(name + " scanningFinished");
            }

            @Override
            public void disconnected(Throwable cause) {
                calls.add(name + " disconnected " + cause);
            }
        };
    }

    @Test
    void everyListenerIsCalledInRegistrationOrder() {
        fanOut.add(recording("a"));
        fanOut.add(recording("b"));
        fanOut.scanningFinished();
        fanOut.disconnected(null);
        assertThat(calls).containsExactly("a scanningFinished", "b scanningFinished", "a disconnected null",
                "b disconnected null");
    }

    @Test
    void aThrowingListenerDoesNotKeepTheOthersFromTheEvent() {
        fanOut.add(new ButtplugClientListener() {
            @Override
            public void error(ButtplugException error) {
                throw new IllegalStateException("listener bug");
            }
        });
        fanOut.add(new ButtplugClientListener() {
            @Override
            public void error(ButtplugException error) {
                calls.add("second " + error.getMessage());
            }
        });
        fanOut.error(new ButtplugException(ErrorCode.UNKNOWN, "boom"));
        assertThat(calls).containsExactly("second boom");
    }

    @Test
    void aRemovedListenerIsNotCalled() {
        ButtplugClientListener a = recording("a");
        fanOut.add(a);
        fanOut.add(recording("b"));
        fanOut.remove(a);
        fanOut.scanningFinished();
        assertThat(calls).containsExactly("b scanningFinished");
    }

    @Test
    void aNullListenerIsRefused() {
        assertThatThrownBy(() -> fanOut.add(null)).isInstanceOf(NullPointerException.class);
    }
}
