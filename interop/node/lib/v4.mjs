// Adapter over the npm `buttplug` 5.0.2 client (spec v4: OutputCmd, InputCmd, StopCmd).
// Every call below is the package's own public API, as read from its dist/main typings.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bp = require('buttplug-v4');

export const packageVersion = require('buttplug-v4/package.json').version;

export function createClient(name) {
  const client = new bp.ButtplugClient(name);
  return {
    spec: 4,
    raw: client,
    connect: (url) => client.connect(new bp.ButtplugNodeWebsocketClientConnector(url)),
    serverInfo: () => client.serverInfo ?? null,
    startScanning: () => client.startScanning(),
    stopScanning: () => client.stopScanning(),
    onDeviceAdded: (fn) => client.addListener('deviceadded', (d) => fn(describe(d))),
    onDeviceRemoved: (fn) => client.addListener('deviceremoved', (d) => fn(d ? describe(d) : null)),
    onScanningFinished: (fn) => client.addListener('scanningfinished', fn),
    onDisconnect: (fn) => client.addListener('disconnect', fn),
    devices: () => [...client.devices.values()].map(describe),
    device: (index) => client.devices.get(index),
    // runOutput(DeviceOutput.Vibrate.percent(p)) sends one OutputCmd per Vibrate feature with
    // Value = ceil(min + (max - min) * p).
    vibrate: (device, level) => device.runOutput(bp.DeviceOutput.Vibrate.percent(level)),
    // device.battery() sends InputCmd(Battery, Read) to the first Battery feature, returns Reading.Battery.Value.
    battery: (device) => device.battery(),
    // One OutputCmd per feature and output type, through feature.runOutput with a percent command:
    // the client sends Value = ceil(min + (max - min) * level), over the full (maybe signed) range.
    outputCommands: (device, level, durationMs) => {
      const commands = [];
      for (const f of device.features.values()) {
        for (const type of f.outputs.keys()) {
          const command = type === 'HwPositionWithDuration'
            ? bp.DeviceOutput.HwPositionWithDuration.percent(level, durationMs)
            : new bp.DeviceOutputValueConstructor(type).percent(level);
          commands.push({ message: 'OutputCmd', type, feature: f.index, run: () => f.runOutput(command) });
        }
      }
      return commands;
    },
    onInputReading: (fn) => client.addListener('inputreading', (r) => fn({
      index: r.device.index, name: r.device.name, feature: r.feature.index, type: r.inputType, value: r.value,
    })),
    // The first Battery feature that offers Subscribe, through feature.runInput(Battery, Subscribe|Unsubscribe).
    batteryFeature: (device) => [...device.features.values()]
      .find((f) => f.input('Battery')?.commands.includes('Subscribe')) ?? null,
    subscribe: (feature) => feature.runInput('Battery', 'Subscribe'),
    unsubscribe: (feature) => feature.runInput('Battery', 'Unsubscribe'),
    stop: (device) => device.stop(),
    disconnect: () => client.disconnect(),
  };
}

// Note: ButtplugClientDevice.hasOutput/hasInput in 5.0.2 call Iterator.prototype.some, which node 20
// lacks (it throws a TypeError there), so features are inspected one by one instead.
function describe(device) {
  const features = [...device.features.values()];
  const outputs = [];
  const inputs = [];
  for (const f of features) {
    for (const [type, o] of f.outputs) {
      outputs.push({ index: f.index, type, range: [...o.valueRange], descriptor: f.descriptor ?? '' });
    }
    for (const [type, i] of f.inputs) {
      inputs.push({ index: f.index, type, range: [...i.valueRange], commands: [...i.commands] });
    }
  }
  return {
    index: device.index,
    name: device.name,
    displayName: device.displayName ?? null,
    vibrators: outputs.filter((o) => o.type === 'Vibrate').length,
    hasBattery: inputs.some((i) => i.type === 'Battery'),
    outputs,
    inputs,
  };
}
