  ;; LIF pass 2 for neurons that spike after a full step (or in a refractory step, from a
  ;; voltage above 1), listed by pass 1 as byte offsets at $list, two per vector (with an odd
  ;; count the last one fills both lanes). Stages hand over through $buf (a float64 per listed
  ;; neuron), so that each loop is a short chain of dependent operations without calls.

  ;; Stage 1: v as pass 1 computed it, then $buf = y = (1 - v) / (J - 1).
  (func $lif_spike_y
    (param $list i32) (param $count i32) (param $pJ i32) (param $pV i32) (param $pR i32) (param $buf i32)
    (param $dt f64) (param $decay f64)
    (local $k i32) (local $a i32) (local $b i32) (local $j v128) (local $v v128) (local $r v128) (local $one v128)
    (local $dtV v128) (local $decayV v128) (local $zero v128)
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $decayV (f64x2.splat (local.get $decay)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $a (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $b (local.get $a))
        (if (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $count))
          (then (local.set $b (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))))
        (local.set $j (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $pJ) (local.get $b))
          (v128.load32_zero (i32.add (local.get $pJ) (local.get $a))))))
        (local.set $v (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $pV) (local.get $b))
          (v128.load32_zero (i32.add (local.get $pV) (local.get $a))))))
        (local.set $r (f64x2.sub
          (f64x2.promote_low_f32x4 (v128.load32_lane 1 (i32.add (local.get $pR) (local.get $b))
            (v128.load32_zero (i32.add (local.get $pR) (local.get $a)))))
          (local.get $dtV)))
        (local.set $v (f64x2.sub (local.get $v) (v128.and
          (f64x2.mul (f64x2.sub (local.get $j) (local.get $v)) (local.get $decayV))
          (f64x2.le (local.get $r) (local.get $zero)))))
        (v128.store (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))
          (f64x2.div (f64x2.sub (local.get $one) (local.get $v)) (f64x2.sub (local.get $j) (local.get $one))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next))))

  ;; Stage 2: out = height, v = 0, r = tauRef + (dt + tauRc * log1p($buf)) by log1pSmall's
  ;; series; lanes with |y| > 0.0625 (or NaN) are redone by $lif_spike_outside. Returns count.
  (func $lif_spike_finish
    (param $list i32) (param $count i32) (param $pOut i32) (param $pV i32) (param $pR i32) (param $buf i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $height f64)
    (result i32)
    (local $k i32) (local $a i32) (local $b i32) (local $out i32)
    (local $y v128) (local $s v128) (local $s2 v128) (local $p v128) (local $c v128) (local $outside v128)
    (local $two v128) (local $dtV v128) (local $tauRcV v128) (local $tauRefV v128)
    (local.set $out (i32.reinterpret_f32 (f32.demote_f64 (local.get $height))))
    (local.set $two (f64x2.splat (f64.const 2)))
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $tauRcV (f64x2.splat (local.get $tauRc)))
    (local.set $tauRefV (f64x2.splat (local.get $tauRef)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $a (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $b (local.get $a))
        (if (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $count))
          (then (local.set $b (i32.load offset=4 (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2)))))))
        (local.set $y (v128.load (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $s (f64x2.div (local.get $y) (f64x2.add (local.get $two) (local.get $y))))
        (local.set $s2 (f64x2.mul (local.get $s) (local.get $s)))
        (local.set $p (f64x2.splat (f64.const 0x1.3b13b13b13b14p-4)))
        (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.745d1745d1746p-4)) (f64x2.mul (local.get $s2) (local.get $p))))
        (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.c71c71c71c71cp-4)) (f64x2.mul (local.get $s2) (local.get $p))))
        (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.2492492492492p-3)) (f64x2.mul (local.get $s2) (local.get $p))))
        (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.999999999999ap-3)) (f64x2.mul (local.get $s2) (local.get $p))))
        (local.set $p (f64x2.add (f64x2.splat (f64.const 0x1.5555555555555p-2)) (f64x2.mul (local.get $s2) (local.get $p))))
        (local.set $c (f64x2.add
          (f64x2.mul (local.get $two) (local.get $s))
          (f64x2.mul (f64x2.mul (f64x2.mul (local.get $two) (local.get $s)) (local.get $s2)) (local.get $p))))
        (local.set $outside (v128.or (local.get $outside) (v128.not (v128.and
          (f64x2.le (local.get $y) (f64x2.splat (f64.const 0.0625)))
          (f64x2.ge (local.get $y) (f64x2.splat (f64.const -0.0625)))))))
        (local.set $c (f32x4.demote_f64x2_zero (f64x2.add (local.get $tauRefV)
          (f64x2.add (local.get $dtV) (f64x2.mul (local.get $tauRcV) (local.get $c))))))
        (v128.store32_lane 0 (i32.add (local.get $pR) (local.get $a)) (local.get $c))
        (v128.store32_lane 1 (i32.add (local.get $pR) (local.get $b)) (local.get $c))
        (i32.store (i32.add (local.get $pOut) (local.get $a)) (local.get $out))
        (i32.store (i32.add (local.get $pOut) (local.get $b)) (local.get $out))
        (i32.store (i32.add (local.get $pV) (local.get $a)) (i32.const 0))
        (i32.store (i32.add (local.get $pV) (local.get $b)) (i32.const 0))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next)))
    (if (v128.any_true (local.get $outside))
      (then (call $lif_spike_outside (local.get $list) (local.get $count) (local.get $pR) (local.get $buf)
        (local.get $dt) (local.get $tauRc) (local.get $tauRef))))
    (local.get $count))

  ;; Stage 2 again for the lanes with |y| > 0.0625 (or NaN), with Math.log1p (rare: y stays
  ;; within 1 - exp(-dt / tauRc) of 0 unless a voltage starts above 1).
  (func $lif_spike_outside
    (param $list i32) (param $count i32) (param $pR i32) (param $buf i32) (param $dt f64) (param $tauRc f64) (param $tauRef f64)
    (local $k i32) (local $at i32) (local $y f64)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $y (f64.load (i32.add (local.get $buf) (i32.shl (local.get $k) (i32.const 3)))))
        (if (i32.eqz (i32.and (f64.le (local.get $y) (f64.const 0.0625)) (f64.ge (local.get $y) (f64.const -0.0625))))
          (then
            (local.set $at (i32.add (local.get $pR) (i32.load (i32.add (local.get $list) (i32.shl (local.get $k) (i32.const 2))))))
            (f32.store (local.get $at) (f32.demote_f64 (f64.add (local.get $tauRef)
              (f64.add (local.get $dt) (f64.mul (local.get $tauRc) (call $log1p (local.get $y)))))))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))
