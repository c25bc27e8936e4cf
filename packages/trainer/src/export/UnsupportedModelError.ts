import { CandlecastError } from '@candlecast/shared';

/** A tfjs model the edge kernels cannot run (a layer type, option or topology they do not implement). */
export class UnsupportedModelError extends CandlecastError {
  constructor(
    readonly layer: string,
    detail: string,
  ) {
    super('unsupported_model', `${layer}: ${detail}`);
  }
}
