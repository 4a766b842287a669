/**
 * Escape text for HTML and SVG content and attribute values: `&`, `<`, `>`, `"` and `'`
 * become entities, so a title such as `a < b & "c"` shows as written and cannot break the markup.
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
