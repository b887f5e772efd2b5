import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiToken, listApiTokens, revokeApiToken } from '../api/endpoints.js';
import ConfirmDialog from './ConfirmDialog.jsx';
import { EmptyState, ErrorMessage, FieldError, Loading } from './Feedback.jsx';

const TOKENS_KEY = ['api-tokens'];
const SCOPES = [
  { value: 'read', label: 'Read only' },
  { value: 'full', label: 'Full access' },
];

const when = (instant) => (instant ? new Date(instant).toLocaleString() : 'never');

/** The secret is in the creation answer only; the page shows it once, until dismissed. */
function NewSecret({ secret, onDone }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="space-y-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      <p className="font-medium">Copy this token now: it will not be shown again.</p>
      <code className="block break-all rounded bg-white p-2 font-mono text-xs">{secret}</code>
      <div className="flex gap-2">
        <button
          type="button"
          className="btn-secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(secret);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="btn-secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function NewToken({ onCreated }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scope, setScope] = useState('read');
  const create = useMutation({
    mutationFn: () => createApiToken(name, scope),
    onSuccess: (created) => {
      queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      setName('');
      onCreated(created.secret);
    },
  });
  const nameError = create.error?.field === 'name' ? create.error.message : null;
  return (
    <form
      aria-label="Create an API token"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate();
      }}
    >
      <div>
        <label htmlFor={`${id}-name`} className="label">
          Token name
        </label>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            create.reset();
          }}
          aria-invalid={Boolean(nameError)}
          aria-describedby={nameError ? `${id}-name-error` : undefined}
        />
        <FieldError id={`${id}-name-error`} message={nameError} />
      </div>
      <div>
        <label htmlFor={`${id}-scope`} className="label">
          Scope
        </label>
        <select
          id={`${id}-scope`}
          className="input"
          value={scope}
          onChange={(e) => setScope(e.target.value)}
        >
          {SCOPES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {create.error && !nameError && (
        <ErrorMessage error={create.error} title="Could not create the token" />
      )}
      <button type="submit" className="btn-primary" disabled={create.isPending}>
        {create.isPending ? 'Please wait…' : 'Create token'}
      </button>
    </form>
  );
}

/** Personal tokens for scripts and notebooks: created and revoked here, sent like a sign-in token. */
export default function ApiTokens() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: listApiTokens });
  const [secret, setSecret] = useState(null);
  const [revoking, setRevoking] = useState(null);
  const revoke = useMutation({
    mutationFn: (token) => revokeApiToken(token.id),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
      setRevoking(null);
    },
  });
  return (
    <section className="card space-y-3" aria-labelledby="api-tokens-title">
      <h2 id="api-tokens-title" className="text-lg font-semibold">
        API tokens
      </h2>
      <p className="text-sm text-slate-600">
        For scripts and notebooks: send one as <code>Authorization: Bearer …</code>. A read-only
        token can only read; neither kind can manage tokens or the account.
      </p>
      {secret ? (
        <NewSecret secret={secret} onDone={() => setSecret(null)} />
      ) : (
        <NewToken onCreated={setSecret} />
      )}
      {tokens.isPending && <Loading />}
      <ErrorMessage error={tokens.error} title="Could not list the tokens" />
      {tokens.data?.length === 0 && <EmptyState>No API tokens yet.</EmptyState>}
      {tokens.data?.length > 0 && (
        <ul className="divide-y divide-slate-200 text-sm">
          {tokens.data.map((token) => (
            <li key={token.id} className="flex items-center justify-between gap-2 py-2">
              <div>
                <p className="font-medium">
                  {token.name} <span className="text-slate-500">({token.scope})</span>
                </p>
                <p className="text-slate-600">
                  <code>{token.prefix}…</code> · created {when(token.createdAt)} · last used{' '}
                  {when(token.lastUsedAt)}
                  {token.expiresAt && ` · expires ${when(token.expiresAt)}`}
                </p>
              </div>
              <button
                type="button"
                className="btn-danger"
                onClick={() => setRevoking(token)}
                aria-label={`Revoke ${token.name}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={revoke.error} title="Could not revoke the token" />
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          confirmLabel={revoke.isPending ? 'Revoking…' : 'Revoke token'}
          onConfirm={() => revoke.mutate(revoking)}
          onCancel={() => setRevoking(null)}
          busy={revoke.isPending}
        >
          Scripts using this token are refused from their next request on.
        </ConfirmDialog>
      )}
    </section>
  );
}
