// The watch page's player: play/pause, a scrub bar with storyboard thumbnails, mute, quality menu, full screen.
import { duration, h, icon } from './dom.js';
import { attach } from './player.js';

// A storyboard's WebVTT: cues of "start --> end" and "sprite.jpg#xywh=x,y,w,h", resolved against the VTT's URL.
export function parseStoryboard(text, vttUrl) {
  const seconds = t => t.trim().split(':').reduce((acc, part) => acc * 60 + parseFloat(part), 0);
  const cues = [];
  for (const block of text.replace(/\r/g, '').split(/\n\n+/)) {
    const lines = block.split('\n').filter(Boolean);
    const timing = lines.findIndex(l => l.includes('-->'));
    if (timing < 0 || !lines[timing + 1]) continue;
    const [start, end] = lines[timing].split('-->').map(seconds);
    const [file, fragment] = lines[timing + 1].trim().split('#xywh=');
    if (!fragment) continue;
    const [x, y, w, hgt] = fragment.split(',').map(Number);
    cues.push({ start, end, url: new URL(file, new URL(vttUrl, location.href)).href, x, y, w, h: hgt });
  }
  return cues;
}

async function loadStoryboard(storyboard) {
  if (!storyboard?.vttUrl) return [];
  try {
    const res = await fetch(storyboard.vttUrl);
    return res.ok ? parseStoryboard(await res.text(), storyboard.vttUrl) : [];
  } catch {
    return []; // no thumbnails is fine: the scrub bar still works
  }
}

export function mountPlayer(container, video, { onError }) {
  const videoEl = h('video', { playsInline: true, loop: true, preload: 'auto', poster: video.thumbnailUrl ?? undefined, 'aria-label': video.title });
  const played = h('span.scrub-played');
  const buffered = h('span.scrub-buffered');
  const thumb = h('span.scrub-thumb');
  const scrub = h('div.scrub', { role: 'slider', tabIndex: 0, 'aria-label': 'Seek', 'aria-valuemin': '0' },
    h('span.scrub-track', {}, buffered, played), thumb);
  const previewImage = h('span.preview-image');
  const previewTime = h('span.preview-time');
  const preview = h('div.scrub-preview', { hidden: true, 'aria-hidden': 'true' }, previewImage, previewTime);
  const playButton = h('button.ctl', { type: 'button' });
  const muteButton = h('button.ctl', { type: 'button' });
  const time = h('span.ctl-time', {}, '0:00 / 0:00');
  const qualityLabel = h('span.ctl-quality-label', {}, 'Auto');
  const qualityButton = h('button.ctl.ctl-quality', { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, icon('settings'), qualityLabel);
  const qualityMenu = h('div.quality-menu', { role: 'menu', 'aria-label': 'Quality', hidden: true });
  const fullButton = h('button.ctl', { type: 'button', 'aria-label': 'Full screen (f)' }, icon('fullscreen'));
  const bigPlay = h('button.big-play', { type: 'button', 'aria-label': 'Play' }, icon('play'));
  const unmuteHint = h('button.unmute-hint', { type: 'button', hidden: true }, icon('muted'), 'Tap to unmute');
  const player = h('div.player', { tabIndex: -1 },
    videoEl, bigPlay, unmuteHint, preview,
    h('div.controls', {}, scrub, h('div.ctl-row', {}, playButton, muteButton, time, h('span.ctl-spacer'),
      h('div.ctl-menu-wrap', {}, qualityButton, qualityMenu), fullButton)));
  container.append(player);

  let storyboard = [];
  loadStoryboard(video.storyboard).then(cues => { storyboard = cues; });

  const stream = attach(videoEl, video, { onChange: () => showQuality(), onError, onReady: () => autoplay() });

  function showQuality() {
    const auto = stream.level === -1;
    qualityLabel.textContent = auto ? `Auto${stream.playing ? ` · ${stream.playing}` : ''}` : (stream.levels.find(l => l.index === stream.level)?.label ?? '');
    qualityButton.setAttribute('aria-label', `Quality: ${qualityLabel.textContent}`);
    const item = (index, text) => h('button', { type: 'button', role: 'menuitemradio', 'aria-checked': String(stream.level === index),
      onclick: () => { stream.setLevel(index); toggleMenu(false); qualityButton.focus(); } }, text);
    qualityMenu.replaceChildren(item(-1, 'Auto'), ...stream.levels.map(l => item(l.index, l.label)));
    qualityButton.hidden = !stream.levels.length;
  }
  function toggleMenu(open = qualityMenu.hidden) {
    qualityMenu.hidden = !open;
    qualityButton.setAttribute('aria-expanded', String(open));
    if (open) qualityMenu.querySelector('[aria-checked=true]')?.focus();
  }
  qualityButton.addEventListener('click', () => toggleMenu());
  qualityMenu.addEventListener('keydown', e => {
    const items = [...qualityMenu.children];
    const i = items.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') items[(i + 1) % items.length].focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length].focus();
    else if (e.key === 'Escape') { toggleMenu(false); qualityButton.focus(); } else return;
    e.preventDefault();
    e.stopPropagation();
  });

  const showPlay = () => {
    playButton.replaceChildren(icon(videoEl.paused ? 'play' : 'pause'));
    playButton.setAttribute('aria-label', videoEl.paused ? 'Play (k)' : 'Pause (k)');
    bigPlay.hidden = !videoEl.paused;
    player.classList.toggle('paused', videoEl.paused);
  };
  const showMute = () => {
    muteButton.replaceChildren(icon(videoEl.muted ? 'muted' : 'volume'));
    muteButton.setAttribute('aria-label', videoEl.muted ? 'Unmute (m)' : 'Mute (m)');
    if (!videoEl.muted) unmuteHint.hidden = true;
  };
  const showTime = () => {
    const total = videoEl.duration || (video.durationMs ?? 0) / 1000;
    time.textContent = `${duration(videoEl.currentTime * 1000)} / ${duration(total * 1000)}`;
    const fraction = total ? videoEl.currentTime / total : 0;
    played.style.transform = `scaleX(${fraction})`;
    thumb.style.left = `${fraction * 100}%`;
    scrub.setAttribute('aria-valuemax', String(Math.round(total)));
    scrub.setAttribute('aria-valuenow', String(Math.round(videoEl.currentTime)));
    scrub.setAttribute('aria-valuetext', time.textContent);
    if (videoEl.buffered.length) buffered.style.transform = `scaleX(${total ? videoEl.buffered.end(videoEl.buffered.length - 1) / total : 0})`;
  };
  const togglePlay = () => (videoEl.paused ? videoEl.play().catch(() => {}) : videoEl.pause());
  const toggleMute = () => { videoEl.muted = !videoEl.muted; };
  const toggleFull = () => (document.fullscreenElement ? document.exitFullscreen() : player.requestFullscreen?.())?.catch?.(() => {});

  playButton.addEventListener('click', togglePlay);
  bigPlay.addEventListener('click', togglePlay);
  videoEl.addEventListener('click', togglePlay);
  videoEl.addEventListener('dblclick', toggleFull);
  muteButton.addEventListener('click', toggleMute);
  unmuteHint.addEventListener('click', () => { videoEl.muted = false; });
  fullButton.addEventListener('click', toggleFull);
  for (const type of ['play', 'pause']) videoEl.addEventListener(type, showPlay);
  videoEl.addEventListener('volumechange', showMute);
  for (const type of ['timeupdate', 'durationchange', 'progress', 'seeked']) videoEl.addEventListener(type, showTime);

  // Scrubbing: pointer drag or keys; the storyboard frame for where the pointer is, above it.
  const timeAt = clientX => {
    const r = scrub.getBoundingClientRect();
    const total = videoEl.duration || (video.durationMs ?? 0) / 1000;
    return Math.min(Math.max((clientX - r.left) / r.width, 0), 1) * total;
  };
  function showPreview(clientX) {
    const t = timeAt(clientX);
    const r = scrub.getBoundingClientRect();
    const cue = storyboard.find(c => t >= c.start && t < c.end) ?? storyboard.at(-1);
    previewImage.hidden = !cue;
    const pr = player.getBoundingClientRect();
    const scale = cue ? Math.min(1, (pr.height * 0.45) / cue.h) : 1; // a tall tile must not cover a small player
    if (cue) {
      Object.assign(previewImage.style, { width: `${cue.w}px`, height: `${cue.h}px`, zoom: String(scale),
        backgroundImage: `url("${cue.url}")`, backgroundPosition: `-${cue.x}px -${cue.y}px` });
    }
    previewTime.textContent = duration(t * 1000);
    preview.hidden = false;
    const half = ((cue?.w ?? 48) * scale) / 2;
    preview.style.left = `${Math.min(Math.max(clientX - pr.left, half + 4), pr.width - half - 4)}px`;
    preview.style.bottom = `${pr.bottom - r.top + 8}px`;
  }
  let dragging = false;
  scrub.addEventListener('pointerdown', e => {
    dragging = true;
    scrub.setPointerCapture(e.pointerId);
    videoEl.currentTime = timeAt(e.clientX);
    showPreview(e.clientX);
  });
  scrub.addEventListener('pointermove', e => {
    showPreview(e.clientX);
    if (dragging) videoEl.currentTime = timeAt(e.clientX);
  });
  scrub.addEventListener('pointerup', () => { dragging = false; });
  scrub.addEventListener('pointerleave', () => { if (!dragging) preview.hidden = true; });
  scrub.addEventListener('lostpointercapture', () => { dragging = false; preview.hidden = true; });
  scrub.addEventListener('keydown', e => {
    const step = { ArrowLeft: -5, ArrowRight: 5, Home: -Infinity, End: Infinity }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    videoEl.currentTime = Math.min(Math.max(videoEl.currentTime + step, 0), videoEl.duration || 0);
  });

  // Controls fade while playing and nothing moves.
  let idle = null;
  const wake = () => {
    player.classList.remove('idle');
    clearTimeout(idle);
    idle = setTimeout(() => { if (!videoEl.paused && qualityMenu.hidden) player.classList.add('idle'); }, 2500);
  };
  player.addEventListener('pointermove', wake);
  player.addEventListener('focusin', wake);

  function onKey(e) {
    if (e.target.closest('input, textarea, select, [contenteditable], [role=menu]') || e.ctrlKey || e.metaKey || e.altKey) return;
    const keys = {
      k: togglePlay, ' ': togglePlay, m: toggleMute, f: toggleFull,
      ArrowLeft: () => { videoEl.currentTime -= 5; }, ArrowRight: () => { videoEl.currentTime += 5; },
    };
    if (!keys[e.key] || (e.key === ' ' && e.target.closest('button, a'))) return;
    e.preventDefault();
    keys[e.key]();
    wake();
  }
  document.addEventListener('keydown', onKey);

  showPlay();
  showMute();
  showTime();
  showQuality();
  // Start with sound if the browser allows it; if not, muted with a button to unmute.
  function autoplay() {
    videoEl.play().catch(err => {
      if (err.name !== 'NotAllowedError') return;
      videoEl.muted = true;
      unmuteHint.hidden = false;
      videoEl.play().catch(() => {});
    });
  }

  return {
    videoEl,
    destroy() {
      document.removeEventListener('keydown', onKey);
      clearTimeout(idle);
      stream.destroy();
    },
  };
}
