import { labelFor } from '../lib/trainingForm.js';
import { FieldError } from './Feedback.jsx';

/** One catalogue setting as a labelled input: checkbox, select (allowed values) or number/text. */
export default function SettingField({ setting, value, error, onChange }) {
  const id = `setting-${setting.name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const label = labelFor(setting.name);
  const describedBy = [setting.description ? hintId : null, error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: setting.name,
    'aria-invalid': Boolean(error),
    'aria-describedby': describedBy || undefined,
  };
  const range = [
    setting.minimum != null ? `min ${setting.minimum}` : null,
    setting.maximum != null ? `max ${setting.maximum}` : null,
    setting.multipleOf ? `multiple of ${setting.multipleOf}` : null,
  ]
    .filter(Boolean)
    .join(', ');

  if (setting.type === 'boolean') {
    return (
      <div>
        <div className="flex items-center gap-2">
          <input
            {...common}
            type="checkbox"
            className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
            checked={Boolean(value)}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label htmlFor={id} className="text-sm font-medium text-slate-700">
            {label}
          </label>
        </div>
        {setting.description && (
          <p id={hintId} className="mt-0.5 text-xs text-slate-500">
            {setting.description}
          </p>
        )}
        <FieldError id={errorId} message={error} />
      </div>
    );
  }

  const className = `input ${error ? 'input-invalid' : ''}`;
  let input;
  if (Array.isArray(setting.allowed) && setting.allowed.length > 0) {
    input = (
      <select
        {...common}
        className={className}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      >
        {setting.default == null && <option value="">(default)</option>}
        {setting.allowed.map((option) => (
          <option key={String(option)} value={String(option)}>
            {String(option)}
          </option>
        ))}
      </select>
    );
  } else {
    const numeric = setting.type === 'integer' || setting.type === 'number';
    input = (
      <input
        {...common}
        type="text"
        inputMode={numeric ? (setting.type === 'integer' ? 'numeric' : 'decimal') : undefined}
        className={className}
        value={value}
        placeholder={setting.default == null ? 'default' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
        {range && <span className="ml-1 font-normal text-slate-500">({range})</span>}
      </label>
      {input}
      {setting.description && (
        <p id={hintId} className="mt-0.5 text-xs text-slate-500">
          {setting.description}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
