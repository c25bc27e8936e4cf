export { generateCandles, type Regime, type SyntheticMarketOptions } from './generateCandles';
