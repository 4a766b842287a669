;; Spiking neuron step kernels for @snn/neurons, in WebAssembly SIMD.
;;
;; Assembled by scripts/build-wasm.mjs into neuron-kernels.generated.ts (base64 bytes).
;; Every kernel computes in f64x2 (two neurons per vector) exactly the double-precision
;; operations of the JS kernels in src/kernels/ in the same order, and stores float32, so
;; its outputs and states are bit-identical to the JS kernels'. Arrays are float32 in the
;; imported shared memory; pointers are byte offsets (4-byte aligned, any offset). Each
;; calling thread passes its own 32-byte scratch area, used for an odd last neuron.
(module
  (import "env" "memory" (memory 1 65536 shared))
  (import "math" "expm1" (func $expm1 (param f64) (result f64)))
  (import "math" "log1p" (func $log1p (param f64) (result f64)))

  ;; expm1(x) = x + x^2 P(x) through x^11/11!, as expm1Small in src/kernels/small-series.ts.
  (func $expm1_series (param $x v128) (result v128)
    (local $p v128)
    (local.set $p (f64x2.splat (f64.const 0x1.ae64567f544e4p-26)))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.27e4fb7789f5cp-22)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.71de3a556c734p-19)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.a01a01a01a01ap-16)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.a01a01a01a01ap-13)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.6c16c16c16c17p-10)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.1111111111111p-7)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.5555555555555p-5)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.5555555555555p-3)) (f64x2.mul (local.get $x) (local.get $p))))
    (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.0000000000000p-1)) (f64x2.mul (local.get $x) (local.get $p))))
    (f64x2.add (local.get $x) (f64x2.mul (f64x2.mul (local.get $x) (local.get $x)) (local.get $p))))

  ;; log1p(y) = 2 atanh(s), s = y / (2 + y), through s^13, as log1pSmall in small-series.ts.
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

  ;; Lanes of `x` where `mask` is set replaced by f(x) from the imported Math function.
  (func $expm1_lanes (param $x v128) (param $mask v128) (result v128)
    (if (i64.ne (i64x2.extract_lane 0 (local.get $mask)) (i64.const 0))
      (then (local.set $x (f64x2.replace_lane 0 (local.get $x) (call $expm1 (f64x2.extract_lane 0 (local.get $x)))))))
    (if (i64.ne (i64x2.extract_lane 1 (local.get $mask)) (i64.const 0))
      (then (local.set $x (f64x2.replace_lane 1 (local.get $x) (call $expm1 (f64x2.extract_lane 1 (local.get $x)))))))
    (local.get $x))
  (func $log1p_lanes (param $y v128) (param $c v128) (param $mask v128) (result v128)
    (if (i64.ne (i64x2.extract_lane 0 (local.get $mask)) (i64.const 0))
      (then (local.set $c (f64x2.replace_lane 0 (local.get $c) (call $log1p (f64x2.extract_lane 0 (local.get $y)))))))
    (if (i64.ne (i64x2.extract_lane 1 (local.get $mask)) (i64.const 0))
      (then (local.set $c (f64x2.replace_lane 1 (local.get $c) (call $log1p (f64x2.extract_lane 1 (local.get $y)))))))
    (local.get $c))

  ;; LIF.step over an even number n of neurons (lifStep in src/kernels/lif-step.ts).
  ;; decay = expm1(-dt / tauRc); series = 1 when dt / tauRc <= 0.125 (partial steps use the
  ;; series, else Math.expm1). Returns the number of spikes.
  (func $lif_pairs
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64)
    (param $decay f64) (param $series i32) (result i32)
    (local $end i32)
    (local $j v128) (local $v v128) (local $r v128) (local $f v128) (local $full v128) (local $upd v128)
    (local $spiked v128) (local $y v128) (local $c v128) (local $inSeries v128) (local $acc v128)
    (local $dtV v128) (local $tauRcV v128) (local $tauRefV v128) (local $vMinV v128) (local $heightV v128)
    (local $decayV v128) (local $zero v128) (local $one v128)
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $tauRcV (f64x2.splat (local.get $tauRc)))
    (local.set $tauRefV (f64x2.splat (local.get $tauRef)))
    (local.set $vMinV (f64x2.splat (local.get $vMin)))
    (local.set $heightV (f64x2.splat (local.get $height)))
    (local.set $decayV (f64x2.splat (local.get $decay)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $end (i32.add (local.get $pJ) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $pJ) (local.get $end)))
      (loop $next
        (local.set $j (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $pJ))))
        (local.set $v (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $pV))))
        ;; 1. r -= dt; 2. full step where r <= 0, partial where 0 < r < dt, none where r >= dt
        (local.set $r (f64x2.sub (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $pR))) (local.get $dtV)))
        (local.set $full (f64x2.le (local.get $r) (local.get $zero)))
        (local.set $upd (v128.or (local.get $full) (f64x2.lt (local.get $r) (local.get $dtV))))
        (local.set $f (local.get $decayV))
        (if (v128.any_true (v128.andnot (local.get $upd) (local.get $full)))
          (then
            (local.set $c (f64x2.div (f64x2.sub (local.get $r) (local.get $dtV)) (local.get $tauRcV)))
            (if (local.get $series)
              (then (local.set $c (call $expm1_series (local.get $c))))
              (else (local.set $c (call $expm1_lanes (local.get $c) (v128.andnot (local.get $upd) (local.get $full))))))
            (local.set $f (v128.bitselect (local.get $decayV) (local.get $c) (local.get $full)))))
        ;; 3. v -= (J - v) * expm1(-delta / tauRc)
        (local.set $v (v128.bitselect
          (f64x2.sub (local.get $v) (f64x2.mul (f64x2.sub (local.get $j) (local.get $v)) (local.get $f)))
          (local.get $v)
          (local.get $upd)))
        ;; 4. spiked = v > 1
        (local.set $spiked (f64x2.gt (local.get $v) (local.get $one)))
        (if (v128.any_true (local.get $spiked))
          (then
            ;; 5. r = tauRef + (dt + tauRc * log1p((1 - v) / (J - 1))) where spiked
            (local.set $acc (i64x2.sub (local.get $acc) (local.get $spiked)))
            (local.set $y (f64x2.div (f64x2.sub (local.get $one) (local.get $v)) (f64x2.sub (local.get $j) (local.get $one))))
            (local.set $inSeries (v128.and
              (f64x2.le (local.get $y) (f64x2.splat (f64.const 0.0625)))
              (f64x2.ge (local.get $y) (f64x2.splat (f64.const -0.0625)))))
            (local.set $c (call $log1p_series (local.get $y)))
            (if (v128.any_true (v128.andnot (local.get $spiked) (local.get $inSeries)))
              (then (local.set $c (call $log1p_lanes (local.get $y) (local.get $c) (v128.andnot (local.get $spiked) (local.get $inSeries))))))
            (local.set $r (v128.bitselect
              (f64x2.add (local.get $tauRefV) (f64x2.add (local.get $dtV) (f64x2.mul (local.get $tauRcV) (local.get $c))))
              (local.get $r)
              (local.get $spiked)))))
        ;; 6. v = max(v, vMin) (as `v < vMin ? vMin : v`); v = 0 where spiked; out = spiked * height
        (local.set $v (v128.bitselect (local.get $vMinV) (local.get $v) (f64x2.lt (local.get $v) (local.get $vMinV))))
        (local.set $v (v128.andnot (local.get $v) (local.get $spiked)))
        (v128.store64_lane 0 (local.get $pOut) (f32x4.demote_f64x2_zero (v128.and (local.get $heightV) (local.get $spiked))))
        (v128.store64_lane 0 (local.get $pV) (f32x4.demote_f64x2_zero (local.get $v)))
        (v128.store64_lane 0 (local.get $pR) (f32x4.demote_f64x2_zero (local.get $r)))
        (local.set $pJ (i32.add (local.get $pJ) (i32.const 8)))
        (local.set $pOut (i32.add (local.get $pOut) (i32.const 8)))
        (local.set $pV (i32.add (local.get $pV) (i32.const 8)))
        (local.set $pR (i32.add (local.get $pR) (i32.const 8)))
        (br_if $next (i32.lt_u (local.get $pJ) (local.get $end)))))
    (i32.wrap_i64 (i64.add (i64x2.extract_lane 0 (local.get $acc)) (i64x2.extract_lane 1 (local.get $acc)))))

  ;; SpikingRectifiedLinear.step over an even number n of neurons
  ;; (spikingRectifiedLinearStep in src/kernels/spiking-rectified-linear-step.ts).
  ;; Returns how many neurons spiked.
  (func $srelu_pairs
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $dt f64) (param $height f64)
    (result i32)
    (local $end i32) (local $j v128) (local $v v128) (local $k v128) (local $m v128) (local $out v128)
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
        ;; where v >= 1 or v < 0: k = floor(v); out = height * k; v -= k
        (local.set $m (v128.or (f64x2.ge (local.get $v) (local.get $one)) (f64x2.lt (local.get $v) (local.get $zero))))
        (local.set $out (local.get $zero))
        (if (v128.any_true (local.get $m))
          (then
            (local.set $k (f64x2.floor (local.get $v)))
            (local.set $out (v128.and (f64x2.mul (local.get $heightV) (local.get $k)) (local.get $m)))
            (local.set $v (v128.bitselect (f64x2.sub (local.get $v) (local.get $k)) (local.get $v) (local.get $m)))
            (local.set $acc (i64x2.sub (local.get $acc)
              (v128.and (local.get $m) (f64x2.ne (local.get $k) (local.get $zero)))))))
        (v128.store64_lane 0 (local.get $pOut) (f32x4.demote_f64x2_zero (local.get $out)))
        (v128.store64_lane 0 (local.get $pV) (f32x4.demote_f64x2_zero (local.get $v)))
        (local.set $pJ (i32.add (local.get $pJ) (i32.const 8)))
        (local.set $pOut (i32.add (local.get $pOut) (i32.const 8)))
        (local.set $pV (i32.add (local.get $pV) (i32.const 8)))
        (br_if $next (i32.lt_u (local.get $pJ) (local.get $end)))))
    (i32.wrap_i64 (i64.add (i64x2.extract_lane 0 (local.get $acc)) (i64x2.extract_lane 1 (local.get $acc)))))

  ;; Copy float32 src[0] to dst[0] and zero dst[1] (the odd last neuron into a scratch pair).
  (func $to_pair (param $dst i32) (param $src i32)
    (i64.store (local.get $dst) (i64.extend_i32_u (i32.load (local.get $src)))))

  ;; lif_step(n, pJ, pOut, pV, pR, pScratch, dt, tauRc, tauRef, vMin, height, decay, series)
  (func (export "lif_step")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32) (param $scratch i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64)
    (param $decay f64) (param $series i32) (result i32)
    (local $spikes i32) (local $last i32)
    (local.set $spikes (call $lif_pairs
      (i32.and (local.get $n) (i32.const -2)) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
      (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height)
      (local.get $decay) (local.get $series)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $last (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))
        (call $to_pair (local.get $scratch) (i32.add (local.get $pJ) (local.get $last)))
        (call $to_pair (i32.add (local.get $scratch) (i32.const 16)) (i32.add (local.get $pV) (local.get $last)))
        (call $to_pair (i32.add (local.get $scratch) (i32.const 24)) (i32.add (local.get $pR) (local.get $last)))
        (local.set $spikes (i32.add (local.get $spikes) (call $lif_pairs
          (i32.const 2) (local.get $scratch) (i32.add (local.get $scratch) (i32.const 8))
          (i32.add (local.get $scratch) (i32.const 16)) (i32.add (local.get $scratch) (i32.const 24))
          (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height)
          (local.get $decay) (local.get $series))))
        (i32.store (i32.add (local.get $pOut) (local.get $last)) (i32.load (i32.add (local.get $scratch) (i32.const 8))))
        (i32.store (i32.add (local.get $pV) (local.get $last)) (i32.load (i32.add (local.get $scratch) (i32.const 16))))
        (i32.store (i32.add (local.get $pR) (local.get $last)) (i32.load (i32.add (local.get $scratch) (i32.const 24))))))
    (local.get $spikes))

  ;; srelu_step(n, pJ, pOut, pV, pScratch, dt, height)
  (func (export "srelu_step")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $scratch i32)
    (param $dt f64) (param $height f64) (result i32)
    (local $spikes i32) (local $last i32)
    (local.set $spikes (call $srelu_pairs
      (i32.and (local.get $n) (i32.const -2)) (local.get $pJ) (local.get $pOut) (local.get $pV)
      (local.get $dt) (local.get $height)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $last (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))
        (call $to_pair (local.get $scratch) (i32.add (local.get $pJ) (local.get $last)))
        (call $to_pair (i32.add (local.get $scratch) (i32.const 16)) (i32.add (local.get $pV) (local.get $last)))
        (local.set $spikes (i32.add (local.get $spikes) (call $srelu_pairs
          (i32.const 2) (local.get $scratch) (i32.add (local.get $scratch) (i32.const 8))
          (i32.add (local.get $scratch) (i32.const 16)) (local.get $dt) (local.get $height))))
        (i32.store (i32.add (local.get $pOut) (local.get $last)) (i32.load (i32.add (local.get $scratch) (i32.const 8))))
        (i32.store (i32.add (local.get $pV) (local.get $last)) (i32.load (i32.add (local.get $scratch) (i32.const 16))))))
    (local.get $spikes))
)
