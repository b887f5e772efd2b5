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
