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


  ;; srelu_step_f32(n, pJ, pOut, pV, pIdx, pVal, dt, height) -> count: SpikingRectifiedLinear in
  ;; float32 arithmetic, as NengoDL computes it (v += max(J, 0) * dt; k = floor(v); out = k *
  ;; height; v -= k), eight neurons per iteration, listing the neurons with a nonzero output
  ;; in increasing order (indices at pIdx, outputs at pVal). Not bit-identical with srelu_step,
  ;; whose sum is rounded once from float64. n must be a multiple of 8 (the caller steps the
  ;; rest with srelu_step).
  (func (export "srelu_step_f32")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pIdx i32) (param $pVal i32)
    (param $dt f32) (param $height f32)
    (result i32)
    (local $i i32) (local $b i32) (local $end i32) (local $count i32) (local $mask i32) (local $lane i32)
    (local $v0 v128) (local $v1 v128) (local $k0 v128) (local $k1 v128) (local $o0 v128) (local $o1 v128)
    (local $dtV v128) (local $hV v128) (local $zero v128)
    (local.set $dtV (f32x4.splat (local.get $dt)))
    (local.set $hV (f32x4.splat (local.get $height)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $b) (local.get $end)))
        (local.set $v0 (f32x4.add (v128.load (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $v1 (f32x4.add (v128.load offset=16 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load offset=16 (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $k0 (f32x4.floor (local.get $v0)))
        (local.set $k1 (f32x4.floor (local.get $v1)))
        (local.set $o0 (f32x4.mul (local.get $k0) (local.get $hV)))
        (local.set $o1 (f32x4.mul (local.get $k1) (local.get $hV)))
        (v128.store (i32.add (local.get $pOut) (local.get $b)) (local.get $o0))
        (v128.store offset=16 (i32.add (local.get $pOut) (local.get $b)) (local.get $o1))
        (v128.store (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v0) (local.get $k0)))
        (v128.store offset=16 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v1) (local.get $k1)))
        (local.set $mask (i32.or (i32x4.bitmask (f32x4.ne (local.get $o0) (local.get $zero)))
                                 (i32.shl (i32x4.bitmask (f32x4.ne (local.get $o1) (local.get $zero))) (i32.const 4))))
        (if (local.get $mask)
          (then
            (local.set $i (i32.shr_u (local.get $b) (i32.const 2)))
            (loop $lanes
              (local.set $lane (i32.add (local.get $i) (i32.ctz (local.get $mask))))
              (i32.store (i32.add (local.get $pIdx) (i32.shl (local.get $count) (i32.const 2))) (local.get $lane))
              (f32.store (i32.add (local.get $pVal) (i32.shl (local.get $count) (i32.const 2)))
                (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $lane) (i32.const 2)))))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))
              (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
              (br_if $lanes (local.get $mask)))))
        (local.set $b (i32.add (local.get $b) (i32.const 32)))
        (br $next)))
    (local.get $count))
