// Adapter over the npm `buttplug` 3.2.2 client (spec v3: ScalarCmd, SensorReadCmd, StopDeviceCmd).
// Every call below is the package's own public API, as read from its dist/main/src typings.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bp = require('buttplug-v3');

export const packageVersion = require('buttplug-v3/package.json').version;

export function createClient(name) {
  const client = new bp.ButtplugClient(name);
  return {
    spec: 3,
    raw: client,
    connect: (url) => client.connect(new bp.ButtplugNodeWebsocketClientConnector(url)),
    serverInfo: () => null, // 3.2.2 keeps no server info after the handshake
    startScanning: () => client.startScanning(),
    stopScanning: () => client.stopScanning(),
    onDeviceAdded: (fn) => client.addListener('deviceadded', (d) => fn(describe(d))),
    onDeviceRemoved: (fn) => client.addListener('deviceremoved', (d) => fn(d ? describe(d) : null)),
    onScanningFinished: (fn) => client.addListener('scanningfinished', fn),
    onDisconnect: (fn) => client.addListener('disconnect', fn),
    devices: () => client.devices.map(describe),
    device: (index) => client.devices.find((d) => d.index === index),
    // device.vibrate(level) sends one ScalarCmd with a Vibrate subcommand per vibrating actuator.
    vibrate: (device, level) => device.vibrate(level),
    // device.battery() sends SensorReadCmd(Battery) and returns Data[0] / 100.
    battery: (device) => device.battery(),
    // One command per output the device lists: ScalarCmd per actuator (device.scalar), RotateCmd
    // clockwise (device.rotate) and LinearCmd (device.linear) for all their axes at once.
    outputCommands: (device, level, durationMs) => {
      const attrs = device.messageAttributes ?? {};
      const commands = (attrs.ScalarCmd ?? []).map((a) => ({
        message: 'ScalarCmd', type: a.ActuatorType, feature: a.Index,
        run: () => device.scalar(new bp.ScalarSubcommand(a.Index, level, a.ActuatorType)),
      }));
      if ((attrs.RotateCmd ?? []).length > 0) {
        commands.push({ message: 'RotateCmd', type: 'Rotate', feature: null, run: () => device.rotate(level, true) });
      }
      if ((attrs.LinearCmd ?? []).length > 0) {
        commands.push({ message: 'LinearCmd', type: 'Linear', feature: null, run: () => device.linear(level, durationMs) });
      }
      return commands;
    },
    onInputReading: () => {},
    // 3.2.2 has no sensor subscription API (only raw endpoint subscribe, which v4 servers lack).
    batteryFeature: () => null,
    subscribe: () => Promise.reject(new Error('buttplug 3.2.2 has no sensor subscription API')),
    unsubscribe: () => Promise.reject(new Error('buttplug 3.2.2 has no sensor subscription API')),
    stop: (device) => device.stop(),
    disconnect: () => client.disconnect(),
  };
}

function describe(device) {
  const attrs = device.messageAttributes ?? {};
  const scalars = attrs.ScalarCmd ?? [];
  const sensors = attrs.SensorReadCmd ?? [];
  return {
    index: device.index,
    name: device.name,
    displayName: device.displayName ?? null,
    vibrators: device.vibrateAttributes.length,
    hasBattery: device.hasBattery,
    outputs: scalars.map((a) => ({ index: a.Index, type: a.ActuatorType, steps: a.StepCount, descriptor: a.FeatureDescriptor ?? '' })),
    inputs: sensors.map((a) => ({ index: a.Index, type: a.SensorType, range: a.SensorRange ?? null })),
    messages: Object.keys(attrs).sort(),
  };
}
