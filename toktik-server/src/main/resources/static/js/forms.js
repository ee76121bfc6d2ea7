// Form error display shared by the sign-in and upload forms.
// Field errors go under the control named like the key (into #<control id>-error); anything else goes to the form's banner.

export function showBanner(banner, message) {
  banner.textContent = message;
  banner.hidden = !message;
}

export function clearErrors(form) {
  for (const control of form.elements) {
    if (!control.id) continue;
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
    const slot = document.getElementById(`${control.id}-error`);
    if (slot) showBanner(slot, '');
  }
  showBanner(form.querySelector('[data-banner]'), '');
}

// errors: {field: message}; message: shown in the banner when no field error could be placed.
export function showErrors(form, errors, message = '') {
  clearErrors(form);
  const unplaced = [];
  let first = null;
  for (const [field, text] of Object.entries(errors)) {
    const control = form.elements.namedItem(field);
    const slot = control?.id && document.getElementById(`${control.id}-error`);
    if (!slot || control.disabled) { unplaced.push(`${field}: ${text}`); continue; }
    showBanner(slot, text);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', slot.id);
    first ??= control;
  }
  const banner = unplaced.length ? unplaced.join('\n') : first ? '' : message;
  showBanner(form.querySelector('[data-banner]'), banner);
  first?.focus();
}

// Client-side check with the browser's own constraint messages; returns false (and shows them) if invalid.
export function validate(form) {
  const errors = {};
  for (const control of form.elements) {
    if (control.name && !control.disabled && !control.checkValidity()) errors[control.name] = control.validationMessage;
  }
  showErrors(form, errors);
  return Object.keys(errors).length === 0;
}

export const showApiError = (form, err) => showErrors(form, err.errors ?? {}, err.message);
