#!/usr/bin/env node
// Many idle buttplug-js 0.13.2 forwarder links from one node process (issue #17's memory per idle
// sharer link): each link is its own ButtplugClientForwarder with its own WebSocket, and every one
// shares the same local test vibrator (the package's TestDeviceSubtypeManager behind an embedded
// client), so the process costs little per link and a hub sees COUNT sharers of one vibrator each.
//
//   node idle-forwarders.cjs <ws-url of the hub's /forwarder> <count> [--batch=B] [--name=PREFIX]
//
// Links B at a time (default 25), printing "linked <n>" after each batch; then holds the links,
// printing "closed <n>" (links closed so far) whenever the hub closes one, until its standard input
// ends: then it prints "still linked <n>" and exits 0. A link that fails to open ends the run
// ("gave up: ..." then "still linked <n>", exit 1). Plain lines on stdout; the package's chatter on stderr.
'use strict';

console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);

global.WebSocket = require('ws');
const bp = require('buttplug-v013');

bp.ButtplugLogger.Logger.MaximumConsoleLogLevel = bp.ButtplugLogLevel.Off;

function say(line) {
  process.stdout.write(line + '\n');
}

function parse(argv) {
  const positional = [];
  const options = { batch: 25, name: 'S' };
  for (const arg of argv) {
    const m = /^--([a-z]+)=(.*)$/.exec(arg);
    if (!m) positional.push(arg);
    else if (m[1] === 'batch') options.batch = Number.parseInt(m[2], 10);
    else if (m[1] === 'name') options.name = m[2];
    else throw new Error(`unknown option --${m[1]}`);
  }
  const [url, countText] = positional;
  if (!/^wss?:\/\//.test(url || '')) throw new Error('the first argument is the hub\'s ws:// forwarder url');
  const count = Number.parseInt(countText, 10);
  if (!Number.isInteger(count) || count <= 0 || count > 100000) throw new Error('count must be 1..100000');
  if (!Number.isInteger(options.batch) || options.batch <= 0) throw new Error('--batch must be positive');
  return { url, count, ...options };
}

async function localVibrator() {
  const server = new bp.ButtplugServer('0.13 idle forwarders', 0);
  server.ClearDeviceManagers();
  server.AddDeviceManager(new bp.TestDeviceSubtypeManager());
  const embedded = new bp.ButtplugEmbeddedClientConnector();
  embedded.Server = server;
  const local = new bp.ButtplugClient('0.13 idle forwarders');
  await local.Connect(embedded);
  const found = new Promise((resolve) => {
    local.on('deviceadded', (d) => { if (d.Name.endsWith('Test Vibration Device')) resolve(d); });
  });
  await local.StartScanning();
  const device = await found;
  device.setMaxListeners(0); // every forwarder adds a 'deviceremoved' listener to the one shared device
  return device;
}

async function main() {
  const args = parse(process.argv.slice(2));
  const device = await localVibrator();
  let open = 0;
  let closed = 0;
  let ending = false;
  const finish = (code) => {
    ending = true;
    say(`still linked ${open}`);
    process.stdout.write('', () => process.exit(code));
  };
  process.stdin.on('data', () => {});
  process.stdin.on('end', () => finish(0));
  process.stdin.on('error', () => finish(0));
  const linkOne = async (i) => {
    const connector = new bp.ButtplugClientForwarderBrowserWebsocketConnector(args.url);
    const forwarder = new bp.ButtplugClientForwarder(`${args.name}${i}`, connector);
    await forwarder.Connect();
    open++;
    connector.on('disconnect', () => {
      open--;
      closed++;
      if (!ending) say(`closed ${closed}`);
    });
    await forwarder.AddDevice(device);
  };
  for (let from = 0; from < args.count; from += args.batch) {
    const batch = [];
    for (let i = from; i < Math.min(args.count, from + args.batch); i++) batch.push(linkOne(i));
    try {
      await Promise.all(batch);
    } catch (e) {
      say(`gave up: a link failed: ${e === undefined ? 'rejected without a reason' : (e.message ?? String(e))}`);
      finish(1);
      return;
    }
    say(`linked ${Math.min(args.count, from + args.batch)}`);
  }
}

main().catch((e) => {
  say(`gave up: ${e.message ?? String(e)}`);
  process.exit(2);
});
