// Plain-words readings of the 0..1 scores, so a user need not know what 0.83 means.

const QUALITY = [
  [0.9, 'excellent', 'The synthetic data follows the real data very closely.'],
  [0.8, 'good', 'The synthetic data follows the real data well, with small differences.'],
  [0.7, 'fair', 'The overall shape is there, but some columns or relationships drift.'],
  [0.5, 'poor', 'Noticeable differences: train longer or try another algorithm.'],
  [-Infinity, 'very poor', 'The synthetic data does not resemble the real data yet.'],
];

const PRIVACY = [
  [0.9, 'excellent', 'Synthetic rows are far from real rows; hardly any are near-copies.'],
  [0.8, 'good', 'Synthetic rows keep a safe distance from real rows.'],
  [0.7, 'fair', 'Some synthetic rows sit close to real rows; review before sharing.'],
  [0.5, 'poor', 'Many synthetic rows are close to real rows; do not share as is.'],
  [
    -Infinity,
    'very poor',
    'Most synthetic rows sit closer to real rows than fresh real rows would; do not share as is.',
  ],
];

// The engine's verdicts (realism in `detection.verdict`, privacy in `privacy.verdict`) carry a
// level and their own sentence; only the level's word is the dashboard's.
const VERDICT_WORDS = {
  excellent: 'excellent',
  good: 'good',
  caution: 'fair',
  fair: 'fair',
  poor: 'poor',
  very_poor: 'very poor',
  unknown: 'not measured',
};

export const EVALUATE_AGAIN = 'Evaluate again for the full reading.';

function read(table, score) {
  if (score === null || score === undefined || Number.isNaN(Number(score))) {
    return { word: 'not available', description: 'This score has not been computed.' };
  }
  const [, word, description] = table.find(([threshold]) => Number(score) >= threshold);
  return { word, description };
}

function readVerdict(verdict) {
  const word = VERDICT_WORDS[verdict?.level];
  return word ? { word, description: verdict.text } : null;
}

export const readQuality = (score) => read(QUALITY, score);
export const readPrivacy = (score) => read(PRIVACY, score);

/**
 * The realism reading: the engine's verdict. An evaluation stored before the engine gave one shows
 * its score without a word, and asks to be run again.
 */
export function readDetectionReport(detection = {}) {
  return readVerdict(detection.verdict) ?? { word: null, description: EVALUATE_AGAIN };
}

/** The privacy reading: the engine's verdict in its own words when there is one, else the score's. */
export function readPrivacyReport(privacy = {}) {
  return readVerdict(privacy.verdict) ?? readPrivacy(privacy.score);
}

export function percent(score, digits = 0) {
  if (score === null || score === undefined) return '–';
  return `${(Number(score) * 100).toFixed(digits)}%`;
}

/** Tailwind colour classes for a reading word. */
export function toneFor(word) {
  switch (word) {
    case 'excellent':
      return 'bg-emerald-100 text-emerald-800';
    case 'good':
      return 'bg-green-100 text-green-800';
    case 'fair':
      return 'bg-amber-100 text-amber-800';
    case 'poor':
    case 'very poor':
      return 'bg-red-100 text-red-800';
    default:
      return 'bg-slate-100 text-slate-700';
  }
}
