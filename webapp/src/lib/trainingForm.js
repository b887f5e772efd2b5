// Builds and checks the training form from the algorithm catalogue (GET /api/algorithms):
// nothing here knows an algorithm's name or its settings.

/** The form's starting values: each setting's default, as the input holds it. */
export function initialValues(algorithm) {
  const values = {};
  for (const setting of algorithm?.settings ?? []) {
    values[setting.name] = toInput(setting, setting.default);
  }
  return values;
}

function toInput(setting, value) {
  if (setting.type === 'boolean') return Boolean(value);
  if (value === null || value === undefined) return '';
  return String(value);
}

export function isEmpty(value) {
  return value === '' || value === null || value === undefined;
}

/** A human label for a setting name: batch_size → "Batch size". */
export function labelFor(name) {
  const words = name.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** Reads one input back into the type the catalogue asks for (NaN when it does not parse). */
export function parseValue(setting, raw) {
  if (setting.type === 'boolean') return Boolean(raw);
  if (isEmpty(raw)) return null;
  if (setting.type === 'integer' || setting.type === 'number') {
    const text = String(raw).trim();
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return NaN;
    return Number(text);
  }
  return String(raw);
}

function isMultiple(value, of) {
  if (!of) return true;
  const ratio = value / of;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

function sameValue(setting, a, b) {
  if (setting.type === 'integer' || setting.type === 'number') return Number(a) === Number(b);
  return String(a) === String(b);
}

/** Checks one setting against its rules; returns the message a user needs, or null. */
export function validateSetting(setting, raw) {
  const label = labelFor(setting.name);
  if (setting.type === 'boolean') return null;
  if (isEmpty(raw)) {
    return setting.default === null || setting.default === undefined
      ? null
      : `${label} is required.`;
  }
  const value = parseValue(setting, raw);
  if (setting.type === 'integer' && (!Number.isFinite(value) || !Number.isInteger(value))) {
    return `${label} must be a whole number.`;
  }
  if (setting.type === 'number' && !Number.isFinite(value)) {
    return `${label} must be a number.`;
  }
  if (Array.isArray(setting.allowed) && setting.allowed.length > 0) {
    if (!setting.allowed.some((allowed) => sameValue(setting, allowed, value))) {
      return `${label} must be one of: ${setting.allowed.join(', ')}.`;
    }
  }
  if (setting.minimum !== undefined && setting.minimum !== null && value < setting.minimum) {
    return `${label} must be at least ${setting.minimum}.`;
  }
  if (setting.maximum !== undefined && setting.maximum !== null && value > setting.maximum) {
    return `${label} must be at most ${setting.maximum}.`;
  }
  if (typeof value === 'number' && setting.multipleOf && !isMultiple(value, setting.multipleOf)) {
    return `${label} must be a multiple of ${setting.multipleOf}.`;
  }
  return null;
}

/** Checks the whole form; returns { settingName: message } (empty when all is well). */
export function validate(algorithm, values) {
  const errors = {};
  const settings = algorithm?.settings ?? [];
  for (const setting of settings) {
    const message = validateSetting(setting, values[setting.name]);
    if (message) errors[setting.name] = message;
  }
  for (const constraint of algorithm?.constraints ?? []) {
    if (constraint.rule !== 'multipleOf' || errors[constraint.setting]) continue;
    const target = settings.find((s) => s.name === constraint.setting);
    const base = settings.find((s) => s.name === constraint.of);
    if (!target || !base || errors[constraint.of]) continue;
    const value = parseValue(target, values[constraint.setting]);
    const of = parseValue(base, values[constraint.of]);
    if (typeof value !== 'number' || typeof of !== 'number' || !of) continue;
    if (!isMultiple(value, of)) {
      errors[constraint.setting] =
        constraint.message ||
        `${labelFor(constraint.setting)} must be a multiple of ${labelFor(constraint.of)} (${of}).`;
    }
  }
  return errors;
}

/** The settings object to send: typed values, empty optional settings left out. */
export function toSettings(algorithm, values) {
  const settings = {};
  for (const setting of algorithm?.settings ?? []) {
    const value = parseValue(setting, values[setting.name]);
    if (value !== null) settings[setting.name] = value;
  }
  return settings;
}

/** Maps a server problem's field ("settings.epochs", "epochs") to a setting name, if any. */
export function settingForField(algorithm, field) {
  if (!field) return null;
  const name = field.replace(/^settings[.[]/, '').replace(/]$/, '');
  return (algorithm?.settings ?? []).some((s) => s.name === name) ? name : null;
}
