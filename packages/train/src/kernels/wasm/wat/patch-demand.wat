  ;; A first conv's demand map (see inputDemand): the largest |x| over each output position's
  ;; patch, for a one-channel input and a stride-1 unpadded conv (MNIST's first conv): one pass
  ;; instead of tfjs's abs and max-pool ops (0.6 ms of a keras-to-snn step).

  ;; patch_demand(px, po, batch, inH, inW, kH, kW): out[n, oh, ow] = max over kh < kH, kw < kW
  ;; of |x[n, oh + kh, ow + kw]| (outH = inH - kH + 1, outW = inW - kW + 1), four outputs of a
  ;; row at a time (unaligned loads), the row's last outW % 4 one at a time. |x| is x's bits
  ;; without the sign, and for those bits an integer max is the float max: V8's f32x4.max
  ;; (NaN- and signed-zero-exact) is a chain of several instructions and took 0.59 ms a batch.
  (func (export "patch_demand") (param $px i32) (param $po i32) (param $batch i32) (param $inH i32) (param $inW i32) (param $kH i32) (param $kW i32)
    (local $n i32) (local $oh i32) (local $ow i32) (local $kh i32) (local $kw i32) (local $outH i32) (local $outW i32) (local $out4 i32)
    (local $row i32) (local $p i32) (local $m v128) (local $s f32)
    (local.set $outH (i32.add (i32.sub (local.get $inH) (local.get $kH)) (i32.const 1)))
    (local.set $outW (i32.add (i32.sub (local.get $inW) (local.get $kW)) (i32.const 1)))
    (local.set $out4 (i32.and (local.get $outW) (i32.const -4)))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $batch)))
        (local.set $oh (i32.const 0))
        (block $ohdone
          (loop $ohnext
            (br_if $ohdone (i32.ge_u (local.get $oh) (local.get $outH)))
            ;; x[n, oh, 0]
            (local.set $row (i32.add (local.get $px) (i32.shl (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (local.get $oh)) (local.get $inW)) (i32.const 2))))
            (local.set $ow (i32.const 0))
            (block $owdone
              (loop $ownext
                (br_if $owdone (i32.ge_u (local.get $ow) (local.get $out4)))
                (local.set $m (v128.const i32x4 0 0 0 0))
                (local.set $kh (i32.const 0))
                (loop $khnext
                  (local.set $p (i32.add (i32.add (local.get $row) (i32.shl (i32.mul (local.get $kh) (local.get $inW)) (i32.const 2))) (i32.shl (local.get $ow) (i32.const 2))))
                  (local.set $kw (i32.const 0))
                  (loop $kwnext
                    (local.set $m (i32x4.max_s (local.get $m) (v128.and (v128.load (local.get $p)) (v128.const i32x4 0x7fffffff 0x7fffffff 0x7fffffff 0x7fffffff))))
                    (local.set $p (i32.add (local.get $p) (i32.const 4)))
                    (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                    (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
                  (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
                  (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))
                (v128.store (local.get $po) (local.get $m))
                (local.set $po (i32.add (local.get $po) (i32.const 16)))
                (local.set $ow (i32.add (local.get $ow) (i32.const 4)))
                (br $ownext)))
            (block $tdone
              (loop $tnext
                (br_if $tdone (i32.ge_u (local.get $ow) (local.get $outW)))
                (local.set $s (f32.const 0))
                (local.set $kh (i32.const 0))
                (loop $khnext1
                  (local.set $p (i32.add (i32.add (local.get $row) (i32.shl (i32.mul (local.get $kh) (local.get $inW)) (i32.const 2))) (i32.shl (local.get $ow) (i32.const 2))))
                  (local.set $kw (i32.const 0))
                  (loop $kwnext1
                    (local.set $s (f32.max (local.get $s) (f32.abs (f32.load (local.get $p)))))
                    (local.set $p (i32.add (local.get $p) (i32.const 4)))
                    (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                    (br_if $kwnext1 (i32.lt_u (local.get $kw) (local.get $kW))))
                  (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
                  (br_if $khnext1 (i32.lt_u (local.get $kh) (local.get $kH))))
                (f32.store (local.get $po) (local.get $s))
                (local.set $po (i32.add (local.get $po) (i32.const 4)))
                (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                (br $tnext)))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (br $ohnext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))
