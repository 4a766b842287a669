  ;; LIF pass 2 for neurons in a partial refractory step (0 < r - dt < dt), listed by pass 1
  ;; as byte offsets at $list, two per vector (with an odd count the last one fills both
  ;; lanes). Stages hand over through $buf (a float64 per listed neuron), so that each loop
  ;; is a short chain of dependent operations and has no call in it (V8 spills around calls).

  ;; Stage 1: $buf = expm1(x), x = (r - dt) / tauRc with r = r - dt, by expm1Small's series.
  (func $lif_partial_decay
    (param $list i32) (param $count i32) (param $pR i32) (param $buf i32) (param $dt f64) (param $tauRc f64)
    (local $k i32) (local $a i32) (local $b i32) (local $x v128) (local $p v128) (local $dtV v128) (local $tauRcV v128)
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $tauRcV (f64x2.splat (local.get $tauRc)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $a (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $b (local.get $a))
        (if (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $count))
          (then (local.set $b (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))))
        (local.set $x (f64x2.div
          (f64x2.sub
            (f64x2.sub
              (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $pR) (local.get $b))
                (v128.load32_zero (i32.add (local.get $pR) (local.get $a)))))
              (local.get $dtV))
            (local.get $dtV))
          (local.get $tauRcV)))
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
        (v128.store (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))
          (f64x2.add (local.get $x) (f64x2.mul (f64x2.mul (local.get $x) (local.get $x)) (local.get $p))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next))))

  ;; Stage 1 where dt / tauRc > 0.125 (outside the series' range): Math.expm1 per lane.
  ;; (The same x as above, computed by $partial_x: this path may call.)
  (func $lif_partial_decay_math
    (param $list i32) (param $count i32) (param $pR i32) (param $buf i32) (param $dt f64) (param $tauRc f64)
    (local $k i32) (local $x v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $x (call $partial_x (local.get $list) (local.get $k) (local.get $count) (local.get $pR) (local.get $dt) (local.get $tauRc)))
        (v128.store (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))
          (call $map_lanes (i32.const 0) (local.get $x) (local.get $x) (v128.const i64x2 -1 -1)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next))))

  ;; x = ((r - dt) - dt) / tauRc for listed neurons k and k + 1 (k again when k + 1 = count).
  (func $partial_x (param $list i32) (param $k i32) (param $count i32) (param $pR i32) (param $dt f64) (param $tauRc f64)
    (result v128)
    (local $dtV v128)
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (f64x2.div
      (f64x2.sub (f64x2.sub (call $gather (local.get $list) (local.get $k) (local.get $count) (local.get $pR)) (local.get $dtV))
        (local.get $dtV))
      (f64x2.splat (local.get $tauRc))))

  ;; Stage 2: v -= (J - v) * $buf, r -= dt; spiked (v > 1): out = height, v = 0, and $buf
  ;; keeps v for stage 3; else out = 0, v = (v < vMin ? vMin : v). Returns the spike count.
  (func $lif_partial_finish
    (param $list i32) (param $count i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $buf i32) (param $dt f64) (param $vMin f64) (param $height f64)
    (result i32)
    (local $k i32) (local $a i32) (local $b i32) (local $valid i32) (local $spikes i32) (local $at i32)
    (local $j v128) (local $v v128) (local $r v128) (local $out v128) (local $spiked v128)
    (local $dtV v128) (local $vMinV v128) (local $heightV v128)
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $vMinV (f64x2.splat (local.get $vMin)))
    (local.set $heightV (f64x2.splat (local.get $height)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $a (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $b (local.get $a))
        (local.set $valid (i32.const 1))
        (if (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $count))
          (then
            (local.set $b (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
            (local.set $valid (i32.const 3))))
        (local.set $j (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $pJ) (local.get $b))
          (v128.load32_zero (i32.add (local.get $pJ) (local.get $a))))))
        (local.set $v (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $pV) (local.get $b))
          (v128.load32_zero (i32.add (local.get $pV) (local.get $a))))))
        (local.set $r (f64x2.sub
          (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $pR) (local.get $b))
            (v128.load32_zero (i32.add (local.get $pR) (local.get $a)))))
          (local.get $dtV)))
        (local.set $at (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3))))
        (local.set $v (f64x2.sub (local.get $v)
          (f64x2.mul (f64x2.sub (local.get $j) (local.get $v)) (v128.load (local.get $at)))))
        (v128.store (local.get $at) (local.get $v))
        (local.set $spiked (f64x2.gt (local.get $v) (f64x2.splat (f64.const 1))))
        (local.set $v (f32x4.demote_f64x2_zero (v128.andnot (f64x2.pmax (local.get $v) (local.get $vMinV)) (local.get $spiked))))
        (local.set $r (f32x4.demote_f64x2_zero (local.get $r)))
        (local.set $out (f32x4.demote_f64x2_zero (v128.and (local.get $heightV) (local.get $spiked))))
        (v128.store32_lane 0 (i32.add (local.get $pOut) (local.get $a)) (local.get $out))
        (v128.store32_lane 1 (i32.add (local.get $pOut) (local.get $b)) (local.get $out))
        (v128.store32_lane 0 (i32.add (local.get $pV) (local.get $a)) (local.get $v))
        (v128.store32_lane 1 (i32.add (local.get $pV) (local.get $b)) (local.get $v))
        (v128.store32_lane 0 (i32.add (local.get $pR) (local.get $a)) (local.get $r))
        (v128.store32_lane 1 (i32.add (local.get $pR) (local.get $b)) (local.get $r))
        (local.set $spikes (i32.add (local.get $spikes)
          (i32.popcnt (i32.and (i64x2.bitmask (local.get $spiked)) (local.get $valid)))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next)))
    (local.get $spikes))

  ;; Stage 3, when stage 2 saw spikes (rare: a partial step rarely crosses the threshold):
  ;; r = tauRef + (dt + tauRc * log1p((1 - v) / (J - 1))) where $buf holds a v > 1.
  (func $lif_partial_spikes
    (param $list i32) (param $count i32) (param $pJ i32) (param $pR i32) (param $buf i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64)
    (local $k i32) (local $a i32) (local $v v128) (local $spiked v128) (local $r v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $v (v128.load (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $spiked (f64x2.gt (local.get $v) (f64x2.splat (f64.const 1))))
        (if (v128.any_true (local.get $spiked))
          (then
            (local.set $r (f32x4.demote_f64x2_zero (call $spike_refractory
              (call $gather (local.get $list) (local.get $k) (local.get $count) (local.get $pJ))
              (local.get $v) (local.get $spiked)
              (f64x2.splat (local.get $dt)) (f64x2.splat (local.get $tauRc)) (f64x2.splat (local.get $tauRef)))))
            (if (i64.ne (i64x2.extract_lane 0 (local.get $spiked)) (i64.const 0))
              (then
                (local.set $a (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
                (v128.store32_lane 0 (i32.add (local.get $pR) (local.get $a)) (local.get $r))))
            (if (i32.and
                  (i64.ne (i64x2.extract_lane 1 (local.get $spiked)) (i64.const 0))
                  (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $count)))
              (then
                (local.set $a (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
                (v128.store32_lane 1 (i32.add (local.get $pR) (local.get $a)) (local.get $r))))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next))))

  ;; The float32s at $p + list[k] and $p + list[k + 1] (list[k] again when k + 1 = count), as f64x2.
  (func $gather (param $list i32) (param $k i32) (param $count i32) (param $p i32) (result v128)
    (local $a i32) (local $b i32)
    (local.set $a (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
    (local.set $b (local.get $a))
    (if (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $count))
      (then (local.set $b (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))))
    (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $p) (local.get $b))
      (v128.load32_zero (i32.add (local.get $p) (local.get $a))))))
