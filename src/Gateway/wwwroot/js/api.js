// JSON over HTTP with problem-details errors (RFC 9457) turned into exceptions that carry them.
import { appUrl } from './dom.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }
}

export async function api(path, { method = 'GET', body, token, signal, contentType } = {}) {
  const headers = { accept: 'application/json' };
  // A file (Blob) goes as it is, with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? (contentType || body.type || 'application/octet-stream') : 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(appUrl(path), {
    method,
    headers,
    body: body === undefined ? undefined : raw || typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = { detail: text }; }
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

/** The edition's occupations ({code, name:{zh,en}, mode, scheme}); anonymous. */
export function occupations(editionId) {
  return api(`/api/editions/${encodeURIComponent(editionId)}/occupations`);
}

/** An occupation's definition (scheme with module and criterion names); anonymous. */
export function definition(editionId, code) {
  return api(`/api/editions/${encodeURIComponent(editionId)}/occupations/${encodeURIComponent(code)}/definition`);
}

export function edition(editionId) {
  return api(`/api/editions/${encodeURIComponent(editionId)}`);
}

/**
 * Downloads a file that needs the bearer token (a plain link cannot carry it): fetched as a blob
 * and handed to the browser under the server's file name. Resolves to that name.
 */
export async function download(path, { token, fallbackName = 'download' } = {}) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(appUrl(path), { headers });
  if (!response.ok) {
    const text = await response.text();
    let problem = null;
    try { problem = JSON.parse(text); } catch { problem = text ? { detail: text } : null; }
    throw new ApiError(response.status, problem);
  }
  const name = fileName(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

function fileName(disposition) {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}
