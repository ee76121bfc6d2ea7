// Player dialog: native HLS where the browser has it, otherwise hls.js, loaded on first use.
const HLS_JS = '/webjars/hls.js/dist/hls.min.js';
const $ = id => document.getElementById(id);
let hlsJs = null;

function loadHlsJs() {
  hlsJs ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = HLS_JS;
    script.onload = () => resolve(window.Hls);
    script.onerror = () => {
      hlsJs = null; // allow a retry on the next Play
      script.remove();
      reject(new Error('Could not load the video player — try again.'));
    };
    document.head.append(script);
  });
  return hlsJs;
}

export function initPlayer() {
  const dialog = $('player');
  const video = $('player-video');
  const title = $('player-title');
  const quality = $('player-quality');
  const error = $('player-error');
  let hls = null;
  let session = 0; // bumped on every open/close so a late hls.js load doesn't attach to a closed player

  function reset() {
    session++;
    hls?.destroy();
    hls = null;
    video.pause();
    video.removeAttribute('src');
    video.load();
    quality.textContent = error.textContent = '';
  }

  const start = () => video.play().catch(() => {}); // if autoplay is refused, the controls are still there

  // Native HLS (Safari, Chromium) picks the rendition itself: show what it is playing now.
  const showNativeQuality = () => {
    if (hls || !video.videoWidth) return;
    quality.textContent = `Quality: ${Math.min(video.videoWidth, video.videoHeight)}p (auto)`;
  };
  video.addEventListener('resize', showNativeQuality);

  async function playWithHlsJs(url, current) {
    const Hls = await loadHlsJs();
    if (current !== session) return;
    if (!Hls.isSupported()) throw new Error('This browser cannot play HLS video.');
    hls = new Hls();
    hls.on(Hls.Events.MANIFEST_PARSED, start);
    hls.on(Hls.Events.LEVEL_SWITCHED, (_, { level }) => {
      const { width, height } = hls.levels[level];
      // Named by the short side, so a 720×1280 portrait rendition reads "720p" as in the renditions list.
      quality.textContent = `Quality: ${Math.min(width, height)}p${hls.autoLevelEnabled ? ' (auto)' : ''}`;
    });
    hls.on(Hls.Events.ERROR, (_, data) => {
      if (!data.fatal) return;
      error.textContent = `Playback failed (${data.details}).`;
      hls.destroy();
      hls = null;
    });
    hls.loadSource(url);
    hls.attachMedia(video);
  }

  async function open(item) {
    reset();
    const current = session;
    title.textContent = item.title;
    if (item.thumbnailUrl) video.poster = item.thumbnailUrl;
    else video.removeAttribute('poster');
    video.style.setProperty('--ratio', item.width && item.height ? item.width / item.height : '');
    dialog.showModal();
    if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = item.hlsUrl;
      return start();
    }
    try {
      await playWithHlsJs(item.hlsUrl, current);
    } catch (err) {
      if (current === session) error.textContent = err.message;
    }
  }

  video.addEventListener('error', () => { if (video.getAttribute('src')) error.textContent = 'This video cannot be played.'; });
  dialog.addEventListener('close', reset);
  $('player-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', e => { if (e.target === dialog) dialog.close(); }); // click on the backdrop

  return { open, close: () => dialog.close() };
}
