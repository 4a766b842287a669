  ;; One Adam step of a variable, with the float32 operations of tfjs's AdamOptimizer in its
  ;; order (the same bits), in one pass instead of about a dozen tensor ops.

  ;; adam_update(pw, pm, pv, pg, pwOut, pmOut, pvOut, n, b1, c1, b2, c2, d1, d2, eps, negLr):
  ;; m' = m*b1 + g*c1; v' = v*b2 + (g*g)*c2; w' = ((m'/d1) / (sqrt(v'/d2) + eps)) * negLr + w,
  ;; each operation rounded to float32 (c1 = 1 - beta1, d1 = 1 - beta1^t as tfjs rounds them).
  (func (export "adam_update") (param $pw i32) (param $pm i32) (param $pv i32) (param $pg i32)
    (param $pwOut i32) (param $pmOut i32) (param $pvOut i32) (param $n i32)
    (param $b1 f32) (param $c1 f32) (param $b2 f32) (param $c2 f32) (param $d1 f32) (param $d2 f32) (param $eps f32) (param $negLr f32)
    (local $i i32) (local $end4 i32) (local $g v128) (local $m v128) (local $v v128)
    (local $B1 v128) (local $C1 v128) (local $B2 v128) (local $C2 v128) (local $D1 v128) (local $D2 v128) (local $E v128) (local $L v128)
    (local $gs f32) (local $ms f32) (local $vs f32)
    (local.set $B1 (f32x4.splat (local.get $b1))) (local.set $C1 (f32x4.splat (local.get $c1)))
    (local.set $B2 (f32x4.splat (local.get $b2))) (local.set $C2 (f32x4.splat (local.get $c2)))
    (local.set $D1 (f32x4.splat (local.get $d1))) (local.set $D2 (f32x4.splat (local.get $d2)))
    (local.set $E (f32x4.splat (local.get $eps))) (local.set $L (f32x4.splat (local.get $negLr)))
    (local.set $end4 (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $g (v128.load (i32.add (local.get $pg) (local.get $i))))
        (local.set $m (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $pm) (local.get $i))) (local.get $B1)) (f32x4.mul (local.get $g) (local.get $C1))))
        (local.set $v (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $pv) (local.get $i))) (local.get $B2))
          (f32x4.mul (f32x4.mul (local.get $g) (local.get $g)) (local.get $C2))))
        (v128.store (i32.add (local.get $pmOut) (local.get $i)) (local.get $m))
        (v128.store (i32.add (local.get $pvOut) (local.get $i)) (local.get $v))
        (v128.store (i32.add (local.get $pwOut) (local.get $i))
          (f32x4.add
            (f32x4.mul (f32x4.div (f32x4.div (local.get $m) (local.get $D1)) (f32x4.add (f32x4.sqrt (f32x4.div (local.get $v) (local.get $D2))) (local.get $E))) (local.get $L))
            (v128.load (i32.add (local.get $pw) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next)))
    (block $tdone
      (loop $tnext
        (br_if $tdone (i32.ge_u (local.get $i) (i32.shl (local.get $n) (i32.const 2))))
        (local.set $gs (f32.load (i32.add (local.get $pg) (local.get $i))))
        (local.set $ms (f32.add (f32.mul (f32.load (i32.add (local.get $pm) (local.get $i))) (local.get $b1)) (f32.mul (local.get $gs) (local.get $c1))))
        (local.set $vs (f32.add (f32.mul (f32.load (i32.add (local.get $pv) (local.get $i))) (local.get $b2))
          (f32.mul (f32.mul (local.get $gs) (local.get $gs)) (local.get $c2))))
        (f32.store (i32.add (local.get $pmOut) (local.get $i)) (local.get $ms))
        (f32.store (i32.add (local.get $pvOut) (local.get $i)) (local.get $vs))
        (f32.store (i32.add (local.get $pwOut) (local.get $i))
          (f32.add
            (f32.mul (f32.div (f32.div (local.get $ms) (local.get $d1)) (f32.add (f32.sqrt (f32.div (local.get $vs) (local.get $d2))) (local.get $eps))) (local.get $negLr))
            (f32.load (i32.add (local.get $pw) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $tnext))))
