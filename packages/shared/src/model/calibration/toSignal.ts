import { CandlecastError } from '../../errors/CandlecastError';

/** The trading signal served to a client. */
export type Signal = 'BUY' | 'SELL' | 'HOLD';

/**
 * The band around 0.5 where the model abstains. `margin` is chosen on validation data from a target
 * precision or coverage and stored with the model; the rest documents how it was chosen.
 */
export interface AbstainBand {
  /** Half-width of the HOLD band, in probability units, in [0, 0.5]. */
  margin: number;
  target?: { kind: 'precision' | 'coverage'; value: number };
  /** On the validation data it was chosen on: share of samples signalled, and accuracy of those signals. */
  coverage?: number;
  precision?: number;
}

/**
 * BUY when the calibrated p(BUY) is above 0.5 + margin, SELL when below 0.5 - margin, HOLD inside
 * the band (edges included, so p = 0.5 is always HOLD). Tested as |p - 0.5| <= margin, the same
 * arithmetic the trainer's coverage curve uses, so a band chosen there holds the same samples here.
 */
export function toSignal(pBuy: number, band: Pick<AbstainBand, 'margin'>): Signal {
  if (!(band.margin >= 0 && band.margin <= 0.5)) throw new CandlecastError('invalid_abstain_band', `abstain margin must be in [0, 0.5], got ${band.margin}`);
  if (!(pBuy >= 0 && pBuy <= 1)) throw new CandlecastError('invalid_probability', `p(BUY) must be in [0, 1], got ${pBuy}`);
  if (Math.abs(pBuy - 0.5) <= band.margin) return 'HOLD';
  return pBuy > 0.5 ? 'BUY' : 'SELL';
}
