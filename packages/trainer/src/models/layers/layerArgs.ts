import * as tf from '@tensorflow/tfjs';

/** The base tfjs layer arguments (name, trainable, inputShape...), without a deep import. */
export type BaseLayerArgs = NonNullable<ConstructorParameters<typeof tf.layers.Layer>[0]>;

/** The mask tfjs passes to `call` in kwargs: bool `[batch, time]`, true where the step is real. */
export function maskFrom(kwargs: Record<string, unknown>): tf.Tensor | undefined {
  const mask = kwargs['mask'];
  if (mask == null) return undefined;
  return (Array.isArray(mask) ? mask[0] : mask) as tf.Tensor | undefined;
}

/** Shape of one tensor from a layer's shape argument (custom layers here take one input). */
export function singleShape(shape: tf.Shape | tf.Shape[]): tf.Shape {
  return (Array.isArray(shape[0]) ? shape[0] : shape) as tf.Shape;
}
