// Sign in (/signin) and sign up (/signup): per-field errors from the server's problem+json, then back where you were.
import { api } from '../api.js';
import { h } from '../dom.js';
import { clearErrors, showApiError, validate } from '../forms.js';
import { navigate } from '../router.js';
import { setUser } from '../session.js';

const MODES = {
  signin: { heading: 'Sign in to TokTik', submit: 'Sign in', password: 'current-password', other: ['signup', "Don't have an account?", 'Sign up'] },
  signup: { heading: 'Create your account', submit: 'Sign up', password: 'new-password', other: ['signin', 'Already have an account?', 'Sign in'] },
};

const field = (id, label, input, hint) => h('div.field', {}, h('label', { htmlFor: id }, label), input,
  hint ? h('p.hint.muted', { id: `${id}-hint` }, hint) : null, h('p.field-error', { id: `${id}-error`, hidden: true }));

export function mountAuth(container, mode, next) {
  const m = MODES[mode];
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  const username = h('input', { id: 'auth-username', name: 'username', autocomplete: 'username', autocapitalize: 'none',
    spellcheck: false, required: true, minLength: mode === 'signup' ? 3 : undefined, maxLength: 30 });
  const password = h('input', { id: 'auth-password', name: 'password', type: 'password', autocomplete: m.password, required: true,
    minLength: mode === 'signup' ? 8 : undefined });
  const email = mode === 'signup' ? h('input', { id: 'auth-email', name: 'email', type: 'email', autocomplete: 'email' }) : null;
  const submit = h('button.btn.btn-primary.btn-block', { type: 'submit' }, m.submit);
  const [otherMode, otherText, otherLink] = m.other;
  const form = h('form.card.auth-card', { noValidate: true },
    h('h1', {}, m.heading),
    mode === 'signup' ? h('p.muted', {}, 'Post videos, follow creators, like and comment.') : null,
    h('p.banner', { role: 'alert', hidden: true, dataset: { banner: '' } }),
    field('auth-username', 'Username', username, mode === 'signup' ? '3–30 characters: a–z, 0–9, _ and .' : null),
    field('auth-password', 'Password', password, mode === 'signup' ? 'At least 8 characters.' : null),
    email ? field('auth-email', h('span', {}, 'Email ', h('span.muted', {}, '(optional)')), email) : null,
    submit,
    h('p.auth-switch.muted', {}, `${otherText} `, h('a', { href: `/${otherMode}${next ? `?next=${encodeURIComponent(next)}` : ''}` }, otherLink)));
  container.append(h('section.auth-page', {}, form));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    clearErrors(form);
    if (!validate(form)) return;
    const body = { username: username.value.trim(), password: password.value };
    if (email?.value.trim()) body.email = email.value.trim();
    submit.disabled = true;
    submit.textContent = mode === 'signup' ? 'Creating your account…' : 'Signing in…';
    try {
      setUser(await (mode === 'signup' ? api.signup(body) : api.login(body)));
      navigate(safeNext, { replace: true });
    } catch (err) {
      showApiError(form, err);
    } finally {
      submit.disabled = false;
      submit.textContent = m.submit;
    }
  });
  username.focus();
}
