// The workbench's one way to the API: the session cookie goes with every call, and every change carries the
// session's CSRF token, without which the server refuses it (403).
let csrf = null;

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

export function setCsrf(token) {
  csrf = token;
}

export async function api(method, path, body, contentType) {
  const headers = {};
  if (method !== 'GET') {
    headers['X-CSRF-Token'] = csrf || '';
  }
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = contentType || 'application/json';
    payload = contentType ? body : JSON.stringify(body);
  }
  const r = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await r.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!r.ok) {
    throw new ApiError(r.status, data && data.error ? data.error : 'HTTP ' + r.status, data && data.field);
  }
  return data;
}

export const get = (path) => api('GET', path);
export const post = (path, body) => api('POST', path, body);
