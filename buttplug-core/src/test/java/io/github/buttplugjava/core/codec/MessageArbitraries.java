package io.github.buttplugjava.core.codec;

import io.github.buttplugjava.core.message.ClientMessage;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.DeviceList;
import io.github.buttplugjava.core.message.ErrorCode;
import io.github.buttplugjava.core.message.ErrorMessage;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.InputReading;
import io.github.buttplugjava.core.message.InputType;
import io.github.buttplugjava.core.message.Message;
import io.github.buttplugjava.core.message.Ok;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;
import io.github.buttplugjava.core.message.OutputType;
import io.github.buttplugjava.core.message.Ping;
import io.github.buttplugjava.core.message.Range;
import io.github.buttplugjava.core.message.RequestDeviceList;
import io.github.buttplugjava.core.message.RequestServerInfo;
import io.github.buttplugjava.core.message.ScanningFinished;
import io.github.buttplugjava.core.message.ServerInfo;
import io.github.buttplugjava.core.message.ServerMessage;
import io.github.buttplugjava.core.message.StartScanning;
import io.github.buttplugjava.core.message.StopCmd;
import io.github.buttplugjava.core.message.StopScanning;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid v4 messages and devices. */
final class MessageArbitraries {
    private MessageArbitraries() {
    }

    static Arbitrary<Long> clientIds() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, Message.MAX_ID),
                Arbitraries.of(1L, Message.MAX_ID));
    }

    static Arbitrary<Long> serverIds() {
        return Arbitraries.oneOf(clientIds(), Arbitraries.just(0L));
    }

    static Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withChars(' ', '"', '\\', '/', 'é', '✓', '\n').ofMaxLength(12);
    }

    static Arbitrary<Integer> indices() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 20), Arbitraries.just(Integer.MAX_VALUE));
    }

    static Arbitrary<OutputCommand> outputCommands() {
        return Arbitraries.of(OutputType.class).flatMap(type -> type == OutputType.HW_POSITION_WITH_DURATION
                ? Combinators.combine(Arbitraries.integers().between(0, Integer.MAX_VALUE),
                        Arbitraries.longs().between(0, Message.MAX_ID)).as(OutputCommand::positionWithDuration)
                : Arbitraries.integers().map(v -> OutputCommand.of(type, v)));
    }

    static Arbitrary<ClientMessage> clientMessages() {
        Arbitrary<OptionalInt> optIndex = indices().map(OptionalInt::of).injectNull(0.4)
                .map(o -> o == null ? OptionalInt.empty() : o);
        return Arbitraries.oneOf(
                clientIds().map(Ping::new),
                clientIds().map(StartScanning::new),
                clientIds().map(StopScanning::new),
                clientIds().map(RequestDeviceList::new),
                Combinators.combine(clientIds(), names(), Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 9)).as(RequestServerInfo::new),
                Combinators.combine(clientIds(), indices(), indices(), outputCommands()).as(OutputCmd::new),
                Combinators.combine(clientIds(), indices(), indices(), Arbitraries.of(InputType.class),
                        Arbitraries.of(InputCommandType.class)).as(InputCmd::new),
                Combinators.combine(clientIds(), optIndex, optIndex, Arbitraries.of(true, false),
                        Arbitraries.of(true, false)).as(StopCmd::new));
    }

    static Arbitrary<ServerMessage> serverMessages() {
        return Arbitraries.oneOf(
                clientIds().map(Ok::new),
                Arbitraries.just(new ScanningFinished(0)),
                Combinators.combine(serverIds(), Arbitraries.of(ErrorCode.class), names()).as(ErrorMessage::new),
                Combinators.combine(clientIds(), names(), Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 9), Arbitraries.longs().between(0, Message.MAX_ID))
                        .as(ServerInfo::new),
                Combinators.combine(serverIds(), indices(), indices(),
                        Arbitraries.of(InputType.BATTERY, InputType.RSSI, InputType.BUTTON, InputType.PRESSURE),
                        Arbitraries.integers()).as(InputReading::new),
                deviceLists(serverIds()));
    }

    static Arbitrary<Range> ranges(boolean signed) {
        Arbitrary<Integer> max = Arbitraries.integers().between(1, 1000);
        return signed ? max.map(m -> new Range(-m, m)) : max.map(Range::upTo);
    }

    static Arbitrary<DeviceFeature> features(int index) {
        Arbitrary<Map<OutputType, OutputLimits>> outputs = Arbitraries.of(OutputType.class).set().ofMaxSize(3)
                .flatMap(types -> {
                    List<Arbitrary<OutputLimits>> limits = new ArrayList<>();
                    for (OutputType t : types) {
                        boolean signed = t == OutputType.ROTATE || t == OutputType.TEMPERATURE;
                        limits.add(ranges(signed).flatMap(r -> t == OutputType.HW_POSITION_WITH_DURATION
                                ? ranges(false).map(d -> new OutputLimits(r, d)) : Arbitraries.just(OutputLimits.of(r))));
                    }
                    return Combinators.combine(limits).as(list -> {
                        Map<OutputType, OutputLimits> map = new EnumMap<>(OutputType.class);
                        int i = 0;
                        for (OutputType t : types) {
                            map.put(t, list.get(i++));
                        }
                        return map;
                    });
                });
        Arbitrary<Map<InputType, InputLimits>> inputs = Arbitraries.of(InputType.class).set().ofMaxSize(2)
                .map(types -> {
                    Map<InputType, InputLimits> map = new EnumMap<>(InputType.class);
                    for (InputType t : types) {
                        map.put(t, new InputLimits(List.of(Range.upTo(100)),
                                t == InputType.BATTERY ? Set.of(InputCommandType.READ)
                                        : Set.of(InputCommandType.READ, InputCommandType.SUBSCRIBE)));
                    }
                    return map;
                });
        return Combinators.combine(names(), outputs, inputs).as((d, o, i) -> new DeviceFeature(index, d, o, i));
    }

    static Arbitrary<DeviceInfo> devices(int index) {
        Arbitrary<List<DeviceFeature>> features = Arbitraries.integers().between(0, 4).flatMap(n -> {
            List<Arbitrary<DeviceFeature>> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(features(i));
            }
            return Combinators.combine(list).as(l -> l);
        });
        return Combinators.combine(names(), names().injectNull(0.5), Arbitraries.longs().between(0, 1000), features)
                .as((name, display, gap, f) -> new DeviceInfo(index, name, display, gap, f));
    }

    static Arbitrary<DeviceList> deviceLists(Arbitrary<Long> ids) {
        return Arbitraries.integers().between(0, 3).flatMap(n -> {
            List<Arbitrary<DeviceInfo>> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(devices(i * 3));
            }
            return Combinators.combine(list).as(l -> l);
        }).flatMap(devs -> ids.map(id -> new DeviceList(id, devs)));
    }
}
