import { ApiError, buildUrl, type QueryValue } from './api';

/** `attachment; filename="contacts-2026-11-23.csv"` → the file name, or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : fallback;
}

/**
 * Downloads a file from the API with the session cookie and saves it through a blob URL.
 * A plain `<a href download>` would not let the page see a 403 or a 422: the browser would
 * save the JSON error body as the "file". Here an error response becomes a typed `ApiError`.
 */
export async function downloadFile(path: string, query?: Record<string, QueryValue>, fallbackName = 'download'): Promise<string> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin', headers: { accept: '*/*' } });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    const error = typeof body === 'object' && body !== null && 'error' in body ? (body as { error: { code?: unknown; message?: unknown; details?: unknown } }).error : null;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
      typeof error?.message === 'string' ? error.message : response.statusText || `HTTP ${response.status}`,
      typeof error?.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {},
    );
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // the browser has taken the blob once the click is handled; free it a little later
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
