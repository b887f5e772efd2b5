import { FieldError } from './Feedback.jsx';

/** A labelled text input with its error beneath it, the error tied to it for screen readers. */
export default function TextField({ id, label, value, onChange, error, inputMode, className }) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        inputMode={inputMode}
        className={`input ${error ? 'input-invalid' : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
