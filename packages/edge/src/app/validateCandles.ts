import { applyGapPolicy, CandleValidationError, checkCandleSequence, GapError, toCandle, type Candle, type RawCandleFields } from '@candlecast/shared';
import { ApiError } from './ApiError';

type CandleInput = Record<string, unknown> | readonly unknown[];

/**
 * Turns request candles into the contiguous tail a model needs, with errors that name the field:
 * every candle is checked (prices, high/low, volume, time grid, order, duplicates); the tail must
 * hold `minCandles`; up to `maxFill` missing minutes inside the tail are filled with flat candles,
 * exactly as training filled them.
 */
export function validateCandles(inputs: readonly CandleInput[], minCandles: number, maxCandles: number, maxFill = 60): Candle[] {
  if (inputs.length > maxCandles) {
    throw new ApiError(400, 'too_many_candles', `candles: at most ${maxCandles} candles per request, got ${inputs.length}; send only the recent tail`, 'candles');
  }
  let candles: Candle[];
  try {
    candles = inputs.map((input, index) => toCandle(index + 1, rawFields(input)));
    checkCandleSequence(candles, '1m');
  } catch (error) {
    if (error instanceof CandleValidationError) {
      const field = error.field === 'candle' ? `candles[${error.row - 1}]` : `candles[${error.row - 1}].${error.field}`;
      throw new ApiError(400, 'invalid_candle', `${field} ${error.message.replace(/^row \d+: field "[^"]+" /, '')}`, field);
    }
    throw error;
  }
  if (candles.length < minCandles) {
    throw new ApiError(422, 'not_enough_candles', `candles: needs at least ${minCandles} one-minute candles (feature warm-up + window), got ${candles.length}`, 'candles');
  }
  try {
    // Filling can only lengthen the tail, so the last minCandles of the filled tail are all needed.
    const { segments } = applyGapPolicy(candles.slice(-minCandles), '1m', { policy: 'fill', maxFill });
    return segments[0].slice(-minCandles);
  } catch (error) {
    if (error instanceof GapError) {
      const index = candles.length - minCandles + error.row - 1;
      throw new ApiError(422, 'candle_gap', `candles[${index}].timestamp ${error.message.replace(/^row \d+: field "timestamp" /, '')}`, `candles[${index}].timestamp`);
    }
    throw error;
  }
}

function rawFields(input: CandleInput): RawCandleFields {
  if (Array.isArray(input)) return { time: input[0], open: input[1], high: input[2], low: input[3], close: input[4], volume: input[5] };
  const record = input as Record<string, unknown>;
  const pick = (...keys: string[]) => keys.map((k) => record[k]).find((v) => v !== undefined);
  return {
    time: pick('timestamp', 'time', 't'),
    open: pick('open', 'o'),
    high: pick('high', 'h'),
    low: pick('low', 'l'),
    close: pick('close', 'c'),
    volume: pick('volume', 'v'),
  };
}
