package io.github.buttplugjava.core.server;

import io.github.buttplugjava.core.ButtplugDeviceException;
import io.github.buttplugjava.core.message.DeviceFeature;
import io.github.buttplugjava.core.message.DeviceInfo;
import io.github.buttplugjava.core.message.InputCmd;
import io.github.buttplugjava.core.message.InputCommandType;
import io.github.buttplugjava.core.message.InputLimits;
import io.github.buttplugjava.core.message.OutputCmd;
import io.github.buttplugjava.core.message.OutputCommand;
import io.github.buttplugjava.core.message.OutputLimits;

/**
 * Checks v4 device commands against a device's advertised features, as the reference server does
 * (spec.md §10.1): every failure is in the device family, ERROR_DEVICE.
 */
final class CommandValidator {

    private CommandValidator() {
    }

    static DeviceFeature feature(DeviceInfo device, int featureIndex) {
        return device.feature(featureIndex).orElseThrow(() -> new ButtplugDeviceException(
                "Device " + device.deviceIndex() + " has no feature " + featureIndex));
    }

    /** @throws ButtplugDeviceException when the feature, the type, the value or the duration is not advertised */
    static void checkOutput(DeviceInfo device, OutputCmd cmd) {
        DeviceFeature feature = feature(device, cmd.featureIndex());
        OutputCommand command = cmd.command();
        OutputLimits limits = feature.output(command.type()).orElseThrow(() -> new ButtplugDeviceException(
                "Feature " + cmd.featureIndex() + " of device " + device.deviceIndex() + " has no "
                        + command.type().wireName() + " output (message not supported)"));
        if (!limits.value().contains(command.value())) {
            throw new ButtplugDeviceException(command.type().wireName() + " value " + command.value()
                    + " is outside the range [" + limits.value().min() + "," + limits.value().max()
                    + "] of feature " + cmd.featureIndex() + " of device " + device.deviceIndex());
        }
        limits.durationRange().ifPresent(range -> {
            if (!range.contains(command.durationMs())) {
                throw new ButtplugDeviceException("Duration " + command.durationMs() + " ms is outside the range ["
                        + range.min() + "," + range.max() + "] of feature " + cmd.featureIndex()
                        + " of device " + device.deviceIndex());
            }
        });
    }

    /** @throws ButtplugDeviceException when the feature, the input type or the command is not advertised */
    static void checkInput(DeviceInfo device, InputCmd cmd) {
        DeviceFeature feature = feature(device, cmd.featureIndex());
        InputLimits limits = feature.input(cmd.type()).orElseThrow(() -> new ButtplugDeviceException(
                "Feature " + cmd.featureIndex() + " of device " + device.deviceIndex() + " has no "
                        + cmd.type().wireName() + " input (message not supported)"));
        InputCommandType asked = cmd.command() == InputCommandType.UNSUBSCRIBE ? InputCommandType.SUBSCRIBE : cmd.command();
        if (!limits.accepts(asked)) {
            throw new ButtplugDeviceException(cmd.type().wireName() + " input of feature " + cmd.featureIndex()
                    + " of device " + device.deviceIndex() + " does not accept " + cmd.command().wireName());
        }
    }
}
