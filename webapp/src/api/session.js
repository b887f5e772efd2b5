// The sign-in token lives for the browser session only (sessionStorage): closing the tab signs out.
const TOKEN_KEY = 'doppel.token';
const USER_KEY = 'doppel.username';

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function getUsername() {
  return sessionStorage.getItem(USER_KEY);
}

export function saveSession(token, username) {
  sessionStorage.setItem(TOKEN_KEY, token);
  if (username) sessionStorage.setItem(USER_KEY, username);
}

export function clearSession() {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
}
