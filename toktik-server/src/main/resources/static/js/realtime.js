// The /ws gateway: one socket for the page, topics followed while someone listens, reconnect + resubscribe on any close.
import { currentToken, onSessionChange } from './api.js';

const listeners = new Map(); // topic -> Set of handler({type, data})
const reconnectListeners = new Set();
let socket = null;
let ready = false; // signed in (or anonymous) and subscriptions sent
let everReady = false;
let attempt = 0;
let retryTimer = null;

const send = frame => { if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame)); };

function subscribeAll() {
  ready = true;
  attempt = 0;
  for (const topic of listeners.keys()) send({ op: 'subscribe', topic });
  if (everReady) reconnectListeners.forEach(listener => listener());
  everReady = true;
}

async function connect() {
  clearTimeout(retryTimer);
  if (socket || !listeners.size) return;
  const ws = socket = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
  ready = false;
  ws.addEventListener('open', async () => {
    const token = await currentToken().catch(() => null);
    if (ws !== socket) return;
    if (token) send({ op: 'auth', token });
    else subscribeAll();
  });
  ws.addEventListener('message', e => {
    let frame;
    try { frame = JSON.parse(e.data); } catch { return; }
    if (frame.type === 'authenticated') {
      subscribeAll();
    } else if (frame.type === 'subscribed' && !listeners.has(frame.topic)) {
      send({ op: 'unsubscribe', topic: frame.topic }); // nobody listens any more
    } else if (frame.topic && frame.type !== 'error') {
      listeners.get(frame.topic)?.forEach(handler => handler(frame));
    }
  });
  ws.addEventListener('close', () => {
    if (ws !== socket) return;
    socket = null;
    ready = false;
    if (!listeners.size) return;
    // Back off 1 s, 2 s, 4 s… up to 30 s, with jitter so a restarted node is not hit by everyone at once.
    const delay = Math.min(30000, 1000 * 2 ** attempt++) * (0.5 + Math.random() / 2);
    retryTimer = setTimeout(() => { connect(); }, delay);
  });
}

// Follows topic while the returned function has not been called; handler gets each {topic, type, data}.
export function subscribe(topic, handler) {
  let handlers = listeners.get(topic);
  if (!handlers) {
    listeners.set(topic, handlers = new Set());
    if (ready) send({ op: 'subscribe', topic });
  }
  handlers.add(handler);
  connect();
  return () => {
    handlers.delete(handler);
    if (handlers.size || listeners.get(topic) !== handlers) return;
    listeners.delete(topic);
    if (ready) send({ op: 'unsubscribe', topic });
  };
}

// listener(): the socket came back after a close; events meanwhile were not replayed, so refetch what is shown.
export const onReconnect = listener => { reconnectListeners.add(listener); return () => reconnectListeners.delete(listener); };

// A new identity needs a new socket: user:me and private topics follow the signed-in user.
onSessionChange(() => {
  const old = socket;
  socket = null;
  old?.close(1000);
  attempt = 0;
  connect();
});
