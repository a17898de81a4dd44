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
