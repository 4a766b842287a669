  ;; The float32 LIF kernel (lif_step_f32). It computes in float32 as NengoDL does, so it is
  ;; close to but not bit-identical with the exact kernel (lif-common.wat and the others).

  ;; Its constants as f32x4 at $c (304 bytes, see the offsets below): both passes load them
  ;; from memory, which V8 compiles to one load where it would rebuild a splat in the loop.
  (func $lif32_constants
    (param $c i32) (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64)
    (v128.store offset=0 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $dt))))
    (v128.store offset=16 (local.get $c) (f32x4.splat (f32.demote_f64 (f64.div (f64.const 1) (local.get $tauRc)))))
    (v128.store offset=32 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $tauRc))))
    (v128.store offset=48 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $tauRef))))
    (v128.store offset=64 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $vMin))))
    (v128.store offset=80 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $height))))
    ;; (bytes 96..127 unused)
    (v128.store offset=128 (local.get $c) (f32x4.splat (f32.const 1)))
    (v128.store offset=144 (local.get $c) (f32x4.splat (f32.const 0x1.555556p-5))) ;; 1/24
    (v128.store offset=160 (local.get $c) (f32x4.splat (f32.const 0x1.111112p-7))) ;; 1/120
    (v128.store offset=176 (local.get $c) (f32x4.splat (f32.const 0x1.6c16c2p-10))) ;; 1/720
    (v128.store offset=192 (local.get $c) (f32x4.splat (f32.const 0.5)))
    (v128.store offset=208 (local.get $c) (f32x4.splat (f32.const 0x1.555556p-3))) ;; 1/6
    (v128.store offset=224 (local.get $c) (f32x4.splat (f32.const 2)))
    (v128.store offset=240 (local.get $c) (f32x4.splat (f32.const 0x1.555556p-2))) ;; 1/3
    (v128.store offset=256 (local.get $c) (f32x4.splat (f32.const 0.2)))
    (v128.store offset=272 (local.get $c) (f32x4.splat (f32.const 0.0303))) ;; largest |s| for log1p's series
    (v128.store offset=288 (local.get $c) (v128.const i32x4 1 2 4 8)))

  ;; Pass 1 over the neurons at byte offsets [$start, $end) (a multiple of 4 neurons, at most
  ;; 1024), four per f32x4 vector and without branches: r -= dt, and for full steps
  ;; v -= (J - v) * expm1(-dt / tauRc) (exact decay); no spike: v = max(v, vMin), out = 0. A
  ;; spiking neuron gets its new v (above 1) and r stored for pass 3 ($lif32_spikes); a neuron
  ;; in a partial refractory step keeps its state for pass 2 ($lif32_partial). One flag byte
  ;; per four neurons at $flags says which: bits 0..3 spiked, bits 4..7 partial step.
  (func $lif32_common
    (param $start i32) (param $end i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32)
    (param $flags i32) (param $dt f64) (param $vMin f64) (param $decay f64)
    (local $i i32) (local $flag i32)
    (local $rawJ v128) (local $rawV v128) (local $rawR v128) (local $v v128) (local $r v128) (local $full v128)
    (local $partial v128) (local $spike v128)
    (local $dtV v128) (local $vMinV v128) (local $decayV v128) (local $zero v128) (local $one v128)
    (local.set $dtV (f32x4.splat (f32.demote_f64 (local.get $dt))))
    (local.set $vMinV (f32x4.splat (f32.demote_f64 (local.get $vMin))))
    (local.set $decayV (f32x4.splat (f32.demote_f64 (local.get $decay))))
    (local.set $one (f32x4.splat (f32.const 1)))
    (local.set $i (local.get $start))
    (local.set $flag (local.get $flags))
    (loop $next
      (local.set $rawJ (v128.load (i32.add (local.get $pJ) (local.get $i))))
      (local.set $rawV (v128.load (i32.add (local.get $pV) (local.get $i))))
      (local.set $rawR (v128.load (i32.add (local.get $pR) (local.get $i))))
      ;; r -= dt; full step where r <= 0, partial step where 0 < r < dt, none where r >= dt
      (local.set $r (f32x4.sub (local.get $rawR) (local.get $dtV)))
      (local.set $full (f32x4.le (local.get $r) (local.get $zero)))
      (local.set $partial (v128.andnot (f32x4.lt (local.get $r) (local.get $dtV)) (local.get $full)))
      ;; v -= (J - v) * expm1(-dt / tauRc) where full (elsewhere v - (+0): v exactly, also -0 and NaN)
      (local.set $v (f32x4.sub (local.get $rawV)
        (v128.and (f32x4.mul (f32x4.sub (local.get $rawJ) (local.get $rawV)) (local.get $decayV)) (local.get $full))))
      (local.set $spike (v128.andnot (f32x4.gt (local.get $v) (local.get $one)) (local.get $partial)))
      ;; spiked: v for pass 3; else v = (v < vMin ? vMin : v) (pmax); partial steps unchanged; out = 0
      (v128.store (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
        (local.get $rawV)
        (v128.bitselect (local.get $v) (f32x4.pmax (local.get $v) (local.get $vMinV)) (local.get $spike))
        (local.get $partial)))
      (v128.store (i32.add (local.get $pR) (local.get $i)) (v128.bitselect (local.get $rawR) (local.get $r) (local.get $partial)))
      (v128.store (i32.add (local.get $pOut) (local.get $i)) (local.get $zero))
      (i32.store8 (local.get $flag)
        (i32.or (i32x4.bitmask (local.get $spike)) (i32.shl (i32x4.bitmask (local.get $partial)) (i32.const 4))))
      (local.set $flag (i32.add (local.get $flag) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))

  ;; Pass 2 (where dt / tauRc <= 0.125): the groups of four neurons flagged with partial
  ;; refractory steps (flag bits 4..7), visiting only those: r -= dt; v -= (J - v) * expm1(x),
  ;; x = (r - dt) / tauRc, by expm1's series x + x^2 (1/2 + x/6 + x^2 (1/24 + x/120 + x^2/720));
  ;; spiked: v stored and flag bit set for pass 3; else v = max(v, vMin). Clears bits 4..7.
  (func $lif32_partial
    (param $start i32) (param $end i32) (param $flags i32) (param $pJ i32) (param $pV i32) (param $pR i32) (param $c i32)
    (local $k i32) (local $e i32) (local $i i32) (local $quads i32) (local $group i32) (local $tags i32)
    (local $mask v128) (local $j v128) (local $v v128) (local $r v128) (local $x v128) (local $x2 v128) (local $p v128)
    (local $spike v128) (local $zero v128)
    (local.set $quads (i32.shr_u (i32.sub (local.get $end) (local.get $start)) (i32.const 4)))
    (block $done
      (loop $nextGroup
        (br_if $done (i32.ge_u (local.get $k) (local.get $quads)))
        (local.set $group (i8x16.bitmask (i8x16.gt_u (v128.load (i32.add (local.get $flags) (local.get $k))) (i8x16.splat (i32.const 15)))))
        (if (i32.lt_u (i32.sub (local.get $quads) (local.get $k)) (i32.const 16))
          (then (local.set $group (i32.and (local.get $group)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $quads) (local.get $k))) (i32.const 1))))))
        (block $groupDone
          (loop $next
            (br_if $groupDone (i32.eqz (local.get $group)))
            (local.set $e (i32.add (local.get $k) (i32.ctz (local.get $group))))
            (local.set $group (i32.and (local.get $group) (i32.sub (local.get $group) (i32.const 1))))
            (local.set $tags (i32.load8_u (i32.add (local.get $flags) (local.get $e))))
            (local.set $mask (i32x4.ne (v128.and (i32x4.splat (i32.shr_u (local.get $tags) (i32.const 4)))
              (v128.load offset=288 (local.get $c))) (local.get $zero)))
            (local.set $i (i32.add (local.get $start) (i32.shl (local.get $e) (i32.const 4))))
            (local.set $j (v128.load (i32.add (local.get $pJ) (local.get $i))))
            (local.set $v (v128.load (i32.add (local.get $pV) (local.get $i))))
            (local.set $r (f32x4.sub (v128.load (i32.add (local.get $pR) (local.get $i))) (v128.load offset=0 (local.get $c))))
            (local.set $x (f32x4.mul (f32x4.sub (local.get $r) (v128.load offset=0 (local.get $c))) (v128.load offset=16 (local.get $c))))
            (local.set $x2 (f32x4.mul (local.get $x) (local.get $x)))
            (local.set $p (f32x4.add
              (f32x4.add (v128.load offset=144 (local.get $c)) (f32x4.mul (local.get $x) (v128.load offset=160 (local.get $c))))
              (f32x4.mul (local.get $x2) (v128.load offset=176 (local.get $c)))))
            (local.set $p (f32x4.add
              (f32x4.add (v128.load offset=192 (local.get $c)) (f32x4.mul (local.get $x) (v128.load offset=208 (local.get $c))))
              (f32x4.mul (local.get $x2) (local.get $p))))
            (local.set $p (f32x4.add (local.get $x) (f32x4.mul (local.get $x2) (local.get $p))))
            (local.set $v (f32x4.sub (local.get $v) (f32x4.mul (f32x4.sub (local.get $j) (local.get $v)) (local.get $p))))
            (local.set $spike (v128.and (f32x4.gt (local.get $v) (v128.load offset=128 (local.get $c))) (local.get $mask)))
            (v128.store (i32.add (local.get $pV) (local.get $i)) (v128.bitselect
              (v128.bitselect (local.get $v) (f32x4.pmax (local.get $v) (v128.load offset=64 (local.get $c))) (local.get $spike))
              (v128.load (i32.add (local.get $pV) (local.get $i))) (local.get $mask)))
            (v128.store (i32.add (local.get $pR) (local.get $i))
              (v128.bitselect (local.get $r) (v128.load (i32.add (local.get $pR) (local.get $i))) (local.get $mask)))
            (i32.store8 (i32.add (local.get $flags) (local.get $e))
              (i32.or (i32.and (local.get $tags) (i32.const 15)) (i32x4.bitmask (local.get $spike))))
            (br $next)))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $nextGroup))))
