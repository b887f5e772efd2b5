import { authHeaders, failure } from './client.js';

/**
 * Uploads a file with XMLHttpRequest so that upload progress can be shown (fetch cannot report it).
 * `types` maps column names to the types the user chose. `onProgress(fraction)` gets 0..1.
 * Resolves to the created dataset or rejects with ApiError.
 */
export function uploadDataset({ projectId, file, name, types = {} }, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('projectId', String(projectId));
    form.append('file', file);
    if (name) form.append('name', name);
    if (Object.keys(types).length > 0) form.append('types', JSON.stringify(types));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/datasets/upload');
    for (const [key, value] of Object.entries(authHeaders())) xhr.setRequestHeader(key, value);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = async () => {
      const response = new Response(xhr.responseText || null, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText));
      } else {
        reject(await failure(response));
      }
    };
    xhr.onerror = () =>
      reject(
        Object.assign(new Error('The upload failed: the server could not be reached.'), {
          status: 0,
        }),
      );
    xhr.send(form);
  });
}
