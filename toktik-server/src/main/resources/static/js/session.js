// Who is signed in: the user from GET /api/me, kept in step with sign-in, sign-out and profile edits.
import { api, hasSession, onSessionChange } from './api.js';

let me = null;
const listeners = new Set();

export const currentUser = () => me;
export const onUserChange = listener => { listeners.add(listener); return () => listeners.delete(listener); };

export function setUser(user) {
  me = user;
  listeners.forEach(listener => listener(me));
}

// Loads the signed-in user; null when signed out. Network errors propagate (the session is kept for a retry).
export async function loadUser() {
  setUser(hasSession() ? await api.me() : null);
  return me;
}

onSessionChange(signedIn => {
  if (!signedIn) setUser(null);
  else loadUser().catch(() => {});
});
