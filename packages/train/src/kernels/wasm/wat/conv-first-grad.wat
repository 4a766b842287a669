  ;; The filter and bias gradients of a first conv + bias + ReLU (few patch rows) in one pass
  ;; over dy and the output y, without writing the ReLU's gradient out: that tensor, as large as
  ;; the first conv's output, would be written once and read twice.

  ;; conv_first_grad(px, pdy, py, pdw, pdb, n0, n1, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, padT, padL, pImage, pDemand):
  ;; with a = dy where y > 0 (else 0), for images [n0, n1): db[co] += the sum of a[.., co] and
  ;; dw[r, co] += x[n, ih, iw, ci] * a[n, oh, ow, co] (r = (kh*kW + kw)*inC + ci, ih = oh*sH +
  ;; kh - padT, likewise iw; taps outside x read zero), output pixel by output pixel; zero x
  ;; values add nothing and are skipped. Each image is summed apart first (at pImage: room for
  ;; (kH*kW*inC + 1) * outC floats, the bias row last), then added to dw and db: shorter chains
  ;; of float32 additions. outC a multiple of 4. With a demand map (pDemand: a float per output
  ;; pixel, [batch, outH, outW]; 0 for none) dy is known to be zero where it is zero except at the
  ;; image's first such pixel (as SnnConv2DBackpropInputDemand writes it), and x's patch all zero
  ;; there: those pixels are skipped.
  (func (export "conv_first_grad") (param $px i32) (param $pdy i32) (param $py i32) (param $pdw i32) (param $pdb i32) (param $n0 i32) (param $n1 i32)
    (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $padT i32) (param $padL i32) (param $pImage i32) (param $pDemand i32)
    (local $pd i32) (local $first i32) (local $imageBytes i32) (local $pdbImage i32) (local $q i32) (local $n i32) (local $oh i32) (local $ow i32) (local $kh i32) (local $kw i32) (local $ci i32) (local $ih i32) (local $iw i32)
    (local $co i32) (local $outBytes i32) (local $dyRow i32) (local $yRow i32) (local $xv f32) (local $xs v128) (local $a v128)
    (local $dwRow i32) (local $xImage i32)
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $pdbImage (i32.add (local.get $pImage) (i32.mul (i32.mul (i32.mul (local.get $kH) (local.get $kW)) (local.get $inC)) (local.get $outBytes))))
    (local.set $imageBytes (i32.add (i32.sub (local.get $pdbImage) (local.get $pImage)) (local.get $outBytes)))
    (local.set $dyRow (i32.add (local.get $pdy) (i32.mul (i32.mul (i32.mul (local.get $n0) (local.get $outH)) (local.get $outW)) (local.get $outBytes))))
    (local.set $yRow (i32.add (local.get $py) (i32.sub (local.get $dyRow) (local.get $pdy))))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        (memory.fill (local.get $pImage) (i32.const 0) (local.get $imageBytes))
        ;; with a demand map: the image's demand row and its first undemanded pixel (-1: none)
        (local.set $pd (i32.add (local.get $pDemand) (i32.shl (i32.mul (i32.mul (local.get $n) (local.get $outH)) (local.get $outW)) (i32.const 2))))
        (local.set $first (if (result i32) (local.get $pDemand)
          (then (call $firstUndemanded (local.get $pd) (i32.mul (local.get $outH) (local.get $outW)))) (else (i32.const -1))))
        (local.set $xImage (i32.add (local.get $px) (i32.shl (i32.mul (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $inW)) (local.get $inC)) (i32.const 2))))
        (local.set $oh (i32.const 0))
        (loop $ohnext
          (local.set $ow (i32.const 0))
          (loop $ownext
            (block $pixelDone
            ;; an undemanded pixel other than the image's first: dy is zero there
            (if (local.get $pDemand)
              (then
                (local.set $q (i32.add (i32.mul (local.get $oh) (local.get $outW)) (local.get $ow)))
                (br_if $pixelDone (i32.and (f32.eq (f32.load (i32.add (local.get $pd) (i32.shl (local.get $q) (i32.const 2)))) (f32.const 0))
                  (i32.ne (local.get $q) (local.get $first))))))
            ;; a = dy where y > 0 (recomputed per nonzero x below: dy and y stay in L1), into the bias gradient
            (local.set $co (i32.const 0))
            (loop $cbias
              (v128.store (i32.add (local.get $pdbImage) (local.get $co))
                (f32x4.add (v128.load (i32.add (local.get $pdbImage) (local.get $co)))
                  (v128.and (v128.load (i32.add (local.get $dyRow) (local.get $co)))
                    (f32x4.gt (v128.load (i32.add (local.get $yRow) (local.get $co))) (v128.const i32x4 0 0 0 0)))))
              (local.set $co (i32.add (local.get $co) (i32.const 16)))
              (br_if $cbias (i32.lt_u (local.get $co) (local.get $outBytes))))
            ;; every nonzero x of the pixel's patch times a into its filter row
            (local.set $dwRow (local.get $pImage))
            (local.set $kh (i32.const 0))
            (loop $khnext
              (local.set $ih (i32.sub (i32.add (i32.mul (local.get $oh) (local.get $sH)) (local.get $kh)) (local.get $padT)))
              (local.set $kw (i32.const 0))
              (loop $kwnext
                (local.set $iw (i32.sub (i32.add (i32.mul (local.get $ow) (local.get $sW)) (local.get $kw)) (local.get $padL)))
                (local.set $ci (i32.const 0))
                (loop $cinext
                  (if (i32.and (i32.lt_u (local.get $ih) (local.get $inH)) (i32.lt_u (local.get $iw) (local.get $inW)))
                    (then
                      (local.set $xv (f32.load (i32.add (local.get $xImage)
                        (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $ih) (local.get $inW)) (local.get $iw)) (local.get $inC)) (local.get $ci)) (i32.const 2)))))
                      (if (f32.ne (local.get $xv) (f32.const 0))
                        (then
                          (local.set $xs (f32x4.splat (local.get $xv)))
                          (local.set $co (i32.const 0))
                          (loop $cw
                            (local.set $a (v128.and (v128.load (i32.add (local.get $dyRow) (local.get $co)))
                              (f32x4.gt (v128.load (i32.add (local.get $yRow) (local.get $co))) (v128.const i32x4 0 0 0 0))))
                            (v128.store (i32.add (local.get $dwRow) (local.get $co))
                              (f32x4.add (v128.load (i32.add (local.get $dwRow) (local.get $co))) (f32x4.mul (local.get $xs) (local.get $a))))
                            (local.set $co (i32.add (local.get $co) (i32.const 16)))
                            (br_if $cw (i32.lt_u (local.get $co) (local.get $outBytes))))))))
                  (local.set $dwRow (i32.add (local.get $dwRow) (local.get $outBytes)))
                  (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                  (br_if $cinext (i32.lt_u (local.get $ci) (local.get $inC))))
                (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
              (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
              (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH)))))
            (local.set $dyRow (i32.add (local.get $dyRow) (local.get $outBytes)))
            (local.set $yRow (i32.add (local.get $yRow) (local.get $outBytes)))
            (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
            (br_if $ownext (i32.lt_u (local.get $ow) (local.get $outW))))
          (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
          (br_if $ohnext (i32.lt_u (local.get $oh) (local.get $outH))))
        ;; the image's sums into dw and db (laid out as dw then db, like pImage)
        (local.set $q (i32.const 0))
        (block $adone
          (loop $anext
            (br_if $adone (i32.ge_u (local.get $q) (local.get $imageBytes)))
            (if (i32.lt_u (local.get $q) (i32.sub (local.get $pdbImage) (local.get $pImage)))
              (then (v128.store (i32.add (local.get $pdw) (local.get $q))
                (f32x4.add (v128.load (i32.add (local.get $pdw) (local.get $q))) (v128.load (i32.add (local.get $pImage) (local.get $q))))))
              (else (v128.store (i32.add (local.get $pdb) (i32.sub (local.get $q) (i32.sub (local.get $pdbImage) (local.get $pImage))))
                (f32x4.add (v128.load (i32.add (local.get $pdb) (i32.sub (local.get $q) (i32.sub (local.get $pdbImage) (local.get $pImage)))))
                  (v128.load (i32.add (local.get $pImage) (local.get $q)))))))
            (local.set $q (i32.add (local.get $q) (i32.const 16)))
            (br $anext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))
