  ;; LIF pass 1 over the neurons at byte offsets [$start, $end) (a multiple of 4 neurons, at
  ;; most 1024): the common update (a full step of exact decay, or a refractory step, without
  ;; a spike), 16 neurons (eight f64x2) per iteration and no branches. It leaves the other
  ;; neurons' state untouched for pass 2 (lif-partial.wat, lif-spike.wat) and marks them: per
  ;; 16 neurons one u16 at $mpArr (partial refractory steps) and one at $msArr (spikes), bit
  ;; 4k + l for lane l of the k-th group of four; $lif_flatten (lif-flatten.wat) lists
  ;; them as byte offsets at $listP and $listS. (Appending to lists inside the loop, at
  ;; addresses that depend on its long chain of floating-point work, made it up to 2.5x
  ;; slower.) Returns countP | countS << 16.
  (func $lif_common
    (param $start i32) (param $end i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $msArr i32) (param $mpArr i32) (param $listP i32) (param $listS i32) (param $dt f64) (param $vMin f64) (param $decay f64)
    (result i32)
    (local $i i32) (local $w i32) (local $fullEnd i32) (local $sh i32) (local $ms i32) (local $mp i32)
    (local $rawJ v128) (local $rawV v128) (local $rawR v128) (local $jA v128) (local $jB v128)
    (local $vA v128) (local $vB v128) (local $rA v128) (local $rB v128) (local $fullA v128) (local $fullB v128)
    (local $partialA v128) (local $partialB v128) (local $keep v128)
    (local $p0 v128) (local $p1 v128) (local $p2 v128) (local $p3 v128) (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128)
    (local $dtV v128) (local $vMinV v128) (local $decayV v128) (local $zero v128) (local $one v128)
    (local.set $dtV (f64x2.splat (local.get $dt)))
    (local.set $vMinV (f64x2.splat (local.get $vMin)))
    (local.set $decayV (f64x2.splat (local.get $decay)))
    (local.set $one (f64x2.splat (f64.const 1)))
    (local.set $i (local.get $start))
    (local.set $fullEnd (i32.add (local.get $start) (i32.and (i32.sub (local.get $end) (local.get $start)) (i32.const -64))))
    (if (i32.lt_u (local.get $i) (local.get $fullEnd)) (then
    (loop $next
      (local.set $rawJ (v128.load offset=0 (i32.add (local.get $pJ) (local.get $i))))
      (local.set $rawV (v128.load offset=0 (i32.add (local.get $pV) (local.get $i))))
      (local.set $rawR (v128.load offset=0 (i32.add (local.get $pR) (local.get $i))))
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
      (local.set $p0 (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $partialA) (local.get $partialB)))
      (local.set $s0 (v128.andnot
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
          (f64x2.gt (local.get $vA) (local.get $one)) (f64x2.gt (local.get $vB) (local.get $one)))
        (local.get $p0)))
      (local.set $keep (v128.or (local.get $p0) (local.get $s0)))
      ;; no spike: v = (v < vMin ? vMin : v) (pmax), out = 0; listed neurons keep their state
      (v128.store offset=0 (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
        (local.get $rawV)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vA) (local.get $vMinV)))
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vB) (local.get $vMinV))))
        (local.get $keep)))
      (v128.store offset=0 (i32.add (local.get $pR) (local.get $i)) (v128.bitselect
        (local.get $rawR)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $rA)) (f32x4.demote_f64x2_zero (local.get $rB)))
        (local.get $keep)))
      (v128.store offset=0 (i32.add (local.get $pOut) (local.get $i)) (local.get $zero))
      (local.set $rawJ (v128.load offset=16 (i32.add (local.get $pJ) (local.get $i))))
      (local.set $rawV (v128.load offset=16 (i32.add (local.get $pV) (local.get $i))))
      (local.set $rawR (v128.load offset=16 (i32.add (local.get $pR) (local.get $i))))
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
      (local.set $p1 (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $partialA) (local.get $partialB)))
      (local.set $s1 (v128.andnot
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
          (f64x2.gt (local.get $vA) (local.get $one)) (f64x2.gt (local.get $vB) (local.get $one)))
        (local.get $p1)))
      (local.set $keep (v128.or (local.get $p1) (local.get $s1)))
      ;; no spike: v = (v < vMin ? vMin : v) (pmax), out = 0; listed neurons keep their state
      (v128.store offset=16 (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
        (local.get $rawV)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vA) (local.get $vMinV)))
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vB) (local.get $vMinV))))
        (local.get $keep)))
      (v128.store offset=16 (i32.add (local.get $pR) (local.get $i)) (v128.bitselect
        (local.get $rawR)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $rA)) (f32x4.demote_f64x2_zero (local.get $rB)))
        (local.get $keep)))
      (v128.store offset=16 (i32.add (local.get $pOut) (local.get $i)) (local.get $zero))
      (local.set $rawJ (v128.load offset=32 (i32.add (local.get $pJ) (local.get $i))))
      (local.set $rawV (v128.load offset=32 (i32.add (local.get $pV) (local.get $i))))
      (local.set $rawR (v128.load offset=32 (i32.add (local.get $pR) (local.get $i))))
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
      (local.set $p2 (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $partialA) (local.get $partialB)))
      (local.set $s2 (v128.andnot
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
          (f64x2.gt (local.get $vA) (local.get $one)) (f64x2.gt (local.get $vB) (local.get $one)))
        (local.get $p2)))
      (local.set $keep (v128.or (local.get $p2) (local.get $s2)))
      ;; no spike: v = (v < vMin ? vMin : v) (pmax), out = 0; listed neurons keep their state
      (v128.store offset=32 (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
        (local.get $rawV)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vA) (local.get $vMinV)))
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vB) (local.get $vMinV))))
        (local.get $keep)))
      (v128.store offset=32 (i32.add (local.get $pR) (local.get $i)) (v128.bitselect
        (local.get $rawR)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $rA)) (f32x4.demote_f64x2_zero (local.get $rB)))
        (local.get $keep)))
      (v128.store offset=32 (i32.add (local.get $pOut) (local.get $i)) (local.get $zero))
      (local.set $rawJ (v128.load offset=48 (i32.add (local.get $pJ) (local.get $i))))
      (local.set $rawV (v128.load offset=48 (i32.add (local.get $pV) (local.get $i))))
      (local.set $rawR (v128.load offset=48 (i32.add (local.get $pR) (local.get $i))))
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
      (local.set $p3 (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $partialA) (local.get $partialB)))
      (local.set $s3 (v128.andnot
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
          (f64x2.gt (local.get $vA) (local.get $one)) (f64x2.gt (local.get $vB) (local.get $one)))
        (local.get $p3)))
      (local.set $keep (v128.or (local.get $p3) (local.get $s3)))
      ;; no spike: v = (v < vMin ? vMin : v) (pmax), out = 0; listed neurons keep their state
      (v128.store offset=48 (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
        (local.get $rawV)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vA) (local.get $vMinV)))
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vB) (local.get $vMinV))))
        (local.get $keep)))
      (v128.store offset=48 (i32.add (local.get $pR) (local.get $i)) (v128.bitselect
        (local.get $rawR)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $rA)) (f32x4.demote_f64x2_zero (local.get $rB)))
        (local.get $keep)))
      (v128.store offset=48 (i32.add (local.get $pOut) (local.get $i)) (local.get $zero))
      (i32.store16 (i32.add (local.get $mpArr) (local.get $w)) (i8x16.bitmask (i8x16.narrow_i16x8_s (i16x8.narrow_i32x4_s (local.get $p0) (local.get $p1)) (i16x8.narrow_i32x4_s (local.get $p2) (local.get $p3)))))
      (i32.store16 (i32.add (local.get $msArr) (local.get $w)) (i8x16.bitmask (i8x16.narrow_i16x8_s (i16x8.narrow_i32x4_s (local.get $s0) (local.get $s1)) (i16x8.narrow_i32x4_s (local.get $s2) (local.get $s3)))))
      (local.set $w (i32.add (local.get $w) (i32.const 2)))
      (local.set $i (i32.add (local.get $i) (i32.const 64)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $fullEnd))))))
    ;; the last 4, 8 or 12 neurons
    (if (i32.lt_u (local.get $i) (local.get $end)) (then
      (loop $tail
      (local.set $rawJ (v128.load offset=0 (i32.add (local.get $pJ) (local.get $i))))
      (local.set $rawV (v128.load offset=0 (i32.add (local.get $pV) (local.get $i))))
      (local.set $rawR (v128.load offset=0 (i32.add (local.get $pR) (local.get $i))))
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
      (local.set $p0 (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27 (local.get $partialA) (local.get $partialB)))
      (local.set $s0 (v128.andnot
        (i8x16.shuffle 0 1 2 3 8 9 10 11 16 17 18 19 24 25 26 27
          (f64x2.gt (local.get $vA) (local.get $one)) (f64x2.gt (local.get $vB) (local.get $one)))
        (local.get $p0)))
      (local.set $keep (v128.or (local.get $p0) (local.get $s0)))
      ;; no spike: v = (v < vMin ? vMin : v) (pmax), out = 0; listed neurons keep their state
      (v128.store offset=0 (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
        (local.get $rawV)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vA) (local.get $vMinV)))
          (f32x4.demote_f64x2_zero (f64x2.pmax (local.get $vB) (local.get $vMinV))))
        (local.get $keep)))
      (v128.store offset=0 (i32.add (local.get $pR) (local.get $i)) (v128.bitselect
        (local.get $rawR)
        (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23
          (f32x4.demote_f64x2_zero (local.get $rA)) (f32x4.demote_f64x2_zero (local.get $rB)))
        (local.get $keep)))
      (v128.store offset=0 (i32.add (local.get $pOut) (local.get $i)) (local.get $zero))
      (local.set $mp (i32.or (local.get $mp) (i32.shl (i32x4.bitmask (local.get $p0)) (local.get $sh))))
      (local.set $ms (i32.or (local.get $ms) (i32.shl (i32x4.bitmask (local.get $s0)) (local.get $sh))))
      (local.set $sh (i32.add (local.get $sh) (i32.const 4)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $tail (i32.lt_u (local.get $i) (local.get $end))))
      (i32.store16 (i32.add (local.get $mpArr) (local.get $w)) (local.get $mp))
      (i32.store16 (i32.add (local.get $msArr) (local.get $w)) (local.get $ms))))
    (call $lif_flatten (local.get $msArr) (local.get $mpArr) (i32.shr_u (i32.sub (local.get $end) (local.get $start)) (i32.const 2))
      (local.get $start) (local.get $listS) (local.get $listP)))

