const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 (with padding) of bytes, without Buffer or btoa so it runs anywhere. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    chunk += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b >> 4)];
    chunk += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=';
    chunk += i + 2 < bytes.length ? ALPHABET[c & 63] : '=';
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Decodes standard base64; returns null on a malformed string (the caller names the field). */
export function base64ToBytes(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let triple = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const sextet = code === 61 && i + k >= text.length - padding ? 0 : code < 128 ? LOOKUP[code] : -1;
      if (sextet < 0) return null;
      triple = (triple << 6) | sextet;
    }
    if (o < bytes.length) bytes[o++] = triple >> 16;
    if (o < bytes.length) bytes[o++] = (triple >> 8) & 255;
    if (o < bytes.length) bytes[o++] = triple & 255;
  }
  return bytes;
}
