import { LastStep } from './LastStep';
import { MaskedAveragePooling } from './MaskedAveragePooling';
import { PositionalEncoding } from './PositionalEncoding';
import { TemporalAttention } from './TemporalAttention';
import { TransformerEncoderBlock } from './TransformerEncoderBlock';

/**
 * The custom layers, each registered for (de)serialisation when its module loads; importing this
 * list before loading a saved model guarantees the registrations ran.
 */
export const CUSTOM_LAYERS = [TemporalAttention, PositionalEncoding, TransformerEncoderBlock, MaskedAveragePooling, LastStep] as const;

export { LastStep, MaskedAveragePooling, PositionalEncoding, TemporalAttention, TransformerEncoderBlock };
