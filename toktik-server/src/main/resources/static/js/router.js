// Client-side routing over the History API: the server answers every app path with index.html (WebAppRoutes).
const routes = [];
let cleanup = null;

// route(/^\/v\/([^/]+)$/, (container, match, url) => cleanupFunction)
export const route = (pattern, mount) => routes.push({ pattern, mount });

export function navigate(path, { replace = false } = {}) {
  if (path === location.pathname + location.search) return render();
  history[replace ? 'replaceState' : 'pushState'](null, '', path);
  render();
}

// Sends a signed-out user to sign in, back here afterwards.
export const signInFirst = () => navigate(`/signin?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });

export function render() {
  const url = new URL(location.href);
  const container = document.getElementById('app');
  cleanup?.();
  cleanup = null;
  container.replaceChildren();
  for (const { pattern, mount } of routes) {
    const match = url.pathname.match(pattern);
    if (!match) continue;
    cleanup = mount(container, match.slice(1).map(decodeURIComponent), url) ?? null;
    document.dispatchEvent(new CustomEvent('toktik:route', { detail: url }));
    return;
  }
}

// Same-origin links to app pages navigate without reloading; media, downloads and new tabs keep browser behaviour.
document.addEventListener('click', e => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || a.target || a.hasAttribute('download')
    || a.getAttribute('href').startsWith('#')) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || /^\/(media|webjars|api|actuator)\//.test(url.pathname)) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', render);
