  ;; LIF pass 1 over the neurons at byte offsets [$start, $end) (a multiple of 4 neurons, at
  ;; most 1024): the common update (a full step of exact decay, or a refractory step, without
  ;; a spike), four neurons (two f64x2) per iteration and no branches. It lists the other
  ;; neurons (partial refractory steps at $listP, spikes at $listS, as byte offsets) and leaves
  ;; their state untouched for pass 2 (lif-partial.wat, lif-spike.wat). The loop writes one flag
  ;; byte per four neurons ($flags, 272 bytes); $lif_list (lif-list.wat) lists them after it.
  ;; (Appending to lists inside the loop, at addresses that depend on its long chain of
  ;; floating-point work, made it up to 2.5x slower, depending on the process.)
  ;; Returns countP | countS << 16.
  (func $lif_common
    (param $start i32) (param $end i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $flags i32) (param $listP i32) (param $listS i32) (param $dt f64) (param $vMin f64) (param $decay f64)
    (result i32)
    (local $i i32) (local $flag i32)
    (local $rawJ v128) (local $rawV v128) (local $rawR v128) (local $jA v128) (local $jB v128)
    (local $vA v128) (local $vB v128) (local $rA v128) (local $rB v128) (local $fullA v128) (local $fullB v128)
    (local $partialA v128) (local $partialB v128) (local $partial v128) (local $spike v128) (local $keep v128)
    (local $dtV v128) (local $vMinV v128) (local $decayV v128) (local $zero v128) (local $one v128)
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $vMinV (f64x2.splat (local.get $vMin)))
    (local.set $decayV (f64x2.splat (local.get $decay)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $i (local.get $start))
    (local.set $flag (local.get $flags))
    (loop $next
      (local.set $rawJ (v128.load (i32.add (local.get $pJ) (local.get $i))))
      (local.set $rawV (v128.load (i32.add (local.get $pV) (local.get $i))))
      (local.set $rawR (v128.load (i32.add (local.get $pR) (local.get $i))))
      (local.set $jA (f64x2.promote_low_f32x4 (local.get $rawJ)))
      (local.set $jB (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $rawJ) (local.get $rawJ))))
      (local.set $vA (f64x2.promote_low_f32x4 (local.get $rawV)))
      (local.set $vB (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $rawV) (local.get $rawV))))
      ;; r -= dt; full step where r <= 0, partial step where 0 < r < dt, none where r >= dt
      (local.set $rA (f64x2.sub (f64x2.promote_low_f32x4 (local.get $rawR)) (local.get $dtV)))
      (local.set $rB (f64x2.sub
        (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $rawR) (local.get $rawR)))
        (local.get $dtV)))
      (local.set $fullA (f64x2.le (local.get $rA) (local.get $zero)))
      (local.set $fullB (f64x2.le (local.get $rB) (local.get $zero)))
      (local.set $partialA (v128.andnot (f64x2.lt (local.get $rA) (local.get $dtV)) (local.get $fullA)))
      (local.set $partialB (v128.andnot (f64x2.lt (local.get $rB) (local.get $dtV)) (local.get $fullB)))
      ;; v -= (J - v) * expm1(-dt / tauRc) where full (elsewhere v - (+0): v exactly, also -0 and NaN)
      (local.set $vA (f64x2.sub (local.get $vA)
        (v128.and (f64x2.mul (f64x2.sub (local.get $jA) (local.get $vA)) (local.get $decayV)) (local.get $fullA))))
      (local.set $vB (f64x2.sub (local.get $vB)
        (v128.and (f64x2.mul (f64x2.sub (local.get $jB) (local.get $vB)) (local.get $decayV)) (local.get $fullB))))
      ;; lane masks of the four neurons as i32x4: partial steps, and spikes that are not partial
      (local.set $partial (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $partialA) (local.get $partialB)))
      (local.set $spike (v128.andnot
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
          (f64x2.gt (local.get $vA) (local.get $one)) (f64x2.gt (local.get $vB) (local.get $one)))
        (local.get $partial)))
      (local.set $keep (v128.or (local.get $partial) (local.get $spike)))
      ;; no spike: v = (v < vMin ? vMin : v) (pmax), out = 0; listed neurons keep their state
      (v128.store (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
        (local.get $rawV)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vA) (local.get $vMinV)))
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vB) (local.get $vMinV))))
        (local.get $keep)))
      (v128.store (i32.add (local.get $pR) (local.get $i)) (v128.bitselect
        (local.get $rawR)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $rA)) (f32x4.demote_f64x2_zero (local.get $rB)))
        (local.get $keep)))
      (v128.store (i32.add (local.get $pOut) (local.get $i)) (local.get $zero))
      ;; flags of these four at a fixed address: bits 0..3 partial step, bits 4..7 spike
      (i32.store8 (local.get $flag)
        (i32.or (i32x4.bitmask (local.get $partial)) (i32.shl (i32x4.bitmask (local.get $spike)) (i32.const 4))))
      (local.set $flag (i32.add (local.get $flag) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end))))
    (call $lif_list (local.get $start) (local.get $end) (local.get $flags) (local.get $listP) (local.get $listS)))
