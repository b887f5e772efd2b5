import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '../api/client.js';
import { logout } from '../api/endpoints.js';
import { clearSession, getToken, getUsername, saveSession } from '../api/session.js';

const AuthContext = createContext(null);

/** Where to go after signing in: only paths inside this app, never another site. */
export function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : '/';
}

export function loginPath(location, expired = false) {
  const here = `${location.pathname}${location.search}`;
  const params = new URLSearchParams();
  if (here !== '/' && !here.startsWith('/login')) params.set('next', here);
  if (expired) params.set('expired', '1');
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

export function AuthProvider({ children }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [session, setSession] = useState(() => ({ token: getToken(), username: getUsername() }));
  const locationRef = useRef(location);
  locationRef.current = location;

  useEffect(() => {
    // Any 401 from the API ends the session and brings the user to sign-in, remembering the page.
    onUnauthorized(() => {
      setSession({ token: null, username: null });
      queryClient.cancelQueries();
      queryClient.clear();
      if (!locationRef.current.pathname.startsWith('/login')) {
        navigate(loginPath(locationRef.current, true), { replace: true });
      }
    });
    return () => onUnauthorized(() => {});
  }, [navigate, queryClient]);

  const signIn = useCallback((token, username) => {
    saveSession(token, username);
    setSession({ token, username });
  }, []);

  const signOut = useCallback(() => {
    // The request reads the token before the session is cleared below.
    logout();
    clearSession();
    setSession({ token: null, username: null });
    queryClient.clear();
    navigate('/login');
  }, [navigate, queryClient]);

  const value = useMemo(() => ({ ...session, signIn, signOut }), [session, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth() {
  return useContext(AuthContext);
}
