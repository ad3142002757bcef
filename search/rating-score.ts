// Bayesian average: a profile with few reviews is pulled toward the prior, so 5.0 from one review
// does not outrank 4.8 from forty. Unrated profiles get the prior itself.
const PRIOR_MEAN = 4.0;
const PRIOR_WEIGHT = 5;

export function bayesianRating(average: number | null, count: number): number {
  if (!average || count <= 0) return PRIOR_MEAN;
  return Math.round(((PRIOR_MEAN * PRIOR_WEIGHT + average * count) / (PRIOR_WEIGHT + count)) * 1000) / 1000;
}
