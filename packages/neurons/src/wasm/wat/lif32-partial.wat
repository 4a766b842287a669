  ;; Pad a list of $count > 0 entries to a multiple of 4 with copies of its last entry (the
  ;; list passes step the copies again with the same result).
  (func $lif32_pad (param $list i32) (param $count i32)
    (if (local.get $count)
      (then (v128.store (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2)))
        (i32x4.splat (i32.load offset=0 (i32.add (local.get $list) (i32.shl (i32.sub (local.get $count) (i32.const 1)) (i32.const 2)))))))))

  ;; Pass 2 (series): the $count partial steps listed at $list (r already decremented by pass 1):
  ;; v -= (J - v) expm1((r - dt) / tauRc); spiked lanes are appended to $listS after its $countS
  ;; entries, the others floored at vMin. Returns the new count of $listS.
  (func $lif32_partial_list
    (param $list i32) (param $count i32) (param $listS i32) (param $countS i32) (param $pJ i32) (param $pV i32) (param $pR i32) (param $c i32)
    (result i32)
    (local $p i32) (local $end i32) (local $o0 i32) (local $o1 i32) (local $o2 i32) (local $o3 i32) (local $at i32) (local $m i32)
    (local $stpV v128) (local $j v128) (local $v v128) (local $r v128) (local $x v128) (local $x2 v128) (local $s v128) (local $spike v128)
    (call $lif32_pad (local.get $list) (local.get $count))
    (local.set $at (i32.add (local.get $listS) (i32.shl (local.get $countS) (i32.const 2))))
    (local.set $p (local.get $list))
    (local.set $end (i32.add (local.get $list) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $o0 (i32.load offset=0 (local.get $p)))
        (local.set $o1 (i32.load offset=4 (local.get $p)))
        (local.set $o2 (i32.load offset=8 (local.get $p)))
        (local.set $o3 (i32.load offset=12 (local.get $p)))
        (local.set $j (v128.load32_zero (i32.add (local.get $pJ) (local.get $o0))))
        (local.set $j (v128.load32_lane 1 (i32.add (local.get $pJ) (local.get $o1)) (local.get $j)))
        (local.set $j (v128.load32_lane 2 (i32.add (local.get $pJ) (local.get $o2)) (local.get $j)))
        (local.set $j (v128.load32_lane 3 (i32.add (local.get $pJ) (local.get $o3)) (local.get $j)))
        (local.set $v (v128.load32_zero (i32.add (local.get $pV) (local.get $o0))))
        (local.set $v (v128.load32_lane 1 (i32.add (local.get $pV) (local.get $o1)) (local.get $v)))
        (local.set $v (v128.load32_lane 2 (i32.add (local.get $pV) (local.get $o2)) (local.get $v)))
        (local.set $v (v128.load32_lane 3 (i32.add (local.get $pV) (local.get $o3)) (local.get $v)))
        (local.set $r (v128.load32_zero (i32.add (local.get $pR) (local.get $o0))))
        (local.set $r (v128.load32_lane 1 (i32.add (local.get $pR) (local.get $o1)) (local.get $r)))
        (local.set $r (v128.load32_lane 2 (i32.add (local.get $pR) (local.get $o2)) (local.get $r)))
        (local.set $r (v128.load32_lane 3 (i32.add (local.get $pR) (local.get $o3)) (local.get $r)))
        (local.set $x (f32x4.mul (f32x4.sub (local.get $r) (v128.load offset=0 (local.get $c))) (v128.load offset=16 (local.get $c))))
        (local.set $x2 (f32x4.mul (local.get $x) (local.get $x)))
        (local.set $s (f32x4.add
          (f32x4.add (v128.load offset=144 (local.get $c)) (f32x4.mul (local.get $x) (v128.load offset=160 (local.get $c))))
          (f32x4.mul (local.get $x2) (v128.load offset=176 (local.get $c)))))
        (local.set $s (f32x4.add
          (f32x4.add (v128.load offset=192 (local.get $c)) (f32x4.mul (local.get $x) (v128.load offset=208 (local.get $c))))
          (f32x4.mul (local.get $x2) (local.get $s))))
        (local.set $s (f32x4.add (local.get $x) (f32x4.mul (local.get $x2) (local.get $s))))
        (local.set $v (f32x4.sub (local.get $v) (f32x4.mul (f32x4.sub (local.get $j) (local.get $v)) (local.get $s))))
        (local.set $spike (f32x4.gt (local.get $v) (v128.load offset=128 (local.get $c))))
        (local.set $stpV (f32x4.pmax (local.get $v) (v128.or (v128.load offset=64 (local.get $c)) (local.get $spike))))
        (v128.store32_lane 0 (i32.add (local.get $pV) (local.get $o0)) (local.get $stpV))
        (v128.store32_lane 1 (i32.add (local.get $pV) (local.get $o1)) (local.get $stpV))
        (v128.store32_lane 2 (i32.add (local.get $pV) (local.get $o2)) (local.get $stpV))
        (v128.store32_lane 3 (i32.add (local.get $pV) (local.get $o3)) (local.get $stpV))
        (local.set $m (i32x4.bitmask (local.get $spike)))
        (if (local.get $m)
          (then
            (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 16))
              (then (local.set $m (i32.and (local.get $m)
                (i32.sub (i32.shl (i32.const 1) (i32.shr_u (i32.sub (local.get $end) (local.get $p)) (i32.const 2))) (i32.const 1))))))
            (v128.store (local.get $at) (i8x16.swizzle (v128.load (local.get $p))
              (v128.load offset=320 (i32.add (local.get $c) (i32.shl (local.get $m) (i32.const 4))))))
            (local.set $at (i32.add (local.get $at) (i32.shl (i32.popcnt (local.get $m)) (i32.const 2))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $at) (local.get $listS)) (i32.const 2)))

  ;; A partial refractory step in float64 of the neuron at byte offset $a (where dt / tauRc >
  ;; 0.125, beyond the series), r as pass 1 stored it (0 < r < dt): v -= (J - v) * expm1((r -
  ;; dt) / tauRc) with Math.expm1; spiked: out = height, v = 0, r = tauRef + (dt + tauRc *
  ;; log1p((1 - v) / (J - 1))); else v = max(v, vMin). Returns 1 when it spiked, else 0.
  (func $lif_partial_one_f64
    (param $a i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64) (result i32)
    (local $j f64) (local $v f64) (local $r f64)
    (local.set $j (f64.promote_f32 (f32.load (i32.add (local.get $pJ) (local.get $a)))))
    (local.set $v (f64.promote_f32 (f32.load (i32.add (local.get $pV) (local.get $a)))))
    (local.set $r (f64.promote_f32 (f32.load (i32.add (local.get $pR) (local.get $a)))))
    (local.set $v (f64.sub (local.get $v) (f64.mul (f64.sub (local.get $j) (local.get $v))
      (call $expm1 (f64.div (f64.sub (local.get $r) (local.get $dt)) (local.get $tauRc))))))
    (if (f64.gt (local.get $v) (f64.const 1))
      (then
        (f32.store (i32.add (local.get $pOut) (local.get $a)) (f32.demote_f64 (local.get $height)))
        (f32.store (i32.add (local.get $pV) (local.get $a)) (f32.const 0))
        (f32.store (i32.add (local.get $pR) (local.get $a)) (f32.demote_f64 (f64.add (local.get $tauRef)
          (f64.add (local.get $dt) (f64.mul (local.get $tauRc) (call $log1p
            (f64.div (f64.sub (f64.const 1) (local.get $v)) (f64.sub (local.get $j) (f64.const 1)))))))))
        (return (i32.const 1))))
    (f32.store (i32.add (local.get $pV) (local.get $a))
      (f32.demote_f64 (select (local.get $vMin) (local.get $v) (f64.lt (local.get $v) (local.get $vMin)))))
    (i32.const 0))
