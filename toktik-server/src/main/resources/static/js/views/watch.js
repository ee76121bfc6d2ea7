// The watch page (/v/{id}): player, title, author with follow, description, live counts, comments.
import { api } from '../api.js';
import { ago, avatar, emptyState, errorState, exactCount, h, icon, profilePath, richText, spinner } from '../dom.js';
import { commentTally, mountComments } from '../comments.js';
import { mountPlayer } from '../controls.js';
import { onReconnect } from '../realtime.js';
import { counter, followButton, followVideo, likeButton, shareButton, viewsNoun } from '../social.js';
import { ViewTimer } from '../viewtimer.js';

export function mountWatch(container, id) {
  let cleanup = [];
  let closed = false;
  const page = h('div.watch');
  container.append(page);

  async function load() {
    page.replaceChildren(spinner());
    let video;
    try {
      video = await api.video(id);
    } catch (err) {
      if (closed) return;
      page.replaceChildren(err.status === 404
        ? emptyState('This video is not available', 'It may have been deleted or made private.', h('a.btn.btn-primary', { href: '/' }, 'Back to videos'))
        : errorState(err, load));
      return;
    }
    if (closed) return;
    document.title = `${video.title} — TokTik`;
    render(video);
  }

  function render(video) {
    const stage = h('div.watch-stage', { style: { '--ratio': video.width && video.height ? `${video.width} / ${video.height}` : '16 / 9' } });
    const viewsLabel = h('span', {});
    const views = counter(video.viewCount, 'views', n => { viewsLabel.textContent = viewsNoun(n); });
    const comments = counter(video.commentCount, 'comments');
    const tally = commentTally(comments);
    const like = likeButton(video);
    const commentsBox = h('div.comments-box');
    const info = h('section.watch-info', { 'aria-labelledby': 'watch-title' },
      h('h1', { id: 'watch-title' }, video.title),
      h('p.watch-stats.muted', {}, views, viewsLabel, ' · ', h('time', { dateTime: video.publishedAt ?? video.createdAt }, ago(video.publishedAt ?? video.createdAt))),
      h('div.watch-author', {},
        h('a.author-link', { href: profilePath(video.owner.username) }, avatar(video.owner, 44),
          h('span', {}, h('strong', {}, video.owner.displayName || video.owner.username), h('span.muted', {}, `@${video.owner.username}`))),
        authorFollow(video.owner),
        h('div.watch-actions', {}, like,
          h('a.action.comments', { href: '#comments', 'aria-label': 'Comments' }, h('span.action-icon', {}, icon('comment')), comments),
          shareButton(video))),
      video.description || video.hashtags?.length
        ? h('p.watch-description', {}, richText(video.description || video.hashtags.map(t => `#${t}`).join(' '))) : null);
    const heading = h('h2', { id: 'comments' }, 'Comments ');
    const headingCount = h('span.muted.count-inline', {});
    heading.append(headingCount);
    const showHeading = () => { headingCount.textContent = exactCount(comments.value); };
    const observer = new MutationObserver(showHeading);
    observer.observe(comments, { childList: true, characterData: true, subtree: true });
    showHeading();

    page.replaceChildren(h('div.watch-main', {}, stage, info), h('aside.watch-comments', { 'aria-labelledby': 'comments' }, heading, commentsBox));

    if (video.status !== 'READY' || !video.hlsUrl) {
      stage.append(h('div.stage-message', {}, video.status === 'FAILED'
        ? [h('p.state-title', {}, 'Processing failed'), h('p', {}, video.error?.message ?? '')]
        : [h('span.spinner'), h('p', {}, `Processing… ${video.progress ?? 0}%`)]));
    } else {
      const player = mountPlayer(stage, video, { onError: message => stage.append(h('div.stage-message', { role: 'alert' },
        h('p', {}, message), h('button.btn.btn-primary', { type: 'button', onclick: () => { teardown(); load(); } }, 'Reload video'))) });
      const timer = new ViewTimer(player.videoEl, video.id);
      const flush = () => { if (document.visibilityState === 'hidden') timer.flush(); };
      document.addEventListener('visibilitychange', flush);
      player.videoEl.addEventListener('pause', () => timer.flush());
      cleanup.push(() => { timer.flush(); player.destroy(); document.removeEventListener('visibilitychange', flush); });
    }

    const panel = mountComments(commentsBox, video, tally);
    cleanup.push(panel.destroy);
    cleanup.push(followVideo(video.id, {
      likes: n => like.setCount(n), views: n => views.set(n),
      commentCreated: panel.created, commentDeleted: panel.deleted,
      ready: () => { if (video.status !== 'READY') { teardown(); load(); } },
      progress: p => { const m = stage.querySelector('.stage-message p'); if (m && video.status === 'PROCESSING') m.textContent = `Processing… ${p}%`; },
    }));
    cleanup.push(onReconnect(() => api.video(video.id).then(v => {
      like.setCount(v.likeCount); views.set(v.viewCount); comments.set(v.commentCount);
    }, () => {})));
    cleanup.push(() => observer.disconnect());
  }

  const teardown = () => { cleanup.forEach(f => f()); cleanup = []; };
  load();
  return () => { closed = true; teardown(); document.title = 'TokTik'; };
}

function authorFollow(owner) {
  // The video JSON does not say whether I follow its owner: ask the profile, then show the button.
  const slot = h('span.follow-slot');
  api.profile(owner.username).then(profile => slot.append(followButton(profile)), () => {});
  return slot;
}
