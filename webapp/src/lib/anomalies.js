// The share of labelled anomalies a generation asks for, as the forms take it: a percentage.

/** What is wrong with a typed anomaly share (in %): null when it is above 0% and at most 50%. */
export function checkAnomalyShare(text) {
  const share = Number(text);
  if (text.trim() !== '' && Number.isFinite(share) && share > 0 && share <= 50) return null;
  return 'Enter a share of anomalies above 0% and at most 50%.';
}

/** The anomalies part of a generation request for a typed share (in %). */
export const anomalyRequest = (text) => ({ inject: true, ratio: Number(text) / 100 });
