import { ManifestValidationError } from './ManifestValidationError';
import { readFields, readIsoTime, readNumber, readOneOf, readString } from './manifestFields';

/**
 * A tag (`stable`, `canary`...): which version it points at, since when, set by whom. Stored as
 * `tags/<tag>/pointer.json` and changed only by compare-and-swap.
 */
export interface TagPointer {
  tag: string;
  version: string;
  /** ISO 8601 UTC. */
  updatedAt: string;
  /** Who moved the tag (user@host, a CI job...). */
  updatedBy: string;
  /** Share of traffic for a canary tag, 0-100. */
  percent?: number;
  /** The version the tag pointed at before this change: where `rollback` goes. */
  previous?: string;
}

/** One entry of a tag's append-only history: the pointer as it was set, and how. */
export interface TagHistoryEntry extends TagPointer {
  action: 'move' | 'rollback';
}

const VERSION = /^[0-9a-f]{64}$/;
const HEX = '64 lowercase hex digits';

/**
 * Checks a parsed tag pointer or history entry (`document` names it in errors, e.g. its key);
 * throws ManifestValidationError naming the field.
 */
export function validateTagPointer(value: unknown, document: string): TagPointer {
  try {
    const pointer = readFields(value, '', ['tag', 'version', 'updatedAt', 'updatedBy'], ['percent', 'previous', 'action']);
    readString(pointer.tag, 'tag');
    readString(pointer.version, 'version', VERSION, HEX);
    readIsoTime(pointer.updatedAt, 'updatedAt');
    readString(pointer.updatedBy, 'updatedBy');
    if (pointer.percent !== undefined && readNumber(pointer.percent, 'percent', 0) > 100) {
      throw new ManifestValidationError('percent', 'a number from 0 to 100', pointer.percent);
    }
    if (pointer.previous !== undefined) readString(pointer.previous, 'previous', VERSION, HEX);
    if (pointer.action !== undefined) readOneOf(pointer.action, 'action', ['move', 'rollback']);
    return pointer as unknown as TagPointer;
  } catch (error) {
    if (!(error instanceof ManifestValidationError)) throw error;
    throw new ManifestValidationError(error.field, error.expected, error.received, document);
  }
}

