// How uploaded tables are read, written once for the server, the engine and this preview in
// ai-engine/doppel_engine/table_rules.json and bundled here at build time.
import rules from '../../../ai-engine/doppel_engine/table_rules.json';

export const NULL_TOKENS = new Set(rules.nullTokens);
/** [true, false] spelling pairs, compared ignoring case. */
export const BOOLEAN_SPELLINGS = rules.booleanSpellings;
export const DELIMITERS = rules.delimiters;
/** In the order they are tried: each with its strftime name and a shape with named groups. */
export const DATETIME_LAYOUTS = rules.datetimeLayouts.map(({ strftime, shape }) => ({
  strftime,
  shape: new RegExp(`^${shape}$`),
}));
/** How much of a file's start the delimiter is guessed from, and the preview reads. */
export const SNIFF_BYTES = rules.limits.sniffBytes;
export const CATEGORICAL_LIMIT = rules.limits.categoricalLimit;
/** The seeds a training, a generation and a sample accept, both ends included. */
export const SEED_RANGE = rules.limits.seed;

/** What is wrong with an optional typed seed: null when it is left empty or is a seed. */
export function checkSeed(text) {
  const seed = text.trim();
  if (seed === '') return null;
  if (/^\d{1,10}$/.test(seed) && Number(seed) >= SEED_RANGE.min && Number(seed) <= SEED_RANGE.max)
    return null;
  return `Seed must be a whole number from ${SEED_RANGE.min} to ${SEED_RANGE.max}.`;
}

/** Whether a column's name marks it as an id when its values are distinct. */
export function isIdName(name) {
  const lower = name.toLowerCase();
  const { exactlyIgnoringCase, endingIgnoringCase, ending } = rules.idNames;
  return (
    exactlyIgnoringCase.includes(lower) ||
    endingIgnoringCase.some((end) => lower.endsWith(end)) ||
    ending.some((end) => name.endsWith(end))
  );
}
