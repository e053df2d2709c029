export interface MeanShiftResult {
  /** |μ_cur - μ_ref| / denominator. */
  value: number;
  /** 'mean': divided by |μ_ref| (relative change); 'std': by the reference std; 'none': absolute difference. */
  denominator: 'mean' | 'std' | 'none';
}

/**
 * Relative mean shift |μ_cur - μ_ref| / |μ_ref|. A relative change is meaningless when the
 * reference mean is (close to) zero, so when |μ_ref| <= 1e-8 · max(1, refStd) the shift is
 * measured in reference standard deviations instead (a standardised effect size, like
 * Cohen's d with the reference spread); with no usable std (absent or 0) the absolute
 * difference is returned. `denominator` tells which one was used, so a threshold can be read.
 */
export function meanShift(refMean: number, curMean: number, refStd?: number): MeanShiftResult {
  const diff = Math.abs(curMean - refMean);
  const std = refStd !== undefined && refStd > 0 && Number.isFinite(refStd) ? refStd : undefined;
  if (Math.abs(refMean) > NEAR_ZERO * Math.max(1, std ?? 0))
    return { value: diff / Math.abs(refMean), denominator: 'mean' };
  if (std !== undefined) return { value: diff / std, denominator: 'std' };
  return { value: diff, denominator: 'none' };
}

/** |μ_ref| at or below this (scaled by the std when it exceeds 1) counts as zero. */
const NEAR_ZERO = 1e-8;
