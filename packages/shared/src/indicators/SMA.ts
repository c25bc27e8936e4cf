import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

/** Simple moving average over the last `interval` values; first value after `interval` inputs. */
export class SMA implements StreamingIndicator<number> {
  private readonly window: RingBuffer;
  private result: number | null = null;

  constructor(readonly interval: number) {
    this.window = new RingBuffer(interval);
  }

  add(value: number): number | null {
    this.window.push(value);
    if (!this.window.isFull) return null;
    // Summing the window each time (not a running sum) keeps the result exact to the last bit
    // however long the stream runs; windows are short.
    let sum = 0;
    for (let i = 0; i < this.interval; i++) sum += this.window.at(i);
    this.result = sum / this.interval;
    return this.result;
  }

  getResult(): number | null {
    return this.result;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
