// Attaches an HLS stream to a <video>: the browser's own HLS where it has one, else hls.js (loaded on first use).
const HLS_JS = '/webjars/hls.js/dist/hls.min.js';
let hlsJs = null;

function loadHlsJs() {
  hlsJs ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = HLS_JS;
    script.onload = () => resolve(window.Hls);
    script.onerror = () => {
      hlsJs = null; // allow a retry
      script.remove();
      reject(new Error('Could not load the video player — try again.'));
    };
    document.head.append(script);
  });
  return hlsJs;
}

export const nativeHls = () => document.createElement('video').canPlayType('application/vnd.apple.mpegurl') !== '';

// Qualities are named by the short side, so a 720×1280 portrait rendition reads "720p" as the ladder names it.
const label = (width, height) => `${Math.min(width, height)}p`;

/**
 * Plays video.hlsUrl in element. Returns {levels, level, setLevel(index), destroy()}: levels [{index, label}] sorted
 * high to low, level the index chosen (-1 = auto). onReady() is called once play() can start; onChange() when levels or
 * the playing quality change; onError(message) when playback cannot go on.
 */
export function attach(element, video, { onChange = () => {}, onError = () => {}, onReady = () => {} } = {}) {
  let hls = null;
  let destroyed = false;
  const state = { levels: [], level: -1, playing: '', ready: false, setLevel, destroy };
  const ready = () => { state.ready = true; onReady(); };

  function setLevel(index) {
    state.level = index;
    if (hls) {
      hls.currentLevel = index; // -1: back to automatic selection
    } else {
      // Native HLS has no quality API: play one rendition's own playlist, or the master for automatic.
      const { currentTime, paused } = element;
      const rendition = state.levels.find(l => l.index === index);
      element.src = rendition ? new URL(`${rendition.name}/index.m3u8`, new URL(video.hlsUrl, location.href)).href : video.hlsUrl;
      element.addEventListener('loadedmetadata', () => {
        element.currentTime = currentTime;
        if (!paused) element.play().catch(() => {});
      }, { once: true });
    }
    onChange();
  }

  function destroy() {
    destroyed = true;
    element.removeEventListener('resize', showPlaying);
    hls?.destroy();
    hls = null;
    element.removeAttribute('src');
    element.load();
  }

  const showPlaying = () => {
    if (element.videoHeight) state.playing = label(element.videoWidth, element.videoHeight);
    onChange();
  };
  element.addEventListener('resize', showPlaying);

  // Native HLS opens a growing (EVENT) playlist at its live edge, and Chromium's stalls there; hls.js plays it from
  // the start. So a video still being encoded plays through hls.js wherever it can run (Media Source Extensions).
  const growing = (video.progress ?? 100) < 100 && 'MediaSource' in window;
  if (nativeHls() && !growing) {
    state.levels = [...(video.renditions ?? [])].sort((a, b) => b.height * b.width - a.height * a.width)
      .map((r, index) => ({ index, name: r.name, label: label(r.width, r.height) }));
    element.src = video.hlsUrl;
    queueMicrotask(() => { if (!destroyed) { onChange(); ready(); } });
    return state;
  }

  loadHlsJs().then(Hls => {
    if (destroyed) return;
    if (!Hls.isSupported()) return onError('This browser cannot play HLS video.');
    // startPosition 0: a growing (EVENT) playlist plays from its beginning, not from its live edge.
    hls = new Hls({ capLevelToPlayerSize: true, startLevel: -1, startPosition: 0 });
    let recovered = false;
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      state.levels = hls.levels.map((l, index) => ({ index, label: label(l.width, l.height), pixels: l.width * l.height }))
        .sort((a, b) => b.pixels - a.pixels);
      onChange();
      ready();
    });
    hls.on(Hls.Events.LEVEL_SWITCHED, (_, { level }) => {
      const l = hls.levels[level];
      if (l) state.playing = label(l.width, l.height);
      onChange();
    });
    hls.on(Hls.Events.ERROR, (_, data) => {
      if (!data.fatal) return;
      if (!recovered && data.type === Hls.ErrorTypes.MEDIA_ERROR) { recovered = true; return hls.recoverMediaError(); }
      if (!recovered && data.type === Hls.ErrorTypes.NETWORK_ERROR && data.response?.code !== 403) { recovered = true; return hls.startLoad(); }
      onError(data.response?.code === 403 ? 'This link has expired.' : `Playback failed (${data.details}).`);
      hls.destroy();
      hls = null;
    });
    hls.loadSource(video.hlsUrl);
    hls.attachMedia(element);
  }, err => onError(err.message));
  return state;
}
