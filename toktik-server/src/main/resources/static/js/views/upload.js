// Upload: pick or drop a file, describe it, send it (tus when the server offers it, else one PUT), watch it process.
import { api, currentToken } from '../api.js';
import { h, icon, toast, videoPath } from '../dom.js';
import { mountPlayer } from '../controls.js';
import { clearErrors, showApiError, showErrors, validate } from '../forms.js';
import { signInFirst } from '../router.js';
import { currentUser } from '../session.js';
import { followVideo } from '../social.js';
import { tusUpload } from '../tus.js';

const MB = 1e6;
const STAGES = { uploading: 'Uploading', processing: 'Processing', ready: 'Ready', failed: 'Failed' };

// The plain PUT with XMLHttpRequest, which (unlike fetch) reports upload progress. Not resumable: pause cancels.
function putUpload({ url, file, token, onProgress }) {
  let xhr = null;
  return {
    resumable: false,
    pause: () => xhr?.abort(),
    start: async () => {
      const bearer = await token();
      return new Promise((resolve, reject) => {
        xhr = new XMLHttpRequest();
        xhr.open('PUT', url);
        xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
        xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        xhr.upload.onprogress = e => onProgress(e.loaded);
        xhr.onload = () => {
          let body = null;
          try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
          if (xhr.status < 300) resolve(body);
          else reject(Object.assign(new Error(body?.detail ?? `The upload failed (${xhr.status}).`), { errors: body?.errors ?? {} }));
        };
        xhr.onerror = () => reject(new Error('The connection was lost — try again.'));
        xhr.onabort = () => reject(new DOMException('Cancelled', 'AbortError'));
        xhr.send(file);
      });
    },
  };
}

const field = (id, label, control, extra) => h('div.field', {}, h('label', { htmlFor: id }, label, extra), control,
  h('p.field-error', { id: `${id}-error`, hidden: true }));

export function mountUpload(container) {
  if (!currentUser()) { signInFirst(); return null; }
  let file = null;
  let previewUrl = null;
  let transfer = null;
  let created = null;
  let unfollow = null;
  let poll = null;
  let player = null;
  let closed = false;

  const fileInput = h('input.visually-hidden', { type: 'file', id: 'upload-file', name: 'file', accept: 'video/*', required: true });
  const dropText = h('span.drop-title', {}, 'Select a video to upload');
  const dropzone = h('label.dropzone', { htmlFor: 'upload-file' },
    h('span.drop-icon', {}, icon('upload')), dropText,
    h('span.muted', {}, 'or drag and drop it here'),
    h('span.muted.small', {}, 'MP4, MOV, WebM… up to a few minutes. Vertical videos look best.'),
    h('span.btn.btn-primary', {}, 'Select file'), fileInput);
  const preview = h('div.upload-preview', { hidden: true });
  const media = h('div.upload-media', {}, dropzone, preview);

  const title = h('input', { id: 'upload-title', name: 'title', maxLength: 100, required: true, autocomplete: 'off' });
  const titleCount = h('span.counter.muted', { 'aria-hidden': 'true' }, '0/100');
  const description = h('textarea', { id: 'upload-description', name: 'description', rows: 4, maxLength: 5000,
    placeholder: 'Tell viewers about your video. Add #hashtags so people find it.' });
  const visibility = h('select', { id: 'upload-visibility', name: 'visibility' },
    h('option', { value: 'PUBLIC' }, 'Public — everyone can watch'),
    h('option', { value: 'UNLISTED' }, 'Unlisted — anyone with the link'),
    h('option', { value: 'PRIVATE' }, 'Private — only you'));
  const submit = h('button.btn.btn-primary', { type: 'submit' }, 'Post');
  const discard = h('button.btn.btn-ghost', { type: 'button' }, 'Discard');
  const fieldset = h('fieldset', {},
    field('upload-title', 'Title', title, titleCount),
    field('upload-description', 'Description', description),
    field('upload-visibility', 'Who can watch', visibility));
  const banner = h('p.banner', { role: 'alert', hidden: true, dataset: { banner: '' } });
  const fileError = h('p.field-error', { id: 'upload-file-error', hidden: true });

  const bar = h('progress', { max: 100, value: 0, 'aria-label': 'Upload progress' });
  const stageLabel = h('strong', {});
  const stats = h('span.muted.stats', {});
  const pause = h('button.btn.btn-ghost.btn-small', { type: 'button' }, 'Pause');
  const cancel = h('button.btn.btn-ghost.btn-small', { type: 'button' }, 'Cancel');
  const doneActions = h('div.actions', { hidden: true });
  const progress = h('div.upload-progress', { hidden: true, dataset: { stage: '' }, 'aria-live': 'polite' },
    h('ol.stages', {}, Object.entries(STAGES).filter(([k]) => k !== 'failed').map(([key, text]) => h('li', { dataset: { step: key } }, text))),
    h('p.progress-line', {}, stageLabel, stats), bar,
    h('div.actions', {}, pause, cancel), doneActions);
  const actions = h('div.actions', {}, discard, submit);
  const form = h('form.upload-form', { id: 'upload-form', noValidate: true }, h('div.upload-fields', {}, banner, fileError, fieldset, actions, progress));

  container.append(h('section.upload-page', { 'aria-labelledby': 'upload-heading' },
    h('header.page-head', {}, h('h1', { id: 'upload-heading' }, 'Upload video'), h('p.muted', {}, 'Post a video to your account.')),
    h('div.upload-layout', {}, media, form)));
  fileInput.setAttribute('form', 'upload-form'); // it sits in the dropzone but belongs to the form (validation, errors)

  const setStage = stage => {
    progress.dataset.stage = stage;
    stageLabel.textContent = STAGES[stage];
    for (const li of progress.querySelectorAll('[data-step]')) {
      const order = Object.keys(STAGES);
      const done = order.indexOf(li.dataset.step) < order.indexOf(stage) || stage === 'ready';
      li.className = done ? 'done' : li.dataset.step === stage ? 'current' : '';
    }
  };

  const updateCount = () => { titleCount.textContent = `${[...title.value].length}/100`; };
  title.addEventListener('input', updateCount);

  function choose(chosen) {
    if (!chosen) return;
    if (chosen.type && !chosen.type.startsWith('video/')) return showErrors(form, { file: 'Please choose a video file.' });
    clearErrors(form);
    file = chosen;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(file);
    preview.replaceChildren(h('video', { src: previewUrl, muted: true, autoplay: true, loop: true, playsInline: true, 'aria-label': 'Preview' }),
      h('p.preview-name', {}, h('span', {}, file.name), h('span.muted', {}, ` · ${(file.size / MB).toFixed(1)} MB`)),
      h('button.btn.btn-ghost.btn-small', { type: 'button', onclick: () => fileInput.click() }, 'Change video'));
    preview.hidden = false;
    dropzone.hidden = true;
    if (!title.value) { title.value = file.name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').slice(0, 100); updateCount(); }
  }
  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  const hasFiles = e => e.dataTransfer?.types.includes('Files');
  media.addEventListener('dragover', e => { if (hasFiles(e) && !transfer) { e.preventDefault(); media.classList.add('dragging'); } });
  media.addEventListener('dragleave', e => { if (!media.contains(e.relatedTarget)) media.classList.remove('dragging'); });
  media.addEventListener('drop', e => {
    media.classList.remove('dragging');
    if (!hasFiles(e) || transfer) return;
    e.preventDefault();
    choose(e.dataTransfer.files[0]);
  });

  function reset() {
    stopFollowing();
    player?.destroy();
    player = null;
    transfer = null;
    created = null;
    file = null;
    fileInput.value = '';
    title.value = description.value = '';
    visibility.value = 'PUBLIC';
    updateCount();
    preview.hidden = true;
    preview.replaceChildren();
    dropzone.hidden = false;
    fieldset.disabled = false;
    actions.hidden = false;
    progress.hidden = true;
    doneActions.hidden = true;
    clearErrors(form);
  }
  discard.addEventListener('click', reset);

  function showBytes(loaded, startedAt) {
    const pct = file.size ? Math.floor((loaded / file.size) * 100) : 100;
    const seconds = (performance.now() - startedAt) / 1000;
    bar.value = pct;
    stats.textContent = ` ${pct}% · ${(loaded / MB).toFixed(1)} of ${(file.size / MB).toFixed(1)} MB`
      + (seconds > 0.5 && loaded ? ` · ${(loaded / MB / seconds).toFixed(1)} MB/s` : '');
  }

  async function send() {
    pause.hidden = !transfer.resumable;
    pause.textContent = 'Pause';
    setStage('uploading');
    try {
      await transfer.start();
    } catch (err) {
      if (err.name === 'AbortError') {
        if (transfer?.paused) { stats.textContent = ` paused at ${bar.value}%`; return; }
        return abandon('Upload cancelled.');
      }
      if (transfer?.resumable) { transfer.paused = true; pause.textContent = 'Resume'; stats.textContent = ` ${err.message} Resume to try again.`; return; }
      showApiError(form, err);
      return abandon();
    }
    if (closed) return;
    processing();
  }

  async function abandon(message) {
    const id = created?.id;
    stopFollowing();
    fieldset.disabled = false;
    actions.hidden = false;
    progress.hidden = true;
    transfer = null;
    created = null;
    if (message) toast(message);
    // A record without its file would sit in UPLOADING forever: remove it (best effort).
    if (id) await api.deleteVideo(id).catch(() => {});
  }

  function processing() {
    setStage('processing');
    pause.hidden = cancel.hidden = true;
    bar.removeAttribute('value'); // indeterminate until the first progress event
    stats.textContent = ' Preparing your video…';
    const id = created.id;
    const check = () => api.video(id).then(v => {
      if (closed || created?.id !== id) return;
      if (v.status === 'READY') ready(v);
      else if (v.status === 'FAILED') failed(v.error);
      else if (v.progress) showProcessing(v.progress);
    }, () => {});
    unfollow = followVideo(id, { progress: showProcessing, ready: check, failed: error => failed(error) });
    poll = setInterval(check, 4000); // in case an event was missed (the socket was reconnecting)
    check();
  }

  function showProcessing(p) {
    if (progress.dataset.stage !== 'processing') return;
    bar.value = p;
    stats.textContent = ` ${p}% · making it playable`;
  }

  function stopFollowing() {
    unfollow?.();
    unfollow = null;
    clearInterval(poll);
  }

  function ready(video) {
    stopFollowing();
    setStage('ready');
    bar.value = 100;
    stats.textContent = video.progress < 100 ? ' — playable now; higher qualities are still on their way.' : ' — your video is live.';
    doneActions.replaceChildren(
      h('a.btn.btn-primary', { href: videoPath(video.id) }, 'View video'),
      h('button.btn.btn-ghost', { type: 'button', onclick: reset }, 'Upload another'));
    doneActions.hidden = false;
    preview.replaceChildren();
    player = mountPlayer(preview, video, { onError: message => toast(message) });
  }

  function failed(error) {
    stopFollowing();
    setStage('failed');
    bar.value = 0;
    stats.textContent = ` — ${error?.message ?? 'the video could not be processed.'}`;
    doneActions.replaceChildren(h('button.btn.btn-primary', { type: 'button', onclick: reset }, 'Try another file'));
    doneActions.hidden = false;
  }

  pause.addEventListener('click', () => {
    if (!transfer) return;
    if (transfer.paused) { transfer.paused = false; send(); return; }
    transfer.paused = true;
    pause.textContent = 'Resume';
    transfer.pause();
  });
  cancel.addEventListener('click', () => {
    if (!transfer) return;
    const wasPaused = transfer.paused;
    transfer.paused = false;
    transfer.pause();
    if (wasPaused) abandon('Upload cancelled.');
  });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (transfer || !validate(form)) return;
    if (!file) return showErrors(form, { file: 'Choose a video first.' });
    submit.disabled = true;
    try {
      created = await api.createVideo({ title: title.value.trim(), description: description.value.trim() || undefined, visibility: visibility.value });
    } catch (err) {
      submit.disabled = false;
      return showApiError(form, err);
    }
    submit.disabled = false;
    fieldset.disabled = true;
    actions.hidden = true;
    progress.hidden = false;
    progress.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    cancel.hidden = false;
    doneActions.hidden = true;
    const startedAt = performance.now();
    const onProgress = loaded => showBytes(loaded, startedAt);
    const tus = await api.tusEndpoint(created.upload?.tusEndpoint ?? '/api/uploads');
    progress.dataset.transport = tus ? 'tus' : 'put';
    transfer = tus
      ? tusUpload({ endpoint: tus, file, videoId: created.id, token: currentToken, onProgress })
      : putUpload({ url: created.upload.putUrl, file, token: currentToken, onProgress });
    showBytes(0, startedAt);
    send();
  });

  // Leaving mid-upload would lose it: ask first.
  const beforeUnload = e => { if (transfer && progress.dataset.stage === 'uploading') e.preventDefault(); };
  window.addEventListener('beforeunload', beforeUnload);

  return () => {
    closed = true;
    window.removeEventListener('beforeunload', beforeUnload);
    if (transfer && progress.dataset.stage === 'uploading') { transfer.paused = false; transfer.pause(); }
    stopFollowing();
    player?.destroy();
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  };
}
