import type { Candle } from '../../candles/Candle';
import { OBV } from '../../indicators/OBV';
import { RingBuffer } from '../../indicators/RingBuffer';
import type { FeatureDefinition } from '../FeatureDefinition';
import { FeatureKernel } from '../FeatureKernel';

const LAG = 10;

class ObvSlopeKernel extends FeatureKernel {
  private readonly obv = new OBV();
  private readonly levels = new RingBuffer(LAG + 1);
  private readonly volumes = new RingBuffer(LAG);

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.obv.update(candle);
    if (this.obv.isReady) {
      this.levels.push(this.obv.value);
      this.volumes.push(candle.volume);
    }
    if (!this.levels.isFull) {
      out[offset] = Number.NaN;
      return;
    }
    const traded = this.volumes.sum();
    out[offset] = traded === 0 ? 0 : (this.obv.value - this.levels.at(0)) / traded;
  }

  getRequiredInputs(): number {
    return LAG + 2;
  }

  protected clear(): void {
    this.obv.reset();
    this.levels.reset();
    this.volumes.reset();
  }
}

/**
 * OBV's change over 10 candles divided by the volume traded in them: the share of recent volume
 * that came with rising closes minus the share with falling ones, in [-1, 1]. Raw OBV depends on
 * where the stream started; its change does not.
 */
export const obvSlope10: FeatureDefinition = {
  name: 'obvSlope10',
  formula: '(OBV[t] - OBV[t-10]) / sum(volume[t-9..t]); 0 if no volume',
  create: () => new ObvSlopeKernel(),
};
