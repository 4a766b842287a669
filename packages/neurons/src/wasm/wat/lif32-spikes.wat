  ;; The float32 LIF kernel, pass 3: the groups of four neurons over the byte offsets
  ;; [$start, $end) where passes 1 and 2 (lif32-common.wat) flagged spikes, visiting only nonzero flag
  ;; bytes: out = height, v = 0, r = tauRef + (dt + tauRc * log1p(y)), y = (1 - v) / (J - 1),
  ;; log1p by its series 2 atanh(s), s = y / (2 + y), through s^5 (|s| <= 0.0303, one
  ;; division). Spikes outside that range (from v far above 1, or at J = 1) and the partial
  ;; steps left to float64 (where dt / tauRc > 0.125) are stepped after the loop ($lif32_slow; a call inside the
  ;; loop would make V8 spill every vector around it). $c: the constants ($lif32_constants).
  ;; Returns the spike count.
  (func $lif32_spikes
    (param $start i32) (param $end i32) (param $flags i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $c i32) (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64) (result i32)
    (local $k i32) (local $e i32) (local $i i32) (local $quads i32) (local $group i32) (local $tags i32)
    (local $slowBits i32) (local $anySlow i32) (local $spikes i32)
    (local $ok v128) (local $j v128) (local $y v128) (local $s v128) (local $s2 v128) (local $rNew v128) (local $zero v128)
    (local.set $quads (i32.shr_u (i32.sub (local.get $end) (local.get $start)) (i32.const 4)))
    (block $done
      (loop $nextGroup
        (br_if $done (i32.ge_u (local.get $k) (local.get $quads)))
        (local.set $group (i8x16.bitmask (i8x16.ne (v128.load (i32.add (local.get $flags) (local.get $k))) (local.get $zero))))
        (if (i32.lt_u (i32.sub (local.get $quads) (local.get $k)) (i32.const 16))
          (then (local.set $group (i32.and (local.get $group)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $quads) (local.get $k))) (i32.const 1))))))
        (block $groupDone
          (loop $next
            (br_if $groupDone (i32.eqz (local.get $group)))
            (local.set $e (i32.add (local.get $k) (i32.ctz (local.get $group))))
            (local.set $group (i32.and (local.get $group) (i32.sub (local.get $group) (i32.const 1))))
            (local.set $tags (i32.load8_u (i32.add (local.get $flags) (local.get $e))))
            (local.set $i (i32.add (local.get $start) (i32.shl (local.get $e) (i32.const 4))))
            (local.set $j (v128.load (i32.add (local.get $pJ) (local.get $i))))
            (local.set $y (f32x4.sub (v128.load offset=128 (local.get $c)) (v128.load (i32.add (local.get $pV) (local.get $i)))))
            ;; s = y / (2 + y) = (1 - v) / ((1 - v) + 2 (J - 1))
            (local.set $s (f32x4.div (local.get $y) (f32x4.add (local.get $y)
              (f32x4.mul (v128.load offset=224 (local.get $c)) (f32x4.sub (local.get $j) (v128.load offset=128 (local.get $c)))))))
            (local.set $s2 (f32x4.mul (local.get $s) (local.get $s)))
            ;; log1p(y) = 2 s (1 + s^2 (1/3 + s^2 / 5)); r = tauRef + (dt + tauRc * log1p(y))
            (local.set $rNew (f32x4.add (v128.load offset=48 (local.get $c)) (f32x4.add (v128.load offset=0 (local.get $c))
              (f32x4.mul (v128.load offset=32 (local.get $c)) (f32x4.mul (f32x4.add (local.get $s) (local.get $s))
                (f32x4.add (v128.load offset=128 (local.get $c)) (f32x4.mul (local.get $s2)
                  (f32x4.add (v128.load offset=240 (local.get $c)) (f32x4.mul (local.get $s2) (v128.load offset=256 (local.get $c)))))))))))
            ;; the spiked lanes within the series' range (NaN is not)
            (local.set $ok (v128.and
              (i32x4.ne (v128.and (i32x4.splat (local.get $tags)) (v128.load offset=288 (local.get $c))) (local.get $zero))
              (f32x4.le (f32x4.abs (local.get $s)) (v128.load offset=272 (local.get $c)))))
            (v128.store (i32.add (local.get $pV) (local.get $i))
              (v128.andnot (v128.load (i32.add (local.get $pV) (local.get $i))) (local.get $ok)))
            (v128.store (i32.add (local.get $pR) (local.get $i))
              (v128.bitselect (local.get $rNew) (v128.load (i32.add (local.get $pR) (local.get $i))) (local.get $ok)))
            (v128.store (i32.add (local.get $pOut) (local.get $i)) (v128.and (v128.load offset=80 (local.get $c)) (local.get $ok)))
            (local.set $spikes (i32.add (local.get $spikes) (i32.popcnt (i32x4.bitmask (local.get $ok)))))
            ;; what is left: spikes outside the range (bits 0..3), float64 partial steps (bits 4..7)
            (local.set $slowBits (i32.xor (local.get $tags) (i32x4.bitmask (local.get $ok))))
            (i32.store8 (i32.add (local.get $flags) (local.get $e)) (local.get $slowBits))
            (local.set $anySlow (i32.or (local.get $anySlow) (local.get $slowBits)))
            (br $next)))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $nextGroup)))
    (if (local.get $anySlow)
      (then (local.set $spikes (i32.add (local.get $spikes) (call $lif32_slow (local.get $start) (local.get $quads)
        (local.get $flags) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
        (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height))))))
    (local.get $spikes))

  ;; The neurons $lif32_spikes left to float64, by the flag bytes it rewrote: bits 0..3 spiked
  ;; (v and r - dt stored) by $lif_spike_one_f64, bits 4..7 partial steps by $lif_one_f64.
  ;; Returns their spike count.
  (func $lif32_slow
    (param $start i32) (param $quads i32) (param $flags i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64) (result i32)
    (local $e i32) (local $bits i32) (local $lane i32) (local $a i32) (local $spikes i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $e) (local.get $quads)))
        (local.set $bits (i32.load8_u (i32.add (local.get $flags) (local.get $e))))
        (block $quadDone
          (loop $lane
            (br_if $quadDone (i32.eqz (local.get $bits)))
            (local.set $lane (i32.ctz (local.get $bits)))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (local.set $a (i32.add (i32.add (local.get $start) (i32.shl (local.get $e) (i32.const 4)))
              (i32.shl (i32.and (local.get $lane) (i32.const 3)) (i32.const 2))))
            (local.set $spikes (i32.add (local.get $spikes)
              (if (result i32) (i32.lt_u (local.get $lane) (i32.const 4))
                (then (call $lif_spike_one_f64 (local.get $a) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
                  (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $height)))
                (else (call $lif_one_f64 (local.get $a) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
                  (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height))))))
            (br $lane)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $next)))
    (local.get $spikes))

  ;; The spike of the neuron at byte offset $a whose v (above 1) pass 1 stored: out = height,
  ;; v = 0, r = tauRef + (dt + tauRc * log1p((1 - v) / (J - 1))) in float64. Returns 1.
  (func $lif_spike_one_f64
    (param $a i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $height f64) (result i32)
    (local $v f64)
    (local.set $v (f64.promote_f32 (f32.load (i32.add (local.get $pV) (local.get $a)))))
    (f32.store (i32.add (local.get $pR) (local.get $a)) (f32.demote_f64 (f64.add (local.get $tauRef)
      (f64.add (local.get $dt) (f64.mul (local.get $tauRc) (call $log1p (f64.div (f64.sub (f64.const 1) (local.get $v))
        (f64.sub (f64.promote_f32 (f32.load (i32.add (local.get $pJ) (local.get $a)))) (f64.const 1)))))))))
    (f32.store (i32.add (local.get $pOut) (local.get $a)) (f32.demote_f64 (local.get $height)))
    (f32.store (i32.add (local.get $pV) (local.get $a)) (f32.const 0))
    (i32.const 1))

  ;; One LIF step of the neuron at byte offset $a in float64 (lifStep's operations, with
  ;; Math.expm1 and Math.log1p). Returns 1 when it spiked, else 0.
  (func $lif_one_f64
    (param $a i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64) (result i32)
    (local $j f64) (local $v f64) (local $r f64)
    (local.set $j (f64.promote_f32 (f32.load (i32.add (local.get $pJ) (local.get $a)))))
    (local.set $v (f64.promote_f32 (f32.load (i32.add (local.get $pV) (local.get $a)))))
    (local.set $r (f64.sub (f64.promote_f32 (f32.load (i32.add (local.get $pR) (local.get $a)))) (local.get $dt)))
    (if (f64.le (local.get $r) (f64.const 0))
      (then (local.set $v (f64.sub (local.get $v) (f64.mul (f64.sub (local.get $j) (local.get $v))
        (call $expm1 (f64.div (f64.neg (local.get $dt)) (local.get $tauRc)))))))
      (else (if (f64.lt (local.get $r) (local.get $dt))
        (then (local.set $v (f64.sub (local.get $v) (f64.mul (f64.sub (local.get $j) (local.get $v))
          (call $expm1 (f64.div (f64.sub (local.get $r) (local.get $dt)) (local.get $tauRc))))))))))
    (if (f64.gt (local.get $v) (f64.const 1))
      (then
        (f32.store (i32.add (local.get $pOut) (local.get $a)) (f32.demote_f64 (local.get $height)))
        (f32.store (i32.add (local.get $pV) (local.get $a)) (f32.const 0))
        (f32.store (i32.add (local.get $pR) (local.get $a)) (f32.demote_f64 (f64.add (local.get $tauRef)
          (f64.add (local.get $dt) (f64.mul (local.get $tauRc) (call $log1p
            (f64.div (f64.sub (f64.const 1) (local.get $v)) (f64.sub (local.get $j) (f64.const 1)))))))))
        (return (i32.const 1))))
    (f32.store (i32.add (local.get $pOut) (local.get $a)) (f32.const 0))
    (f32.store (i32.add (local.get $pV) (local.get $a))
      (f32.demote_f64 (select (local.get $vMin) (local.get $v) (f64.lt (local.get $v) (local.get $vMin)))))
    (f32.store (i32.add (local.get $pR) (local.get $a)) (f32.demote_f64 (local.get $r)))
    (i32.const 0))
