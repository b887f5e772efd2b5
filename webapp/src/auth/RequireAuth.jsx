import { Navigate, useLocation } from 'react-router-dom';
import { loginPath, useAuth } from './AuthProvider.jsx';

/** Sends visitors without a session to sign-in, remembering where they wanted to go. */
export default function RequireAuth({ children }) {
  const { token } = useAuth();
  const location = useLocation();
  if (!token) return <Navigate to={loginPath(location)} replace />;
  return children;
}
