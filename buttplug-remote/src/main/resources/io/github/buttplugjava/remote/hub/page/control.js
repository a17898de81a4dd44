// The hub's control page: a small Buttplug spec v3 client in plain JavaScript (no dependencies).
// It connects back to the URL it was served from, as a WebSocket, and shows the room live.
// Everything the peer sends is shown with textContent, never parsed as HTML.
'use strict';
(() => {
  const MAX_TOYS = 256;          // cards shown at most
  const MAX_CONTROLS = 64;       // controls per card at most
  const MAX_TEXT = 160;          // longest peer text shown
  const MIN_GAP_MS = 50;         // slider commands never closer than this, whatever the device says
  const REPLY_TIMEOUT_MS = 10000;
  const RETRY_MS = [1000, 2000, 5000, 10000];

  const $ = (id) => document.getElementById(id);
  const linkEl = $('link');
  const linkText = $('link-text');
  const toysEl = $('toys');
  const emptyEl = $('empty');

  const toys = new Map();        // DeviceIndex -> toy
  const waiting = new Map();     // message Id -> {resolve, reject, timer}
  let socket = null;
  let nextId = 1;
  let pingTimer = null;
  let retries = 0;
  let everLive = false;

  const clip = (s) => {
    const t = String(s == null ? '' : s).replace(/[\u0000-\u001f\u007f]/g, ' ');
    return t.length > MAX_TEXT ? t.slice(0, MAX_TEXT) + '…' : t;
  };
  const el = (tag, props, ...children) => {
    const e = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v);
    });
    children.forEach((c) => c && e.appendChild(c));
    return e;
  };

  function setLink(state, words) {
    linkEl.dataset.state = state;
    linkText.textContent = words;
  }

  // ---- wire ----
  function controlUrl() {
    const u = new URL(window.location.href);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    u.hash = '';
    u.search = '';
    return u.href;
  }

  function send(type, body) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new Error('not connected'));
    }
    const id = nextId;
    nextId = nextId >= 0xfffffffe ? 1 : nextId + 1;
    const msg = {};
    msg[type] = Object.assign({ Id: id }, body || {});
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('no answer within ' + REPLY_TIMEOUT_MS / 1000 + ' s'));
      }, REPLY_TIMEOUT_MS);
      waiting.set(id, { resolve, reject, timer });
      socket.send(JSON.stringify([msg]));
    });
  }

  function onMessage(event) {
    let list;
    try {
      list = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (!Array.isArray(list)) return;
    list.slice(0, 1024).forEach((m) => {
      if (!m || typeof m !== 'object') return;
      const type = Object.keys(m)[0];
      const body = m[type] || {};
      if (body.Id && waiting.has(body.Id)) {
        const w = waiting.get(body.Id);
        waiting.delete(body.Id);
        clearTimeout(w.timer);
        if (type === 'Error') w.reject(new Error(clip(body.ErrorMessage || 'refused')));
        else w.resolve({ type, body });
        return;
      }
      if (type === 'DeviceAdded') addToy(body);
      else if (type === 'DeviceRemoved') removeToy(body.DeviceIndex);
      else if (type === 'Error') setLink('live', 'Live — the hub said: ' + clip(body.ErrorMessage));
    });
  }

  function connect() {
    setLink(retries === 0 && !everLive ? 'connecting' : 'reconnecting',
      retries === 0 && !everLive ? 'Connecting…' : 'Reconnecting…');
    let ws;
    try {
      ws = new WebSocket(controlUrl());
    } catch (e) {
      lost();
      return;
    }
    socket = ws;
    ws.onmessage = onMessage;
    ws.onclose = () => {
      if (socket === ws) lost();
    };
    ws.onopen = () => {
      send('RequestServerInfo', { ClientName: 'Buttplug remote control page', MessageVersion: 3 })
        .then(({ body }) => {
          const maxPing = Number(body.MaxPingTime) || 0;
          if (maxPing > 0) {
            pingTimer = setInterval(() => send('Ping').catch(() => {}), Math.max(100, Math.floor(maxPing / 2)));
          }
          return send('RequestDeviceList');
        })
        .then(({ body }) => {
          retries = 0;
          everLive = true;
          (body.Devices || []).forEach(addToy);
          setLink('live', 'Live');
        })
        .catch(() => ws.close());
    };
  }

  function lost() {
    socket = null;
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
    waiting.forEach((w) => { clearTimeout(w.timer); w.reject(new Error('the link was lost')); });
    waiting.clear();
    toys.forEach((t) => t.lose());
    const wait = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)];
    retries++;
    setLink('lost', 'Lost — every toy is stopped. Trying again in ' + Math.round(wait / 1000) + ' s…');
    setTimeout(() => {
      toys.forEach((t) => t.remove());
      toys.clear();
      showEmpty();
      connect();
    }, wait);
  }

  // ---- toys ----
  function showEmpty() {
    emptyEl.hidden = toys.size > 0;
  }

  function addToy(d) {
    if (!d || typeof d.DeviceIndex !== 'number' || toys.has(d.DeviceIndex) || toys.size >= MAX_TOYS) return;
    const toy = makeToy(d);
    toys.set(d.DeviceIndex, toy);
    toysEl.appendChild(toy.card);
    showEmpty();
  }

  function removeToy(index) {
    const t = toys.get(index);
    if (!t) return;
    toys.delete(index);
    t.remove();
    showEmpty();
  }

  // One slider's commands: latest wins, one in flight, never closer than the gap.
  function throttle(gapMs, sendValue, onRefused) {
    let latest = null;
    let busy = false;
    let lastAt = 0;
    const pump = () => {
      if (busy || latest === null) return;
      const wait = lastAt + gapMs - Date.now();
      if (wait > 0) {
        busy = true;
        setTimeout(() => { busy = false; pump(); }, wait);
        return;
      }
      const v = latest;
      latest = null;
      busy = true;
      lastAt = Date.now();
      sendValue(v).then(() => onRefused(''), (e) => onRefused(e.message))
        .finally(() => { busy = false; pump(); });
    };
    return {
      set(v) { latest = v; pump(); },
      drop() { latest = null; },
    };
  }

  function makeToy(d) {
    const index = d.DeviceIndex;
    const name = clip(d.DeviceDisplayName || d.DeviceName || 'Toy ' + index);
    const gap = Math.max(MIN_GAP_MS, Number(d.DeviceMessageTimingGap) || 0);
    const msgs = d.DeviceMessages || {};
    const headingId = 'toy-' + index;
    const card = el('li', { class: 'toy', 'aria-labelledby': headingId });
    const title = el('h2', { id: headingId, text: name });
    const stopOne = el('button', { class: 'stop-one', type: 'button', text: 'Stop' });
    stopOne.setAttribute('aria-label', 'Stop ' + name);
    card.appendChild(el('div', { class: 'toy-head' }, title, stopOne));
    const resets = [];
    let count = 0;

    const refusalLine = () => el('p', { class: 'refusal', role: 'alert' });
    const slider = (label, steps, onValue) => {
      const id = headingId + '-c' + count;
      const input = el('input', { type: 'range', id, min: '0', max: String(steps), step: '1', value: '0' });
      const out = el('output', { for: id, text: '0 / ' + steps });
      input.setAttribute('aria-valuetext', '0 of ' + steps);
      const refusal = refusalLine();
      // a command cut off by a lost link is no refusal: the link state says it
      const t = throttle(gap, (v) => onValue(v), (why) => { refusal.textContent = socket ? why : ''; });
      input.addEventListener('input', () => {
        const v = Number(input.value);
        out.textContent = v + ' / ' + steps;
        input.setAttribute('aria-valuetext', v + ' of ' + steps);
        t.set(v);
      });
      resets.push(() => {
        t.drop();
        input.value = '0';
        out.textContent = '0 / ' + steps;
        input.setAttribute('aria-valuetext', '0 of ' + steps);
      });
      const box = el('div', { class: 'control' },
        el('label', { for: id }, el('span', { text: label }), out), input, refusal);
      return { box, input, refusal };
    };

    (Array.isArray(msgs.ScalarCmd) ? msgs.ScalarCmd : []).forEach((f, i) => {
      if (count >= MAX_CONTROLS) return;
      const steps = Math.max(1, Math.floor(Number(f.StepCount) || 1));
      const type = clip(f.ActuatorType || 'Vibrate');
      const label = type + ' ' + (i + 1) + (f.FeatureDescriptor ? ' (' + clip(f.FeatureDescriptor) + ')' : '');
      const s = slider(label, steps, (v) => send('ScalarCmd', {
        DeviceIndex: index, Scalars: [{ Index: i, Scalar: v / steps, ActuatorType: f.ActuatorType }] }));
      s.box.dataset.actuator = type;
      card.appendChild(s.box);
      count++;
    });

    (Array.isArray(msgs.RotateCmd) ? msgs.RotateCmd : []).forEach((f, i) => {
      if (count >= MAX_CONTROLS) return;
      const steps = Math.max(1, Math.floor(Number(f.StepCount) || 1));
      const dirId = headingId + '-dir' + i;
      const dir = el('input', { type: 'checkbox', id: dirId, checked: '' });
      let s;
      const go = (v) => send('RotateCmd', {
        DeviceIndex: index, Rotations: [{ Index: i, Speed: v / steps, Clockwise: dir.checked }] });
      s = slider('Rotate ' + (i + 1), steps, go);
      dir.addEventListener('change', () => s.input.dispatchEvent(new Event('input')));
      s.box.appendChild(el('div', { class: 'row' }, dir, el('label', { for: dirId, text: 'Clockwise' })));
      card.appendChild(s.box);
      count++;
    });

    (Array.isArray(msgs.LinearCmd) ? msgs.LinearCmd : []).forEach((f, i) => {
      if (count >= MAX_CONTROLS) return;
      const steps = Math.max(1, Math.floor(Number(f.StepCount) || 1));
      const durId = headingId + '-dur' + i;
      const dur = el('input', { type: 'number', id: durId, min: '50', max: '10000', step: '50', value: '500' });
      const s = slider('Position ' + (i + 1), steps, (v) => send('LinearCmd', {
        DeviceIndex: index,
        Vectors: [{ Index: i, Position: v / steps,
          Duration: Math.min(10000, Math.max(50, Math.floor(Number(dur.value) || 500))) }] }));
      s.box.appendChild(el('div', { class: 'row' }, el('label', { for: durId, text: 'Move over (ms)' }), dur));
      card.appendChild(s.box);
      count++;
    });

    (Array.isArray(msgs.SensorReadCmd) ? msgs.SensorReadCmd : []).forEach((f, i) => {
      if (count >= MAX_CONTROLS) return;
      const type = clip(f.SensorType || 'Sensor');
      const value = el('output', { text: '' });
      const refusal = refusalLine();
      const read = el('button', { class: 'read', type: 'button', text: 'Read ' + type.toLowerCase() });
      read.setAttribute('aria-label', 'Read ' + type.toLowerCase() + ' of ' + name);
      read.addEventListener('click', () => {
        send('SensorReadCmd', { DeviceIndex: index, SensorIndex: i, SensorType: f.SensorType })
          .then(({ body }) => {
            refusal.textContent = '';
            const data = Array.isArray(body.Data) ? body.Data.slice(0, 4).map(Number).join(', ') : '';
            value.textContent = type === 'Battery' ? data + ' %' : data;
          }, (e) => { refusal.textContent = e.message; });
      });
      card.appendChild(el('div', { class: 'control' }, el('div', { class: 'row' }, read, value), refusal));
      count++;
    });

    const stop = () => {
      resets.forEach((r) => r());
      return send('StopDeviceCmd', { DeviceIndex: index });
    };
    stopOne.addEventListener('click', () => { stop().catch(() => {}); });

    return {
      card,
      stopLocally() { resets.forEach((r) => r()); },
      lose() {
        resets.forEach((r) => r());
        card.dataset.lost = 'true';
        card.querySelectorAll('input, button').forEach((i) => { i.disabled = true; });
      },
      remove() { card.remove(); },
    };
  }

  function stopAll() {
    toys.forEach((t) => t.stopLocally());
    send('StopAllDevices').catch(() => {});
  }

  $('stop-all').addEventListener('click', stopAll);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      stopAll();
    }
  });
  window.addEventListener('pagehide', () => {
    if (socket && socket.readyState === WebSocket.OPEN) {
      try { socket.send(JSON.stringify([{ StopAllDevices: { Id: nextId } }])); } catch (e) { /* closing */ }
    }
  });
  showEmpty();
  connect();
})();
