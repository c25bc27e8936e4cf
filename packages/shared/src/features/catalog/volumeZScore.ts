import { RingBuffer } from '../../indicators/RingBuffer';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

const INTERVAL = 20;

/**
 * How unusual this candle's volume is against the last 20, measured on ln(1 + volume): minute
 * volumes are heavy-tailed (one block trade can be 100x the median), and a z-score of raw volume
 * would be dominated by those outliers. 0 when the 20 volumes are all equal.
 */
export const volumeZScore20: FeatureDefinition = {
  name: 'volumeZScore20',
  formula: '(ln(1+volume[t]) - mean20) / std20 of ln(1+volume), population std; 0 if std == 0',
  create() {
    const window = new RingBuffer(INTERVAL);
    return derivedFeature(INTERVAL, (candle) => {
      const value = Math.log1p(candle.volume);
      window.push(value);
      if (!window.isFull) return null;
      let sum = 0;
      for (let i = 0; i < INTERVAL; i++) sum += window.at(i);
      const mean = sum / INTERVAL;
      let squares = 0;
      for (let i = 0; i < INTERVAL; i++) squares += (window.at(i) - mean) ** 2;
      const std = Math.sqrt(squares / INTERVAL);
      // Below float noise the window is constant: call it 0 rather than amplify rounding error.
      return std < 1e-12 ? 0 : (value - mean) / std;
    });
  },
};
