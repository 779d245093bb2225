import { ApiError, buildUrl } from '../../platform/api';
import type { ImportObject, ImportUpload } from './types';

function errorOf(status: number, body: string): ApiError {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    const error = parsed.error;
    if (error && typeof error.code === 'string') {
      return new ApiError(status, error.code, typeof error.message === 'string' ? error.message : error.code,
        typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {});
    }
  } catch {
    // not JSON: a proxy's error page
  }
  return new ApiError(status, `HTTP_${status}`, `HTTP ${status}`);
}

/**
 * Sends one file as multipart/form-data. XMLHttpRequest rather than fetch: fetch reports no upload
 * progress, and a file of several hundred MB needs a progress bar before the server has seen it.
 * The CSRF header is required because the session cookie authenticates the request.
 */
export function uploadImportFile(
  object: ImportObject,
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<ImportUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildUrl('/imports/uploads', { object }));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportUpload);
        } catch {
          reject(new ApiError(xhr.status, 'INVALID_RESPONSE', 'The server answered with something other than JSON'));
        }
      } else {
        reject(errorOf(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', 'Network error'));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
