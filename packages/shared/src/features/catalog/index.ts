import type { FeatureDefinition } from '../FeatureDefinition';
import { adx14 } from './adx';
import { atrRelative14 } from './atrRelative';
import { bollingerBandwidth, bollingerPercentB } from './bollinger';
import { candleBody } from './candleBody';
import { cci20 } from './cci';
import { logReturn } from './logReturn';
import { macd } from './macd';
import { mfi14 } from './mfi';
import { emaDistance20, smaDistance50 } from './movingAverageDistance';
import { obvSlope10 } from './obvSlope';
import { rsi } from './rsi';
import { stochastic } from './stochastic';
import { volumeZScore20 } from './volumeZScore';

/** Every feature candlecast can compute, by name, in the default order. */
export const FEATURE_CATALOG: readonly FeatureDefinition[] = [
  logReturn(1),
  logReturn(5),
  logReturn(15),
  rsi(14),
  macd('macd'),
  macd('signal'),
  macd('histogram'),
  bollingerPercentB,
  bollingerBandwidth,
  atrRelative14,
  adx14,
  stochastic('k'),
  stochastic('d'),
  cci20,
  obvSlope10,
  mfi14,
  emaDistance20,
  smaDistance50,
  volumeZScore20,
  candleBody,
];
