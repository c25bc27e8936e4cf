export { loadCandles, type CandleSource } from './data/loadCandles';
