  ;; interleave(ppart, pdx, batch, inH, inW, c, sH, sW, ih0, rows, iw0, cols):
  ;; dx[n, ih0 + sH*i, iw0 + sW*j, :] = part[n, i, j, :] (see polyphase-backprop-input.ts).
  (func (export "interleave") (param $ps i32) (param $pd i32) (param $batch i32) (param $inH i32) (param $inW i32)
        (param $c i32) (param $sH i32) (param $sW i32) (param $ih0 i32) (param $rows i32) (param $iw0 i32) (param $cols i32)
    (local $n i32) (local $i i32) (local $j i32) (local $dst i32) (local $step i32) (local $run i32)
    (local.set $run (i32.shl (local.get $c) (i32.const 2)))
    (local.set $step (i32.mul (local.get $sW) (local.get $run)))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $batch)))
        (local.set $i (i32.const 0))
        (block $idone
          (loop $inext
            (br_if $idone (i32.ge_u (local.get $i) (local.get $rows)))
            (local.set $dst (i32.add (local.get $pd) (i32.mul (local.get $run)
              (i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH))
                                         (i32.add (local.get $ih0) (i32.mul (local.get $sH) (local.get $i))))
                                (local.get $inW))
                       (local.get $iw0)))))
            (local.set $j (i32.const 0))
            (block $jdone
              (loop $jnext
                (br_if $jdone (i32.ge_u (local.get $j) (local.get $cols)))
                (call $copy (local.get $dst) (local.get $ps) (local.get $c))
                (local.set $ps (i32.add (local.get $ps) (local.get $run)))
                (local.set $dst (i32.add (local.get $dst) (local.get $step)))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $jnext)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $inext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))

  ;; sum_rows(px, rows, cols, pout, pblock): out[c] = sum over r of x[r*cols + c]; rows are
  ;; summed in blocks of 256 into `block` (scratch, cols floats) first, to bound rounding.
  (func (export "sum_rows") (param $px i32) (param $rows i32) (param $cols i32) (param $po i32) (param $pb i32)
    (local $r i32) (local $end i32) (local $bytes i32)
    (local.set $bytes (i32.shl (local.get $cols) (i32.const 2)))
    (memory.fill (local.get $po) (i32.const 0) (local.get $bytes))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $end (i32.add (local.get $r) (i32.const 256)))
        (if (i32.gt_u (local.get $end) (local.get $rows)) (then (local.set $end (local.get $rows))))
        (memory.fill (local.get $pb) (i32.const 0) (local.get $bytes))
        (block $bdone
          (loop $bnext
            (br_if $bdone (i32.ge_u (local.get $r) (local.get $end)))
            (call $add (local.get $pb) (i32.add (local.get $px) (i32.mul (local.get $r) (local.get $bytes))) (local.get $cols))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $bnext)))
        (call $add (local.get $po) (local.get $pb) (local.get $cols))
        (br $next))))

  ;; relu_grad(pdy, px, pout, n): out[i] = x[i] > 0 ? dy[i] : 0.
  (func (export "relu_grad") (param $pdy i32) (param $px i32) (param $po i32) (param $n i32)
    (local $i i32) (local $end i32) (local $x f32)
    (local.set $end (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end)))
        (v128.store (i32.add (local.get $po) (local.get $i))
          (v128.and (v128.load (i32.add (local.get $pdy) (local.get $i)))
                    (f32x4.gt (v128.load (i32.add (local.get $px) (local.get $i))) (v128.const f32x4 0 0 0 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $next4)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (f32.store (i32.add (local.get $po) (local.get $i))
          (select (f32.load (i32.add (local.get $pdy) (local.get $i))) (f32.const 0)
                  (f32.gt (f32.load (i32.add (local.get $px) (local.get $i))) (f32.const 0))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next))))
