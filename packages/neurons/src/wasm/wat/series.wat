  ;; log1p as src/kernels/small-series.ts computes it (same operations, same order, same
  ;; double constants; lif-spike.wat inlines it and lif-partial.wat expm1Small where hot), and
  ;; the imported Math functions for the rare lanes outside the series' ranges.

  ;; log1pSmall: 2 s + 2 s s^2 Q(s^2), s = y / (2 + y), Q through s^12 / 13 by Horner's rule.
  (func $log1p_series (param $y v128) (result v128)
    (local $s v128) (local $s2 v128) (local $p v128)
    (local.set $s (f64x2.div (local.get $y) (f64x2.add (f64x2.splat (f64.const 2)) (local.get $y))))
    (local.set $s2 (f64x2.mul (local.get $s) (local.get $s)))
    (local.set $p (f64x2.splat (f64.const 0x1.3b13b13b13b14p-4)))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.745d1745d1746p-4)) (f64x2.mul (local.get $s2) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.c71c71c71c71cp-4)) (f64x2.mul (local.get $s2) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.2492492492492p-3)) (f64x2.mul (local.get $s2) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.999999999999ap-3)) (f64x2.mul (local.get $s2) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.5555555555555p-2)) (f64x2.mul (local.get $s2) (local.get $p))))
    (f64x2.add
      (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $s))
      (f64x2.mul (f64x2.mul (f64x2.mul (f64x2.splat (f64.const 2)) (local.get $s)) (local.get $s2)) (local.get $p))))

  ;; `result` with the lanes where `mask` is set replaced by Math.expm1 (which = 0) or
  ;; Math.log1p (which = 1) of the lane of `x`.
  (func $map_lanes (param $which i32) (param $x v128) (param $result v128) (param $mask v128) (result v128)
    (if (i64.ne (i64x2.extract_lane 0 (local.get $mask)) (i64.const 0))
      (then (local.set $result (f64x2.replace_lane 0 (local.get $result)
        (call $math (local.get $which) (f64x2.extract_lane 0 (local.get $x)))))))
    (if (i64.ne (i64x2.extract_lane 1 (local.get $mask)) (i64.const 0))
      (then (local.set $result (f64x2.replace_lane 1 (local.get $result)
        (call $math (local.get $which) (f64x2.extract_lane 1 (local.get $x)))))))
    (local.get $result))
  (func $math (param $which i32) (param $x f64) (result f64)
    (if (result f64) (local.get $which)
      (then (call $log1p (local.get $x)))
      (else (call $expm1 (local.get $x)))))

  ;; tauRef + (dt + tauRc * log1p((1 - v) / (J - 1))) for the lanes of `mask` (the others are
  ;; don't-cares), by log1pSmall's series or, outside |y| <= 0.0625, Math.log1p.
  (func $spike_refractory
    (param $j v128) (param $v v128) (param $mask v128) (param $dtV v128) (param $tauRcV v128) (param $tauRefV v128)
    (result v128)
    (local $y v128) (local $c v128) (local $outside v128)
    (local.set $y (f64x2.div
      (f64x2.sub (f64x2.splat (f64.const 1)) (local.get $v))
      (f64x2.sub (local.get $j) (f64x2.splat (f64.const 1)))))
    (local.set $c (call $log1p_series (local.get $y)))
    (local.set $outside (v128.andnot (local.get $mask) (v128.and
      (f64x2.le (local.get $y) (f64x2.splat (f64.const 0.0625)))
      (f64x2.ge (local.get $y) (f64x2.splat (f64.const -0.0625))))))
    (if (v128.any_true (local.get $outside))
      (then (local.set $c (call $map_lanes (i32.const 1) (local.get $y) (local.get $c) (local.get $outside)))))
    (f64x2.add (local.get $tauRefV) (f64x2.add (local.get $dtV) (f64x2.mul (local.get $tauRcV) (local.get $c)))))
