import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EpochRecord } from './EpochRecord';

/** The machine-readable training log: one JSON object per epoch per line (training.jsonl). */
export class TrainingLog {
  constructor(readonly path: string) {}

  /** Starts the file over with the given records (a resumed run rewrites the epochs it kept). */
  reset(records: readonly EpochRecord[]): void {
    mkdirSync(dirname(this.path), { recursive: true });
    writeFileSync(this.path, toJsonLines(records));
  }

  append(record: EpochRecord): void {
    appendFileSync(this.path, `${JSON.stringify(record)}\n`);
  }
}

/** The JSON-lines text of a list of epoch records. */
export function toJsonLines(records: readonly EpochRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}
