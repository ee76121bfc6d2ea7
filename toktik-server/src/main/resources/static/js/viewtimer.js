// Counts how long a video was really watched (played time, not wall time; seeks and loops don't add) and posts it.
import { api } from './api.js';

export class ViewTimer {
  constructor(videoEl, videoId) {
    this.videoId = videoId;
    this.watchedMs = 0;
    let last = null;
    videoEl.addEventListener('timeupdate', () => {
      const now = videoEl.currentTime;
      const step = last === null ? 0 : now - last;
      if (step > 0 && step < 1.5 && !videoEl.paused) this.watchedMs += step * 1000;
      last = now;
    });
    videoEl.addEventListener('seeking', () => { last = null; });
    videoEl.addEventListener('emptied', () => { last = null; });
  }

  // Posts what was watched since the last flush (the server decides whether it is a view).
  flush() {
    if (this.watchedMs < 500) return;
    const ms = this.watchedMs;
    this.watchedMs = 0;
    api.view(this.videoId, ms).catch(() => {});
  }
}
