/**
 * Reads a candle timestamp as epoch milliseconds, or returns null when it is not one.
 *
 * Numbers (or digit strings) are classified by magnitude: below 1e11 they are seconds, below 1e14
 * milliseconds, below 1e17 microseconds (Binance's spot data dumps from 2025 on). ISO-8601 strings
 * without an offset are read as UTC, never as the machine's local time, so the same file parses the
 * same everywhere.
 */
export function parseTimestamp(raw: unknown): number | null {
  if (typeof raw === 'number') return fromEpochNumber(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(text)) return fromEpochNumber(Number(text));
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text)) return null;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) && text.length > 10;
  const iso = text.replace(' ', 'T');
  const ms = Date.parse(hasOffset ? iso : text.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
  return Number.isFinite(ms) ? ms : null;
}

function fromEpochNumber(value: number): number | null {
  if (!Number.isFinite(value) || value < 0) return null;
  if (value < 1e11) return Math.round(value * 1000);
  if (value < 1e14) return Math.round(value);
  if (value < 1e17) return Math.round(value / 1000);
  return null;
}
