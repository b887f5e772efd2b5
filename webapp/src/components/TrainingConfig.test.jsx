import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, mockApi, renderWithProviders } from '../test/utils.jsx';
import { validate } from '../lib/trainingForm.js';
import TrainingConfig from './TrainingConfig.jsx';

// A made-up catalogue: the form must work from whatever the server describes.
const catalogue = {
  algorithms: [
    {
      name: 'FancyGAN',
      library: 'fancylib',
      libraryVersion: '1.0',
      licence: 'MIT',
      description: 'A generative adversarial network.',
      supportsDifferentialPrivacy: false,
      settings: [
        {
          name: 'epochs',
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          default: 300,
          description: 'Passes over the data',
        },
        {
          name: 'batch_size',
          type: 'integer',
          minimum: 2,
          multipleOf: 2,
          default: 500,
          description: 'Rows per step',
        },
        {
          name: 'pac',
          type: 'integer',
          minimum: 1,
          maximum: 20,
          default: 10,
          description: 'Samples per critic input',
        },
        {
          name: 'learning_rate',
          type: 'number',
          minimum: 0,
          maximum: 1,
          default: 0.0002,
          description: 'Step size',
        },
        {
          name: 'loss',
          type: 'string',
          allowed: ['wasserstein', 'hinge'],
          default: 'wasserstein',
          description: 'Loss',
        },
        { name: 'verbose', type: 'boolean', default: false, description: 'Log more' },
      ],
      constraints: [
        {
          rule: 'multipleOf',
          setting: 'batch_size',
          of: 'pac',
          message: 'Batch size must be a multiple of pac.',
        },
      ],
    },
    {
      name: 'SimpleCopula',
      library: 'copulas',
      libraryVersion: '2.0',
      licence: 'BSL',
      description: 'A Gaussian copula.',
      supportsDifferentialPrivacy: false,
      settings: [
        {
          name: 'default_distribution',
          type: 'string',
          allowed: ['norm', 'beta'],
          default: 'beta',
          description: 'Marginals',
        },
      ],
      constraints: [],
    },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('the catalogue-driven training form', () => {
  it('builds its fields from the catalogue, with the defaults filled in', async () => {
    mockApi({ 'GET /api/algorithms': catalogue });
    renderWithProviders(<TrainingConfig datasetId="3" />);
    expect(await screen.findByLabelText('Algorithm')).toHaveValue('FancyGAN');
    expect(screen.getByLabelText(/^Epochs/)).toHaveValue('300');
    expect(screen.getByLabelText(/^Batch size/)).toHaveValue('500');
    expect(screen.getByLabelText(/^Loss/)).toHaveValue('wasserstein');
    expect(screen.getByLabelText('Verbose')).not.toBeChecked();

    await userEvent.selectOptions(screen.getByLabelText('Algorithm'), 'SimpleCopula');
    expect(screen.queryByLabelText(/^Epochs/)).not.toBeInTheDocument();
    expect(screen.getByLabelText(/^Default distribution/)).toHaveValue('beta');
  });

  it('leaves out the algorithms that learn only related tables together', async () => {
    const relationalOnly = {
      ...catalogue.algorithms[1],
      name: 'LinkedOnly',
      singleTable: false,
      relational: { linkedTables: true, sequences: false, compositeKeys: false },
    };
    mockApi({
      'GET /api/algorithms': { algorithms: [...catalogue.algorithms, relationalOnly] },
    });
    renderWithProviders(<TrainingConfig datasetId="3" />);
    const choice = await screen.findByLabelText('Algorithm');
    const offered = [...choice.querySelectorAll('option')].map((o) => o.value);
    expect(offered).toEqual(['FancyGAN', 'SimpleCopula']);
  });

  it('refuses values outside the rules, with the words next to each field', async () => {
    const api = mockApi({ 'GET /api/algorithms': catalogue });
    renderWithProviders(<TrainingConfig datasetId="3" />);
    const epochs = await screen.findByLabelText(/^Epochs/);
    await userEvent.clear(epochs);
    await userEvent.type(epochs, '0');
    const batch = screen.getByLabelText(/^Batch size/);
    await userEvent.clear(batch);
    await userEvent.type(batch, '498');
    const rate = screen.getByLabelText(/^Learning rate/);
    await userEvent.clear(rate);
    await userEvent.type(rate, 'fast');
    await userEvent.click(screen.getByRole('button', { name: 'Start training' }));

    expect(screen.getByText('Epochs must be at least 1.')).toBeInTheDocument();
    expect(screen.getByText('Batch size must be a multiple of pac.')).toBeInTheDocument();
    expect(screen.getByText('Learning rate must be a number.')).toBeInTheDocument();
    expect(epochs).toHaveAttribute('aria-invalid', 'true');
    expect(api.mock.calls.some(([url]) => url === '/api/models/train')).toBe(false);

    await userEvent.clear(epochs);
    await userEvent.type(epochs, '2.5');
    expect(screen.getByText('Epochs must be a whole number.')).toBeInTheDocument();
  });

  it('sends typed settings once the form is valid', async () => {
    const started = vi.fn();
    const api = mockApi({
      'GET /api/algorithms': catalogue,
      'POST /api/models/train': json({ id: 42, status: 'PENDING' }, 202),
    });
    renderWithProviders(<TrainingConfig datasetId="3" onStarted={started} />);
    const epochs = await screen.findByLabelText(/^Epochs/);
    await userEvent.clear(epochs);
    await userEvent.type(epochs, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Start training' }));
    await waitFor(() => expect(started).toHaveBeenCalledWith({ id: 42, status: 'PENDING' }));
    const [, init] = api.mock.calls.find(([url]) => url === '/api/models/train');
    expect(JSON.parse(init.body)).toEqual({
      datasetId: 3,
      algorithm: 'FancyGAN',
      settings: {
        epochs: 5,
        batch_size: 500,
        pac: 10,
        learning_rate: 0.0002,
        loss: 'wasserstein',
        verbose: false,
      },
    });
  });

  it('offers differential privacy only where the catalogue says so, with its own settings', async () => {
    const privateCatalogue = {
      algorithms: [
        {
          ...catalogue.algorithms[1],
          name: 'PrivateNet',
          supportsDifferentialPrivacy: true,
          differentialPrivacySettings: [
            {
              name: 'max_epsilon',
              type: 'number',
              minimum: 0.01,
              default: 10,
              description: 'Largest ε',
            },
            {
              name: 'delta',
              type: 'number',
              minimum: 0,
              maximum: 0.1,
              default: 0.00001,
              description: 'δ',
            },
          ],
        },
        catalogue.algorithms[1],
      ],
    };
    const api = mockApi({
      'GET /api/algorithms': privateCatalogue,
      'POST /api/models/train': json({ id: 7, status: 'PENDING' }, 202),
    });
    const started = vi.fn();
    renderWithProviders(<TrainingConfig datasetId="3" onStarted={started} />);
    await userEvent.click(await screen.findByLabelText(/Train with differential privacy/));
    const epsilon = screen.getByLabelText(/^Max epsilon/);
    await userEvent.clear(epsilon);
    await userEvent.type(epsilon, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Start training' }));
    expect(await screen.findByText(/at least 0.01/)).toBeInTheDocument();
    await userEvent.clear(epsilon);
    await userEvent.type(epsilon, '4');
    await userEvent.click(screen.getByRole('button', { name: 'Start training' }));
    await waitFor(() => expect(started).toHaveBeenCalled());
    const [, init] = api.mock.calls.find(([url]) => url === '/api/models/train');
    expect(JSON.parse(init.body).differentialPrivacy).toEqual({ max_epsilon: 4, delta: 0.00001 });

    await userEvent.selectOptions(screen.getByLabelText('Algorithm'), 'SimpleCopula');
    expect(screen.queryByLabelText(/Train with differential privacy/)).not.toBeInTheDocument();
  });

  it('shows a refusal from the server next to the setting it names', async () => {
    mockApi({
      'GET /api/algorithms': catalogue,
      'POST /api/models/train': json(
        {
          title: 'Invalid',
          status: 400,
          detail: 'epochs is too many for this dataset',
          field: 'settings.epochs',
        },
        400,
      ),
    });
    renderWithProviders(<TrainingConfig datasetId="3" />);
    await screen.findByLabelText(/^Epochs/);
    await userEvent.click(screen.getByRole('button', { name: 'Start training' }));
    expect(await screen.findByText('epochs is too many for this dataset')).toBeInTheDocument();
  });

  it('validates allowed values, maximum and multipleOf', () => {
    const fancy = catalogue.algorithms[0];
    const values = {
      epochs: '2000',
      batch_size: '501',
      pac: '1',
      learning_rate: '0.1',
      loss: 'mse',
      verbose: true,
    };
    expect(validate(fancy, values)).toEqual({
      epochs: 'Epochs must be at most 1000.',
      batch_size: 'Batch size must be a multiple of 2.',
      loss: 'Loss must be one of: wasserstein, hinge.',
    });
  });
});
