import { clearSession, getToken } from './session.js';

/** An API failure, carrying the problem+json words and the field at fault when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.field = problem?.field || null;
    this.problem = problem || null;
  }
}

let unauthorizedHandler = () => {};

/** Called whenever the server says the token is missing or expired (401). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

export function authHeaders() {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function readProblem(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text.slice(0, 300) };
  }
}

/** Turns a non-2xx response into an ApiError; a 401 also ends the session. */
export async function failure(response, { auth = true } = {}) {
  const problem = await readProblem(response);
  if (response.status === 401 && auth) {
    clearSession();
    unauthorizedHandler();
  }
  return new ApiError(response.status, problem);
}

/**
 * Calls the JSON API. `body` is sent as JSON, or as multipart/form-data when it is a FormData;
 * `auth: false` for sign-in and registration.
 * Resolves to the parsed body (null for 204), or rejects with ApiError.
 */
export async function api(path, { method = 'GET', body, auth = true, raw = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (auth) Object.assign(headers, authHeaders());
  const multipart = body instanceof FormData;
  // A FormData body gets its Content-Type, with the part boundary, from fetch itself.
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined || multipart ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      detail: 'Could not reach the Doppel server. Check your connection and try again.',
    });
  }
  if (!response.ok) throw await failure(response, { auth });
  if (raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  // A 202 with a body is still an answer (e.g. an evaluation still computing).
  return data;
}
