// HTTP client for the TokTik API: JSON in/out, problem+json errors, bearer auth refreshed silently.

const REFRESH_KEY = 'toktik.refreshToken';
const VIEWER_KEY = 'toktik.viewerId';
// The refresh token is persisted so a reload keeps you signed in; the access token stays in memory only.
let accessToken = null;
let accessExpiresAt = 0;
let refreshing = null;
const sessionListeners = new Set();

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || (status ? `Request failed (${status})` : 'Network error — check your connection.'));
    this.status = status;
    this.errors = problem?.errors ?? {};
  }
}

export const hasSession = () => localStorage.getItem(REFRESH_KEY) !== null;
// listener(signedIn): called when a session starts or ends (sign in, sign out, refresh refused).
export const onSessionChange = listener => sessionListeners.add(listener);
const announce = signedIn => sessionListeners.forEach(listener => listener(signedIn));

function startSession({ user, accessToken: token, refreshToken, expiresIn }) {
  accessToken = token;
  accessExpiresAt = Date.now() + (expiresIn ?? 900) * 900; // renew at 90% of the lifetime instead of waiting for a 401
  localStorage.setItem(REFRESH_KEY, refreshToken);
  return user;
}

function clearSession() {
  accessToken = null;
  localStorage.removeItem(REFRESH_KEY);
}

// An anonymous viewer's opaque id, so the server counts a reload as the same viewer (see API.md, Views).
function viewerId() {
  let id = localStorage.getItem(VIEWER_KEY);
  if (!id) localStorage.setItem(VIEWER_KEY, id = crypto.randomUUID());
  return id;
}

async function parse(res) {
  const json = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

function send(method, url, body, token, extra = {}) {
  const headers = { Accept: 'application/json', ...extra.headers };
  const json = body !== undefined && !(body instanceof Blob);
  if (json) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(url, { method, headers, keepalive: extra.keepalive, body: json ? JSON.stringify(body) : body })
    .catch(() => { throw new ApiError(0); });
}

// A refresh token works once (rotation: a second use ends the session), so refreshes are serialized: callers in this
// page share one, and pages in other tabs wait for a lock and then read the token the previous refresh stored.
const exclusively = work => (navigator.locks ? navigator.locks.request('toktik.refresh', work) : work());

function refresh(staleToken) {
  if (accessToken && accessToken !== staleToken) return Promise.resolve(); // someone already refreshed
  refreshing ??= exclusively(async () => {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) throw new ApiError(401, { detail: 'Sign in to do that.' });
    const res = await send('POST', '/api/auth/refresh', { refreshToken });
    if (res.ok) return startSession(await res.json());
    if (![400, 401, 403].includes(res.status)) throw new ApiError(res.status, await res.json().catch(() => null));
    clearSession();
    announce(false);
    throw new ApiError(401, { detail: 'Your session has ended — please sign in again.' });
  }).finally(() => { refreshing = null; });
  return refreshing;
}

// A valid access token, refreshed first when it is (about to be) stale; null when signed out.
export async function currentToken() {
  if (!hasSession()) return null;
  if (!accessToken || Date.now() > accessExpiresAt) await refresh(accessToken);
  return accessToken;
}

// sendWith(token) performs the request and resolves to a Response; it is called again once after a refresh on 401.
async function authed(sendWith) {
  const token = await currentToken();
  let res = await sendWith(token);
  if (res.status === 401 && token) {
    await refresh(token);
    res = await sendWith(accessToken);
  }
  return parse(res);
}

// Signed in: with the token (so the answer says likedByMe, followedByMe…); signed out: anonymously.
const call = (method, url, body, extra) => authed(token => send(method, url, body, token, extra));
const publicPost = (url, body) => send('POST', url, body).then(parse);
const q = params => {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  return s ? `?${s}` : '';
};
const id = value => encodeURIComponent(value);

export const api = {
  async signup(body) { const user = startSession(await publicPost('/api/auth/signup', body)); announce(true); return user; },
  async login(body) { const user = startSession(await publicPost('/api/auth/login', body)); announce(true); return user; },
  async logout() {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    clearSession();
    announce(false);
    if (refreshToken) await send('POST', '/api/auth/logout', { refreshToken }).catch(() => {});
  },
  me: () => call('GET', '/api/me'),
  updateMe: body => call('PATCH', '/api/me', body),
  setAvatar: file => call('PUT', '/api/me/avatar', file, { headers: { 'Content-Type': file.type || 'application/octet-stream' } }),

  feed: (tab, cursor) => call('GET', `/api/feed${q({ tab, cursor, limit: 8 })}`),
  search: (text, cursor) => call('GET', `/api/search${q({ q: text, cursor })}`),
  video: videoId => call('GET', `/api/videos/${id(videoId)}`),
  createVideo: body => call('POST', '/api/videos', body),
  deleteVideo: videoId => call('DELETE', `/api/videos/${id(videoId)}`),
  like: (videoId, liked) => call(liked ? 'PUT' : 'DELETE', `/api/videos/${id(videoId)}/like`),
  view: (videoId, watchedMs) => call('POST', `/api/videos/${id(videoId)}/views`, { watchedMs: Math.round(watchedMs) },
    { keepalive: true, headers: hasSession() ? {} : { 'X-Viewer-Id': viewerId() } }),
  comments: (videoId, cursor) => call('GET', `/api/videos/${id(videoId)}/comments${q({ cursor, limit: 50 })}`),
  comment: (videoId, text, parentId) => call('POST', `/api/videos/${id(videoId)}/comments`, { text, parentId }),
  deleteComment: commentId => call('DELETE', `/api/comments/${id(commentId)}`),

  profile: username => call('GET', `/api/users/${id(username)}`),
  userVideos: (username, cursor) => call('GET', `/api/users/${id(username)}/videos${q({ cursor, limit: 24 })}`),
  follow: (username, following) => call(following ? 'PUT' : 'DELETE', `/api/users/${id(username)}/follow`),

  notifications: cursor => call('GET', `/api/notifications${q({ cursor })}`),
  markNotificationsRead: () => call('POST', '/api/notifications/read', {}),

  // Does the server speak tus 1.0 at /api/uploads? (Its OPTIONS answer names the versions it supports.)
  async tusEndpoint(endpoint) {
    const token = await currentToken();
    const res = await send('OPTIONS', endpoint, undefined, token).catch(() => null);
    return res?.ok && res.headers.get('Tus-Version') ? endpoint : null;
  },
};
