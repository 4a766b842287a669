  ;; QCFS rates and straight-through gradients (see kernels/qcfs.ts and @snn/neurons'
  ;; kernels/qcfs.ts for the JS reference). Float32 data, float64 arithmetic two lanes at a
  ;; time, so every value equals the JS loops' (which compute in float64) exactly; only the
  ;; order of the threshold-gradient sum differs.

  ;; q = floor(J scale + 1/2) of two currents.
  (func $qcfs_q (param $j v128) (param $scale v128) (result v128)
    (f64x2.floor (f64x2.add (f64x2.mul (local.get $j) (local.get $scale)) (v128.const f64x2 0.5 0.5))))

  ;; rate = step * min(q, L) where q > 0, else 0 (pmax/pmin: NaN gives 0, as the JS loop's comparisons do).
  (func $qcfs2 (param $j v128) (param $scale v128) (param $step v128) (param $levels v128) (result v128)
    (f64x2.mul (local.get $step)
      (f64x2.pmin (local.get $levels) (f64x2.pmax (v128.const f64x2 0 0) (call $qcfs_q (local.get $j) (local.get $scale))))))

  ;; qcfs(pj, pr, n, scale = L/λ, step = amplitude λ/L, L): rate[i] of current j[i], i < n (rate may alias j).
  (func (export "qcfs") (param $pj i32) (param $pr i32) (param $n i32) (param $scale f64) (param $step f64) (param $levels f64)
    (local $i i32) (local $end i32) (local $lo v128) (local $hi v128) (local $v v128)
    (local $vScale v128) (local $vStep v128) (local $vLevels v128)
    (local.set $vScale (f64x2.splat (local.get $scale)))
    (local.set $vStep (f64x2.splat (local.get $step)))
    (local.set $vLevels (f64x2.splat (local.get $levels)))
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        ;; four float32 lanes widened to two float64 pairs, $qcfs2 on each, narrowed back, all
        ;; written out: V8 does not inline calls between WebAssembly functions, and helpers
        ;; returning two values through the stack made this loop 3.4x slower (keras-to-snn
        ;; conv0, 4.3M currents: 7.3 -> 2.2 ms)
        (local.set $v (v128.load (i32.add (local.get $pj) (local.get $i))))
        (local.set $lo (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $hi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
        (local.set $lo (f64x2.mul (local.get $vStep) (f64x2.pmin (local.get $vLevels) (f64x2.pmax (v128.const f64x2 0 0)
          (f64x2.floor (f64x2.add (f64x2.mul (local.get $lo) (local.get $vScale)) (v128.const f64x2 0.5 0.5)))))))
        (local.set $hi (f64x2.mul (local.get $vStep) (f64x2.pmin (local.get $vLevels) (f64x2.pmax (v128.const f64x2 0 0)
          (f64x2.floor (f64x2.add (f64x2.mul (local.get $hi) (local.get $vScale)) (v128.const f64x2 0.5 0.5)))))))
        (v128.store (i32.add (local.get $pr) (local.get $i))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (local.get $lo)) (f32x4.demote_f64x2_zero (local.get $hi))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next4)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (f32.store (i32.add (local.get $pr) (local.get $i))
          (f32.demote_f64 (f64x2.extract_lane 0
            (call $qcfs2 (f64x2.splat (f64.promote_f32 (f32.load (i32.add (local.get $pj) (local.get $i)))))
              (local.get $vScale) (local.get $vStep) (local.get $vLevels)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next))))

  ;; Gradients of two lanes: returns dx = amplitude dy where 0 <= q <= L (else 0), and adds
  ;; dy (q/L - J/λ) where 0 <= q <= L, dy where q > L, to the accumulator it returns.
  (func $qcfs_grad2 (param $g v128) (param $j v128) (param $acc v128) (param $scale v128) (param $levels v128)
                    (param $invLevels v128) (param $invThreshold v128) (param $amp v128) (result v128 v128)
    (local $q v128) (local $in v128)
    (local.set $q (call $qcfs_q (local.get $j) (local.get $scale)))
    (local.set $in (v128.and (f64x2.ge (local.get $q) (v128.const f64x2 0 0)) (f64x2.le (local.get $q) (local.get $levels))))
    (v128.and (f64x2.mul (local.get $g) (local.get $amp)) (local.get $in))
    (f64x2.add (local.get $acc)
      (v128.or
        (v128.and (local.get $in)
          (f64x2.mul (local.get $g) (f64x2.sub (f64x2.mul (local.get $q) (local.get $invLevels)) (f64x2.mul (local.get $j) (local.get $invThreshold)))))
        (v128.and (f64x2.gt (local.get $q) (local.get $levels)) (local.get $g)))))

  ;; qcfs_grad(pdy, pj, pdx, n, scale = L/λ, L, 1/L, 1/λ, amplitude): dx[i] of dy[i] and j[i]
  ;; for i < n (dx may alias dy); returns Σ dy d rate/dλ / amplitude.
  (func (export "qcfs_grad") (param $pg i32) (param $pj i32) (param $pdx i32) (param $n i32) (param $scale f64)
                             (param $levels f64) (param $invLevels f64) (param $invThreshold f64) (param $amp f64) (result f64)
    (local $i i32) (local $end i32) (local $gLo v128) (local $gHi v128) (local $jLo v128) (local $jHi v128)
    (local $dLo v128) (local $dHi v128) (local $acc v128) (local $v v128) (local $q v128) (local $in v128)
    (local $vScale v128) (local $vLevels v128) (local $vInvLevels v128) (local $vInvThreshold v128) (local $vAmp v128)
    (local.set $vScale (f64x2.splat (local.get $scale)))
    (local.set $vLevels (f64x2.splat (local.get $levels)))
    (local.set $vInvLevels (f64x2.splat (local.get $invLevels)))
    (local.set $vInvThreshold (f64x2.splat (local.get $invThreshold)))
    (local.set $vAmp (f64x2.splat (local.get $amp)))
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        ;; widened and $qcfs_grad2 written out, as in qcfs (with the calls: 15.2 ms for
        ;; keras-to-snn conv0's 4.3M currents, 4.2 ms without); the same operations in the same order
        (local.set $v (v128.load (i32.add (local.get $pg) (local.get $i))))
        (local.set $gLo (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $gHi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
        (local.set $v (v128.load (i32.add (local.get $pj) (local.get $i))))
        (local.set $jLo (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $jHi (f64x2.promote_low_f32x4 (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $v) (local.get $v))))
        ;; lanes 0-1
        (local.set $q (f64x2.floor (f64x2.add (f64x2.mul (local.get $jLo) (local.get $vScale)) (v128.const f64x2 0.5 0.5))))
        (local.set $in (v128.and (f64x2.ge (local.get $q) (v128.const f64x2 0 0)) (f64x2.le (local.get $q) (local.get $vLevels))))
        (local.set $dLo (v128.and (f64x2.mul (local.get $gLo) (local.get $vAmp)) (local.get $in)))
        (local.set $acc (f64x2.add (local.get $acc)
          (v128.or
            (v128.and (local.get $in)
              (f64x2.mul (local.get $gLo) (f64x2.sub (f64x2.mul (local.get $q) (local.get $vInvLevels)) (f64x2.mul (local.get $jLo) (local.get $vInvThreshold)))))
            (v128.and (f64x2.gt (local.get $q) (local.get $vLevels)) (local.get $gLo)))))
        ;; lanes 2-3
        (local.set $q (f64x2.floor (f64x2.add (f64x2.mul (local.get $jHi) (local.get $vScale)) (v128.const f64x2 0.5 0.5))))
        (local.set $in (v128.and (f64x2.ge (local.get $q) (v128.const f64x2 0 0)) (f64x2.le (local.get $q) (local.get $vLevels))))
        (local.set $dHi (v128.and (f64x2.mul (local.get $gHi) (local.get $vAmp)) (local.get $in)))
        (local.set $acc (f64x2.add (local.get $acc)
          (v128.or
            (v128.and (local.get $in)
              (f64x2.mul (local.get $gHi) (f64x2.sub (f64x2.mul (local.get $q) (local.get $vInvLevels)) (f64x2.mul (local.get $jHi) (local.get $vInvThreshold)))))
            (v128.and (f64x2.gt (local.get $q) (local.get $vLevels)) (local.get $gHi)))))
        (v128.store (i32.add (local.get $pdx) (local.get $i))
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (f32x4.demote_f64x2_zero (local.get $dLo)) (f32x4.demote_f64x2_zero (local.get $dHi))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next4)))
    ;; the tail, one current at a time in lane 0 (lane 1 sees zeros: dy = 0 adds nothing)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (call $qcfs_grad2
          (f64x2.replace_lane 0 (v128.const f64x2 0 0) (f64.promote_f32 (f32.load (i32.add (local.get $pg) (local.get $i)))))
          (f64x2.replace_lane 0 (v128.const f64x2 0 0) (f64.promote_f32 (f32.load (i32.add (local.get $pj) (local.get $i)))))
          (local.get $acc) (local.get $vScale) (local.get $vLevels) (local.get $vInvLevels) (local.get $vInvThreshold) (local.get $vAmp))
        (local.set $acc)
        (local.set $dLo)
        (f32.store (i32.add (local.get $pdx) (local.get $i)) (f32.demote_f64 (f64x2.extract_lane 0 (local.get $dLo))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next)))
    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
