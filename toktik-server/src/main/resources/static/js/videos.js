// "My videos": the owner's list with status badges, delete, and polling while anything is still being processed.
import { api } from './api.js';

const POLL_MS = 2000;
const IN_FLIGHT = new Set(['UPLOADING', 'PROCESSING']);
// A video turns READY with its first rendition; progress reaches 100 once the rest of the ladder is published.
const isWorking = v => IN_FLIGHT.has(v.status) || (v.status === 'READY' && v.progress < 100);
const STATUS_LABELS = { UPLOADING: 'Uploading', PROCESSING: 'Processing', READY: 'Ready', FAILED: 'Failed' };
const VISIBILITY_LABELS = { PUBLIC: 'Public', UNLISTED: 'Unlisted', PRIVATE: 'Private' };
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const $ = id => document.getElementById(id);

function formatDuration(ms) {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function updateCard(card, video) {
  const slot = name => card.querySelector(`[data-slot=${name}]`);
  const img = card.querySelector('img');
  const bar = card.querySelector('.thumb-progress');
  const [play, del] = card.querySelectorAll('[data-action]');

  if (video.thumbnailUrl && img.getAttribute('src') !== video.thumbnailUrl) img.src = video.thumbnailUrl;
  img.hidden = !video.thumbnailUrl || img.dataset.broken === 'true';
  card.dataset.status = video.status;
  slot('badge').textContent = (STATUS_LABELS[video.status] ?? video.status)
    + (video.status === 'PROCESSING' ? ` ${video.progress ?? 0}%` : '');
  slot('duration').textContent = video.durationMs ? formatDuration(video.durationMs) : '';
  bar.hidden = !isWorking(video);
  if (video.status === 'UPLOADING') bar.removeAttribute('value'); // indeterminate while the bytes are still arriving
  else bar.value = video.progress ?? 0;
  bar.setAttribute('aria-label', `${video.title}: ${slot('badge').textContent}`);

  slot('title').textContent = video.title;
  const renditions = [...(video.renditions ?? [])].sort((a, b) => a.height - b.height).map(r => r.name);
  slot('renditions').textContent = renditions.join(' · ');
  slot('renditions').hidden = !renditions.length;
  slot('visibility').textContent = VISIBILITY_LABELS[video.visibility] ?? video.visibility;
  slot('created').dateTime = video.createdAt;
  slot('created').textContent = dateFormat.format(new Date(video.createdAt));
  slot('error').textContent = video.status === 'FAILED' ? video.error?.message ?? 'Processing failed.' : '';
  slot('error').hidden = video.status !== 'FAILED';

  play.disabled = video.status !== 'READY' || !video.hlsUrl;
  play.setAttribute('aria-label', `Play “${video.title}”`);
  del.setAttribute('aria-label', `Delete “${video.title}”`);
}

export function initVideoList(onPlay) {
  const list = $('videos-list');
  const status = $('videos-status');
  const retry = $('videos-retry');
  const empty = $('videos-empty');
  const more = $('videos-more');
  const template = $('video-card');
  const cards = new Map(); // video id -> <li>, kept across polls so images and focus survive
  const removed = new Set(); // ids deleted here, ignored if a stale poll response still has them
  let username = null;
  let firstPage = [];
  let laterPages = [];
  let nextCursor = null;
  let loaded = false;
  let pollTimer = null;
  let generation = 0; // bumped on load/stop so late responses for a previous session are dropped

  const videos = () => {
    const ids = new Set(firstPage.map(v => v.id));
    return [...firstPage, ...laterPages.filter(v => !ids.has(v.id))].filter(v => !removed.has(v.id));
  };

  function setStatus(message, canRetry = false) {
    status.textContent = message;
    status.hidden = !message;
    retry.hidden = !canRetry;
  }

  function render() {
    const items = videos();
    const ids = new Set(items.map(v => v.id));
    for (const [id, card] of cards) if (!ids.has(id)) { card.remove(); cards.delete(id); }
    items.forEach((video, i) => {
      let card = cards.get(video.id);
      if (!card) {
        card = template.content.firstElementChild.cloneNode(true);
        card.dataset.id = video.id;
        const img = card.querySelector('img');
        img.addEventListener('error', () => { img.dataset.broken = 'true'; img.hidden = true; });
        img.addEventListener('load', () => { img.dataset.broken = 'false'; });
        cards.set(video.id, card);
      }
      updateCard(card, video);
      // Only move nodes that are out of place: moving a node drops keyboard focus inside it.
      if (list.children[i] !== card) list.insertBefore(card, list.children[i] ?? null);
    });
    empty.hidden = !loaded || items.length > 0;
    more.hidden = !nextCursor;
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    pollTimer = videos().some(isWorking) ? setTimeout(reloadFirstPage, POLL_MS) : null;
  }

  async function fetchPage(cursor, apply) {
    const gen = generation;
    try {
      const page = await api.listVideos(username, cursor);
      if (gen !== generation) return;
      apply(page);
      loaded = true;
      setStatus('');
      render();
    } catch (err) {
      if (gen !== generation) return;
      setStatus(`Couldn't load your videos: ${err.message}`, true);
    }
    schedulePoll();
  }

  const reloadFirstPage = () => fetchPage(null, page => {
    firstPage = page.items;
    if (!laterPages.length) nextCursor = page.nextCursor;
  });

  more.addEventListener('click', async () => {
    more.disabled = true;
    await fetchPage(nextCursor, page => {
      laterPages = [...laterPages, ...page.items];
      nextCursor = page.nextCursor;
    });
    more.disabled = false;
  });

  retry.addEventListener('click', () => {
    setStatus('Loading your videos…');
    reloadFirstPage();
  });

  function forget(id) {
    removed.add(id);
    render();
    schedulePoll();
  }

  async function remove(video, button) {
    if (!confirm(`Delete “${video.title}”? This can't be undone.`)) return;
    button.disabled = true;
    try {
      await api.deleteVideo(video.id);
    } catch (err) {
      if (err.status !== 404) {
        button.disabled = false;
        return setStatus(`Couldn't delete “${video.title}”: ${err.message}`);
      }
    }
    forget(video.id);
    $('videos-heading').focus(); // the focused button is gone; keep keyboard users in the list
  }

  list.addEventListener('click', e => {
    const button = e.target.closest('button[data-action]');
    const video = button && videos().find(v => v.id === button.closest('li').dataset.id);
    if (!video) return;
    if (button.dataset.action === 'play') onPlay(video);
    else remove(video, button);
  });

  function stop() {
    generation++;
    clearTimeout(pollTimer);
    firstPage = [];
    laterPages = [];
    nextCursor = null;
    loaded = false;
    removed.clear();
    render();
    setStatus('');
  }

  return {
    load(name) {
      stop();
      username = name;
      setStatus('Loading your videos…');
      reloadFirstPage();
    },
    // A video created or updated on this page (e.g. by the uploader).
    upsert(video) {
      const replace = page => page.map(v => (v.id === video.id ? video : v));
      if (videos().some(v => v.id === video.id)) {
        firstPage = replace(firstPage);
        laterPages = replace(laterPages);
      } else {
        firstPage = [video, ...firstPage];
      }
      render();
      schedulePoll();
    },
    forget,
    stop,
  };
}
