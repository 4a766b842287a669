// Series forms of expm1 and log1p for the small arguments the LIF step meets. V8 calls out
// of line for Math.expm1/Math.log1p (tens of ns each); these inline to a few multiply-adds.
// Both stay within ~2 ulp of the double result, far below the float32 state they feed.

/** Largest |x| for which {@link expm1Small} is accurate to double precision. */
export const EXPM1_SERIES_LIMIT = 0.125;

/**
 * `expm1(x)` for `|x| <= 0.125` by its Taylor series through x^11/11! (truncation < 3e-17
 * relative), written as `x + x^2 * P(x)` so the rounding error stays near one ulp.
 */
export function expm1Small(x: number): number {
  return (
    x +
    x *
      x *
      (1 / 2 +
        x *
          (1 / 6 +
            x *
              (1 / 24 +
                x *
                  (1 / 120 +
                    x *
                      (1 / 720 +
                        x * (1 / 5040 + x * (1 / 40320 + x * (1 / 362880 + x * (1 / 3628800 + x * (1 / 39916800))))))))))
  );
}

/** Largest |y| for which {@link log1pSmall} is accurate to double precision. */
export const LOG1P_SERIES_LIMIT = 0.0625;

/**
 * `log1p(y)` for `|y| <= 0.0625` via `2 atanh(s)`, `s = y / (2 + y)`, through s^13
 * (|s| <= 0.033, truncation < 1e-18 relative).
 */
export function log1pSmall(y: number): number {
  const s = y / (2 + y);
  const s2 = s * s;
  return 2 * s + 2 * s * s2 * (1 / 3 + s2 * (1 / 5 + s2 * (1 / 7 + s2 * (1 / 9 + s2 * (1 / 11 + s2 * (1 / 13))))));
}
