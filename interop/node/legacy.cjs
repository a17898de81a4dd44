#!/usr/bin/env node
// buttplug-js 0.13.2 (spec v1) peers for the legacy-link interop tests: a forwarder that shares
// the package's own test devices, a minimal 0.13 hub, and a 0.13 controller. One JSON object per
// stdout line, each with a "step" field; the package's own chatter goes to stderr.
//
//   node legacy.cjs forwarder <ws-url> [--name=S] [--password=P] [--devices=vibrator,rotator,linear]
//        shares the listed test devices into a hub (sample-app style: with --password, the first
//        frame is the password and the hub must answer "ok"). Steps: connected, shared, then
//        vibrate/rotate/linear for every command a toy receives, closed when the socket closes.
//        Reads "unshare" or "close" lines on stdin.
//   node legacy.cjs hub [--port=N] [--password=P]
//        a 0.13 hub on 127.0.0.1: /forwarder for sharers (ForwardedDeviceManager), any other path
//        for one controller; with --password both must send it first. Steps: listening {port},
//        forwarder, forwarderclosed, controller.
//   node legacy.cjs controller <ws-url> [--password=P] [--devices=N] [--level=L] [--hold-ms=H]
//        a 0.13 ButtplugClient: connect, scan, wait for N devices, vibrate each at L (or rotate),
//        hold H ms, StopAllDevices, disconnect. Steps: connect, devices, vibrate, stopall, disconnect.
//   every command: [--timeout-ms=T] (default 20000): exits 3 with a "timeout" step after T ms.
//
// The last line of a run that ends is {"step":"done"} (exit 0), {"step":"error"} (exit 1) or
// {"step":"timeout"} (exit 3); bad arguments exit 2.
'use strict';

console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);

global.WebSocket = require('ws');
const WS = require('ws');
const { EventEmitter } = require('events');
const readline = require('readline');
const bp = require('buttplug-v013');

bp.ButtplugLogger.Logger.MaximumConsoleLogLevel = bp.ButtplugLogLevel.Off;

function emit(step, fields = {}) {
  process.stdout.write(JSON.stringify({ step, ...fields }) + '\n');
}

function finish(code) {
  process.stdout.write('', () => process.exit(code));
}

function parseArgs(argv) {
  const positional = [];
  const options = { name: 'Alice', password: null, devices: 'vibrator', count: 1, level: 0.5, holdMs: 0, port: 0, timeoutMs: 20000 };
  for (const arg of argv) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!m) positional.push(arg);
    else if (m[1] === 'name') options.name = m[2];
    else if (m[1] === 'password') options.password = m[2];
    else if (m[1] === 'devices') options.devices = m[2];
    else if (m[1] === 'level') options.level = Number.parseFloat(m[2]);
    else if (m[1] === 'hold-ms') options.holdMs = Number.parseInt(m[2], 10);
    else if (m[1] === 'port') options.port = Number.parseInt(m[2], 10);
    else if (m[1] === 'timeout-ms') options.timeoutMs = Number.parseInt(m[2], 10);
    else throw new Error(`unknown option --${m[1]}`);
  }
  const [role, url] = positional;
  if (!['forwarder', 'hub', 'controller'].includes(role)) throw new Error('first argument: forwarder, hub or controller');
  if (role !== 'hub' && !/^wss?:\/\//.test(url || '')) throw new Error('a ws:// or wss:// url is needed');
  if (!(options.level >= 0 && options.level <= 1)) throw new Error('--level must be in 0..1');
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) throw new Error('--timeout-ms must be positive');
  if (role === 'controller') options.count = Number.parseInt(options.devices === 'vibrator' ? '1' : options.devices, 10);
  return { role, url, ...options };
}

// The sample app's auth: the first frame is the password, the hub answers "ok" (or closes).
function passwordFirst(connector, password) {
  connector.Initialize = () => new Promise((resolve, reject) => {
    const ws = connector._ws;
    const onMessage = (ev) => {
      ws.removeEventListener('message', onMessage);
      if (String(ev.data) === 'ok') resolve();
      else reject(new Error(`the hub answered ${String(ev.data).slice(0, 80)} instead of ok`));
    };
    ws.addEventListener('message', onMessage);
    ws.send(password);
  });
  return connector;
}

async function forwarder(args, state) {
  const server = new bp.ButtplugServer('0.13 controllee', 0);
  server.ClearDeviceManagers();
  const tdm = new bp.TestDeviceSubtypeManager();
  server.AddDeviceManager(tdm);
  const embedded = new bp.ButtplugEmbeddedClientConnector();
  embedded.Server = server;
  const local = new bp.ButtplugClient('0.13 controllee');
  state.during = 'local client';
  await local.Connect(embedded);
  const wanted = args.devices.split(',').filter((d) => d.length > 0);
  for (const w of wanted) if (!['vibrator', 'rotator', 'linear'].includes(w)) throw new Error(`unknown device ${w}`);
  const names = { vibrator: 'Test Vibration Device', rotator: 'Test Rotation Device', linear: 'Test Linear Device' };
  const find = (w) => local.Devices.find((d) => d.Name.endsWith(names[w]));
  const seen = new Promise((resolve) => {
    const check = () => {
      if (wanted.every((w) => find(w) !== undefined)) resolve();
    };
    local.on('deviceadded', check);
  });
  state.during = 'local scan';
  await local.StartScanning();
  await seen;
  tdm.VibrationProtocol.on('vibrate', (speed) => emit('vibrate', { device: find('vibrator').Name, speed }));
  tdm.RotationProtocol.on('vibrate', (r) => emit('rotate', { device: find('rotator').Name, speed: r.speed, clockwise: r.clockwise }));
  tdm.LinearProtocol.on('linear', (l) => emit('linear', { device: find('linear').Name, position: l.position, speed: l.speed }));

  const connector = new bp.ButtplugClientForwarderBrowserWebsocketConnector(args.url);
  if (args.password !== null) passwordFirst(connector, args.password);
  connector.on('disconnect', () => {
    emit('closed');
    finish(0);
  });
  const fwd = new bp.ButtplugClientForwarder(args.name, connector);
  state.during = 'forwarder connect';
  await fwd.Connect();
  emit('connected');
  const shared = [];
  for (const w of wanted) {
    const device = find(w);
    await fwd.AddDevice(device);
    shared.push(device);
  }
  emit('shared', { names: shared.map((d) => `${args.name} - ${d.Name}`) });
  state.during = 'sharing';
  readline.createInterface({ input: process.stdin }).on('line', async (line) => {
    if (line.trim() === 'unshare') {
      for (const d of shared) await fwd.RemoveDevice(d);
      emit('unshared');
    } else if (line.trim() === 'close') {
      await fwd.Disconnect();
    }
  });
  return new Promise(() => {});
}

class ForwardedSocket extends EventEmitter {
  constructor(ws) { super(); this.ws = ws; }
  Listen() {
    this.ws.on('message', (data) => {
      for (const m of bp.FromJSON(data.toString())) this.emit('message', m);
    });
    return Promise.resolve();
  }
  Disconnect() { this.ws.close(); return Promise.resolve(); }
  SendMessage(m) { this.ws.send('[' + m.toJSON() + ']'); return Promise.resolve(); }
}

async function hub(args) {
  const server = new bp.ButtplugServer('0.13 hub', 0);
  server.ClearDeviceManagers();
  let controller = null;
  server.on('message', (m) => {
    if (controller !== null) controller.send('[' + m.toJSON() + ']');
  });
  const wss = new WS.Server({ host: '127.0.0.1', port: args.port });
  const authenticated = (ws, then) => {
    if (args.password === null) { then(); return; }
    ws.once('message', (data) => {
      if (data.toString() === args.password) { ws.send('ok'); then(); } else { ws.close(); }
    });
  };
  wss.on('connection', (ws, req) => {
    if (req.url === '/forwarder') {
      authenticated(ws, () => {
        const socket = new ForwardedSocket(ws);
        socket.Listen();
        server.AddDeviceManager(new bp.ForwardedDeviceManager(undefined, socket));
        emit('forwarder');
        ws.on('close', () => emit('forwarderclosed'));
      });
      return;
    }
    authenticated(ws, () => {
      controller = ws;
      emit('controller');
      ws.on('message', async (data) => {
        for (const m of bp.FromJSON(data.toString())) {
          let out;
          try { out = await server.SendMessage(m); } catch (e) { out = new bp.Error(e.message || String(e), e.ErrorCode || 0, m.Id); }
          ws.send('[' + out.toJSON() + ']');
        }
      });
      ws.on('close', () => { if (controller === ws) controller = null; });
    });
  });
  await new Promise((resolve) => wss.on('listening', resolve));
  emit('listening', { port: wss.address().port });
  return new Promise(() => {});
}

async function controller(args, state) {
  const connector = new bp.ButtplugBrowserWebsocketClientConnector(args.url);
  if (args.password !== null) passwordFirst(connector, args.password);
  const client = new bp.ButtplugClient('0.13 controller');
  state.during = 'connect';
  await client.Connect(connector);
  emit('connect', { client: 'buttplug@0.13.2', spec: 1 });
  const enough = new Promise((resolve) => {
    const check = () => { if (client.Devices.length >= args.count) resolve(); };
    client.on('deviceadded', check);
    check();
  });
  state.during = 'scan';
  await client.StartScanning();
  state.during = 'waitForDevices';
  await enough;
  emit('devices', { count: client.Devices.length, devices: client.Devices.map((d) => ({ index: d.Index, name: d.Name, messages: d.AllowedMessages })) });
  for (const d of client.Devices) {
    if (d.AllowedMessages.includes('VibrateCmd')) {
      state.during = `vibrate ${d.Name}`;
      await d.SendVibrateCmd(args.level);
      emit('vibrate', { index: d.Index, name: d.Name, level: args.level, ok: true });
    } else if (d.AllowedMessages.includes('RotateCmd')) {
      state.during = `rotate ${d.Name}`;
      await d.SendRotateCmd(args.level, true);
      emit('rotate', { index: d.Index, name: d.Name, level: args.level, ok: true });
    }
  }
  if (args.holdMs > 0) {
    state.during = 'hold';
    await new Promise((resolve) => setTimeout(resolve, args.holdMs));
  }
  state.during = 'stopAllDevices';
  await client.StopAllDevices();
  emit('stopall', { ok: true });
  state.during = 'disconnect';
  await client.Disconnect();
  emit('disconnect', { ok: true });
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    emit('error', { during: 'arguments', message: e.message });
    finish(2);
    return;
  }
  const state = { during: 'start' };
  const fail = (e) => {
    emit('error', { during: state.during, message: e === undefined ? 'rejected without a reason' : (e.message ?? String(e)) });
    finish(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  setTimeout(() => {
    emit('timeout', { during: state.during, message: `no result after ${args.timeoutMs} ms` });
    finish(3);
  }, args.timeoutMs);
  const roles = { forwarder, hub, controller };
  roles[args.role](args, state).then(() => { emit('done', { ok: true }); finish(0); }, fail);
}

main();
