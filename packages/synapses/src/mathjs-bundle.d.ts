// Types for mathjs's single-file build (its package exports it without a types entry): the
// same API as the ESM entry, as the module's default export.
declare module 'mathjs/lib/browser/math.js' {
  import type * as mathjs from 'mathjs';
  const bundle: typeof mathjs;
  export default bundle;
}
