import { z } from '@hono/zod-openapi';

const price = z.union([z.number(), z.string()]);
const timestamp = z.union([z.number(), z.string()]);

/** A candle as an object; timestamp is ISO-8601 or Unix s/ms/µs of the candle's open. */
export const CandleObjectSchema = z
  .object({
    timestamp: timestamp.optional(),
    time: timestamp.optional(),
    t: timestamp.optional(),
    open: price.optional(),
    o: price.optional(),
    high: price.optional(),
    h: price.optional(),
    low: price.optional(),
    l: price.optional(),
    close: price.optional(),
    c: price.optional(),
    volume: price.optional(),
    v: price.optional(),
  })
  .openapi('CandleObject', { example: { timestamp: '2024-01-01T00:00:00Z', open: 42000.5, high: 42010, low: 41990.1, close: 42005.2, volume: 3.2 } });

/** A candle as `[time, open, high, low, close, volume]` (Binance kline order; extra items ignored). */
export const CandleArraySchema = z.array(z.union([z.number(), z.string()])).min(6).openapi('CandleArray', { example: [1704067200000, 42000.5, 42010, 41990.1, 42005.2, 3.2] });

/**
 * One request candle: an array or an object, checked field by field (with the field named in the
 * error) by validateCandles, which has to run anyway. Validating the same 434 candles here with a
 * union of the two schemas above cost 0.7 ms per request (more than the JSON parse), so the schema
 * only checks the shape and documents the two forms by reference (createApp registers them).
 */
export const CandleSchema = z
  .custom<Record<string, unknown> | unknown[]>((value) => typeof value === 'object' && value !== null, {
    message: 'expected a candle: [time, open, high, low, close, volume] or an object with those fields',
  })
  .openapi({ type: ['array', 'object'], oneOf: [{ $ref: '#/components/schemas/CandleObject' }, { $ref: '#/components/schemas/CandleArray' }] });

export const SignalRequestSchema = z
  .object({
    symbol: z.string().min(1).max(32).regex(/^[A-Za-z0-9._:\-/]+$/, 'letters, digits and . _ : - / only').openapi({ example: 'BTCUSDT' }),
    interval: z.literal('1m').openapi({ description: 'Candle interval; models are trained on 1-minute candles.' }),
    candles: z.array(CandleSchema).min(1).openapi({
      description: 'Oldest first. At least the model’s minCandles (see GET /v1/models); only the needed tail is used.',
    }),
  })
  .openapi('SignalRequest');

export const SignalResponseSchema = z
  .object({
    symbol: z.string(),
    candleTime: z.string().openapi({ description: 'Open time of the last candle (the signal is for the next one).' }),
    signal: z.enum(['BUY', 'SELL', 'HOLD']),
    probability: z.object({ buy: z.number(), sell: z.number() }),
    confidence: z.number(),
    models: z.record(z.string(), z.object({ buy: z.number() })),
    attention: z.array(z.number()).optional(),
    version: z.string(),
    tag: z.string(),
    computeMs: z.number(),
  })
  .openapi('SignalResponse');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'not_enough_candles' }),
      message: z.string().openapi({ example: 'candles: needs at least 109 contiguous candles, got 20' }),
      field: z.string().optional().openapi({ example: 'candles' }),
    }),
  })
  .openapi('Error');
