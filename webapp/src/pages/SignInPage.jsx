import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { login, register } from '../api/endpoints.js';
import { safeNext, useAuth } from '../auth/AuthProvider.jsx';
import { ErrorMessage, FieldError } from '../components/Feedback.jsx';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$/;

function checkFields(username, password, registering) {
  const errors = {};
  if (!USERNAME.test(username)) {
    errors.username =
      'Use 3 to 50 letters, digits, dots, dashes or underscores, starting with a letter or digit.';
  }
  if (registering && password.length < 10) {
    errors.password = 'Use at least 10 characters.';
  } else if (!password) {
    errors.password = 'Enter your password.';
  }
  return errors;
}

/** Sign-in and registration; after signing in, the user returns to the page they came from. */
export default function SignInPage({ mode = 'login' }) {
  const registering = mode === 'register';
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { signIn } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  async function submit(event) {
    event.preventDefault();
    const found = checkFields(username, password, registering);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (registering) await register(username, password);
      const session = await login(username, password);
      signIn(session.token, username);
      navigate(next, { replace: true });
    } catch (error) {
      if (error.field === 'username' || error.field === 'password') {
        setErrors({ [error.field]: error.message });
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const title = registering ? 'Create your Doppel account' : 'Sign in to Doppel';
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="card w-full max-w-sm">
        <p className="text-2xl font-bold text-indigo-700">Doppel</p>
        <h1 className="mb-4 mt-1 text-lg font-semibold">{title}</h1>
        {params.get('expired') && (
          <p role="status" className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-800">
            Your session has ended. Sign in again to continue where you were.
          </p>
        )}
        <form onSubmit={submit} noValidate className="space-y-3">
          <div>
            <label htmlFor="username" className="label">
              Username
            </label>
            <input
              id="username"
              name="username"
              autoComplete="username"
              className={`input ${errors.username ? 'input-invalid' : ''}`}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={Boolean(errors.username)}
              aria-describedby={errors.username ? 'username-error' : undefined}
            />
            <FieldError id="username-error" message={errors.username} />
          </div>
          <div>
            <label htmlFor="password" className="label">
              Password
            </label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete={registering ? 'new-password' : 'current-password'}
              className={`input ${errors.password ? 'input-invalid' : ''}`}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(errors.password)}
              aria-describedby={errors.password ? 'password-error' : undefined}
            />
            <FieldError id="password-error" message={errors.password} />
          </div>
          <ErrorMessage
            error={failure}
            title={registering ? 'Could not create the account' : 'Could not sign in'}
          />
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {busy ? 'Please wait…' : registering ? 'Create account' : 'Sign in'}
          </button>
        </form>
        <p className="mt-4 text-sm text-slate-600">
          {registering ? (
            <>
              Already have an account?{' '}
              <Link className="text-indigo-700 underline" to={`/login?${params}`}>
                Sign in
              </Link>
            </>
          ) : (
            <>
              New here?{' '}
              <Link className="text-indigo-700 underline" to={`/register?${params}`}>
                Create an account
              </Link>
            </>
          )}
        </p>
      </div>
    </main>
  );
}
