import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReportDownload from './ReportDownload.jsx';
import { json, mockApi } from '../test/utils.jsx';
import { saveSession } from '../api/session.js';

const saved = [];

beforeEach(() => {
  saved.length = 0;
  // jsdom has no blob URLs.
  URL.createObjectURL = () => 'blob:report';
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function save() {
    saved.push({ name: this.download, href: this.href });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('downloading the evaluation report', () => {
  it('fetches the HTML report with the token and saves it under the server’s name', async () => {
    saveSession('t0ken', 'ada');
    const fetch = mockApi({
      'GET /api/models/5/evaluation/report': () =>
        new Response('<!DOCTYPE html><html></html>', {
          headers: {
            'Content-Type': 'text/html;charset=UTF-8',
            'Content-Disposition':
              'attachment; filename="penguins-model-5-GaussianCopula-evaluation.html"',
          },
        }),
    });
    render(<ReportDownload modelId={5} />);

    await userEvent.click(screen.getByRole('button', { name: /Download report \(HTML\)/ }));

    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      name: 'penguins-model-5-GaussianCopula-evaluation.html',
      href: 'blob:report',
    });
    expect(fetch.mock.calls[0][1].headers).toEqual({ Authorization: 'Bearer t0ken' });
  });

  it('says why when the report cannot be had', async () => {
    mockApi({
      'GET /api/models/5/evaluation/report': json(
        {
          title: 'Conflict',
          status: 409,
          detail: 'the evaluation of model 5 is still being computed',
        },
        409,
      ),
    });
    render(<ReportDownload modelId={5} />);

    await userEvent.click(screen.getByRole('button', { name: /Download report \(HTML\)/ }));

    expect(await screen.findByText(/still being computed/)).toBeInTheDocument();
    expect(saved).toHaveLength(0);
  });
});
