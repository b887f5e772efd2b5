import { useId, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelDatabaseModel,
  deleteDatabaseModel,
  getSchema,
  algorithmCatalogue,
  listDatabaseModels,
  trainDatabaseModel,
} from '../api/endpoints.js';
import { relationalAlgorithms, whyNot } from '../lib/databaseModels.js';
import { formatDate, formatNumber } from '../lib/format.js';
import { checkSeed } from '../lib/tableRules.js';
import { initialValues, settingForField, toSettings, validate } from '../lib/trainingForm.js';
import ConfirmDialog from './ConfirmDialog.jsx';
import DatabaseBatchPanel from './DatabaseBatchPanel.jsx';
import {
  EmptyState,
  ErrorMessage,
  FieldError,
  Loading,
  ProgressBar,
  StatusBadge,
} from './Feedback.jsx';
import { schemaKey } from './LinkedTables.jsx';
import SettingField from './SettingField.jsx';

export const ACTIVE_DATABASE_MODEL = ['PENDING', 'TRAINING'];

/** The query that lists a project's database models: training, cancelling and deleting refresh it. */
export const databaseModelsKey = (projectId) => ['database-models', String(projectId)];

function TrainDatabaseModel({ projectId, relationships }) {
  const id = useId();
  const queryClient = useQueryClient();
  const catalogue = useQuery(algorithmCatalogue);
  const algorithms = useMemo(
    () => relationalAlgorithms(catalogue.data?.algorithms ?? []),
    [catalogue.data],
  );
  const [algorithmName, setAlgorithmName] = useState(null);
  const [values, setValues] = useState({});
  const [errors, setErrors] = useState({});
  const [seed, setSeed] = useState('');
  const [seedError, setSeedError] = useState(null);
  const usable = algorithms.filter((a) => !whyNot(a, relationships));
  const algorithm =
    algorithms.find((a) => a.name === algorithmName) ?? usable[0] ?? algorithms[0] ?? null;
  if (algorithm && algorithm.name !== algorithmName) {
    // First render with the catalogue: start from the first usable algorithm's defaults.
    setAlgorithmName(algorithm.name);
    setValues(initialValues(algorithm));
    setErrors({});
  }
  const train = useMutation({
    mutationFn: () => {
      const request = { algorithm: algorithm.name, settings: toSettings(algorithm, values) };
      if (seed.trim() !== '') request.seed = Number(seed);
      return trainDatabaseModel(projectId, request);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: databaseModelsKey(projectId) }),
    onError: (error) => {
      const setting = settingForField(algorithm, error.field);
      if (setting) setErrors((e) => ({ ...e, [setting]: error.message }));
      else if (error.field === 'seed') setSeedError(error.message);
    },
  });

  if (catalogue.isPending) return <Loading label="Loading the algorithm catalogue…" />;
  if (catalogue.error)
    return (
      <ErrorMessage
        error={catalogue.error}
        title="Could not load the algorithms"
        onRetry={catalogue.refetch}
      />
    );

  const blocker =
    relationships.length === 0
      ? 'Declare a link between two tables under “Linked tables” first: a database model learns the tables that links join.'
      : algorithms.length === 0
        ? 'None of the server’s algorithms can learn linked tables.'
        : whyNot(algorithm, relationships);

  function submit(event) {
    event.preventDefault();
    const found = validate(algorithm, values);
    const badSeed = checkSeed(seed);
    setErrors(found);
    setSeedError(badSeed);
    if (Object.keys(found).length === 0 && !badSeed) train.mutate();
  }

  const generalError =
    train.error && !settingForField(algorithm, train.error.field) && train.error.field !== 'seed';
  return (
    <form
      aria-label="Train a database model"
      noValidate
      onSubmit={submit}
      className="space-y-3 rounded-md border border-slate-200 p-3"
    >
      {algorithm && (
        <div>
          <label htmlFor={`${id}-algorithm`} className="label">
            Algorithm
          </label>
          <select
            id={`${id}-algorithm`}
            className="input sm:w-64"
            value={algorithm.name}
            onChange={(e) => {
              const chosen = algorithms.find((a) => a.name === e.target.value);
              setAlgorithmName(chosen.name);
              setValues(initialValues(chosen));
              setErrors({});
              train.reset();
            }}
          >
            {algorithms.map((a) => (
              <option key={a.name} value={a.name}>
                {a.name}
              </option>
            ))}
          </select>
          <p className="mt-1 text-sm text-slate-600">{algorithm.description}</p>
        </div>
      )}
      {algorithm && !blocker && (
        <details className="rounded-md border border-slate-200 p-3">
          <summary className="cursor-pointer text-sm font-medium">
            Hyper-parameters and seed
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            {algorithm.settings.map((setting) => (
              <SettingField
                key={setting.name}
                setting={setting}
                value={values[setting.name] ?? ''}
                error={errors[setting.name]}
                onChange={(value) => setValues((v) => ({ ...v, [setting.name]: value }))}
              />
            ))}
            <div>
              <label htmlFor={`${id}-seed`} className="label">
                Seed <span className="font-normal text-slate-500">(optional)</span>
              </label>
              <input
                id={`${id}-seed`}
                inputMode="numeric"
                className={`input ${seedError ? 'input-invalid' : ''}`}
                value={seed}
                onChange={(e) => setSeed(e.target.value)}
                aria-invalid={Boolean(seedError)}
                aria-describedby={seedError ? `${id}-seed-error` : undefined}
              />
              <FieldError id={`${id}-seed-error`} message={seedError} />
            </div>
          </div>
        </details>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Fix the highlighted settings before training.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          className="btn-primary"
          disabled={Boolean(blocker) || train.isPending}
          aria-describedby={blocker ? `${id}-blocker` : undefined}
        >
          {train.isPending ? 'Starting…' : 'Train a database model'}
        </button>
        {blocker && (
          <p id={`${id}-blocker`} className="text-sm text-slate-600">
            {blocker}
          </p>
        )}
      </div>
      {generalError && <ErrorMessage error={train.error} title="Training could not start" />}
    </form>
  );
}

/** Each table of a database model: learned, being learned (with its epochs), or waiting. */
function TableProgress({ model }) {
  const current = model.tables.findIndex((t) => t.name === model.progress?.table);
  const active = ACTIVE_DATABASE_MODEL.includes(model.status);
  return (
    <ul className="space-y-1 text-sm" aria-label={`Tables of database model ${model.id}`}>
      {model.tables.map((table, i) => {
        const summary = model.summary?.find((s) => s.table === table.name);
        let state;
        if (summary)
          state = `${formatNumber(summary.rows)} rows learned in ${formatNumber(summary.seconds, 1)} s`;
        else if (model.status === 'COMPLETED' || i < current) state = 'learned';
        else if (i === current && active) {
          const { epoch, epochs } = model.progress;
          const stage = model.progress.stage ?? 'learning';
          return (
            <li key={table.name}>
              <ProgressBar
                label={`${table.name}: ${stage}`}
                value={epochs ? (epoch ?? 0) / epochs : 0}
                detail={epochs ? `epoch ${epoch ?? 0} / ${epochs}` : stage}
              />
            </li>
          );
        } else state = active ? 'waiting' : 'not learned';
        return (
          <li key={table.name} className="flex gap-2">
            <span className="font-medium">{table.name}</span>
            <span className="text-slate-600">{state}</span>
          </li>
        );
      })}
    </ul>
  );
}

function DatabaseModel({ model, projectId, open, onToggle }) {
  const queryClient = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: databaseModelsKey(projectId) });
  const cancel = useMutation({
    mutationFn: () => cancelDatabaseModel(model.id),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () => deleteDatabaseModel(model.id),
    onSuccess: () => {
      setDeleting(false);
      refresh();
    },
  });
  const label = `database model ${model.id}`;
  const active = ACTIVE_DATABASE_MODEL.includes(model.status);
  return (
    <li className="space-y-2 py-3" data-testid="database-model" data-database-model-id={model.id}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">
          Database model #{model.id} · {model.algorithm}
        </span>
        <StatusBadge status={model.status} />
        <span className="text-sm text-slate-600">
          {model.tables.map((t) => t.name).join(', ')} · {formatDate(model.createdAt)}
        </span>
        <span className="ml-auto flex gap-2">
          {model.status === 'COMPLETED' && (
            <button
              type="button"
              className="btn-secondary"
              aria-expanded={open}
              aria-label={`Databases of ${label}`}
              onClick={onToggle}
            >
              {open ? 'Hide databases' : 'Databases'}
            </button>
          )}
          {active && (
            <button
              type="button"
              className="btn-secondary"
              aria-label={`Cancel ${label}`}
              disabled={cancel.isPending}
              onClick={() => cancel.mutate()}
            >
              Cancel
            </button>
          )}
          <button
            type="button"
            className="btn-secondary"
            aria-label={`Delete ${label}`}
            onClick={() => setDeleting(true)}
          >
            Delete
          </button>
        </span>
      </div>
      {model.tables.length > 0 && model.status !== 'CANCELLED' && <TableProgress model={model} />}
      {model.status === 'FAILED' && (
        <ErrorMessage error={model.error || 'No reason given.'} title="Training failed" />
      )}
      {cancel.error && <ErrorMessage error={cancel.error} title="The training was not cancelled" />}
      {open && model.status === 'COMPLETED' && (
        <DatabaseBatchPanel model={model} projectId={projectId} />
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete database model #${model.id}?`}
          confirmLabel="Delete database model"
          busy={remove.isPending}
          onConfirm={() => remove.mutate()}
          onCancel={() => setDeleting(false)}
        >
          <p>Its generated databases go with it{active ? ', and its training stops' : ''}.</p>
          {remove.error && <p className="field-error">{remove.error.message}</p>}
        </ConfirmDialog>
      )}
    </li>
  );
}

/**
 * Synthetic databases of a project whose tables are linked: train a model of every linked table,
 * follow it table by table, then generate, download, write out and evaluate databases from it.
 */
export default function DatabaseModels({ projectId }) {
  const [toggled, setToggled] = useState({});
  const schema = useQuery({ queryKey: schemaKey(projectId), queryFn: () => getSchema(projectId) });
  const models = useQuery({
    queryKey: databaseModelsKey(projectId),
    queryFn: () => listDatabaseModels(projectId),
    refetchInterval: (query) =>
      (query.state.data ?? []).some((m) => ACTIVE_DATABASE_MODEL.includes(m.status)) ? 2000 : false,
  });
  // The newest completed model shows its databases until the user says otherwise.
  const newestCompleted = models.data?.find((m) => m.status === 'COMPLETED')?.id;
  const isOpen = (m) => toggled[m.id] ?? m.id === newestCompleted;
  return (
    <section aria-labelledby="database-models-title" className="card space-y-3">
      <h2 id="database-models-title" className="text-lg font-semibold">
        Synthetic databases
      </h2>
      {schema.isPending && <Loading label="Loading the schema…" />}
      {schema.error && (
        <ErrorMessage
          error={schema.error}
          title="Could not load the schema"
          onRetry={schema.refetch}
        />
      )}
      {schema.data && (
        <TrainDatabaseModel projectId={projectId} relationships={schema.data.relationships} />
      )}
      {models.isPending && <Loading label="Loading the database models…" />}
      {models.error && (
        <ErrorMessage
          error={models.error}
          title="Could not load the database models"
          onRetry={models.refetch}
        />
      )}
      {models.data?.length === 0 && (
        <EmptyState>No database models yet: train one on the linked tables.</EmptyState>
      )}
      {models.data?.length > 0 && (
        <ul className="divide-y divide-slate-100" aria-label="Database models">
          {models.data.map((m) => (
            <DatabaseModel
              key={m.id}
              model={m}
              projectId={projectId}
              open={isOpen(m)}
              onToggle={() => setToggled((t) => ({ ...t, [m.id]: !isOpen(m) }))}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
