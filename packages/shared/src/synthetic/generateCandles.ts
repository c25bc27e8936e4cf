import { INTERVAL_MS, type Candle, type Interval } from '../candles/Candle';
import { SeededRandom } from '../random/SeededRandom';

/** A market regime: drift and base volatility of the efficient log price per candle. */
export interface Regime {
  drift: number;
  volatility: number;
}

export interface SyntheticMarketOptions {
  count: number;
  seed?: number;
  interval?: Interval;
  /** Open time of the first candle, epoch ms (aligned to the interval). Default 2024-01-01T00:00Z. */
  startTime?: number;
  startPrice?: number;
  /** Regimes and the per-candle probability of leaving the current one. */
  regimes?: readonly Regime[];
  switchProbability?: number;
  /** GARCH(1,1) persistence (alpha + beta < 1): how strongly volatility clusters. */
  garchAlpha?: number;
  garchBeta?: number;
  /**
   * Half the bid-ask spread in units of the base volatility. Closes print at the bid or the ask at
   * random, which makes observed returns negatively autocorrelated ("bid-ask bounce"), as in real
   * one-minute data. Larger values plant a stronger, learnable reverse-the-last-candle signal.
   */
  bounce?: number;
  /** Probability of a minute without trades (flat candle, zero volume). */
  idleProbability?: number;
}

const DEFAULT_REGIMES: readonly Regime[] = [
  { drift: 0, volatility: 0.0006 },
  { drift: 0.00012, volatility: 0.0008 },
  { drift: -0.00012, volatility: 0.0008 },
  { drift: 0, volatility: 0.0018 },
];

/**
 * A seeded synthetic market for tests and the offline demo: a regime-switching random walk of the
 * efficient price with GARCH volatility clustering, bid-ask bounce in the printed prices, wicks,
 * idle minutes and volume that rises with volatility. Same options, same candles, everywhere.
 */
export function generateCandles(options: SyntheticMarketOptions): Candle[] {
  const random = new SeededRandom(options.seed ?? 1);
  const step = INTERVAL_MS[options.interval ?? '1m'];
  const start = Math.floor((options.startTime ?? Date.UTC(2024, 0, 1)) / step) * step;
  const regimes = options.regimes ?? DEFAULT_REGIMES;
  const switchProbability = options.switchProbability ?? 0.003;
  const alpha = options.garchAlpha ?? 0.08;
  const beta = options.garchBeta ?? 0.9;
  const bounce = options.bounce ?? 0.35;
  const idle = options.idleProbability ?? 0.01;

  let regime = 0;
  let logPrice = Math.log(options.startPrice ?? 30_000);
  let variance = 1;
  let previousShock = 0;
  let previousClose = Math.exp(logPrice);
  const candles: Candle[] = [];
  for (let i = 0; i < options.count; i++) {
    if (random.next() < switchProbability) regime = random.int(regimes.length);
    const { drift, volatility } = regimes[regime];
    // Unit-mean GARCH multiplier on the regime's variance.
    variance = 1 - alpha - beta + alpha * previousShock ** 2 + beta * variance;
    const sigma = volatility * Math.sqrt(variance);
    const shock = random.normal();
    previousShock = shock;
    const time = start + i * step;
    if (random.next() < idle) {
      candles.push({ time, open: previousClose, high: previousClose, low: previousClose, close: previousClose, volume: 0 });
      continue;
    }
    logPrice += drift + sigma * shock;
    const side = random.next() < 0.5 ? -1 : 1;
    const close = Math.exp(logPrice + side * bounce * volatility);
    const open = previousClose;
    const high = Math.max(open, close) * Math.exp(Math.abs(random.normal()) * sigma * 0.5);
    const low = Math.min(open, close) * Math.exp(-Math.abs(random.normal()) * sigma * 0.5);
    const volume = Math.exp(random.normal() * 0.8) * (1 + Math.abs(shock)) * 2;
    candles.push({ time, open, high, low, close, volume });
    previousClose = close;
  }
  return candles;
}
