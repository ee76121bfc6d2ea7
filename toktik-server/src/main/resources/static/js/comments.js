// Comments of a video: threads (one level of replies), a composer, delete, live additions and removals.
import { api } from './api.js';
import { ago, avatar, emptyState, errorState, h, profilePath, richText, spinner, toast } from './dom.js';
import { currentUser } from './session.js';

// Keeps a comment count right whether a comment arrives by our own POST, by the live event, or both.
export function commentTally(counterEl) {
  const added = new Set();
  const removed = new Set();
  return {
    added(comment) {
      if (added.has(comment.id)) return false;
      added.add(comment.id);
      counterEl.set(counterEl.value + 1);
      return true;
    },
    removed(id, howMany) {
      if (removed.has(id)) return false;
      removed.add(id);
      counterEl.set(counterEl.value - howMany);
      return true;
    },
  };
}

/** Renders into container; returns {created(comment), deleted({id}), destroy()} for the live events the caller follows. */
export function mountComments(container, video, tally) {
  const list = h('ul.comment-list', { 'aria-label': 'Comments' });
  const status = h('div.comment-status');
  const more = h('button.btn.btn-ghost.btn-block', { type: 'button', hidden: true }, 'More comments');
  const byId = new Map(); // id -> {comment, el, replies}
  let cursor = null;
  let destroyed = false;

  const canDelete = c => {
    const me = currentUser();
    return me && (me.id === c.author.id || me.id === video.owner.id);
  };

  function composer(parentId, onDone) {
    const me = currentUser();
    if (!me) {
      return h('p.composer-signin', {}, h('a', { href: `/signin?next=${encodeURIComponent(location.pathname)}` }, 'Sign in'), ' to comment.');
    }
    const field = h('textarea', { name: 'text', rows: 1, maxLength: 2000, required: true,
      placeholder: parentId ? 'Add a reply…' : 'Add a comment…', 'aria-label': parentId ? 'Reply' : 'Comment' });
    const error = h('p.field-error', { role: 'alert', hidden: true });
    const submit = h('button.btn.btn-primary.btn-small', { type: 'submit' }, parentId ? 'Reply' : 'Post');
    const form = h('form.composer', { noValidate: true }, avatar(me, 32), h('div.composer-field', {}, field, error), submit);
    field.addEventListener('input', () => { field.style.height = 'auto'; field.style.height = `${Math.min(field.scrollHeight, 160)}px`; });
    field.addEventListener('keydown', e => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); } });
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const text = field.value.trim();
      if (!text) { error.textContent = 'Write something first.'; error.hidden = false; return field.focus(); }
      submit.disabled = true;
      error.hidden = true;
      try {
        const comment = await api.comment(video.id, text, parentId);
        field.value = '';
        field.style.height = '';
        created(comment);
        onDone?.();
      } catch (err) {
        error.textContent = err.errors?.text ?? err.message;
        error.hidden = false;
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  function commentEl(c) {
    const replies = h('ul.replies');
    const actions = h('div.comment-actions');
    const el = h('li.comment', { dataset: { commentId: c.id } },
      h('a.comment-avatar', { href: profilePath(c.author.username), tabIndex: -1, 'aria-hidden': 'true' }, avatar(c.author, 36)),
      h('div.comment-body', {},
        h('p.comment-head', {}, h('a.comment-author', { href: profilePath(c.author.username) }, c.author.displayName || c.author.username),
          h('time.muted', { dateTime: c.createdAt }, ago(c.createdAt))),
        h('p.comment-text', {}, richText(c.text)),
        actions, replies));
    if (!c.parentId) {
      const reply = h('button.link-button', { type: 'button' }, 'Reply');
      reply.addEventListener('click', () => {
        const existing = el.querySelector(':scope > .comment-body > .composer');
        if (existing) return existing.querySelector('textarea').focus();
        const form = composer(c.id, () => form.remove());
        actions.after(form);
        form.querySelector('textarea')?.focus();
      });
      actions.append(reply);
    }
    if (canDelete(c)) {
      actions.append(h('button.link-button', { type: 'button', onclick: () => remove(c) }, 'Delete'));
    }
    return { comment: c, el, replies };
  }

  function place(c, atTop) {
    if (byId.has(c.id)) return;
    const entry = commentEl(c);
    byId.set(c.id, entry);
    if (c.parentId) {
      const parent = byId.get(c.parentId);
      if (!parent) { byId.delete(c.id); return; } // its thread is on a later page
      parent.replies.append(entry.el); // replies read oldest first
    } else if (atTop) list.prepend(entry.el);
    else list.append(entry.el);
  }

  function created(comment) {
    if (destroyed) return;
    tally?.added(comment);
    place(comment, true);
    showEmpty();
  }

  function deleted({ id, deleted: howMany }) {
    tally?.removed(id, howMany ?? 1);
    const entry = byId.get(id);
    if (!entry) return;
    entry.el.remove();
    byId.delete(id);
    showEmpty();
  }

  async function remove(c) {
    if (!confirm('Delete this comment? Its replies go with it.')) return;
    try {
      await api.deleteComment(c.id);
      deleted({ id: c.id, deleted: 1 + (byId.get(c.id)?.replies.children.length ?? 0) });
    } catch (err) {
      if (err.status === 404) deleted({ id: c.id, deleted: 0 });
      else toast(`Couldn't delete: ${err.message}`);
    }
  }

  const showEmpty = () => {
    if (!byId.size && !cursor) status.replaceChildren(emptyState('No comments yet', 'Be the first to say something.'));
    else status.replaceChildren();
  };

  async function load() {
    status.replaceChildren(spinner('Loading comments…'));
    more.hidden = true;
    try {
      const page = await api.comments(video.id, cursor);
      if (destroyed) return;
      // Newest first: top-level comments in that order, then each reply under its parent, oldest first.
      page.items.filter(c => !c.parentId).forEach(c => place(c, false));
      page.items.filter(c => c.parentId).reverse().forEach(c => place(c, false));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      showEmpty();
    } catch (err) {
      if (!destroyed) status.replaceChildren(errorState(err, load));
    }
  }
  more.addEventListener('click', load);

  container.replaceChildren(composer(null), list, status, more);
  load();
  return { created, deleted, destroy: () => { destroyed = true; }, reload: () => { byId.clear(); list.replaceChildren(); cursor = null; load(); } };
}
