// Building the page from data: elements and text nodes only (user text is never parsed as HTML), and formatters.

// h('a.link', {href: '/x', onclick}, 'text', child…): attributes starting with "on" are listeners, "dataset"/"style" objects merge.
export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null) continue;
    if (value === false && typeof el[key] !== 'boolean') continue; // false leaves an attribute out, or sets a boolean property
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'style') for (const [k, v] of Object.entries(value)) el.style.setProperty(k.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`), v);
    else if (key in el && typeof el[key] !== 'function' && !key.includes('-')) el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  el.append(...children.flat(Infinity).filter(c => c !== undefined && c !== null && c !== false));
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);

// An inline SVG icon from the sprite in index.html.
export function icon(name, label) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', `icon icon-${name}`);
  if (label) { svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', label); } else svg.setAttribute('aria-hidden', 'true');
  const use = document.createElementNS('http://www.w3.org/2000/svg', 'use');
  use.setAttribute('href', `#i-${name}`);
  svg.append(use);
  return svg;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const full = new Intl.NumberFormat('en');
export const count = n => compact.format(n ?? 0);
export const exactCount = n => full.format(n ?? 0);
export const plural = (n, one, many = `${one}s`) => `${exactCount(n)} ${n === 1 ? one : many}`;

export function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
export function ago(iso) {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  for (const [unit, size] of [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]]) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export const profilePath = username => `/@${encodeURIComponent(username)}`;
export const videoPath = id => `/v/${encodeURIComponent(id)}`;
const tagPath = tag => `/search?q=${encodeURIComponent(`#${tag}`)}`;

// Text with #hashtags as links to their search, as text nodes and <a> elements.
export function richText(text) {
  const parts = [];
  let last = 0;
  for (const match of (text ?? '').matchAll(/#([\p{L}\p{N}_]+)/gu)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(h('a.tag', { href: tagPath(match[1].toLowerCase()) }, match[0]));
    last = match.index + match[0].length;
  }
  if (last < (text ?? '').length) parts.push(text.slice(last));
  return parts;
}

// A round avatar: the picture, or the first letter on a colour derived from the name.
export function avatar(user, size = 40) {
  const name = user?.displayName || user?.username || '?';
  const el = h('span.avatar', { style: { width: `${size}px`, height: `${size}px`, fontSize: `${Math.round(size * 0.42)}px` } });
  if (user?.avatarUrl) el.append(h('img', { src: user.avatarUrl, alt: '', width: size, height: size, loading: 'lazy' }));
  else {
    let hue = 0;
    for (const c of user?.username ?? name) hue = (hue * 31 + c.codePointAt(0)) % 360;
    el.style.background = `hsl(${hue} 55% 42%)`;
    el.textContent = [...name][0].toUpperCase();
  }
  return el;
}

// Loading, empty and error states, all one shape.
export const spinner = (text = 'Loading…') => h('div.state', { role: 'status' }, h('span.spinner', { 'aria-hidden': 'true' }), h('p', {}, text));
export function emptyState(title, text, action) {
  return h('div.state.state-empty', {}, h('p.state-title', {}, title), text && h('p.muted', {}, text), action);
}
export function errorState(err, retry) {
  return h('div.state.state-error', { role: 'alert' },
    h('p.state-title', {}, 'Something went wrong'), h('p.muted', {}, err.message),
    retry && h('button.btn.btn-primary', { type: 'button', onclick: retry }, 'Try again'));
}

// A short message at the bottom of the screen.
export function toast(message) {
  const region = $('#toasts');
  const el = h('div.toast', {}, message);
  region.append(el);
  setTimeout(() => el.remove(), 3500);
}
