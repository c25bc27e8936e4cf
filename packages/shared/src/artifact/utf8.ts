import { utf8ToBytes } from '@noble/hashes/utils.js';

// Both Node and workerd have TextDecoder; shared compiles against ES2022 only, so declare the part used.
declare const TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes of a string. */
export const encodeUtf8: (text: string) => Uint8Array = utf8ToBytes;

/** Decodes UTF-8; throws a TypeError on malformed bytes instead of inserting replacement characters. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
