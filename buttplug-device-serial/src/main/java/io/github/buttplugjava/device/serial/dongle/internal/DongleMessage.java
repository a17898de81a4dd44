package io.github.buttplugjava.device.serial.dongle.internal;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One JSON message from the Lovense USB dongle, e.g.
 * {@code {"type":"toy","func":"toyData","data":{"id":"...","data":"85;"}}}. Fields the dongle
 * leaves out are empty. Text fields are as the dongle sent them (capped by {@link DongleMessages}).
 *
 * @param type       {@code "usb"} or {@code "toy"}
 * @param func       what the message is about: {@code search}, {@code stopSearch}, {@code status},
 *                   {@code toyData}, {@code command}, {@code error}, ...
 * @param result     the top-level result code ({@link DongleCodes}), e.g. 205 "search started"
 * @param dataId     the toy id in {@code data}
 * @param dataText   the toy's reply in {@code data} ({@code toyData}: what the toy sent, e.g. {@code 85;})
 * @param dataStatus the status code in {@code data} ({@code status}: 202 connected, 403 gone)
 */
public record DongleMessage(String type, String func, OptionalInt result, Optional<String> dataId,
                            Optional<String> dataText, OptionalInt dataStatus) {

    /**
     * Whether this is a message of {@code func} (as the dongle spells it).
     *
     * @param name the function name, e.g. {@code "toyData"}
     * @return true when {@link #func()} is {@code name}
     */
    public boolean is(String name) {
        return func.equals(name);
    }

    /**
     * Whether the top-level result is {@code code}.
     *
     * @param code a result code of {@link DongleCodes}
     * @return true when the message carries that result
     */
    public boolean resultIs(int code) {
        return result.isPresent() && result.getAsInt() == code;
    }

    /**
     * Whether the status in {@code data} is {@code code}.
     *
     * @param code a status code of {@link DongleCodes}
     * @return true when the message carries that status
     */
    public boolean statusIs(int code) {
        return dataStatus.isPresent() && dataStatus.getAsInt() == code;
    }
}
