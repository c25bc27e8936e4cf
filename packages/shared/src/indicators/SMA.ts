import { RingBuffer } from './RingBuffer';
import type { StreamingIndicator } from './StreamingIndicator';

/** Simple moving average over the last `interval` values; first value after `interval` inputs. */
export class SMA implements StreamingIndicator<number> {
  /** The average after the last update; NaN until `interval` values were seen. Written only by update. */
  value = Number.NaN;
  private readonly window: RingBuffer;

  constructor(readonly interval: number) {
    this.window = new RingBuffer(interval);
  }

  /** Feeds one value without allocating; read `value`. */
  update(input: number): void {
    this.window.push(input);
    if (!this.window.isFull) return;
    // Summing the window each time (not a running sum) keeps the result exact to the last bit
    // however long the stream runs; windows are short.
    this.value = this.window.sum() / this.interval;
  }

  get isReady(): boolean {
    return this.window.isFull;
  }

  reset(): void {
    this.value = Number.NaN;
    this.window.reset();
  }

  add(input: number): number | null {
    this.update(input);
    return this.getResult();
  }

  getResult(): number | null {
    return this.isReady ? this.value : null;
  }

  getRequiredInputs(): number {
    return this.interval;
  }
}
