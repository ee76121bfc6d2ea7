// Entry point: wires the views together and restores the session on load.
import { api, hasSession, onSessionEnd } from './api.js';
import { initAuth } from './auth.js';
import { initPlayer } from './player.js';
import { initUpload } from './upload.js';
import { initVideoList } from './videos.js';

const $ = id => document.getElementById(id);
const player = initPlayer();
const videoList = initVideoList(player.open);
const uploader = initUpload({ onChange: videoList.upsert, onRemove: videoList.forget });
const auth = initAuth(showHome);

function showView(name) {
  for (const view of ['loading', 'auth', 'home']) $(`view-${view}`).hidden = view !== name;
}

function showHome(user) {
  $('account-display').textContent = user.displayName || user.username;
  $('account-username').textContent = `@${user.username}`;
  $('account').hidden = false;
  showView('home');
  videoList.load(user.username);
}

function showAuth(message = '') {
  player.close();
  videoList.stop();
  $('account').hidden = true;
  showView('auth');
  auth.show(message);
}

async function restoreSession() {
  const loading = $('view-loading');
  loading.classList.remove('failed');
  $('loading-text').textContent = 'Loading…';
  $('loading-retry').hidden = true;
  showView('loading');
  try {
    showHome(await api.me());
  } catch (err) {
    if (!hasSession()) return; // the server ended the session: onSessionEnd has shown the sign-in form
    loading.classList.add('failed');
    $('loading-text').textContent = `Couldn't reach TokTik: ${err.message}`;
    $('loading-retry').hidden = false;
  }
}

$('loading-retry').addEventListener('click', restoreSession);
$('sign-out').addEventListener('click', async () => {
  await uploader.reset();
  await api.logout();
  showAuth();
});
onSessionEnd(() => {
  uploader.reset();
  showAuth('Your session has ended — please sign in again.');
});

if (hasSession()) restoreSession();
else showAuth();
