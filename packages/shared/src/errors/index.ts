export { CandlecastError } from './CandlecastError';
