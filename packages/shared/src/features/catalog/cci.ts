import { CCI } from '../../indicators/CCI';
import { derivedFeature, type FeatureDefinition } from '../FeatureDefinition';

export const cci20: FeatureDefinition = {
  name: 'cci20',
  formula: '(typical - SMA20(typical)) / (0.015 * meanAbsDev20(typical)); 0 if the deviation is 0',
  create() {
    const cci = new CCI(20);
    return derivedFeature(cci.getRequiredInputs(), (candle) => cci.add(candle));
  },
};
