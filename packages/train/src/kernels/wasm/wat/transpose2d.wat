  ;; transpose2d(ps, pd, rows, cols): dst [cols, rows] = src [rows, cols]ᵀ, in 32 x 32 tiles of
  ;; 4 x 4 SIMD block transposes (shuffles), with scalar edges.
  (func (export "transpose2d") (param $ps i32) (param $pd i32) (param $rows i32) (param $cols i32)
    (local $r0 i32) (local $c0 i32) (local $r1 i32) (local $c1 i32) (local $r i32) (local $c i32)
    (local $rb i32) (local $cb i32) (local $s i32) (local $d i32)
    (local $a v128) (local $b v128) (local $x v128) (local $y v128) (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local.set $rb (i32.shl (local.get $rows) (i32.const 2)))
    (local.set $cb (i32.shl (local.get $cols) (i32.const 2)))
    (block $r0done
      (loop $r0next
        (br_if $r0done (i32.ge_u (local.get $r0) (local.get $rows)))
        (local.set $r1 (i32.add (local.get $r0) (i32.const 32)))
        (if (i32.gt_u (local.get $r1) (local.get $rows)) (then (local.set $r1 (local.get $rows))))
        (local.set $c0 (i32.const 0))
        (block $c0done
          (loop $c0next
            (br_if $c0done (i32.ge_u (local.get $c0) (local.get $cols)))
            (local.set $c1 (i32.add (local.get $c0) (i32.const 32)))
            (if (i32.gt_u (local.get $c1) (local.get $cols)) (then (local.set $c1 (local.get $cols))))
            ;; 4 x 4 blocks while four rows and four columns remain
            (local.set $r (local.get $r0))
            (block $rdone
              (loop $rnext
                (br_if $rdone (i32.gt_u (i32.add (local.get $r) (i32.const 4)) (local.get $r1)))
                (local.set $c (local.get $c0))
                (block $cdone
                  (loop $cnext
                    (br_if $cdone (i32.gt_u (i32.add (local.get $c) (i32.const 4)) (local.get $c1)))
                    (local.set $s (i32.add (local.get $ps) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2))))
                    (local.set $a (v128.load (local.get $s)))
                    (local.set $b (v128.load (i32.add (local.get $s) (local.get $cb))))
                    (local.set $x (v128.load (i32.add (local.get $s) (i32.shl (local.get $cb) (i32.const 1)))))
                    (local.set $y (v128.load (i32.add (local.get $s) (i32.mul (local.get $cb) (i32.const 3)))))
                    (local.set $t0 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $a) (local.get $b)))
                    (local.set $t1 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $a) (local.get $b)))
                    (local.set $t2 (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $x) (local.get $y)))
                    (local.set $t3 (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $x) (local.get $y)))
                    (local.set $d (i32.add (local.get $pd) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2))))
                    (v128.store (local.get $d) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t2)))
                    (v128.store (i32.add (local.get $d) (local.get $rb))
                      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t2)))
                    (v128.store (i32.add (local.get $d) (i32.shl (local.get $rb) (i32.const 1)))
                      (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t1) (local.get $t3)))
                    (v128.store (i32.add (local.get $d) (i32.mul (local.get $rb) (i32.const 3)))
                      (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t1) (local.get $t3)))
                    (local.set $c (i32.add (local.get $c) (i32.const 4)))
                    (br $cnext)))
                ;; columns left over in this strip of four rows
                (block $edone
                  (loop $enext
                    (br_if $edone (i32.ge_u (local.get $c) (local.get $c1)))
                    (call $column4 (local.get $ps) (local.get $pd) (local.get $rows) (local.get $cols) (local.get $r) (local.get $c))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $enext)))
                (local.set $r (i32.add (local.get $r) (i32.const 4)))
                (br $rnext)))
            ;; rows left over (fewer than four): scalar
            (block $sdone
              (loop $snext
                (br_if $sdone (i32.ge_u (local.get $r) (local.get $r1)))
                (local.set $c (local.get $c0))
                (block $scdone
                  (loop $scnext
                    (br_if $scdone (i32.ge_u (local.get $c) (local.get $c1)))
                    (f32.store (i32.add (local.get $pd) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (local.get $r)) (i32.const 2)))
                      (f32.load (i32.add (local.get $ps) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $cols)) (local.get $c)) (i32.const 2)))))
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (br $scnext)))
                (local.set $r (i32.add (local.get $r) (i32.const 1)))
                (br $snext)))
            (local.set $c0 (local.get $c1))
            (br $c0next)))
        (local.set $r0 (local.get $r1))
        (br $r0next))))

  ;; dst[c, r..r+4) = src[r..r+4, c] (one column of a four-row strip).
  (func $column4 (param $ps i32) (param $pd i32) (param $rows i32) (param $cols i32) (param $r i32) (param $c i32)
    (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (i32.const 4)))
        (f32.store (i32.add (local.get $pd) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $rows)) (i32.add (local.get $r) (local.get $k))) (i32.const 2)))
          (f32.load (i32.add (local.get $ps) (i32.shl (i32.add (i32.mul (i32.add (local.get $r) (local.get $k)) (local.get $cols)) (local.get $c)) (i32.const 2)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))
