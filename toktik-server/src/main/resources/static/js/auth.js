// Sign in / sign up form (one form, two modes).
import { api } from './api.js';
import { clearErrors, showApiError, showBanner, validate } from './forms.js';

const MODES = {
  login: { heading: 'Sign in to TokTik', submit: 'Sign in', password: 'current-password' },
  signup: { heading: 'Create your TokTik account', submit: 'Create account', password: 'new-password' },
};

export function initAuth(onSignedIn) {
  const form = document.getElementById('auth-form');
  const submit = form.querySelector('[type=submit]');
  const emailField = document.getElementById('auth-email-field');
  let mode = 'login';

  function setMode(next) {
    mode = next;
    const m = MODES[mode];
    document.getElementById('auth-heading').textContent = m.heading;
    submit.textContent = m.submit;
    form.elements.password.autocomplete = m.password;
    emailField.hidden = form.elements.email.disabled = mode !== 'signup';
    for (const b of form.querySelectorAll('[data-mode]')) b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
    clearErrors(form);
  }

  form.querySelectorAll('[data-mode]').forEach(b => b.addEventListener('click', () => setMode(b.dataset.mode)));

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!validate(form)) return;
    const { username, password, email } = form.elements;
    const body = { username: username.value.trim(), password: password.value };
    if (mode === 'signup' && email.value.trim()) body.email = email.value.trim();
    submit.disabled = true;
    try {
      const user = await (mode === 'signup' ? api.signup(body) : api.login(body));
      form.reset();
      setMode('login');
      onSignedIn(user);
    } catch (err) {
      showApiError(form, err);
    } finally {
      submit.disabled = false;
    }
  });

  return {
    // Shows the form in sign-in mode, with an optional message (e.g. why the user was signed out).
    show(message = '') {
      setMode('login');
      showBanner(form.querySelector('[data-banner]'), message);
      form.elements.username.focus();
    },
  };
}
