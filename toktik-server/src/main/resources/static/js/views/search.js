// Search (/search?q=): people and videos by words, or videos by #hashtag.
import { api } from '../api.js';
import { avatar, emptyState, errorState, h, profilePath, spinner } from '../dom.js';
import { videoTile } from '../cards.js';
import { navigate } from '../router.js';

export function mountSearch(container, q) {
  let closed = false;
  let cursor = null;
  const input = h('input', { type: 'search', name: 'q', value: q, placeholder: 'Search videos, people, #hashtags',
    'aria-label': 'Search', maxLength: 200, autocomplete: 'off' });
  const form = h('form.search-page-form', { role: 'search', onsubmit: e => {
    e.preventDefault();
    if (input.value.trim()) navigate(`/search?q=${encodeURIComponent(input.value.trim())}`);
  } }, input, h('button.btn.btn-primary', { type: 'submit' }, 'Search'));
  const people = h('section.people', { hidden: true }, h('h2.section-title', {}, 'People'), h('ul.people-list'));
  const grid = h('ul.grid', { 'aria-label': 'Videos' });
  const videosSection = h('section', { hidden: true }, h('h2.section-title', {}, q.startsWith('#') ? q : 'Videos'), grid);
  const status = h('div.grid-status');
  const more = h('button.btn.btn-ghost.btn-block', { type: 'button', hidden: true }, 'More videos');
  const heading = h('h1.search-heading', {}, q ? `Results for “${q}”` : 'Search');
  container.append(h('div.search-page', {}, form, heading, people, videosSection, status, more));
  document.title = q ? `${q} — TokTik search` : 'Search — TokTik';

  async function load() {
    status.replaceChildren(spinner('Searching…'));
    more.hidden = true;
    try {
      const result = await api.search(q, cursor);
      if (closed) return;
      if (!cursor && result.users.length) {
        people.hidden = false;
        people.querySelector('ul').replaceChildren(...result.users.map(u => h('li', {},
          h('a.person', { href: profilePath(u.username) }, avatar(u, 48),
            h('span', {}, h('strong', {}, u.displayName || u.username), h('span.muted', {}, `@${u.username}`))))));
      }
      grid.append(...result.videos.map(v => videoTile(v)));
      videosSection.hidden = !grid.children.length;
      cursor = result.nextCursor;
      more.hidden = !cursor;
      status.replaceChildren(grid.children.length || result.users.length ? ''
        : emptyState(`No results for “${q}”`, 'Try other words, or a #hashtag.'));
    } catch (err) {
      if (!closed) status.replaceChildren(errorState(err, load));
    }
  }
  more.addEventListener('click', load);

  if (q.trim()) load();
  else status.replaceChildren(emptyState('Find videos and people', 'Search by words in titles and descriptions, by name, or by #hashtag.'));
  if (!q) input.focus();
  return () => { closed = true; document.title = 'TokTik'; };
}
