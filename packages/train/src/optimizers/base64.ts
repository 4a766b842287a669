/**
 * Base64 text of a typed array's bytes (platform byte order: little-endian on every
 * platform tfjs runs on) and back, with `btoa`/`atob` (Node 16+ and browsers). Used to
 * keep optimizer state in a checkpoint's JSON metadata.
 */
export function bytesToBase64(array: Float32Array | Int32Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let text = '';
  const chunk = 0x8000; // String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += chunk) text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(text);
}

/** The bytes of {@link bytesToBase64}'s text (throws on text that is not base64). */
export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
