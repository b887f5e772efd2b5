/** A checkbox per rule of the model, ticked while generation keeps it; nothing without rules. */
export default function RuleSwitches({ rules, off, onChange }) {
  if (rules.length === 0) return null;
  function toggle(id, keep) {
    onChange(keep ? off.filter((other) => other !== id) : [...off, id]);
  }
  return (
    <fieldset className="w-full space-y-1">
      <legend className="label">Rules to keep</legend>
      {rules.map((rule) => {
        const id = `keep-rule-${rule.id}`;
        return (
          <div key={rule.id} className="flex items-center gap-2">
            <input
              id={id}
              type="checkbox"
              className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500"
              checked={!off.includes(rule.id)}
              onChange={(e) => toggle(rule.id, e.target.checked)}
            />
            <label htmlFor={id} className="text-sm text-slate-700">
              {rule.text}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
