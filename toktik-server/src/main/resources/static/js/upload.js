// Upload card: create the video record, then PUT the file with a live progress bar.
import { api } from './api.js';
import { clearErrors, showApiError, showErrors, validate } from './forms.js';

const MB = 1e6;
const $ = id => document.getElementById(id);

// onChange(video): the record was created, then again when the upload is accepted; onRemove(id): an abandoned record was deleted.
export function initUpload({ onChange, onRemove }) {
  const card = $('upload-card');
  const form = $('upload-form');
  const { file: fileInput, title } = form.elements;
  const fieldset = form.querySelector('fieldset');
  const progress = $('upload-progress');
  const bar = $('upload-bar');
  const stats = $('upload-stats');
  const status = $('upload-status');
  const submit = $('upload-submit');
  const cancel = $('upload-cancel');
  const fileName = $('upload-file-name');
  const titleCount = $('upload-title-count');
  let controller = null; // set while an upload is in progress
  let running = null; // the upload's promise, so abort() can wait for its cleanup

  const updateCount = () => { titleCount.textContent = `${title.value.length}/${title.maxLength}`; };
  title.addEventListener('input', updateCount);

  fileInput.addEventListener('change', () => {
    const file = fileInput.files[0];
    fileName.textContent = file ? `${file.name} (${(file.size / MB).toFixed(1)} MB)` : 'Choose a video or drop it here';
    if (file && !title.value) {
      title.value = file.name.replace(/\.[^.]+$/, '').slice(0, title.maxLength);
      updateCount();
    }
  });

  // Drag-and-drop onto the card; elsewhere on the page a dropped file must not navigate away (dragged text still works).
  const hasFiles = e => e.dataTransfer.types.includes('Files');
  window.addEventListener('dragover', e => { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener('drop', e => { if (hasFiles(e)) e.preventDefault(); });
  card.addEventListener('dragover', e => { if (hasFiles(e) && !controller) card.classList.add('dragging'); });
  card.addEventListener('dragleave', e => { if (!card.contains(e.relatedTarget)) card.classList.remove('dragging'); });
  card.addEventListener('drop', e => {
    card.classList.remove('dragging');
    if (controller || !e.dataTransfer.files.length) return;
    fileInput.files = e.dataTransfer.files;
    fileInput.dispatchEvent(new Event('change'));
  });

  function setBusy(busy) {
    fieldset.disabled = submit.disabled = busy;
    cancel.hidden = progress.hidden = !busy;
  }

  function clear() {
    form.reset();
    fileInput.dispatchEvent(new Event('change'));
    updateCount();
  }

  function showProgress(loaded, total, startedAt) {
    const pct = total ? Math.floor((loaded / total) * 100) : 0;
    const seconds = (performance.now() - startedAt) / 1000;
    bar.value = pct;
    stats.textContent = `${pct}% · ${(loaded / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB`
      + (seconds > 0.5 ? ` · ${(loaded / MB / seconds).toFixed(1)} MB/s` : '');
  }

  async function upload(file) {
    status.textContent = '';
    controller = new AbortController();
    setBusy(true);
    showProgress(0, file.size, performance.now());
    let created = null;
    let uploaded = null;
    let error = null;
    try {
      created = await api.createVideo({
        title: title.value.trim(),
        description: form.elements.description.value.trim() || undefined,
        visibility: form.elements.visibility.value,
      });
      onChange(created);
      const startedAt = performance.now();
      uploaded = await api.uploadSource(created.upload.putUrl, file, {
        signal: controller.signal,
        onProgress: (loaded, total) => showProgress(loaded, total, startedAt),
      });
    } catch (err) {
      error = err;
    }
    controller = null;
    setBusy(false);
    if (uploaded) {
      onChange(uploaded);
      clear();
      status.textContent = `“${uploaded.title}” uploaded — processing; follow it in your videos.`;
      setTimeout(() => { if (status.textContent.startsWith(`“${uploaded.title}” uploaded`)) status.textContent = ''; }, 8000);
      return;
    }
    if (error.name === 'AbortError') status.textContent = 'Upload cancelled.';
    else showApiError(form, error);
    if (created) {
      // An abandoned record would sit in UPLOADING forever, so remove it (best effort).
      await api.deleteVideo(created.id).catch(() => {});
      onRemove(created.id);
    }
  }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (running || !validate(form)) return;
    const file = fileInput.files[0];
    if (file.type && !file.type.startsWith('video/')) return showErrors(form, { file: 'Please choose a video file.' });
    running = upload(file);
    await running;
    running = null;
  });

  cancel.addEventListener('click', () => controller?.abort());

  return {
    // Cancels an upload in progress, waits for its half-created record to be cleaned up, and empties the form.
    async reset() {
      controller?.abort();
      await running;
      clear();
      status.textContent = '';
      clearErrors(form);
    },
  };
}
