import type { Candle } from '../../candles/Candle';
import { RingBuffer } from '../../indicators/RingBuffer';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

const INTERVAL = 20;

class VolumeZScoreKernel extends FeatureKernel {
  private readonly window = new RingBuffer(INTERVAL);

  write(candle: Candle, out: Float64Array, offset: number): void {
    const value = Math.log1p(candle.volume);
    this.window.push(value);
    if (!this.window.isFull) {
      out[offset] = Number.NaN;
      return;
    }
    const mean = this.window.sum() / INTERVAL;
    const std = Math.sqrt(this.window.sumSquaredDeviations(mean) / INTERVAL);
    // Below float noise the window is constant: call it 0 rather than amplify rounding error.
    out[offset] = std < 1e-12 ? 0 : (value - mean) / std;
  }

  getRequiredInputs(): number {
    return INTERVAL;
  }

  protected clear(): void {
    this.window.reset();
  }
}

/**
 * How unusual this candle's volume is against the last 20, measured on ln(1 + volume): minute
 * volumes are heavy-tailed (one block trade can be 100x the median), and a z-score of raw volume
 * would be dominated by those outliers. 0 when the 20 volumes are all equal.
 */
export const volumeZScore20: FeatureDefinition = {
  name: 'volumeZScore20',
  formula: '(ln(1+volume[t]) - mean20) / std20 of ln(1+volume), population std; 0 if std == 0',
  create: () => new VolumeZScoreKernel(),
};
