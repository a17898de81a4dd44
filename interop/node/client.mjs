#!/usr/bin/env node
// Drives a Buttplug server with a real npm `buttplug` client and prints one JSON object per line.
//
//   node client.mjs <v3|v4> <ws-url> <scenario> [--devices=N] [--level=L] [--duration-ms=D] [--removals=R] [--until-value=V] [--hold-ms=H] [--timeout-ms=T] [--name=S]
//
//   v3        npm buttplug 3.2.2 (spec v3)      v4   npm buttplug 5.0.2 (spec v4)
//   scenario  list   connect, scan, wait for N devices, list them, disconnect
//             basic  list, then vibrate L on every vibrating device, read the battery where there is
//                    one, stop each vibrated device, disconnect
//             all    list, then every output of every device at level L (ScalarCmd/RotateCmd/LinearCmd in
//                    v3, one OutputCmd per feature and type in v4), stop each driven device, disconnect
//             watch  list, then wait until R devices have been removed (--removals), list what
//                    remains (step "remaining"), disconnect
//             subscribe (v4 only) subscribe to the battery of every device that offers it, wait for a
//                    reading equal to --until-value, unsubscribe, disconnect
//   --devices N       devices to wait for after StartScanning (default 1)
//   --level L         output level in 0..1 (default 0.5)
//   --duration-ms D   all: the duration of LinearCmd / HwPositionWithDuration (default 500)
//   --removals R      watch: device removals to wait for (default 1)
//   --until-value V   subscribe: the battery reading to wait for (required)
//   --hold-ms H       basic: after vibrating, hold H ms before the battery reads and stops (default 0),
//                     e.g. to watch a server that requires Ping drop this client (neither package pings)
//   --timeout-ms T    hard limit for the whole run (default 20000)
//
// Every stdout line is a JSON object with a "step" field. The last line is {"step":"done","ok":true}
// (exit 0), {"step":"error",...} (exit 1), {"step":"timeout",...} (exit 3); bad arguments exit 2.
// Anything the client packages themselves print goes to stderr, so stdout stays JSON only.

const USAGE = 'usage: node client.mjs <v3|v4> <ws-url> <list|basic|all|watch|subscribe> [--devices=N] [--level=L] [--duration-ms=D] [--removals=R] [--until-value=V] [--hold-ms=H] [--timeout-ms=T] [--name=S]';

console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);

function emit(step, fields = {}) {
  process.stdout.write(JSON.stringify({ step, ...fields }) + '\n');
}

function finish(code) {
  // Let stdout drain before exiting; the packages may still hold the socket open.
  process.stdout.write('', () => process.exit(code));
}

function errorFields(e) {
  if (e === undefined || e === null) {
    return { message: 'rejected without a reason (the npm connector rejects connect failures with no error)' };
  }
  return {
    message: e.message ?? String(e),
    errorType: e.constructor?.name ?? typeof e,
    errorCode: e.ErrorClass ?? e.errorClass ?? null,
  };
}

function parseArgs(argv) {
  const positional = [];
  const options = { devices: 1, level: 0.5, durationMs: 500, removals: 1, untilValue: null, holdMs: 0, timeoutMs: 20000, name: 'buttplug-java interop' };
  for (const arg of argv) {
    const m = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!m) {
      positional.push(arg);
    } else if (m[1] === 'devices') {
      options.devices = Number.parseInt(m[2], 10);
    } else if (m[1] === 'level') {
      options.level = Number.parseFloat(m[2]);
    } else if (m[1] === 'duration-ms') {
      options.durationMs = Number.parseInt(m[2], 10);
    } else if (m[1] === 'removals') {
      options.removals = Number.parseInt(m[2], 10);
    } else if (m[1] === 'until-value') {
      options.untilValue = Number.parseFloat(m[2]);
    } else if (m[1] === 'hold-ms') {
      options.holdMs = Number.parseInt(m[2], 10);
    } else if (m[1] === 'timeout-ms') {
      options.timeoutMs = Number.parseInt(m[2], 10);
    } else if (m[1] === 'name') {
      options.name = m[2];
    } else {
      throw new Error(`unknown option --${m[1]}`);
    }
  }
  if (positional.length !== 3) {
    throw new Error('expected exactly three arguments');
  }
  const [version, url, scenario] = positional;
  if (version !== 'v3' && version !== 'v4') throw new Error(`version must be v3 or v4, not ${version}`);
  if (!/^wss?:\/\//.test(url)) throw new Error(`url must start with ws:// or wss://, not ${url}`);
  if (!['list', 'basic', 'all', 'watch', 'subscribe'].includes(scenario)) throw new Error(`unknown scenario ${scenario}`);
  if (!Number.isInteger(options.devices) || options.devices < 0) throw new Error('--devices must be an integer >= 0');
  if (!(options.level >= 0 && options.level <= 1)) throw new Error('--level must be in 0..1');
  if (!Number.isInteger(options.durationMs) || options.durationMs < 0) throw new Error('--duration-ms must be an integer >= 0');
  if (!Number.isInteger(options.removals) || options.removals < 0) throw new Error('--removals must be an integer >= 0');
  if (scenario === 'subscribe' && !Number.isFinite(options.untilValue)) throw new Error('subscribe needs --until-value');
  if (scenario === 'subscribe' && version !== 'v4') throw new Error('subscribe needs v4: buttplug 3.2.2 has no sensor subscription API');
  if (!Number.isInteger(options.holdMs) || options.holdMs < 0) throw new Error('--hold-ms must be an integer >= 0');
  if (!Number.isInteger(options.timeoutMs) || options.timeoutMs <= 0) throw new Error('--timeout-ms must be a positive integer');
  return { version, url, scenario, ...options };
}

// Resolves once `count` devices are known; rejects if the client disconnects first.
function waitForDevices(client, count, state) {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (client.devices().length >= count) resolve();
    };
    client.onDeviceAdded(check);
    client.onDisconnect(() => reject(new Error(`server closed the connection while waiting for ${count} device(s)`)));
    state.waiting = () => `waiting for ${count} device(s), have ${client.devices().length}`;
    check();
  });
}

async function run(args, state) {
  const lib = await import(args.version === 'v3' ? './lib/v3.mjs' : './lib/v4.mjs');
  const client = lib.createClient(args.name);
  state.client = client;

  state.during = 'connect';
  await client.connect(args.url);
  emit('connect', { client: `buttplug@${lib.packageVersion}`, spec: client.spec, server: client.serverInfo() });
  client.onDeviceAdded((d) => emit('deviceadded', { device: d }));
  client.onDeviceRemoved((d) => {
    state.removed += 1;
    emit('deviceremoved', { device: d });
    state.onRemoved?.();
  });
  client.onScanningFinished(() => emit('scanningfinished'));
  client.onDisconnect(() => {
    if (!state.disconnecting) emit('disconnected', { expected: false });
  });

  state.during = 'startScanning';
  await client.startScanning();
  emit('scan', { ok: true });

  state.during = 'waitForDevices';
  await waitForDevices(client, args.devices, state);
  state.waiting = null;

  state.during = 'stopScanning';
  await client.stopScanning();
  emit('stopscan', { ok: true });

  const devices = client.devices();
  emit('devices', { count: devices.length, devices });

  if (args.scenario === 'basic') {
    const vibrated = [];
    for (const d of devices.filter((x) => x.vibrators > 0)) {
      state.during = `vibrate ${d.name}`;
      await client.vibrate(client.device(d.index), args.level);
      vibrated.push(d);
      emit('vibrate', { index: d.index, name: d.name, level: args.level, ok: true });
    }
    if (args.holdMs > 0) {
      state.during = 'hold';
      await new Promise((resolve) => setTimeout(resolve, args.holdMs));
      emit('hold', { ms: args.holdMs, connected: client.raw.connected });
    }
    for (const d of devices.filter((x) => x.hasBattery)) {
      state.during = `battery ${d.name}`;
      const value = await client.battery(client.device(d.index));
      emit('battery', { index: d.index, name: d.name, value });
    }
    for (const d of vibrated) {
      state.during = `stop ${d.name}`;
      await client.stop(client.device(d.index));
      emit('stop', { index: d.index, name: d.name, ok: true });
    }
  }

  if (args.scenario === 'all') {
    const driven = [];
    for (const d of devices) {
      const commands = client.outputCommands(client.device(d.index), args.level, args.durationMs);
      for (const c of commands) {
        state.during = `${c.message} ${c.type} ${d.name}`;
        await c.run();
        emit('output', { index: d.index, name: d.name, message: c.message, type: c.type, feature: c.feature, level: args.level, ok: true });
      }
      if (commands.length > 0) driven.push(d);
    }
    for (const d of driven) {
      state.during = `stop ${d.name}`;
      await client.stop(client.device(d.index));
      emit('stop', { index: d.index, name: d.name, ok: true });
    }
  }

  if (args.scenario === 'subscribe') {
    const subscribed = [];
    let readingReached;
    const reached = new Promise((resolve) => { readingReached = resolve; });
    client.onInputReading((r) => {
      emit('inputreading', r);
      if (r.value === args.untilValue) readingReached();
    });
    for (const d of devices) {
      const feature = client.batteryFeature(client.device(d.index));
      if (feature === null) continue;
      state.during = `subscribe ${d.name}`;
      await client.subscribe(feature);
      subscribed.push({ d, feature });
      emit('subscribed', { index: d.index, name: d.name, feature: feature.index });
    }
    if (subscribed.length === 0) throw new Error('no device offers a battery subscription');
    state.during = 'waitForReading';
    state.waiting = () => `waiting for a battery reading of ${args.untilValue}`;
    await reached;
    state.waiting = null;
    for (const { d, feature } of subscribed) {
      state.during = `unsubscribe ${d.name}`;
      await client.unsubscribe(feature);
      emit('unsubscribed', { index: d.index, name: d.name, feature: feature.index });
    }
  }

  if (args.scenario === 'watch') {
    state.during = 'waitForRemovals';
    state.waiting = () => `waiting for ${args.removals} device removal(s), saw ${state.removed}`;
    await new Promise((resolve, reject) => {
      state.onRemoved = () => {
        if (state.removed >= args.removals) resolve();
      };
      client.onDisconnect(() => reject(new Error('server closed the connection while waiting for device removals')));
      state.onRemoved();
    });
    state.waiting = null;
    emit('remaining', { count: client.devices().length, devices: client.devices() });
  }

  state.during = 'disconnect';
  state.disconnecting = true;
  await client.disconnect();
  emit('disconnect', { ok: true });
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    emit('error', { during: 'arguments', message: `${e.message}; ${USAGE}` });
    finish(2);
    return;
  }
  const state = { during: 'start', waiting: null, disconnecting: false, client: null, removed: 0, onRemoved: null };
  const fail = (e) => {
    emit('error', { during: state.during, ...errorFields(e) });
    finish(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const timer = setTimeout(() => {
    emit('timeout', {
      during: state.during,
      message: `no result after ${args.timeoutMs} ms` + (state.waiting ? ` (${state.waiting()})` : ''),
    });
    finish(3);
  }, args.timeoutMs);
  run(args, state).then(
    () => {
      clearTimeout(timer);
      emit('done', { ok: true });
      finish(0);
    },
    (e) => {
      clearTimeout(timer);
      fail(e);
    },
  );
}

main();
