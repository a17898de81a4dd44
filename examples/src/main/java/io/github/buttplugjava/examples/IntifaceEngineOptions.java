package io.github.buttplugjava.examples;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Intiface Engine's option names, accepted by {@code serve} so scripts written for Intiface Engine
 * run. The ones with a meaning here are aliases declared on {@link ServeCommand}'s own options
 * ({@code --websocket-port}, {@code --server-name}, {@code --max-ping-time}) and
 * {@link BleOptions} ({@code --device-config-file}, {@code --user-device-config-file}); the rest
 * are here: two that change what {@code serve} does, and the engine's switches for device kinds
 * this server does not have, which are accepted with a warning so a script does not stop.
 */
final class IntifaceEngineOptions {

    @Option(names = "--websocket-use-all-interfaces",
            description = "Intiface Engine's name for --host 0.0.0.0 (listen on every interface; use TLS).")
    boolean allInterfaces;

    @Option(names = "--use-bluetooth-le",
            description = "Intiface Engine's switch for Bluetooth LE toys: here --ble bluez (unless --ble says otherwise).")
    boolean bluetoothLe;

    @Option(names = "--use-hid", description = "Intiface Engine's switch for HID toys: here --hid.")
    boolean hid;

    @Option(names = "--server-version", description = "Print the version number alone and exit (as Intiface Engine does).")
    boolean serverVersion;

    @Option(names = {"--use-serial", "--use-lovense-dongle-serial", "--use-lovense-dongle-hid",
            "--use-xinput", "--use-lovense-connect", "--use-device-websocket-server", "--crash-reporting",
            "--broadcast-server-mdns", "--allow-raw"}, hidden = true)
    List<Boolean> ignoredSwitches = new ArrayList<>();

    @Option(names = {"--frontend-websocket-port", "--device-websocket-server-port", "--mdns-suffix",
            "--websocket-client-address"}, hidden = true, paramLabel = "VALUE")
    List<String> ignoredValues = new ArrayList<>();
}
