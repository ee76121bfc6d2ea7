// A video as a tile in a grid (profile, search): poster, view count, duration; for its owner, status and delete.
import { count, duration, h, icon, videoPath } from './dom.js';

const STATUS = { UPLOADING: 'Waiting for upload', PROCESSING: 'Processing', FAILED: 'Failed' };

export function videoTile(video, { onDelete } = {}) {
  const poster = video.thumbnailUrl
    ? h('img', { src: video.thumbnailUrl, alt: '', loading: 'lazy' })
    : h('span.tile-placeholder', { 'aria-hidden': 'true' }, icon('play'));
  const status = video.status !== 'READY'
    ? h('span.tile-status', { dataset: { status: video.status } },
      video.status === 'PROCESSING' ? `${STATUS.PROCESSING} ${video.progress ?? 0}%` : STATUS[video.status] ?? video.status)
    : null;
  const tile = h('li.tile', { dataset: { videoId: video.id } },
    h('a.tile-link', { href: videoPath(video.id) },
      h('span.tile-poster', { style: { '--ratio': video.width && video.height ? `${video.width} / ${video.height}` : '9 / 16' } }, poster,
        status,
        video.visibility !== 'PUBLIC' ? h('span.tile-visibility', {}, video.visibility === 'PRIVATE' ? 'Private' : 'Unlisted') : null,
        video.status === 'READY'
          ? h('span.tile-views', { 'aria-label': `${video.viewCount} views` }, icon('eye'), h('span.count', {}, count(video.viewCount))) : null,
        video.durationMs ? h('span.tile-duration', {}, duration(video.durationMs)) : null),
      h('span.tile-title', {}, video.title)),
    video.status === 'FAILED' && video.error ? h('p.tile-error', {}, video.error.message) : null,
    onDelete ? h('button.tile-delete.btn-icon', { type: 'button', 'aria-label': `Delete “${video.title}”`, onclick: () => onDelete(video, tile) }, icon('trash')) : null);
  return tile;
}
