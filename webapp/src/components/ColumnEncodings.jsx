/**
 * How the model learns each column, when its algorithm chose per column from the table's profile:
 * the engine's name for the encoding and why it was chosen. Nothing for other algorithms.
 */
export default function ColumnEncodings({ encodings = [] }) {
  if (encodings.length === 0) return null;
  return (
    <details className="card text-sm" aria-label="How each column is learned">
      <summary className="cursor-pointer font-semibold">
        How each column is learned ({encodings.length} columns)
      </summary>
      <table className="mt-2 w-full text-left">
        <thead>
          <tr className="text-slate-500">
            <th scope="col">Column</th>
            <th scope="col">Encoding</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {encodings.map((e) => (
            <tr key={e.column} className="border-t border-slate-100" data-testid="encoding">
              <td>{e.column}</td>
              <td className="font-mono text-xs">{e.encoding}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
