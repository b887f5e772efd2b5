import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import ScoreCard from '../components/ScoreCard.jsx';
import { percent, readPrivacy, readQuality } from './metricWords.js';

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

  it('shows the score as a percentage with its reading', () => {
    render(<ScoreCard title="Quality" score={0.843} reading={readQuality(0.843)} />);
    expect(screen.getByText('84%')).toBeInTheDocument();
    expect(screen.getByText('good')).toBeInTheDocument();
    expect(percent(0.843, 1)).toBe('84.3%');
  });
});
