import { EVALUATE_AGAIN, percent } from '../lib/metricWords.js';

// What each of the engine's attacks tries, in the words of someone deciding whether to share.
const ATTACKS = [
  ['singling_out', 'Singling out', 'picking out one real person’s row by a few of its values'],
  [
    'linkability',
    'Linkability',
    'joining two halves of a real person’s record through the synthetic rows',
  ],
  ['inference', 'Inference', 'guessing a hidden value of a real row from its other values'],
];

/**
 * The three attack risks (anonymeter's method) with their confidence intervals: how much more an
 * attacker holding the synthetic rows learns about training rows than about real rows the model
 * never saw.
 */
export default function AttackRisks({ privacy = {} }) {
  const attacks = privacy.attacks;
  let body;
  if (attacks === undefined) {
    body = <p>This evaluation was made before attack risks were measured. {EVALUATE_AGAIN}</p>;
  } else if (attacks === null) {
    body = (
      <p>
        Not measured: the model kept no real rows out of training, and an attack needs such rows to
        compare against.
      </p>
    );
  } else if (!attacks.attacks) {
    body = <p>Not measured: {attacks.reason}.</p>;
  } else {
    const confidence = percent(attacks.confidence_level ?? 0.95);
    body = (
      <ul className="space-y-1">
        {ATTACKS.map(([key, name, meaning]) => (
          <li key={key} data-testid="attack-risk">
            <span className="font-medium text-slate-800">{name}</span> ({meaning}
            {attacks[key]?.column ? `; most exposed column: ${attacks[key].column}` : ''}):{' '}
            {risk(attacks[key], confidence)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section aria-labelledby="attacks-title" className="card space-y-2 text-sm text-slate-700">
      <h3 id="attacks-title" className="font-semibold text-slate-900">
        Attack risks
      </h3>
      <p className="text-xs text-slate-600">
        How much more an attacker holding the synthetic rows learns about the rows the model was
        trained on than about real rows it never saw. 0% means nothing more.
      </p>
      {body}
    </section>
  );
}

function risk(attack, confidence) {
  if (!attack) return 'not measured.';
  if (attack.risk === null || attack.risk === undefined) return `not measured: ${attack.reason}.`;
  const [low, high] = attack.ci ?? [];
  const interval =
    low === undefined
      ? ''
      : ` (${confidence} sure it lies between ${percent(low)} and ${percent(high)})`;
  return `${percent(attack.risk)} risk${interval}.`;
}
