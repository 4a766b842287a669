  ;; The mean squared difference of a tensor from a constant (a firing-rate loss over a layer's
  ;; output) and its gradient, each in one pass: tfjs's ops wrote the difference, then its
  ;; square, then reduced it (keras-to-snn's conv0: about 4 ms a training step).

  ;; squared_diff_sum(p, n, t): the sum over i < n of (p[i] - t)^2, each square in float32; four
  ;; running float32 sums per 1,024 elements (in lane order), each block's sum added to a float64
  ;; total, so the error does not grow with n.
  (func (export "squared_diff_sum") (param $p i32) (param $n i32) (param $t f32) (result f64)
    (local $end i32) (local $blockEnd i32) (local $total f64) (local $acc v128) (local $d v128) (local $tv v128) (local $x f32)
    (local.set $tv (f32x4.splat (local.get $t)))
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $block
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $blockEnd (i32.add (local.get $p) (i32.const 4096)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $end)) (then (local.set $blockEnd (local.get $end))))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (loop $next
          (local.set $d (f32x4.sub (v128.load (local.get $p)) (local.get $tv)))
          (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $d) (local.get $d))))
          (local.set $p (i32.add (local.get $p) (i32.const 16)))
          (br_if $next (i32.lt_u (local.get $p) (local.get $blockEnd))))
        (local.set $total (f64.add (local.get $total) (f64.add
          (f64.add (f64.promote_f32 (f32x4.extract_lane 0 (local.get $acc))) (f64.promote_f32 (f32x4.extract_lane 1 (local.get $acc))))
          (f64.add (f64.promote_f32 (f32x4.extract_lane 2 (local.get $acc))) (f64.promote_f32 (f32x4.extract_lane 3 (local.get $acc)))))))
        (br $block)))
    ;; the last n % 4 elements
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $tdone
      (loop $tnext
        (br_if $tdone (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f32.sub (f32.load (local.get $p)) (local.get $t)))
        (local.set $total (f64.add (local.get $total) (f64.promote_f32 (f32.mul (local.get $x) (local.get $x)))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $tnext)))
    (local.get $total))

  ;; scaled_diff(p, out, n, t, k): out[i] = (p[i] - t) * k for i < n, in float32 (the gradient of
  ;; the mean squared difference, k = dy * 2 / n).
  (func (export "scaled_diff") (param $p i32) (param $out i32) (param $n i32) (param $t f32) (param $k f32)
    (local $end i32) (local $tv v128) (local $kv v128)
    (local.set $tv (f32x4.splat (local.get $t)))
    (local.set $kv (f32x4.splat (local.get $k)))
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $out) (f32x4.mul (f32x4.sub (v128.load (local.get $p)) (local.get $tv)) (local.get $kv)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $next4)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (f32.store (local.get $out) (f32.mul (f32.sub (f32.load (local.get $p)) (local.get $t)) (local.get $k)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 4)))
        (br $next))))
