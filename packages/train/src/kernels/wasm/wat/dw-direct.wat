  ;; dw_direct(px, pdy, pdw, n0, n1, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, padT, padL):
  ;; dw[r, co] += sum over images [n0, n1) and output pixels of x[n, ih, iw, ci] * dy[n, oh, ow, co]
  ;; (r = (kh*kW + kw)*inC + ci), straight from x and dy: no patch matrix, no packing. For few
  ;; patch rows (small kH*kW*inC); outC must be a multiple of 4. Channels go 32 at a time (eight
  ;; f32x4 accumulators), then 4 at a time.
  (func (export "dw_direct") (param $px i32) (param $pdy i32) (param $pdw i32) (param $n0 i32) (param $n1 i32)
        (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32) (param $outC i32)
        (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $padT i32) (param $padL i32)
    (local $r i32) (local $rows i32) (local $kh i32) (local $kw i32) (local $ci i32) (local $co i32) (local $width i32)
    (local $n i32) (local $oh i32) (local $ow i32) (local $ih i32) (local $iw i32) (local $pd i32) (local $xrow i32)
    (local $xv v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128) (local $dyRow i32) (local $pw i32)
    (local.set $rows (i32.mul (i32.mul (local.get $kH) (local.get $kW)) (local.get $inC)))
    (local.set $dyRow (i32.shl (local.get $outC) (i32.const 2)))
    (block $rdone
      (loop $rnext
        (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $ci (i32.rem_u (local.get $r) (local.get $inC)))
        (local.set $kw (i32.rem_u (i32.div_u (local.get $r) (local.get $inC)) (local.get $kW)))
        (local.set $kh (i32.div_u (local.get $r) (i32.mul (local.get $inC) (local.get $kW))))
        (local.set $co (i32.const 0))
        (block $codone
          (loop $conext
            (br_if $codone (i32.ge_u (local.get $co) (local.get $outC)))
            (local.set $width (select (i32.const 32) (i32.const 4)
              (i32.le_u (i32.add (local.get $co) (i32.const 32)) (local.get $outC))))
            (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $a4 (v128.const i32x4 0 0 0 0)) (local.set $a5 (v128.const i32x4 0 0 0 0))
            (local.set $a6 (v128.const i32x4 0 0 0 0)) (local.set $a7 (v128.const i32x4 0 0 0 0))
            (local.set $n (local.get $n0))
            (block $ndone
              (loop $nnext
                (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
                (local.set $oh (i32.const 0))
                (block $ohdone
                  (loop $ohnext
                    (br_if $ohdone (i32.ge_u (local.get $oh) (local.get $outH)))
                    (local.set $ih (i32.sub (i32.add (i32.mul (local.get $oh) (local.get $sH)) (local.get $kh)) (local.get $padT)))
                    (if (i32.and (i32.ge_s (local.get $ih) (i32.const 0)) (i32.lt_s (local.get $ih) (local.get $inH)))
                      (then
                        ;; dy[n, oh, 0, co] and x[n, ih, 0, ci] (byte addresses)
                        (local.set $pd (i32.add (local.get $pdy) (i32.add
                          (i32.mul (i32.mul (i32.add (i32.mul (local.get $n) (local.get $outH)) (local.get $oh)) (local.get $outW)) (local.get $dyRow))
                          (i32.shl (local.get $co) (i32.const 2)))))
                        (local.set $xrow (i32.add (local.get $px) (i32.shl (i32.add
                          (i32.mul (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (local.get $ih)) (local.get $inW)) (local.get $inC))
                          (local.get $ci)) (i32.const 2))))
                        (local.set $ow (i32.const 0))
                        (block $owdone
                          (loop $ownext
                            (br_if $owdone (i32.ge_u (local.get $ow) (local.get $outW)))
                            (local.set $iw (i32.sub (i32.add (i32.mul (local.get $ow) (local.get $sW)) (local.get $kw)) (local.get $padL)))
                            (if (i32.and (i32.ge_s (local.get $iw) (i32.const 0)) (i32.lt_s (local.get $iw) (local.get $inW)))
                              (then
                                (local.set $xv (v128.load32_splat (i32.add (local.get $xrow)
                                  (i32.shl (i32.mul (local.get $iw) (local.get $inC)) (i32.const 2)))))
                                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $xv) (v128.load (local.get $pd)))))
                                (if (i32.eq (local.get $width) (i32.const 32))
                                  (then
                                    (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $xv) (v128.load offset=16 (local.get $pd)))))
                                    (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $xv) (v128.load offset=32 (local.get $pd)))))
                                    (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $xv) (v128.load offset=48 (local.get $pd)))))
                                    (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $xv) (v128.load offset=64 (local.get $pd)))))
                                    (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $xv) (v128.load offset=80 (local.get $pd)))))
                                    (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $xv) (v128.load offset=96 (local.get $pd)))))
                                    (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $xv) (v128.load offset=112 (local.get $pd)))))))))
                            (local.set $pd (i32.add (local.get $pd) (local.get $dyRow)))
                            (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                            (br $ownext)))))
                    (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
                    (br $ohnext)))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (br $nnext)))
            ;; dw[r, co..co+width) += accumulators
            (local.set $pw (i32.add (local.get $pdw) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $outC)) (local.get $co)) (i32.const 2))))
            (v128.store (local.get $pw) (f32x4.add (v128.load (local.get $pw)) (local.get $a0)))
            (if (i32.eq (local.get $width) (i32.const 32))
              (then
                (v128.store offset=16 (local.get $pw) (f32x4.add (v128.load offset=16 (local.get $pw)) (local.get $a1)))
                (v128.store offset=32 (local.get $pw) (f32x4.add (v128.load offset=32 (local.get $pw)) (local.get $a2)))
                (v128.store offset=48 (local.get $pw) (f32x4.add (v128.load offset=48 (local.get $pw)) (local.get $a3)))
                (v128.store offset=64 (local.get $pw) (f32x4.add (v128.load offset=64 (local.get $pw)) (local.get $a4)))
                (v128.store offset=80 (local.get $pw) (f32x4.add (v128.load offset=80 (local.get $pw)) (local.get $a5)))
                (v128.store offset=96 (local.get $pw) (f32x4.add (v128.load offset=96 (local.get $pw)) (local.get $a6)))
                (v128.store offset=112 (local.get $pw) (f32x4.add (v128.load offset=112 (local.get $pw)) (local.get $a7)))))
            (local.set $co (i32.add (local.get $co) (local.get $width)))
            (br $conext)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rnext))))
