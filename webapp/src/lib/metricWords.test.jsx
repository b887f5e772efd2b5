import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import ScoreCard from '../components/ScoreCard.jsx';
import {
  EVALUATE_AGAIN,
  percent,
  readDetectionReport,
  readPrivacy,
  readPrivacyReport,
  readQuality,
} from './metricWords.js';

describe('plain-words reading of scores', () => {
  it('maps quality scores to words at the documented thresholds', () => {
    expect(readQuality(0.95).word).toBe('excellent');
    expect(readQuality(0.9).word).toBe('excellent');
    expect(readQuality(0.899).word).toBe('good');
    expect(readQuality(0.8).word).toBe('good');
    expect(readQuality(0.75).word).toBe('fair');
    expect(readQuality(0.6).word).toBe('poor');
    expect(readQuality(0.2).word).toBe('very poor');
    expect(readQuality(null).word).toBe('not available');
  });

  it('reads privacy scores with privacy words', () => {
    expect(readPrivacy(0.97).word).toBe('excellent');
    expect(readPrivacy(0.97).description).toMatch(/real rows/);
    expect(readPrivacy(0.4).word).toBe('very poor');
  });

  it('reads realism with the engine’s verdict, and asks an older evaluation to be run again', () => {
    const verdict = {
      level: 'very_poor',
      text: 'A classifier tells them apart; fare gives it away.',
    };
    expect(readDetectionReport({ score: 0.02, verdict })).toEqual({
      word: 'very poor',
      description: verdict.text,
    });
    expect(
      readDetectionReport({ score: null, verdict: { level: 'unknown', text: 't' } }).word,
    ).toBe('not measured');
    // No second copy of the engine's bands: a score alone gets no word.
    expect(readDetectionReport({ score: 0.9 })).toEqual({
      word: null,
      description: EVALUATE_AGAIN,
    });
  });

  it('uses the engine’s privacy verdict when there is one, and never claims copying from the score alone', () => {
    const verdict = {
      level: 'good',
      text: '0.0% of synthetic rows are exact copies of training rows.',
    };
    expect(readPrivacyReport({ score: 0.38, verdict })).toEqual({
      word: 'good',
      description: verdict.text,
    });
    expect(readPrivacyReport({ score: 0.38, verdict: { level: 'caution', text: 't' } }).word).toBe(
      'fair',
    );
    expect(readPrivacyReport({ score: 0.38, verdict: { level: 'unknown', text: 't' } }).word).toBe(
      'not measured',
    );
    expect(readPrivacyReport({ score: 0.38 }).word).toBe('very poor');
    expect(readPrivacyReport({ score: 0.38 }).description).not.toMatch(/copies/);
  });

  it('shows the score as a percentage with its reading', () => {
    render(<ScoreCard title="Quality" score={0.843} reading={readQuality(0.843)} />);
    expect(screen.getByText('84%')).toBeInTheDocument();
    expect(screen.getByText('good')).toBeInTheDocument();
    expect(percent(0.843, 1)).toBe('84.3%');
  });
});
