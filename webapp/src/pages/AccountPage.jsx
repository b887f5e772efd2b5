import { useState } from 'react';
import { changePassword, deleteAccount } from '../api/endpoints.js';
import { useAuth } from '../auth/AuthProvider.jsx';
import ApiTokens from '../components/ApiTokens.jsx';
import ConfirmDialog from '../components/ConfirmDialog.jsx';
import { ErrorMessage, FieldError } from '../components/Feedback.jsx';

function PasswordField({ id, label, value, onChange, error, autoComplete }) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        className={`input ${error ? 'input-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Changing the password signs out every other session; the one here carries on with a new token. */
function PasswordForm() {
  const { username, signIn } = useAuth();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState({});
  const [failure, setFailure] = useState(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    const found = {};
    if (!current) found.currentPassword = 'Enter your current password.';
    if (next.length < 10) found.newPassword = 'Use at least 10 characters.';
    setErrors(found);
    setFailure(null);
    setDone(false);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const session = await changePassword(current, next);
      signIn(session.token, username);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (error) {
      if (error.field === 'currentPassword' || error.field === 'newPassword') {
        setErrors({ [error.field]: error.message });
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="card space-y-3">
      <h2 className="text-lg font-semibold">Change your password</h2>
      <p className="text-sm text-slate-600">
        Every other session and every token issued before is signed out.
      </p>
      <PasswordField
        id="current-password"
        label="Current password"
        value={current}
        onChange={setCurrent}
        error={errors.currentPassword}
        autoComplete="current-password"
      />
      <PasswordField
        id="new-password"
        label="New password"
        value={next}
        onChange={setNext}
        error={errors.newPassword}
        autoComplete="new-password"
      />
      <ErrorMessage error={failure} title="Could not change the password" />
      {done && (
        <p role="status" className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-800">
          Your password is changed. Other sessions are signed out.
        </p>
      )}
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? 'Please wait…' : 'Change password'}
      </button>
    </form>
  );
}

/** Deleting the account stops its jobs and removes every project, table, model and file it owns. */
function DeleteAccountForm() {
  const { signOut } = useAuth();
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [failure, setFailure] = useState(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  function ask(event) {
    event.preventDefault();
    setFailure(null);
    setError(password ? null : 'Enter your password to confirm.');
    if (password) setConfirming(true);
  }

  async function remove() {
    setBusy(true);
    try {
      await deleteAccount(password);
      signOut();
    } catch (problem) {
      setConfirming(false);
      if (problem.field === 'password') setError(problem.message);
      else setFailure(problem);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={ask} noValidate className="card space-y-3">
      <h2 className="text-lg font-semibold">Delete your account</h2>
      <p className="text-sm text-slate-600">
        Stops your running jobs and removes all your projects, uploaded tables, models, generated
        data and their files. This cannot be undone.
      </p>
      <PasswordField
        id="delete-password"
        label="Password"
        value={password}
        onChange={setPassword}
        error={error}
        autoComplete="current-password"
      />
      <ErrorMessage error={failure} title="Could not delete the account" />
      <button type="submit" className="btn-danger">
        Delete account…
      </button>
      {confirming && (
        <ConfirmDialog
          title="Delete your account?"
          confirmLabel={busy ? 'Deleting…' : 'Delete everything'}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
          busy={busy}
        >
          Everything you own in Doppel will be gone.
        </ConfirmDialog>
      )}
    </form>
  );
}

export default function AccountPage() {
  const { username } = useAuth();
  return (
    <div className="max-w-lg space-y-4">
      <h1 className="text-2xl font-semibold">Account {username}</h1>
      <PasswordForm />
      <ApiTokens />
      <DeleteAccountForm />
    </div>
  );
}
