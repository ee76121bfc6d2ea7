// The bell: unread count, a panel of notifications, live over user:me.
import { api } from './api.js';
import { ago, avatar, emptyState, errorState, h, profilePath, spinner, videoPath } from './dom.js';
import { onReconnect, subscribe } from './realtime.js';
import { onUserChange } from './session.js';

export function initNotifications({ button, panel, list, badge, label, popover }) {
  let unread = 0;
  let items = [];
  let unsubscribe = null;

  function showUnread(n) {
    unread = Math.max(0, n);
    badge.textContent = unread > 99 ? '99+' : String(unread);
    badge.hidden = unread === 0;
    label.textContent = unread ? `Notifications, ${unread} unread` : 'Notifications';
  }

  const item = n => {
    const target = n.videoId ? videoPath(n.videoId) : n.actor ? profilePath(n.actor.username) : null;
    const body = [n.actor ? avatar(n.actor, 36) : h('span.avatar.avatar-system', {}, '★'),
      h('span.notification-text', {}, h('span', {}, n.text), h('time.muted', { dateTime: n.createdAt }, ago(n.createdAt)))];
    return h('li', { className: n.read ? 'notification' : 'notification unread' },
      target ? h('a', { href: target }, body) : h('div', {}, body));
  };

  function renderList() {
    list.replaceChildren(items.length ? h('ul', {}, items.map(item))
      : emptyState('No notifications yet', 'Likes, comments and new followers show up here.'));
  }

  async function load() {
    list.replaceChildren(spinner());
    try {
      const page = await api.notifications();
      items = page.items;
      showUnread(page.unreadCount);
      renderList();
      if (page.unreadCount) {
        await api.markNotificationsRead();
        showUnread(0);
      }
    } catch (err) {
      list.replaceChildren(errorState(err, load));
    }
  }

  const refreshCount = () => api.notifications().then(page => showUnread(page.unreadCount), () => {});
  popover(button, panel, { onOpen: load });

  onUserChange(user => {
    unsubscribe?.();
    unsubscribe = null;
    items = [];
    showUnread(0);
    if (!user) return;
    refreshCount();
    unsubscribe = subscribe('user:me', ({ type, data }) => {
      if (type !== 'notification') return;
      // A batched notification ("ana and 3 others liked…") comes again with the same id: replace it.
      const known = items.findIndex(n => n.id === data.id);
      if (known >= 0) items.splice(known, 1);
      items.unshift(data);
      if (!panel.hidden) renderList();
      refreshCount();
    });
  });
  onReconnect(() => { if (unsubscribe) refreshCount(); });
}
