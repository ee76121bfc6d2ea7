// Like, share and follow buttons and live counts, shared by the feed and the watch page.
import { api } from './api.js';
import { count, exactCount, h, icon, toast } from './dom.js';

export const viewsNoun = n => (n === 1 ? ' view' : ' views');
import { signInFirst } from './router.js';
import { currentUser } from './session.js';
import { subscribe } from './realtime.js';

// A count that never shifts the layout: tabular digits in a fixed-width box, the exact number in its title.
// onSet(value) follows every change (e.g. to say "1 view" / "2 views" beside it).
export function counter(n, noun, onSet = () => {}) {
  const el = h('span.count', {});
  el.set = value => {
    el.value = Math.max(0, value);
    el.textContent = count(el.value);
    el.title = `${exactCount(el.value)} ${noun}`;
    el.dataset.value = String(el.value);
    onSet(el.value);
  };
  el.set(n);
  return el;
}

// Signed out: go and sign in, come back here. Returns false then.
export function requireUser() {
  if (currentUser()) return true;
  signInFirst();
  return false;
}

// Heart + count. like() is also what a double tap does (it only ever likes, never unlikes).
export function likeButton(video) {
  const likes = counter(video.likeCount, 'likes');
  const button = h('button.action.like', { type: 'button', 'aria-pressed': String(!!video.likedByMe) },
    h('span.action-icon', {}, icon('heart')), likes);
  const label = () => button.setAttribute('aria-label', `${video.likedByMe ? 'Unlike' : 'Like'} (${exactCount(likes.value)} likes)`);
  let pending = null;

  async function set(liked) {
    if (!requireUser() || pending) return;
    const before = { liked: !!video.likedByMe, count: likes.value };
    video.likedByMe = liked;
    button.setAttribute('aria-pressed', String(liked));
    if (liked !== before.liked) likes.set(before.count + (liked ? 1 : -1));
    label();
    pending = api.like(video.id, liked);
    try {
      const result = await pending;
      likes.set(result.likeCount);
    } catch (err) {
      video.likedByMe = before.liked;
      button.setAttribute('aria-pressed', String(before.liked));
      likes.set(before.count);
      toast(`Couldn't save your like: ${err.message}`);
    } finally {
      pending = null;
      label();
    }
  }
  button.addEventListener('click', () => set(!video.likedByMe));
  label();
  return Object.assign(button, { like: () => set(true), setCount: n => { likes.set(n); label(); } });
}

export function shareButton(video) {
  return h('button.action.share', { type: 'button', 'aria-label': 'Share: copy the link to this video', onclick: () => copyLink(video) },
    h('span.action-icon', {}, icon('share')), h('span.count', {}, 'Share'));
}

async function copyLink(video) {
  const url = new URL(`/v/${encodeURIComponent(video.id)}`, location.origin).href;
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied');
  } catch {
    toast(url); // no clipboard access (e.g. plain http): show the link to copy by hand
  }
}

// Follow / Following, for a user {username, followedByMe?}; hidden for yourself.
export function followButton(user, { onChange = () => {} } = {}) {
  const button = h('button.btn.btn-small.follow', { type: 'button' });
  const show = () => {
    button.textContent = user.followedByMe ? 'Following' : 'Follow';
    button.classList.toggle('btn-primary', !user.followedByMe);
    button.classList.toggle('btn-ghost', !!user.followedByMe);
    button.setAttribute('aria-pressed', String(!!user.followedByMe));
    button.hidden = currentUser()?.username === user.username;
  };
  button.addEventListener('click', async () => {
    if (!requireUser()) return;
    button.disabled = true;
    try {
      const profile = await api.follow(user.username, !user.followedByMe);
      user.followedByMe = profile.followedByMe;
      onChange(profile);
    } catch (err) {
      toast(`Couldn't follow: ${err.message}`);
    } finally {
      button.disabled = false;
      show();
    }
  });
  show();
  return button;
}

// Live counts of a video: handlers.likes(n), views(n), comments(delta), ready(), failed(error), progress(p).
export function followVideo(videoId, handlers) {
  return subscribe(`video:${videoId}`, ({ type, data }) => {
    if (type === 'video.likes') handlers.likes?.(data.likeCount);
    else if (type === 'video.views') handlers.views?.(data.viewCount);
    else if (type === 'comment.created') handlers.commentCreated?.(data);
    else if (type === 'comment.deleted') handlers.commentDeleted?.(data);
    else if (type === 'video.progress') handlers.progress?.(data.progress);
    else if (type === 'video.ready') handlers.ready?.(data);
    else if (type === 'video.failed') handlers.failed?.(data);
  });
}
