export { BUY, SELL, HOLD, NO_LABEL, labelCandles, nextCandleDirection, type FlatPolicy } from './nextCandleDirection';
