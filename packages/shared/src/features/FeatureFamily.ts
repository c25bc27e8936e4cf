import type { Candle } from '../candles/Candle';
import type { FeatureDefinition } from './FeatureDefinition';
import { FeatureKernel } from './FeatureKernel';

/**
 * Features computed together from one indicator (MACD's three lines, both Bollinger features, %K
 * and %D). Its kernel writes every part per candle, `width` values from `out[offset]` on; a
 * FeatureStream holding several members runs it once and reads each member's part, instead of
 * running the same indicator once per member.
 */
export interface FeatureFamily {
  name: string;
  width: number;
  create(): FeatureKernel;
}

/** One member of a family on its own (FeatureDefinition.create): runs the family's kernel and keeps its part. */
export class FamilyPartKernel extends FeatureKernel {
  private readonly kernel: FeatureKernel;
  private readonly parts: Float64Array;

  constructor(
    family: FeatureFamily,
    private readonly part: number,
  ) {
    super();
    if (!Number.isInteger(part) || part < 0 || part >= family.width) throw new RangeError(`${family.name} has parts 0..${family.width - 1}, got ${part}`);
    this.kernel = family.create();
    this.parts = new Float64Array(family.width);
  }

  write(candle: Candle, out: Float64Array, offset: number): void {
    this.kernel.write(candle, this.parts, 0);
    out[offset] = this.parts[this.part];
  }

  getRequiredInputs(): number {
    return this.kernel.getRequiredInputs();
  }

  protected clear(): void {
    this.kernel.reset();
  }
}

/** The `family` and `create` of a definition that is part `part` of `family`. */
export function familyMember(family: FeatureFamily, part: number): Pick<FeatureDefinition, 'family' | 'create'> {
  return { family: { of: family, part }, create: () => new FamilyPartKernel(family, part) };
}
