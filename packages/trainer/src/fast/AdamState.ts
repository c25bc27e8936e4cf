import type { AdamScalars, Kernels } from './kernels/Kernels';

/** Adam's settings; the defaults are tf.train.adam's (epsilon: the cpu and wasm backends' float32 epsilon). */
export interface AdamSettings {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const DEFAULT_ADAM: AdamSettings = { learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** Adam's state in tfjs's terms: steps taken and the first and second moments (flat, parameter order). */
export interface AdamSnapshot {
  iterations: number;
  m: Float32Array;
  v: Float32Array;
}

/**
 * Adam over a flat parameter vector in a kernel heap, mirroring tfjs's AdamOptimizer: the
 * running products beta^t are float32 values multiplied once per step (accBeta1/accBeta2), and
 * restoring a snapshot recomputes them as beta^(t+1), as tfjs's setWeights does.
 */
export class AdamState {
  learningRate: number;
  private iterations = 0;
  private accBeta1: number;
  private accBeta2: number;
  private readonly m: number;
  private readonly v: number;

  constructor(
    private readonly kernels: Kernels,
    private readonly size: number,
    private readonly settings: AdamSettings,
  ) {
    this.learningRate = settings.learningRate;
    this.accBeta1 = Math.fround(settings.beta1);
    this.accBeta2 = Math.fround(settings.beta2);
    this.m = kernels.alloc(size);
    this.v = kernels.alloc(size);
  }

  /** Applies one step to heap[params ..] with the gradient at heap[grads ..]. */
  step(params: number, grads: number): void {
    const f = Math.fround;
    const { beta1, beta2, epsilon } = this.settings;
    const scalars: AdamScalars = {
      learningRate: f(this.learningRate),
      beta1: f(beta1),
      beta2: f(beta2),
      oneMinusBeta1: f(1 - beta1),
      oneMinusBeta2: f(1 - beta2),
      correction1: f(1 - this.accBeta1),
      correction2: f(1 - this.accBeta2),
      epsilon: f(epsilon),
    };
    this.kernels.adam(this.size, params, grads, this.m, this.v, scalars);
    this.accBeta1 = f(this.accBeta1 * f(beta1));
    this.accBeta2 = f(this.accBeta2 * f(beta2));
    this.iterations++;
  }

  snapshot(): AdamSnapshot {
    const heap = this.kernels.heap();
    return { iterations: this.iterations, m: heap.slice(this.m, this.m + this.size), v: heap.slice(this.v, this.v + this.size) };
  }

  restore(snapshot: AdamSnapshot): void {
    const heap = this.kernels.heap();
    heap.set(snapshot.m, this.m);
    heap.set(snapshot.v, this.v);
    this.iterations = snapshot.iterations;
    this.accBeta1 = Math.fround(Math.fround(this.settings.beta1) ** (snapshot.iterations + 1));
    this.accBeta2 = Math.fround(Math.fround(this.settings.beta2) ** (snapshot.iterations + 1));
  }
}
