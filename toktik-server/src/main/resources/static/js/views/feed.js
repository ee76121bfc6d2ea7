// The feed: one full-height video per screen, snapping on scroll, swipe or arrow keys; the visible one plays muted.
import { api } from '../api.js';
import { avatar, emptyState, errorState, h, icon, profilePath, richText, spinner, videoPath } from '../dom.js';
import { attach } from '../player.js';
import { commentTally, mountComments } from '../comments.js';
import { onReconnect } from '../realtime.js';
import { currentUser } from '../session.js';
import { counter, followVideo, likeButton, requireUser, shareButton, viewsNoun } from '../social.js';
import { ViewTimer } from '../viewtimer.js';

const TABS = [['foryou', 'For you', '/'], ['following', 'Following', '/following'], ['latest', 'Latest', '/latest'], ['trending', 'Trending', '/trending']];
let muted = true; // one choice for the whole feed: unmuting one video unmutes the next ones too

export function mountFeed(container, tab) {
  const feed = h('div.feed', { tabIndex: 0, 'aria-label': 'Videos — use the arrow keys to move between them' });
  const footer = h('div.feed-footer');
  const sheet = h('dialog.sheet', { 'aria-labelledby': 'sheet-heading' });
  const slides = []; // {video, el, videoEl, player, unfollow, timer, like, comments, views}
  const seen = new Set();
  let cursor = null;
  let loading = false;
  let done = false;
  let active = -1;
  let closed = false;
  let arrows = null;

  container.append(h('section.feed-view', {},
    h('nav.feed-tabs', { 'aria-label': 'Feeds' }, TABS.map(([key, label, href]) =>
      h('a', { href, 'aria-current': key === tab ? 'page' : undefined }, label))),
    feed,
    arrows = h('div.feed-arrows.not-phone', { hidden: true },
      h('button.btn-round', { type: 'button', 'aria-label': 'Previous video', onclick: () => go(active - 1) }, icon('up')),
      h('button.btn-round', { type: 'button', 'aria-label': 'Next video', onclick: () => go(active + 1) }, icon('down'))),
    sheet));
  feed.append(footer);

  function slide(video) {
    const videoEl = h('video', { playsInline: true, loop: true, muted, preload: 'none', poster: video.thumbnailUrl ?? undefined,
      'aria-label': video.title });
    const bar = h('span.slide-bar-fill');
    const like = likeButton(video);
    const comments = counter(video.commentCount, 'comments');
    const viewsLabel = h('span', {});
    const views = counter(video.viewCount, 'views', n => { viewsLabel.textContent = viewsNoun(n); });
    const muteButton = h('button.btn-round.mute', { type: 'button' });
    const showMute = () => {
      muteButton.replaceChildren(icon(muted ? 'muted' : 'volume'));
      muteButton.setAttribute('aria-label', muted ? 'Unmute (m)' : 'Mute (m)');
    };
    showMute();
    const burst = h('span.burst', { 'aria-hidden': 'true' }, icon('heart'));
    const tapLayer = h('button.tap-layer', { type: 'button', 'aria-label': 'Play or pause' });
    const el = h(video.height > video.width ? 'article.slide.portrait' : 'article.slide', { dataset: { videoId: video.id }, 'aria-label': `${video.title} by @${video.owner.username}` },
      h('div.stage', { style: { '--ratio': video.width && video.height ? `${video.width} / ${video.height}` : '9 / 16' } },
        videoEl, tapLayer, burst,
        h('span.paused-badge', { 'aria-hidden': 'true' }, icon('play')),
        muteButton,
        h('div.slide-info', {},
          h('a.slide-author', { href: profilePath(video.owner.username) }, `@${video.owner.username}`),
          h('p.slide-caption', {}, h('a.slide-title', { href: videoPath(video.id) }, video.title),
            video.description ? [' ', richText(video.description)] : []),
          h('p.slide-views', {}, icon('eye'), views, viewsLabel)),
        h('div.slide-bar', { 'aria-hidden': 'true' }, bar)),
      h('div.rail', {},
        h('a.rail-avatar', { href: profilePath(video.owner.username), 'aria-label': `@${video.owner.username}` }, avatar(video.owner, 48)),
        like,
        h('button.action.comments', { type: 'button', 'aria-label': 'Comments', onclick: () => openComments(entry) },
          h('span.action-icon', {}, icon('comment')), comments),
        shareButton(video)));
    const entry = { video, el, videoEl, player: null, unfollow: null, like, comments, views, tally: commentTally(comments),
      timer: new ViewTimer(videoEl, video.id) };

    muteButton.addEventListener('click', () => setMuted(!muted));
    entry.showMute = showMute;
    // One tap pauses or plays; two taps like (with a heart where the finger was).
    let tapTimer = null;
    tapLayer.addEventListener('click', e => {
      if (tapTimer) {
        clearTimeout(tapTimer);
        tapTimer = null;
        burst.style.left = `${e.offsetX}px`;
        burst.style.top = `${e.offsetY}px`;
        burst.classList.remove('go');
        void burst.offsetWidth; // restart the animation
        burst.classList.add('go');
        if (requireUser()) like.like();
        return;
      }
      tapTimer = setTimeout(() => { tapTimer = null; togglePlay(entry); }, 250);
    });
    videoEl.addEventListener('timeupdate', () => {
      if (videoEl.duration) bar.style.transform = `scaleX(${videoEl.currentTime / videoEl.duration})`;
    });
    videoEl.addEventListener('play', () => el.classList.remove('paused'));
    videoEl.addEventListener('pause', () => el.classList.add('paused'));
    return entry;
  }

  function setMuted(value) {
    muted = value;
    for (const s of slides) { s.videoEl.muted = muted; s.showMute(); }
  }

  function togglePlay(entry) {
    if (entry.videoEl.paused) entry.videoEl.play().catch(() => {});
    else entry.videoEl.pause();
  }

  function play(entry) {
    entry.videoEl.muted = muted;
    entry.videoEl.play().catch(err => {
      // Sound without a tap first is refused: play muted and say how to unmute.
      if (err.name === 'NotAllowedError' && !muted) { setMuted(true); entry.videoEl.play().catch(() => {}); }
    });
  }

  // The visible video plays, its neighbours are attached (the next one preloads), the rest hold nothing.
  function activate(index) {
    if (index === active || closed) return;
    const previous = slides[active];
    if (previous) { previous.videoEl.pause(); previous.timer.flush(); }
    active = index;
    slides.forEach((s, i) => {
      const near = i >= index - 1 && i <= index + 1;
      if (near && !s.player) {
        s.videoEl.preload = 'auto';
        s.player = attach(s.videoEl, s.video, {
          onReady: () => { if (slides[active] === s) play(s); },
          onError: message => s.el.querySelector('.stage').append(h('p.slide-error', { role: 'alert' }, message)),
        });
        s.unfollow = followVideo(s.video.id, {
          likes: n => s.like.setCount(n), views: n => s.views.set(n),
          commentCreated: c => s.tally.added(c), commentDeleted: d => s.tally.removed(d.id, d.deleted),
        });
      } else if (!near && s.player) {
        s.timer.flush();
        s.player.destroy();
        s.player = null;
        s.unfollow();
        s.unfollow = null;
        s.videoEl.preload = 'none';
      }
    });
    if (slides[index].player.ready) play(slides[index]);
    if (index >= slides.length - 3) loadMore();
  }

  function go(index) {
    if (index < 0 || index >= slides.length) return;
    slides[index].el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  const visible = new IntersectionObserver(entries => {
    for (const e of entries) {
      if (e.isIntersecting && e.intersectionRatio >= 0.6) activate(slides.findIndex(s => s.el === e.target));
    }
  }, { root: feed, threshold: [0.6] });

  async function loadMore() {
    if (loading || done || closed) return;
    loading = true;
    footer.replaceChildren(slides.length ? spinner('Loading more…') : spinner());
    try {
      const page = await api.feed(tab, cursor);
      if (closed) return;
      const first = !slides.length;
      cursor = page.nextCursor;
      done = !cursor;
      for (const video of page.items) {
        if (seen.has(video.id)) continue;
        seen.add(video.id);
        const entry = slide(video);
        slides.push(entry);
        footer.before(entry.el);
        visible.observe(entry.el);
      }
      arrows.hidden = slides.length < 2;
      if (first) feed.scrollTop = 0;
      footer.replaceChildren(slides.length ? (done ? h('p.feed-end', {}, "You're all caught up") : '') : emptyFeed());
      if (active >= slides.length - 3 && !done && slides.length) queueMicrotask(loadMore);
    } catch (err) {
      if (closed) return;
      footer.replaceChildren(err.status === 401 && tab === 'following' ? emptyFeed() : errorState(err, () => { loading = false; loadMore(); }));
      done = err.status === 401;
    } finally {
      loading = false;
    }
  }

  function emptyFeed() {
    footer.classList.add('feed-footer-full');
    if (tab === 'following' && !currentUser()) {
      return emptyState('See videos from people you follow', 'Sign in and follow a few creators.',
        h('a.btn.btn-primary', { href: '/signin?next=/following' }, 'Sign in'));
    }
    if (tab === 'following') return emptyState('Nobody posted yet', 'Follow creators to see their videos here.', h('a.btn.btn-primary', { href: '/' }, 'Discover videos'));
    return emptyState('No videos yet', 'Be the first to upload one.', h('a.btn.btn-primary', { href: '/upload' }, 'Upload a video'));
  }

  function openComments(entry) {
    const body = h('div.sheet-body');
    sheet.replaceChildren(h('div.sheet-head', {},
      h('h2', { id: 'sheet-heading' }, 'Comments'),
      h('button.btn-icon', { type: 'button', 'aria-label': 'Close comments', onclick: () => sheet.close() }, icon('close'))), body);
    const panel = mountComments(body, entry.video, entry.tally);
    const unfollow = followVideo(entry.video.id, { commentCreated: panel.created, commentDeleted: panel.deleted });
    sheet.addEventListener('close', () => { panel.destroy(); unfollow(); }, { once: true });
    sheet.showModal();
  }
  sheet.addEventListener('click', e => { if (e.target === sheet) sheet.close(); });

  function onKey(e) {
    if (e.target.closest('input, textarea, select, [contenteditable]') || sheet.open || e.ctrlKey || e.metaKey || e.altKey) return;
    const entry = slides[active];
    const keys = {
      ArrowDown: () => go(active + 1), PageDown: () => go(active + 1), j: () => go(active + 1),
      ArrowUp: () => go(active - 1), PageUp: () => go(active - 1), k: () => go(active - 1),
      m: () => setMuted(!muted), ' ': () => entry && togglePlay(entry), l: () => entry?.like.click(),
    };
    if (!keys[e.key] || (e.key === ' ' && e.target.closest('button, a'))) return;
    e.preventDefault();
    keys[e.key]();
  }
  document.addEventListener('keydown', onKey);
  const flushAll = () => { if (document.visibilityState === 'hidden') slides[active]?.timer.flush(); };
  document.addEventListener('visibilitychange', flushAll);
  const stopReconnect = onReconnect(async () => {
    // Counts may have moved while the socket was down: fetch the attached videos again.
    for (const s of slides.filter(x => x.player)) {
      api.video(s.video.id).then(v => { s.like.setCount(v.likeCount); s.comments.set(v.commentCount); s.views.set(v.viewCount); }, () => {});
    }
  });

  loadMore();
  feed.focus({ preventScroll: true });
  return () => {
    closed = true;
    visible.disconnect();
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('visibilitychange', flushAll);
    stopReconnect();
    for (const s of slides) {
      s.timer.flush();
      s.player?.destroy();
      s.unfollow?.();
    }
  };
}
