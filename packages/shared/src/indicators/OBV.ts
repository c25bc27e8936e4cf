import type { Candle } from '../candles/Candle';
import type { StreamingIndicator } from './StreamingIndicator';

/**
 * On-Balance Volume: a running sum that adds the candle's volume when the close rose, subtracts it
 * when it fell. Its level depends on where the stream started, so features use its changes only.
 */
export class OBV implements StreamingIndicator<Candle> {
  private previousClose: number | null = null;
  private total = 0;
  private result: number | null = null;

  add(candle: Candle): number | null {
    if (this.previousClose !== null) {
      if (candle.close > this.previousClose) this.total += candle.volume;
      else if (candle.close < this.previousClose) this.total -= candle.volume;
      this.result = this.total;
    }
    this.previousClose = candle.close;
    return this.result;
  }

  getResult(): number | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return 2;
  }
}
