// HTTP client for the TokTik API: JSON in/out, problem+json errors, bearer auth with one refresh-and-retry on 401.

const REFRESH_KEY = 'toktik.refreshToken';
// The refresh token is persisted so a reload keeps you signed in; the access token stays in memory only, so it never outlives the page.
let accessToken = null;
let accessExpiresAt = 0;
let refreshing = null;
const sessionEndListeners = new Set();

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || (status ? `Request failed (${status})` : 'Network error — check your connection.'));
    this.status = status;
    this.errors = problem?.errors ?? {};
  }
}

export const hasSession = () => localStorage.getItem(REFRESH_KEY) !== null;
export const onSessionEnd = listener => sessionEndListeners.add(listener);

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

async function parse(res) {
  const json = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => null) : null;
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

function send(method, url, body, token) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
    .catch(() => { throw new ApiError(0); });
}

// Concurrent callers share one refresh, because the server invalidates the old refresh token on use.
function refresh(staleToken) {
  if (accessToken && accessToken !== staleToken) return Promise.resolve(); // someone already refreshed
  refreshing ??= (async () => {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    if (!refreshToken) throw new ApiError(401, { detail: 'You are signed out.' });
    const res = await send('POST', '/api/auth/refresh', { refreshToken });
    if (res.ok) return startSession(await res.json());
    if (![400, 401, 403].includes(res.status)) throw new ApiError(res.status, await res.json().catch(() => null));
    clearSession();
    sessionEndListeners.forEach(listener => listener());
    throw new ApiError(401, { detail: 'Your session has ended — please sign in again.' });
  })().finally(() => { refreshing = null; });
  return refreshing;
}

// sendWith(token) performs the request and resolves to a Response; it is called again once after a refresh on 401.
async function authed(sendWith) {
  if (!accessToken || Date.now() > accessExpiresAt) await refresh(accessToken);
  const token = accessToken;
  let res = await sendWith(token);
  if (res.status === 401) {
    await refresh(token);
    res = await sendWith(accessToken);
  }
  return parse(res);
}

const call = (method, url, body) => authed(token => send(method, url, body, token));
const publicPost = (url, body) => send('POST', url, body).then(parse);

// PUT the raw file with XMLHttpRequest, which (unlike fetch) reports upload progress.
function putFile(url, file, { onProgress, signal }, token) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = e => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => resolve(new Response(xhr.status === 204 ? null : xhr.response, {
      status: xhr.status, headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
    }));
    xhr.onerror = () => reject(new ApiError(0, { detail: 'The upload failed — check your connection and try again.' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    if (signal.aborted) return xhr.onabort();
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

export const api = {
  signup: body => publicPost('/api/auth/signup', body).then(startSession),
  login: body => publicPost('/api/auth/login', body).then(startSession),
  async logout() {
    const refreshToken = localStorage.getItem(REFRESH_KEY);
    clearSession();
    if (refreshToken) await send('POST', '/api/auth/logout', { refreshToken }).catch(() => {});
  },
  me: () => call('GET', '/api/me'),
  createVideo: body => call('POST', '/api/videos', body),
  uploadSource: (url, file, options) => authed(token => putFile(url, file, options, token)),
  listVideos: (username, cursor) => call('GET', `/api/users/${encodeURIComponent(username)}/videos`
    + (cursor ? `?cursor=${encodeURIComponent(cursor)}` : '')),
  deleteVideo: id => call('DELETE', `/api/videos/${encodeURIComponent(id)}`),
};
