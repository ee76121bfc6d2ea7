// A profile (/@username): avatar, name, bio, counts, follow; a grid of videos. On your own: edit, status, delete.
import { api } from '../api.js';
import { avatar, emptyState, errorState, exactCount, h, richText, spinner, toast } from '../dom.js';
import { videoTile } from '../cards.js';
import { clearErrors, showApiError, validate } from '../forms.js';
import { currentUser, setUser } from '../session.js';
import { followButton } from '../social.js';

export function mountProfile(container, username) {
  const page = h('div.profile');
  container.append(page);
  let closed = false;
  let poll = null;

  async function load() {
    page.replaceChildren(spinner());
    let profile;
    try {
      profile = await api.profile(username);
    } catch (err) {
      if (closed) return;
      page.replaceChildren(err.status === 404
        ? emptyState("Couldn't find this account", `There is no one called @${username}.`, h('a.btn.btn-primary', { href: '/' }, 'Back to videos'))
        : errorState(err, load));
      return;
    }
    if (closed) return;
    document.title = `${profile.displayName || profile.username} (@${profile.username}) — TokTik`;
    render(profile);
  }

  function render(profile) {
    const mine = currentUser()?.id === profile.id;
    const stat = (n, label) => h('li', {}, h('strong.count', {}, exactCount(n)), h('span.muted', {}, label));
    const followers = h('ul.profile-stats', {});
    const showStats = p => followers.replaceChildren(stat(p.followingCount, 'Following'), stat(p.followerCount, 'Followers'), stat(p.videoCount, 'Videos'));
    showStats(profile);
    const header = h('header.profile-head', {},
      avatar(profile, 112),
      h('div.profile-id', {},
        h('h1', {}, profile.displayName || profile.username),
        h('p.muted.handle', {}, `@${profile.username}`),
        followers,
        profile.bio ? h('p.profile-bio', {}, richText(profile.bio)) : mine ? h('p.profile-bio.muted', {}, 'No bio yet.') : null,
        h('div.profile-actions', {}, mine
          ? h('button.btn.btn-ghost', { type: 'button', onclick: () => editProfile(profile) }, 'Edit profile')
          : followButton(profile, { onChange: showStats }))));
    const grid = h('ul.grid', { 'aria-label': mine ? 'Your videos' : `Videos by @${profile.username}` });
    const status = h('div.grid-status');
    const more = h('button.btn.btn-ghost.btn-block', { type: 'button', hidden: true }, 'Load more');
    page.replaceChildren(header, h('h2.section-title', {}, mine ? 'Your videos' : 'Videos'), grid, status, more);

    let cursor = null;
    const onDelete = mine ? async (video, tile) => {
      if (!confirm(`Delete “${video.title}”? This can't be undone.`)) return;
      try {
        await api.deleteVideo(video.id);
        tile.remove();
        toast('Video deleted');
        if (!grid.children.length && !cursor) status.replaceChildren(emptyState('No videos yet', null, h('a.btn.btn-primary', { href: '/upload' }, 'Upload a video')));
      } catch (err) {
        toast(`Couldn't delete: ${err.message}`);
      }
    } : undefined;

    async function page1(replace) {
      status.replaceChildren(replace && grid.children.length ? '' : spinner());
      try {
        const result = await api.userVideos(profile.username, replace ? null : cursor);
        if (closed) return;
        if (replace) grid.replaceChildren();
        grid.append(...result.items.map(v => videoTile(v, { onDelete })));
        cursor = result.nextCursor;
        more.hidden = !cursor;
        status.replaceChildren(grid.children.length ? '' : emptyState('No videos yet',
          mine ? 'Your uploads will show up here.' : `@${profile.username} hasn't posted anything.`,
          mine ? h('a.btn.btn-primary', { href: '/upload' }, 'Upload a video') : null));
        // Your own videos still processing: look again in a few seconds (only the first page is refreshed).
        clearTimeout(poll);
        if (mine && replace && result.items.some(v => v.status === 'PROCESSING' || v.status === 'UPLOADING')) poll = setTimeout(() => page1(true), 4000);
      } catch (err) {
        if (!closed) status.replaceChildren(errorState(err, () => page1(replace)));
      }
    }
    more.addEventListener('click', () => page1(false));
    page1(true);
  }

  function editProfile(profile) {
    const displayName = h('input', { id: 'edit-displayName', name: 'displayName', maxLength: 60, value: profile.displayName ?? '', required: true });
    const bio = h('textarea', { id: 'edit-bio', name: 'bio', rows: 3, maxLength: 500 });
    bio.value = profile.bio ?? '';
    const picture = h('input', { id: 'edit-avatar', name: 'avatar', type: 'file', accept: 'image/jpeg,image/png,image/gif' });
    const field = (id, label, input) => h('div.field', {}, h('label', { htmlFor: id }, label), input, h('p.field-error', { id: `${id}-error`, hidden: true }));
    const save = h('button.btn.btn-primary', { type: 'submit' }, 'Save');
    const dialog = h('dialog.modal', { 'aria-labelledby': 'edit-heading' });
    const form = h('form', { noValidate: true },
      h('h2', { id: 'edit-heading' }, 'Edit profile'),
      h('p.banner', { role: 'alert', hidden: true, dataset: { banner: '' } }),
      h('div.edit-avatar', {}, avatar(profile, 72), field('edit-avatar', 'Profile photo (JPEG, PNG or GIF)', picture)),
      field('edit-displayName', 'Name', displayName),
      field('edit-bio', 'Bio', bio),
      h('div.actions', {}, h('button.btn.btn-ghost', { type: 'button', onclick: () => dialog.close() }, 'Cancel'), save));
    dialog.append(form);
    document.body.append(dialog);
    dialog.addEventListener('close', () => dialog.remove());
    form.addEventListener('submit', async e => {
      e.preventDefault();
      clearErrors(form);
      if (!validate(form)) return;
      save.disabled = true;
      try {
        let me = await api.updateMe({ displayName: displayName.value.trim(), bio: bio.value.trim() });
        if (picture.files[0]) {
          try {
            me = await api.setAvatar(picture.files[0]);
          } catch (err) {
            err.errors = { avatar: err.message };
            throw err;
          }
        }
        setUser(me);
        dialog.close();
        toast('Profile saved');
        load();
      } catch (err) {
        showApiError(form, err);
      } finally {
        save.disabled = false;
      }
    });
    dialog.showModal();
  }

  load();
  return () => { closed = true; clearTimeout(poll); document.title = 'TokTik'; };
}
