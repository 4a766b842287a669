  ;; The product aᵀ b of a tall a and a narrow b (a dense layer's weight gradient, xᵀ dy) read
  ;; in place: no transposed copy of a (7.4 MB for keras-to-snn's dense layer, transposed on
  ;; one thread before XNNPACK's product: 2.6 ms of a training step).

  ;; mm_tn(pa, pb, po, rows, aCols, c0, c1): outT[j, c] += the sum over r < rows of a[r, c] *
  ;; b[r, j] for j < 12 and c in [c0, c1) (multiples of 4, as aCols); a [rows, aCols], b [rows,
  ;; 12] (a narrow b padded to 12 columns), outT [12, aCols]. In chunks of 8 rows (8 streams
  ;; through a, which prefetchers follow; all rows at once walk 200 rows 36 KB apart per column
  ;; and took 3.3 ms, one row at a time with out's rows in cache 2.0 ms): per four columns of a
  ;; the chunk's sums for b's columns 0-7 in eight registers, then 8-11 in four, added to outT
  ;; once per chunk. Rows go in order, so the result does not depend on how [0, aCols) is split.
  (func (export "mm_tn") (param $pa i32) (param $pb i32) (param $po i32) (param $rows i32) (param $aCols i32)
    (param $c0 i32) (param $c1 i32)
    (local $r0 i32) (local $r1 i32) (local $c i32) (local $x i32) (local $y i32) (local $xEnd i32) (local $aRow i32) (local $o i32) (local $v v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $s4 v128) (local $s5 v128) (local $s6 v128) (local $s7 v128)
    (local.set $aRow (i32.shl (local.get $aCols) (i32.const 2)))
    (block $rdone
      (loop $rnext
        (br_if $rdone (i32.ge_u (local.get $r0) (local.get $rows)))
        (local.set $r1 (i32.add (local.get $r0) (i32.const 8)))
        (if (i32.gt_u (local.get $r1) (local.get $rows)) (then (local.set $r1 (local.get $rows))))
        (local.set $c (local.get $c0))
        (block $cdone
          (loop $cnext
            (br_if $cdone (i32.ge_u (local.get $c) (local.get $c1)))
            ;; b's columns 0-7
            (local.set $s0 (v128.const i32x4 0 0 0 0)) (local.set $s1 (v128.const i32x4 0 0 0 0))
            (local.set $s2 (v128.const i32x4 0 0 0 0)) (local.set $s3 (v128.const i32x4 0 0 0 0))
            (local.set $s4 (v128.const i32x4 0 0 0 0)) (local.set $s5 (v128.const i32x4 0 0 0 0))
            (local.set $s6 (v128.const i32x4 0 0 0 0)) (local.set $s7 (v128.const i32x4 0 0 0 0))
            (local.set $x (i32.add (local.get $pa) (i32.add (i32.mul (local.get $r0) (local.get $aRow)) (i32.shl (local.get $c) (i32.const 2)))))
            (local.set $xEnd (i32.add (local.get $x) (i32.mul (i32.sub (local.get $r1) (local.get $r0)) (local.get $aRow))))
            (local.set $y (i32.add (local.get $pb) (i32.mul (local.get $r0) (i32.const 48))))
            (loop $r8next
              (local.set $v (v128.load (local.get $x)))
              (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $v) (v128.load32_splat offset=0 (local.get $y)))))
              (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $v) (v128.load32_splat offset=4 (local.get $y)))))
              (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $v) (v128.load32_splat offset=8 (local.get $y)))))
              (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $v) (v128.load32_splat offset=12 (local.get $y)))))
              (local.set $s4 (f32x4.add (local.get $s4) (f32x4.mul (local.get $v) (v128.load32_splat offset=16 (local.get $y)))))
              (local.set $s5 (f32x4.add (local.get $s5) (f32x4.mul (local.get $v) (v128.load32_splat offset=20 (local.get $y)))))
              (local.set $s6 (f32x4.add (local.get $s6) (f32x4.mul (local.get $v) (v128.load32_splat offset=24 (local.get $y)))))
              (local.set $s7 (f32x4.add (local.get $s7) (f32x4.mul (local.get $v) (v128.load32_splat offset=28 (local.get $y)))))
              (local.set $x (i32.add (local.get $x) (local.get $aRow)))
              (local.set $y (i32.add (local.get $y) (i32.const 48)))
              (br_if $r8next (i32.lt_u (local.get $x) (local.get $xEnd))))
            (local.set $o (i32.add (local.get $po) (i32.shl (local.get $c) (i32.const 2))))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s0)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s1)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s2)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s3)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s4)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s5)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s6)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s7)))
            ;; b's columns 8-11
            (local.set $s0 (v128.const i32x4 0 0 0 0)) (local.set $s1 (v128.const i32x4 0 0 0 0))
            (local.set $s2 (v128.const i32x4 0 0 0 0)) (local.set $s3 (v128.const i32x4 0 0 0 0))
            (local.set $x (i32.sub (local.get $xEnd) (i32.mul (i32.sub (local.get $r1) (local.get $r0)) (local.get $aRow))))
            (local.set $y (i32.add (local.get $pb) (i32.mul (local.get $r0) (i32.const 48))))
            (loop $r4next
              (local.set $v (v128.load (local.get $x)))
              (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $v) (v128.load32_splat offset=32 (local.get $y)))))
              (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $v) (v128.load32_splat offset=36 (local.get $y)))))
              (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $v) (v128.load32_splat offset=40 (local.get $y)))))
              (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $v) (v128.load32_splat offset=44 (local.get $y)))))
              (local.set $x (i32.add (local.get $x) (local.get $aRow)))
              (local.set $y (i32.add (local.get $y) (i32.const 48)))
              (br_if $r4next (i32.lt_u (local.get $x) (local.get $xEnd))))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s0)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s1)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s2)))
            (local.set $o (i32.add (local.get $o) (local.get $aRow)))
            (v128.store (local.get $o) (f32x4.add (v128.load (local.get $o)) (local.get $s3)))
            (local.set $c (i32.add (local.get $c) (i32.const 4)))
            (br $cnext)))
        (local.set $r0 (local.get $r1))
        (br $rnext))))

  ;; copy_columns(ps, pd, rows, cols, padded): dst [rows, padded] = the first columns of src
  ;; [rows, cols], zero where c >= cols (a narrow matrix padded to or cut from 12 columns for the
  ;; kernels above), one float at a time.
  (func (export "copy_columns") (param $ps i32) (param $pd i32) (param $rows i32) (param $cols i32) (param $padded i32)
    (local $r i32) (local $c i32)
    (block $rdone
      (loop $rnext
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $c (i32.const 0))
        (block $cdone
          (loop $cnext
            (br_if $cdone (i32.ge_u (local.get $c) (local.get $padded)))
            (f32.store (local.get $pd) (if (result f32) (i32.lt_u (local.get $c) (local.get $cols))
              (then (f32.load (i32.add (local.get $ps) (i32.shl (local.get $c) (i32.const 2))))) (else (f32.const 0))))
            (local.set $pd (i32.add (local.get $pd) (i32.const 4)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $cnext)))
        (local.set $ps (i32.add (local.get $ps) (i32.shl (local.get $cols) (i32.const 2))))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rnext))))
