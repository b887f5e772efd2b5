import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderWithProviders } from '../test/utils.jsx';
import DataUpload from './DataUpload.jsx';

vi.mock('react-chartjs-2', () => ({ Bar: () => null, Line: () => null }));

const CSV = [
  'species,island,bill_length_mm,sex,year,observed',
  'Adelie,Torgersen,39.1,male,2007,2007-11-11',
  'Adelie,Torgersen,NA,NA,2007,2007-11-16',
  'Gentoo,Biscoe,46.1,female,2008,2008-11-09',
].join('\n');

afterEach(() => vi.unstubAllGlobals());

describe('the upload preview', () => {
  it('shows the first rows and inferred types the moment a file is dropped, before any upload', async () => {
    const api = mockApi({});
    renderWithProviders(<DataUpload projectId="1" />);
    const file = new File([CSV], 'penguins.csv', { type: 'text/csv' });
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file] } });

    const table = await screen.findByTestId('upload-preview');
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Biscoe')).toBeInTheDocument();
    expect(screen.getByLabelText('Type of column species')).toHaveValue('categorical');
    expect(screen.getByLabelText('Type of column bill_length_mm')).toHaveValue('float');
    expect(screen.getByLabelText('Type of column year')).toHaveValue('integer');
    expect(screen.getByLabelText('Type of column sex')).toHaveValue('categorical');
    expect(screen.getByLabelText('Type of column observed')).toHaveValue('datetime');
    expect(screen.getByText('%Y-%m-%d')).toBeInTheDocument();
    expect(api).not.toHaveBeenCalled();
  });

  it('takes a file from the picker too, and lets the user change a type', async () => {
    renderWithProviders(<DataUpload projectId="1" />);
    const file = new File([CSV], 'penguins.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('Choose a file'), file);
    const year = await screen.findByLabelText('Type of column year');
    await userEvent.selectOptions(year, 'categorical');
    expect(year).toHaveValue('categorical');
    expect(screen.getByLabelText('Dataset name')).toHaveValue('penguins');
    expect(screen.getByRole('button', { name: 'Upload' })).toBeEnabled();
  });

  it('says so when a file cannot be read', async () => {
    renderWithProviders(<DataUpload projectId="1" />);
    const file = new File([''], 'empty.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('Choose a file'), file);
    expect(await screen.findByText('The file is empty.')).toBeInTheDocument();
  });
});

/** Stubs XMLHttpRequest: each upload gets the next [status, body] and its form is kept. */
function fakeUploads(answers) {
  const forms = [];
  class FakeUpload {
    upload = {};
    open() {}
    setRequestHeader() {}
    send(form) {
      forms.push(form);
      const [status, body] = answers.shift();
      this.status = status;
      this.responseText = JSON.stringify(body);
      setTimeout(() => this.onload(), 0);
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeUpload);
  return forms;
}

const DATASET = { id: 7, name: 'penguins', rowCount: 3, columns: [] };

describe('the upload', () => {
  it('sends the types the user changed with the file, and changes no schema afterwards', async () => {
    const api = mockApi({ 'GET /api/datasets/7/stats': { columns: [] } });
    const forms = fakeUploads([[201, DATASET]]);
    renderWithProviders(<DataUpload projectId="1" />);
    const file = new File([CSV], 'penguins.csv', { type: 'text/csv' });
    await userEvent.upload(screen.getByLabelText('Choose a file'), file);
    await userEvent.selectOptions(
      await screen.findByLabelText('Type of column year'),
      'categorical',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByText(/Uploaded “penguins”/)).toBeInTheDocument();
    expect(forms).toHaveLength(1);
    expect(forms[0].get('file').name).toBe('penguins.csv');
    expect(JSON.parse(forms[0].get('types'))).toEqual({ year: 'categorical' });
    expect(api.mock.calls.filter(([, init]) => init?.method === 'PATCH')).toEqual([]);
  });

  it('leaves types out when the user changed none', async () => {
    mockApi({ 'GET /api/datasets/7/stats': { columns: [] } });
    const forms = fakeUploads([[201, DATASET]]);
    renderWithProviders(<DataUpload projectId="1" />);
    await userEvent.upload(
      screen.getByLabelText('Choose a file'),
      new File([CSV], 'penguins.csv', { type: 'text/csv' }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Upload' }));
    expect(await screen.findByText(/Uploaded “penguins”/)).toBeInTheDocument();
    expect(forms[0].get('types')).toBeNull();
  });

  it('drops a type the server refuses, sends the file again and says which', async () => {
    mockApi({ 'GET /api/datasets/7/stats': { columns: [] } });
    const refusal = { status: 400, field: 'species', detail: "column 'species' cannot be float" };
    const forms = fakeUploads([
      [400, refusal],
      [201, DATASET],
    ]);
    renderWithProviders(<DataUpload projectId="1" />);
    await userEvent.upload(
      screen.getByLabelText('Choose a file'),
      new File([CSV], 'penguins.csv', { type: 'text/csv' }),
    );
    await userEvent.selectOptions(await screen.findByLabelText('Type of column species'), 'float');
    await userEvent.selectOptions(screen.getByLabelText('Type of column year'), 'categorical');
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByText(/Some of your type changes were refused/)).toBeInTheDocument();
    expect(screen.getByText("column 'species' cannot be float")).toBeInTheDocument();
    expect(JSON.parse(forms[0].get('types'))).toEqual({ species: 'float', year: 'categorical' });
    expect(JSON.parse(forms[1].get('types'))).toEqual({ year: 'categorical' });
  });
});
