// Any other path.
import { emptyState, h } from '../dom.js';

export function mountNotFound(container) {
  container.append(h('div.page', {}, emptyState("This page doesn't exist", 'The link may be broken or the page may have moved.',
    h('a.btn.btn-primary', { href: '/' }, 'Go to the feed'))));
}
