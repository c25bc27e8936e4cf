import type { ActivationName } from './SequenceGraph';
import { scalarActivation } from './activations';
import { InvalidSequenceGraphError } from './InvalidSequenceGraphError';

/** The scalar functions of a recurrent layer, and whether they are the common sigmoid/tanh pair. */
export function recurrentActivations(
  activation: ActivationName,
  recurrentActivation: ActivationName,
  field: string,
): { gate: (x: number) => number; candidate: (x: number) => number; standard: boolean } {
  const candidate = scalarActivation(activation);
  if (!candidate) throw new InvalidSequenceGraphError(`${field}.activation`, `unsupported in a recurrent cell: '${activation}'`);
  const gate = scalarActivation(recurrentActivation);
  if (!gate) {
    throw new InvalidSequenceGraphError(`${field}.recurrentActivation`, `unsupported in a recurrent cell: '${recurrentActivation}'`);
  }
  return { gate, candidate, standard: activation === 'tanh' && recurrentActivation === 'sigmoid' };
}
