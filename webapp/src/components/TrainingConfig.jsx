import { useMemo, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { algorithmCatalogue, trainModel } from '../api/endpoints.js';
import { checkSeed } from '../lib/tableRules.js';
import { initialValues, settingForField, toSettings, validate } from '../lib/trainingForm.js';
import { ErrorMessage, FieldError, Loading } from './Feedback.jsx';
import SettingField from './SettingField.jsx';

// Layout only: settings about the training loop are shown first, the rest under "Advanced".
const PRIMARY = /epoch|batch/i;

/**
 * The training form, built entirely from the algorithm catalogue and checked against its rules
 * before anything is sent.
 */
export default function TrainingConfig({ datasetId, onStarted }) {
  const catalogue = useQuery(algorithmCatalogue);
  // Algorithms that learn only related tables together are trained from the project's linked tables.
  const algorithms = useMemo(
    () => (catalogue.data?.algorithms ?? []).filter((a) => a.singleTable !== false),
    [catalogue.data],
  );
  const [algorithmName, setAlgorithmName] = useState(null);
  const [values, setValues] = useState({});
  const [errors, setErrors] = useState({});
  const [seed, setSeed] = useState('');
  const [seedError, setSeedError] = useState(null);
  const [touched, setTouched] = useState(false);
  const [privateTraining, setPrivateTraining] = useState(false);
  const [privacyValues, setPrivacyValues] = useState({});
  const [privacyErrors, setPrivacyErrors] = useState({});

  const algorithm = algorithms.find((a) => a.name === algorithmName) ?? algorithms[0] ?? null;
  if (algorithm && algorithm.name !== algorithmName) {
    // First render with the catalogue, or the chosen algorithm vanished: start from defaults.
    setAlgorithmName(algorithm.name);
    setValues(initialValues(algorithm));
    setErrors({});
    setPrivateTraining(false);
  }
  // The privacy settings as a settings list of their own, so the same form rules apply to them.
  const privacy = {
    settings: algorithm?.differentialPrivacySettings ?? [],
    constraints: [],
  };
  const offersPrivacy =
    Boolean(algorithm?.supportsDifferentialPrivacy) && privacy.settings.length > 0;

  const start = useMutation({
    mutationFn: () => {
      const request = { datasetId: Number(datasetId), algorithm: algorithm.name };
      request.settings = toSettings(algorithm, values);
      if (seed.trim() !== '') request.seed = Number(seed);
      if (offersPrivacy && privateTraining) {
        request.differentialPrivacy = toSettings(privacy, privacyValues);
      }
      return trainModel(request);
    },
    onSuccess: (model) => onStarted?.(model),
    onError: (error) => {
      const setting = settingForField(algorithm, error.field);
      const privacySetting = error.field?.startsWith('differentialPrivacy.')
        ? error.field.slice('differentialPrivacy.'.length)
        : null;
      if (setting) setErrors((e) => ({ ...e, [setting]: error.message }));
      else if (privacySetting) setPrivacyErrors((e) => ({ ...e, [privacySetting]: error.message }));
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
  if (!algorithm) return <ErrorMessage error="The server offers no algorithms." />;

  function change(name, value) {
    const next = { ...values, [name]: value };
    setValues(next);
    if (touched) setErrors(validate(algorithm, next));
  }

  function submit(event) {
    event.preventDefault();
    setTouched(true);
    const found = validate(algorithm, values);
    const badSeed = checkSeed(seed);
    const foundPrivacy = offersPrivacy && privateTraining ? validate(privacy, privacyValues) : {};
    setErrors(found);
    setPrivacyErrors(foundPrivacy);
    setSeedError(badSeed);
    const valid = Object.keys(found).length === 0 && Object.keys(foundPrivacy).length === 0;
    if (valid && !badSeed) start.mutate();
  }

  const primary = algorithm.settings.filter((s) => PRIMARY.test(s.name));
  const advanced = algorithm.settings.filter((s) => !PRIMARY.test(s.name));
  const field = (setting) => (
    <SettingField
      key={setting.name}
      setting={setting}
      value={values[setting.name] ?? ''}
      error={errors[setting.name]}
      onChange={(value) => change(setting.name, value)}
    />
  );
  const generalError =
    start.error &&
    !settingForField(algorithm, start.error.field) &&
    start.error.field !== 'seed' &&
    !start.error.field?.startsWith('differentialPrivacy.');

  return (
    <form onSubmit={submit} noValidate aria-labelledby="training-title" className="card space-y-4">
      <h2 id="training-title" className="text-lg font-semibold">
        Train a model
      </h2>
      <div>
        <label htmlFor="algorithm" className="label">
          Algorithm
        </label>
        <select
          id="algorithm"
          className="input"
          value={algorithm.name}
          onChange={(e) => {
            const chosen = algorithms.find((a) => a.name === e.target.value);
            setAlgorithmName(chosen.name);
            setValues(initialValues(chosen));
            setErrors({});
            setTouched(false);
            setPrivateTraining(false);
            setPrivacyErrors({});
          }}
        >
          {algorithms.map((a) => (
            <option key={a.name} value={a.name}>
              {a.name}
            </option>
          ))}
        </select>
        <p className="mt-1 text-sm text-slate-600">
          {algorithm.description}{' '}
          <span className="text-slate-500">
            ({algorithm.library} {algorithm.libraryVersion}, {algorithm.licence}
            {algorithm.supportsDifferentialPrivacy ? ', supports differential privacy' : ''})
          </span>
        </p>
      </div>
      {primary.length > 0 && <div className="grid gap-3 sm:grid-cols-2">{primary.map(field)}</div>}
      <details
        className="rounded-md border border-slate-200 p-3"
        open={advanced.some((s) => errors[s.name])}
      >
        <summary className="cursor-pointer text-sm font-medium">Advanced hyper-parameters</summary>
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          {advanced.map(field)}
          <div>
            <label htmlFor="seed" className="label">
              Seed{' '}
              <span className="font-normal text-slate-500">(optional, for repeatable runs)</span>
            </label>
            <input
              id="seed"
              inputMode="numeric"
              className={`input ${seedError ? 'input-invalid' : ''}`}
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              aria-invalid={Boolean(seedError)}
            />
            <FieldError message={seedError} />
          </div>
        </div>
      </details>
      {offersPrivacy && (
        <fieldset className="rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium">Differential privacy</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={privateTraining}
              onChange={(e) => {
                setPrivateTraining(e.target.checked);
                if (e.target.checked) setPrivacyValues(initialValues(privacy));
                setPrivacyErrors({});
              }}
            />
            Train with differential privacy (DP-SGD): the model records the privacy budget ε it
            spends, never more than the maximum you set
          </label>
          {privateTraining && (
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              {privacy.settings.map((setting) => (
                <SettingField
                  key={setting.name}
                  setting={setting}
                  value={privacyValues[setting.name] ?? ''}
                  error={privacyErrors[setting.name]}
                  onChange={(value) => setPrivacyValues((v) => ({ ...v, [setting.name]: value }))}
                />
              ))}
            </div>
          )}
        </fieldset>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Fix the highlighted settings before training.
        </p>
      )}
      {generalError && <ErrorMessage error={start.error} title="Training could not start" />}
      <button type="submit" className="btn-primary" disabled={start.isPending}>
        {start.isPending ? 'Starting…' : 'Start training'}
      </button>
    </form>
  );
}
