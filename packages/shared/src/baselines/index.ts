export { followLastCandle } from './followLastCandle';
export { lastCandleMove } from './lastCandleMove';
export { majorityClass } from './majorityClass';
export { reverseLastCandle } from './reverseLastCandle';
