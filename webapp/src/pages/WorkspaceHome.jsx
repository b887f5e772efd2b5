export default function WorkspaceHome() {
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold">Welcome to Doppel</h1>
      <p className="mt-2 text-slate-700">
        Choose a project in the sidebar, or create one, to upload a table, train a generator and
        download synthetic data that keeps the real data’s shape without its people.
      </p>
      <ol className="mt-4 list-decimal space-y-1 pl-6 text-slate-700">
        <li>Create a project.</li>
        <li>Drop a CSV file: check the column types, then upload.</li>
        <li>Pick an algorithm and train a model.</li>
        <li>Read the quality and privacy scores.</li>
        <li>Generate rows and download them as CSV, JSON, SQL or Parquet.</li>
      </ol>
    </section>
  );
}
