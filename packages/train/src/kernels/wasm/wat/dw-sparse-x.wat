  ;; The filter gradient of a conv from the nonzero entries of x only: a first conv on images
  ;; that are mostly zero (MNIST: 19% of the pixels).

  ;; dw_sparse_x(px, pdy, pdw, n0, n1, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, padT, padL, pList):
  ;; dw[kh, kw, ci, co] += the sum over images [n0, n1) and their nonzero x[n, ih, iw, ci] of x
  ;; times dy[n, oh, ow, co], for the output pixel (oh, ow) whose tap (kh, kw) reads it (oh*sH =
  ;; ih + padT - kh, likewise ow; none when that is outside dy or between strides). Image by
  ;; image its nonzero x are listed at pList (padded row, padded column, channel, value: room
  ;; for inH*inW*inC entries of four words), then for every channel, tap and 16 output channels
  ;; the entries' products are summed in four f32x4 registers (then 4 channels at a time);
  ;; outC a multiple of 4.
  (func (export "dw_sparse_x") (param $px i32) (param $pdy i32) (param $pdw i32) (param $n0 i32) (param $n1 i32)
    (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $padT i32) (param $padL i32) (param $pList i32)
    (local $n i32) (local $ih i32) (local $iw i32) (local $ci i32) (local $x i32) (local $v f32) (local $listEnd i32)
    (local $kh i32) (local $kw i32) (local $co i32) (local $e i32) (local $oh i32) (local $ow i32) (local $dyImage i32)
    (local $outBytes i32) (local $row i32) (local $out i32) (local $vv v128) (local $strided i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    ;; no divisions for a stride of 1
    (local.set $strided (i32.or (i32.ne (local.get $sH) (i32.const 1)) (i32.ne (local.get $sW) (i32.const 1))))
    (local.set $x (i32.add (local.get $px) (i32.shl (i32.mul (i32.mul (i32.mul (local.get $n0) (local.get $inH)) (local.get $inW)) (local.get $inC)) (i32.const 2))))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        ;; the image's nonzero x, branch-free: every entry is written, the end advances past nonzero ones
        (local.set $listEnd (local.get $pList))
        (local.set $ih (i32.const 0))
        (loop $ihnext
          (local.set $iw (i32.const 0))
          (loop $iwnext
            (local.set $ci (i32.const 0))
            (loop $cinext
              (local.set $v (f32.load (local.get $x)))
              (i32.store (local.get $listEnd) (i32.add (local.get $ih) (local.get $padT)))
              (i32.store offset=4 (local.get $listEnd) (i32.add (local.get $iw) (local.get $padL)))
              (i32.store offset=8 (local.get $listEnd) (local.get $ci))
              (f32.store offset=12 (local.get $listEnd) (local.get $v))
              (local.set $listEnd (i32.add (local.get $listEnd) (i32.shl (f32.ne (local.get $v) (f32.const 0)) (i32.const 4))))
              (local.set $x (i32.add (local.get $x) (i32.const 4)))
              (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
              (br_if $cinext (i32.lt_u (local.get $ci) (local.get $inC))))
            (local.set $iw (i32.add (local.get $iw) (i32.const 1)))
            (br_if $iwnext (i32.lt_u (local.get $iw) (local.get $inW))))
          (local.set $ih (i32.add (local.get $ih) (i32.const 1)))
          (br_if $ihnext (i32.lt_u (local.get $ih) (local.get $inH))))
        (local.set $dyImage (i32.add (local.get $pdy) (i32.mul (i32.mul (i32.mul (local.get $n) (local.get $outH)) (local.get $outW)) (local.get $outBytes))))
        ;; dw[kh, kw, ci, :], row by row
        (local.set $out (local.get $pdw))
        (local.set $kh (i32.const 0))
        (loop $khnext
          (local.set $kw (i32.const 0))
          (loop $kwnext
            (local.set $ci (i32.const 0))
            (loop $cinext2
              (local.set $co (i32.const 0))
              (loop $conext
                (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
                (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
                (local.set $e (local.get $pList))
                (block $edone
                  (loop $enext
                    (br_if $edone (i32.ge_u (local.get $e) (local.get $listEnd)))
                    (block $skip
                      (br_if $skip (i32.ne (i32.load offset=8 (local.get $e)) (local.get $ci)))
                      ;; oh*sH = padded row - kh, in [0, outH*sH) and on a stride
                      (local.set $oh (i32.sub (i32.load (local.get $e)) (local.get $kh)))
                      (local.set $ow (i32.sub (i32.load offset=4 (local.get $e)) (local.get $kw)))
                      (br_if $skip (i32.or (i32.lt_s (local.get $oh) (i32.const 0)) (i32.lt_s (local.get $ow) (i32.const 0))))
                      (if (local.get $strided)
                        (then
                          (br_if $skip (i32.or (i32.rem_u (local.get $oh) (local.get $sH)) (i32.rem_u (local.get $ow) (local.get $sW))))
                          (local.set $oh (i32.div_u (local.get $oh) (local.get $sH)))
                          (local.set $ow (i32.div_u (local.get $ow) (local.get $sW)))))
                      (br_if $skip (i32.or (i32.ge_u (local.get $oh) (local.get $outH)) (i32.ge_u (local.get $ow) (local.get $outW))))
                      (local.set $row (i32.add (i32.add (local.get $dyImage) (local.get $co))
                        (i32.mul (i32.add (i32.mul (local.get $oh) (local.get $outW)) (local.get $ow)) (local.get $outBytes))))
                      (local.set $vv (v128.load32_splat offset=12 (local.get $e)))
                      (if (i32.le_u (i32.add (local.get $co) (i32.const 64)) (local.get $outBytes))
                        (then
                          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $row)))))
                          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $row)))))
                          (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $row)))))
                          (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $row))))))
                        (else
                          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $vv) (v128.load (local.get $row))))))))
                    (local.set $e (i32.add (local.get $e) (i32.const 16)))
                    (br $enext)))
                (v128.store (i32.add (local.get $out) (local.get $co)) (f32x4.add (v128.load (i32.add (local.get $out) (local.get $co))) (local.get $a0)))
                (if (i32.le_u (i32.add (local.get $co) (i32.const 64)) (local.get $outBytes))
                  (then
                    (v128.store offset=16 (i32.add (local.get $out) (local.get $co)) (f32x4.add (v128.load offset=16 (i32.add (local.get $out) (local.get $co))) (local.get $a1)))
                    (v128.store offset=32 (i32.add (local.get $out) (local.get $co)) (f32x4.add (v128.load offset=32 (i32.add (local.get $out) (local.get $co))) (local.get $a2)))
                    (v128.store offset=48 (i32.add (local.get $out) (local.get $co)) (f32x4.add (v128.load offset=48 (i32.add (local.get $out) (local.get $co))) (local.get $a3)))
                    (local.set $co (i32.add (local.get $co) (i32.const 64))))
                  (else (local.set $co (i32.add (local.get $co) (i32.const 16)))))
                (br_if $conext (i32.lt_u (local.get $co) (local.get $outBytes))))
              (local.set $out (i32.add (local.get $out) (local.get $outBytes)))
              (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
              (br_if $cinext2 (i32.lt_u (local.get $ci) (local.get $inC))))
            (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
            (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
          (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
          (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))
