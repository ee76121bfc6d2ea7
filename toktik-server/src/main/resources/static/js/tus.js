// A tus 1.0 upload (core + creation): POST to create, PATCH chunks from the offset the server has, HEAD to resume.
// The tus-js-client WebJar is not published for any recent version, so this is the small part of the protocol we use.
const CHUNK = 8 * 1024 * 1024;
const b64 = text => btoa(String.fromCodePoint(...new TextEncoder().encode(text)));

function request(method, url, headers, body, { onProgress, xhrs }) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhrs.add(xhr);
    xhr.open(method, url);
    xhr.setRequestHeader('Tus-Resumable', '1.0.0');
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    if (onProgress) xhr.upload.onprogress = e => onProgress(e.loaded);
    xhr.onload = () => { xhrs.delete(xhr); resolve(xhr); };
    xhr.onerror = () => { xhrs.delete(xhr); reject(Object.assign(new Error('The connection was lost.'), { retry: true })); };
    xhr.onabort = () => { xhrs.delete(xhr); reject(new DOMException('Paused', 'AbortError')); };
    xhr.send(body ?? null);
  });
}

const problem = xhr => {
  try { return JSON.parse(xhr.responseText)?.detail; } catch { return null; }
};

/**
 * Uploads file for videoId to a tus endpoint. token() gives a fresh bearer token for each request.
 * Returns {start(), pause()}: start() resolves when every byte is stored, rejects with AbortError when paused.
 */
export function tusUpload({ endpoint, file, videoId, token, onProgress }) {
  let location = null;
  const xhrs = new Set();

  async function offset() {
    const res = await request('HEAD', location, { Authorization: `Bearer ${await token()}` }, null, { xhrs });
    if (res.status === 404 || res.status === 410) { location = null; return 0; } // gone: start a new upload
    if (res.status >= 300) throw new Error(problem(res) ?? `The server refused to resume (${res.status}).`);
    return Number(res.getResponseHeader('Upload-Offset'));
  }

  async function create() {
    const metadata = [['videoId', videoId], ['filename', file.name], ['filetype', file.type || 'application/octet-stream']]
      .map(([k, v]) => `${k} ${b64(v)}`).join(',');
    const res = await request('POST', endpoint, { Authorization: `Bearer ${await token()}`, 'Upload-Length': String(file.size),
      'Upload-Metadata': metadata }, null, { xhrs });
    if (res.status !== 201) throw new Error(problem(res) ?? `The server refused the upload (${res.status}).`);
    location = new URL(res.getResponseHeader('Location'), new URL(endpoint, window.location.href)).href;
  }

  async function start() {
    let at = 0;
    if (location) at = await offset();
    if (!location) await create();
    onProgress(at);
    while (at < file.size) {
      const end = Math.min(at + CHUNK, file.size);
      const res = await request('PATCH', location, { Authorization: `Bearer ${await token()}`, 'Upload-Offset': String(at),
        'Content-Type': 'application/offset+octet-stream' }, file.slice(at, end), { xhrs, onProgress: sent => onProgress(at + sent) });
      if (res.status === 409) { at = await offset(); continue; } // we and the server disagree: ask where it is
      if (res.status !== 204) throw new Error(problem(res) ?? `The upload failed (${res.status}).`);
      at = Number(res.getResponseHeader('Upload-Offset'));
      onProgress(at);
    }
  }

  return { start, pause: () => xhrs.forEach(xhr => xhr.abort()), resumable: true };
}
