package io.github.buttplugjava.btle.fakebluez;

import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** One write the fake peripheral received: characteristic, bytes, BlueZ write type ("" = none given). */
public final class RecordedWrite extends Struct {
    @Position(0)
    public final String characteristic;
    @Position(1)
    public final byte[] data;
    @Position(2)
    public final String type;

    public RecordedWrite(String characteristic, byte[] data, String type) {
        this.characteristic = characteristic;
        this.data = data;
        this.type = type;
    }

    public String text() {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    public String describe() {
        return characteristic + " <- " + HexFormat.of().formatHex(data) + " (" + type + ")";
    }
}
