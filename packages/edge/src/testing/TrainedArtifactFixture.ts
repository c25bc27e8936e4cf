import type {} from 'vitest';

/** A trained artifact handed from the Node global setup to the workerd tests (vitest provide/inject). */
export interface TrainedArtifactFixture {
  version: string;
  /** The manifest as JSON text. */
  manifest: string;
  /** Blob objects by name, base64. */
  blobs: Record<string, string>;
  /** Candle tails ([t, o, h, l, c, v]) with each member's p(BUY) as the trainer computed it. */
  cases: { candles: number[][]; trainer: Record<string, number> }[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    trainedArtifact: TrainedArtifactFixture;
  }
}
