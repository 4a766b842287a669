  ;; SpikingRectifiedLinear.step over an even number n of neurons, without branches
  ;; (spikingRectifiedLinearStep in src/kernels/spiking-rectified-linear-step.ts).
  ;; Returns how many neurons spiked.
  (func $srelu_pairs
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $dt f64) (param $height f64)
    (result i32)
    (local $end i32) (local $j v128) (local $v v128) (local $k v128) (local $m v128)
    (local $acc v128) (local $dtV v128) (local $heightV v128) (local $zero v128) (local $one v128)
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $heightV (f64x2.splat (local.get $height)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $end (i32.add (local.get $pJ) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $pJ) (local.get $end)))
      (loop $next
        (local.set $j (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $pJ))))
        (local.set $v (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $pV))))
        ;; v += J * dt where J > 0
        (local.set $v (v128.bitselect
          (f64x2.add (local.get $v) (f64x2.mul (local.get $j) (local.get $dtV)))
          (local.get $v)
          (f64x2.gt (local.get $j) (local.get $zero))))
        ;; where v >= 1 or v < 0: k = floor(v); out = height * k; v -= k (else out = 0)
        (local.set $m (v128.or (f64x2.ge (local.get $v) (local.get $one)) (f64x2.lt (local.get $v) (local.get $zero))))
        (local.set $k (f64x2.floor (local.get $v)))
        (v128.store64_lane 0 (local.get $pOut)
          (f32x4.demote_f64x2_zero (v128.and (f64x2.mul (local.get $heightV) (local.get $k)) (local.get $m))))
        (v128.store64_lane 0 (local.get $pV)
          (f32x4.demote_f64x2_zero (v128.bitselect (f64x2.sub (local.get $v) (local.get $k)) (local.get $v) (local.get $m))))
        (local.set $acc (i64x2.sub (local.get $acc) (v128.and (local.get $m) (f64x2.ne (local.get $k) (local.get $zero)))))
        (local.set $pJ (i32.add (local.get $pJ) (i32.const 8)))
        (local.set $pOut (i32.add (local.get $pOut) (i32.const 8)))
        (local.set $pV (i32.add (local.get $pV) (i32.const 8)))
        (br_if $next (i32.lt_u (local.get $pJ) (local.get $end)))))
    (i32.wrap_i64 (i64.add (i64x2.extract_lane 0 (local.get $acc)) (i64x2.extract_lane 1 (local.get $acc)))))

  ;; Copy float32 src[0] to dst[0] and zero dst[1] (the odd last neuron into a scratch pair).
  (func $to_pair (param $dst i32) (param $src i32)
    (i64.store (local.get $dst) (i64.extend_i32_u (i32.load (local.get $src)))))
