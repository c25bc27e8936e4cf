import { OBV } from '../../indicators/OBV';
import { RingBuffer } from '../../indicators/RingBuffer';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

const LAG = 10;

/**
 * OBV's change over 10 candles divided by the volume traded in them: the share of recent volume
 * that came with rising closes minus the share with falling ones, in [-1, 1]. Raw OBV depends on
 * where the stream started; its change does not.
 */
export const obvSlope10: FeatureDefinition = {
  name: 'obvSlope10',
  formula: '(OBV[t] - OBV[t-10]) / sum(volume[t-9..t]); 0 if no volume',
  create() {
    const obv = new OBV();
    const levels = new RingBuffer(LAG + 1);
    const volumes = new RingBuffer(LAG);
    return derivedFeature(LAG + 2, (candle) => {
      const level = obv.add(candle);
      if (level === null) return null;
      levels.push(level);
      volumes.push(candle.volume);
      if (!levels.isFull) return null;
      let traded = 0;
      for (let i = 0; i < LAG; i++) traded += volumes.at(i);
      return traded === 0 ? 0 : (level - levels.at(0)) / traded;
    });
  },
};
