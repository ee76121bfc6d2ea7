// Entry point: the header (search, upload, notifications, account), the routes, and the session restored on load.
import { api, hasSession } from './api.js';
import { avatar, profilePath } from './dom.js';
import { initNotifications } from './notifications.js';
import { navigate, render, route } from './router.js';
import { currentUser, loadUser, onUserChange } from './session.js';
import { mountAuth } from './views/auth.js';
import { mountFeed } from './views/feed.js';
import { mountNotFound } from './views/notfound.js';
import { mountProfile } from './views/profile.js';
import { mountSearch } from './views/search.js';
import { mountUpload } from './views/upload.js';
import { mountWatch } from './views/watch.js';

route(/^\/$/, c => mountFeed(c, 'foryou'));
route(/^\/(following|latest|trending)$/, (c, [tab]) => mountFeed(c, tab));
route(/^\/v\/([^/]+)$/, (c, [id]) => mountWatch(c, id));
route(/^\/@([^/]+)$/, (c, [username]) => mountProfile(c, username));
route(/^\/upload$/, c => mountUpload(c));
route(/^\/search$/, (c, _, url) => mountSearch(c, url.searchParams.get('q') ?? ''));
route(/^\/(signin|signup)$/, (c, [mode], url) => mountAuth(c, mode, url.searchParams.get('next')));
route(/.*/, c => mountNotFound(c));

const $ = id => document.getElementById(id);

// A popover (account menu, notifications) that closes on Escape and on a click elsewhere.
function popover(button, panel, { onOpen = () => {} } = {}) {
  const set = open => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) onOpen();
  };
  button.addEventListener('click', () => set(panel.hidden));
  document.addEventListener('click', e => { if (!panel.hidden && !button.parentElement.contains(e.target)) set(false); });
  panel.addEventListener('click', e => { if (e.target.closest('a')) set(false); });
  document.addEventListener('keydown', e => {
    if (e.key === 'Escape' && !panel.hidden) { set(false); button.focus(); }
  });
  return set;
}

function showAccount(user) {
  $('account').hidden = $('bell').hidden = !user;
  $('sign-in').hidden = !!user;
  if (!user) return;
  $('account-button').replaceChildren(avatar(user, 34));
  $('account-button').setAttribute('aria-label', `Account: ${user.displayName || user.username}`);
  $('menu-profile').href = profilePath(user.username);
}

popover($('account-button'), $('account-menu'));
$('sign-out').addEventListener('click', async () => {
  await api.logout();
  navigate('/');
});
$('search-form').addEventListener('submit', e => {
  e.preventDefault();
  const q = $('search-input').value.trim();
  if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
});
document.addEventListener('toktik:route', ({ detail: url }) => {
  if (url.pathname === '/search') $('search-input').value = url.searchParams.get('q') ?? '';
  $('sign-in').href = `/signin?next=${encodeURIComponent(url.pathname + url.search)}`;
});

initNotifications({ bell: $('bell'), button: $('bell-button'), panel: $('notifications'), list: $('notification-list'),
  badge: $('bell-count'), label: $('bell-label'), popover });
onUserChange(showAccount);

// Restore the session before the first view, so it renders for the right person.
(hasSession() ? loadUser() : Promise.resolve(null)).catch(() => null).finally(() => {
  showAccount(currentUser());
  render();
});
