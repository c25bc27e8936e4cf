import type { Candle } from '../../candles/Candle';
import { MACD, type MACDResult } from '../../indicators/MACD';
import { familyMember, type FeatureFamily } from '../FeatureFamily';
import { emaMemory, type FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

const NAMES = { macd: 'macdLine', signal: 'macdSignal', histogram: 'macdHistogram' } as const;
const PARTS = { macd: 0, signal: 1, histogram: 2 } as const;

/** Writes macd, signal and histogram, each divided by the close. */
class MacdKernel extends FeatureKernel {
  private readonly indicator = new MACD(12, 26, 9);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.indicator.update(candle.close);
    if (!this.indicator.isReady) {
      out[offset] = Number.NaN;
      out[offset + 1] = Number.NaN;
      out[offset + 2] = Number.NaN;
      return;
    }
    const { macd, signal, histogram } = this.indicator.latest;
    out[offset] = macd / candle.close;
    out[offset + 1] = signal / candle.close;
    out[offset + 2] = histogram / candle.close;
  }

  getRequiredInputs(): number {
    return this.indicator.getRequiredInputs();
  }

  protected clear(): void {
    this.indicator.reset();
  }
}

const MACD_FAMILY: FeatureFamily = { name: 'MACD(12,26,9) / close', width: 3, create: () => new MacdKernel() };

/** One MACD(12, 26, 9) output divided by the close, so it reads as a fraction of price. */
export function macd(part: keyof MACDResult): FeatureDefinition {
  return {
    name: NAMES[part],
    formula: `MACD(12,26,9).${part} / close[t]`,
    // The signal line smooths the MACD line, which smooths prices: the memories add up.
    memory: emaMemory(26) + (part === 'macd' ? 0 : emaMemory(9)),
    ...familyMember(MACD_FAMILY, PARTS[part]),
  };
}
