import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import DatabaseExport from './DatabaseExport.jsx';

afterEach(() => vi.unstubAllGlobals());

const batch = { id: 6, status: 'COMPLETED' };
const connection = {
  id: 4,
  projectId: 3,
  name: 'Replica',
  kind: 'postgresql',
  host: 'db.internal',
  port: 5432,
  database: 'lahman',
  username: 'writer',
};
const ddl = [
  'CREATE TABLE "public"."TeamsFranchises" ("franchID" VARCHAR(3) PRIMARY KEY)',
  'CREATE TABLE "public"."Teams" ("yearID" INTEGER, "franchID" VARCHAR(3) REFERENCES "public"."TeamsFranchises" ("franchID"))',
];

function routes(answer) {
  const bodies = [];
  const fetch = mockApi({
    'GET /api/projects/3/connections': [connection],
    'GET /api/connections/4/schemas': ['public', 'staging'],
    'POST /api/database-batches/6/export': (init) => {
      bodies.push(JSON.parse(init.body));
      return answer(bodies.at(-1), bodies.length);
    },
  });
  return { fetch, bodies };
}

async function choose(form) {
  await userEvent.selectOptions(within(form).getByLabelText('Database'), 'Replica');
  await waitFor(() => expect(within(form).getByLabelText('Schema')).toBeEnabled());
  await userEvent.selectOptions(within(form).getByLabelText('Schema'), 'public');
}

describe('writing a database batch into a database', () => {
  it('asks for a database first when the project has none', async () => {
    mockApi({ 'GET /api/projects/3/connections': [] });
    renderWithProviders(<DatabaseExport batch={batch} projectId="3" />);
    expect(await screen.findByText(/Add a database under “Databases” above/)).toBeInTheDocument();
  });

  it('shows the statements of a dry run and the rows each table would get', async () => {
    const { bodies } = routes((body) =>
      json({ ddl, rowsWritten: { TeamsFranchises: 60, Teams: 1512 }, dryRun: body.dryRun }),
    );
    renderWithProviders(<DatabaseExport batch={batch} projectId="3" />);
    const form = await screen.findByRole('form', { name: 'Write batch 6 to a database' });
    const submit = within(form).getByRole('button', { name: 'Show the statements' });
    expect(submit).toBeDisabled();
    await choose(form);
    await userEvent.click(submit);
    const shown = await within(form).findByLabelText('DDL');
    expect(shown).toHaveTextContent('CREATE TABLE "public"."TeamsFranchises"');
    expect(shown).toHaveTextContent('REFERENCES "public"."TeamsFranchises"');
    expect(within(form).getByText(/Dry run: nothing was written/)).toBeInTheDocument();
    expect(within(form).getByRole('list', { name: 'Rows written' })).toHaveTextContent(
      'Teams would get 1,512 rows',
    );
    expect(bodies).toEqual([
      { connectionId: 4, schema: 'public', dryRun: true, replaceExisting: false },
    ]);
  });

  it('names a table that already holds rows and replaces its rows when asked', async () => {
    const { bodies } = routes((body) =>
      body.replaceExisting
        ? json({ ddl, rowsWritten: { TeamsFranchises: 60, Teams: 1512 }, dryRun: false })
        : json(
            {
              title: 'Table not empty',
              status: 409,
              detail: 'public.Teams holds 2940 rows: set replaceExisting to replace them',
              table: 'Teams',
            },
            409,
          ),
    );
    renderWithProviders(<DatabaseExport batch={batch} projectId="3" />);
    const form = await screen.findByRole('form', { name: 'Write batch 6 to a database' });
    await choose(form);
    await userEvent.click(within(form).getByLabelText(/Dry run/));
    await userEvent.click(within(form).getByRole('button', { name: 'Write the tables' }));
    const refusal = await within(form).findByRole('alert');
    expect(refusal).toHaveTextContent('Table “Teams” in public already holds rows.');
    expect(refusal).toHaveTextContent('public.Teams holds 2940 rows');
    await userEvent.click(
      within(refusal).getByRole('button', { name: 'Replace the rows of “Teams”' }),
    );
    expect(await within(form).findByText('Written to the database.')).toBeInTheDocument();
    expect(within(form).getByRole('list', { name: 'Rows written' })).toHaveTextContent(
      'TeamsFranchises got 60 rows',
    );
    expect(within(form).getByLabelText(/Replace the rows of tables/)).toBeChecked();
    expect(bodies).toEqual([
      { connectionId: 4, schema: 'public', dryRun: false, replaceExisting: false },
      { connectionId: 4, schema: 'public', dryRun: false, replaceExisting: true },
    ]);
  });

  it('says why an unusable database refused the batch', async () => {
    routes(() =>
      json(
        {
          title: 'Database unusable',
          status: 422,
          detail: 'permission denied for schema public',
          reason: 'permission',
        },
        422,
      ),
    );
    renderWithProviders(<DatabaseExport batch={batch} projectId="3" />);
    const form = await screen.findByRole('form', { name: 'Write batch 6 to a database' });
    await choose(form);
    await userEvent.click(within(form).getByRole('button', { name: 'Show the statements' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The batch was not written');
    expect(alert).toHaveTextContent('permission denied for schema public');
    expect(within(form).queryByRole('button', { name: /Replace the rows of “/ })).toBeNull();
  });
});
