  ;; The forward pass of an unpadded conv2d + bias + ReLU from the nonzero entries of x only, for
  ;; a conv fed by a first conv + ReLU: its input is about half zero, and where the first conv's
  ;; input patches are all zero (MNIST's background) it is one vector per image.

  ;; conv_pixel(px, rowBytes, pw, pb, py, kH, kW, inC, outC, pList, pTable, pd, inW, pBgTap): one
  ;; output pixel, y[:] = relu(b + sum over taps and ci of x[kh, kw, ci] * w[kh, kw, ci, :]),
  ;; x[kh, kw, :] at px + kh*rowBytes + kw*inC*4, w as [kH, kW, inC, outC]. The nonzero x values
  ;; are listed at pList (byte offset of their w row, value: room for kH*kW*inC entries; pTable:
  ;; the swizzle controls described below), then 16 output channels at a time sum them in four
  ;; f32x4 registers, two entries at a time (their two products added first; eight registers
  ;; spill under V8, see dw_sparse: 32 channels a pass, one entry at a time, ran at 2.4 instead
  ;; of 4.1 multiply-adds a cycle), then 4 channels at a time. With a demand map (pd: the
  ;; pixel's first demand float, rows inW apart; 0 for none) a tap whose demand is zero reads
  ;; the image's background vector: it is not listed, and its sum, row `tap` of pBgTap
  ;; ($bg_taps), is added to the bias first (on MNIST a fifth of the products).
  (func $conv_pixel (param $px i32) (param $rowBytes i32) (param $pw i32) (param $pb i32) (param $py i32)
    (param $kH i32) (param $kW i32) (param $inC i32) (param $outC i32) (param $pList i32) (param $pTable i32)
    (param $pd i32) (param $inW i32) (param $pBgTap i32)
    (local $bgMask i32) (local $tap i32) (local $m i32) (local $t i32) (local $kh i32) (local $kw i32) (local $x i32) (local $xEnd i32) (local $listEnd i32) (local $offs v128) (local $offStep v128) (local $vals v128) (local $o v128) (local $ctl v128) (local $mask i32)
    (local $outBytes i32) (local $inBytes i32) (local $co i32) (local $e i32) (local $pairEnd i32) (local $w i32) (local $w2 i32)
    (local $vv v128) (local $ww v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $inBytes (i32.shl (local.get $inC) (i32.const 2)))
    ;; the list, branch-free, four channels at a time: the lanes of x that are not zero
    ;; (f32.ne 0, as a scalar test: -0 is left out, NaN kept) go to the front of the (offset,
    ;; value) pairs in lane order by one swizzle each (pTable: 16 controls of 16 bytes, one per
    ;; 4-bit lane mask, from compress-table.ts); all four pair slots (32 bytes) are written and
    ;; the end advances past the kept ones only, so room for a pair per lane is enough. The
    ;; same entries in the same order as one lane at a time, at about a third of the cost.
    (local.set $listEnd (local.get $pList))
    (local.set $offs (i32x4.mul (i32x4.splat (local.get $outBytes)) (v128.const i32x4 0 1 2 3)))
    (local.set $offStep (i32x4.splat (i32.shl (local.get $outBytes) (i32.const 2))))
    (loop $khnext
      (local.set $kw (i32.const 0))
      (loop $kwnext
        (local.set $x (i32.add (local.get $px) (i32.add (i32.mul (local.get $kh) (local.get $rowBytes)) (i32.mul (local.get $kw) (local.get $inBytes)))))
        (local.set $xEnd (i32.add (local.get $x) (local.get $inBytes)))
        ;; a tap on the background (demand 0) is not listed: its sum is the precomputed bgTap row
        (if (if (result i32) (local.get $pd)
              (then (f32.eq (f32.load (i32.add (local.get $pd) (i32.shl (i32.add (i32.mul (local.get $kh) (local.get $inW)) (local.get $kw)) (i32.const 2)))) (f32.const 0)))
              (else (i32.const 0)))
          (then
            (local.set $bgMask (i32.or (local.get $bgMask) (i32.shl (i32.const 1) (local.get $tap))))
            (local.set $offs (i32x4.add (local.get $offs) (i32x4.splat (i32.mul (local.get $inC) (local.get $outBytes)))))
            (local.set $x (local.get $xEnd))))
        (if (i32.lt_u (local.get $x) (local.get $xEnd)) (then
        (loop $cinext
          (local.set $vals (v128.load (local.get $x)))
          (local.set $mask (i32x4.bitmask (f32x4.ne (local.get $vals) (v128.const i32x4 0 0 0 0))))
          (local.set $ctl (v128.load (i32.add (local.get $pTable) (i32.shl (local.get $mask) (i32.const 4)))))
          (local.set $o (i8x16.swizzle (local.get $offs) (local.get $ctl)))
          (local.set $vals (i8x16.swizzle (local.get $vals) (local.get $ctl)))
          (v128.store (local.get $listEnd) (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $o) (local.get $vals)))
          (v128.store offset=16 (local.get $listEnd) (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $o) (local.get $vals)))
          (local.set $listEnd (i32.add (local.get $listEnd) (i32.shl (i32.popcnt (local.get $mask)) (i32.const 3))))
          (local.set $offs (i32x4.add (local.get $offs) (local.get $offStep)))
          (local.set $x (i32.add (local.get $x) (i32.const 16)))
          (br_if $cinext (i32.lt_u (local.get $x) (local.get $xEnd))))))
        (local.set $tap (i32.add (local.get $tap) (i32.const 1)))
        (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
        (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
      (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
      (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))
    (local.set $pairEnd (i32.sub (local.get $listEnd) (i32.const 8)))
    (block $codone
      (loop $conext
        (br_if $codone (i32.ge_u (local.get $co) (local.get $outBytes)))
        (if (i32.le_u (i32.add (local.get $co) (i32.const 64)) (local.get $outBytes))
          (then
            (local.set $a0 (v128.load offset=0 (i32.add (local.get $pb) (local.get $co))))
            (local.set $a1 (v128.load offset=16 (i32.add (local.get $pb) (local.get $co))))
            (local.set $a2 (v128.load offset=32 (i32.add (local.get $pb) (local.get $co))))
            (local.set $a3 (v128.load offset=48 (i32.add (local.get $pb) (local.get $co))))
            (local.set $m (local.get $bgMask))
            (block $bgdone
              (loop $bgnext
                (br_if $bgdone (i32.eqz (local.get $m)))
                (local.set $t (i32.add (i32.add (local.get $pBgTap) (i32.mul (i32.ctz (local.get $m)) (local.get $outBytes))) (local.get $co)))
                (local.set $a0 (f32x4.add (local.get $a0) (v128.load offset=0 (local.get $t))))
                (local.set $a1 (f32x4.add (local.get $a1) (v128.load offset=16 (local.get $t))))
                (local.set $a2 (f32x4.add (local.get $a2) (v128.load offset=32 (local.get $t))))
                (local.set $a3 (f32x4.add (local.get $a3) (v128.load offset=48 (local.get $t))))
                (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
                (br $bgnext)))
            (local.set $e (local.get $pList))
            (block $pdone
              (loop $pnext
                (br_if $pdone (i32.ge_u (local.get $e) (local.get $pairEnd)))
                (local.set $w (i32.add (i32.add (local.get $pw) (i32.load (local.get $e))) (local.get $co)))
                (local.set $w2 (i32.add (i32.add (local.get $pw) (i32.load offset=8 (local.get $e))) (local.get $co)))
                (local.set $vv (v128.load32_splat offset=4 (local.get $e)))
                (local.set $ww (v128.load32_splat offset=12 (local.get $e)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=0 (local.get $w2))))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=16 (local.get $w2))))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=32 (local.get $w2))))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=48 (local.get $w2))))))
                (local.set $e (i32.add (local.get $e) (i32.const 16)))
                (br $pnext)))
            (if (i32.lt_u (local.get $e) (local.get $listEnd))
              (then
                (local.set $w (i32.add (i32.add (local.get $pw) (i32.load (local.get $e))) (local.get $co)))
                (local.set $vv (v128.load32_splat offset=4 (local.get $e)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $w)))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $w)))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $w)))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $w)))))))
            (v128.store offset=0 (i32.add (local.get $py) (local.get $co)) (f32x4.max (local.get $a0) (v128.const i32x4 0 0 0 0)))
            (v128.store offset=16 (i32.add (local.get $py) (local.get $co)) (f32x4.max (local.get $a1) (v128.const i32x4 0 0 0 0)))
            (v128.store offset=32 (i32.add (local.get $py) (local.get $co)) (f32x4.max (local.get $a2) (v128.const i32x4 0 0 0 0)))
            (v128.store offset=48 (i32.add (local.get $py) (local.get $co)) (f32x4.max (local.get $a3) (v128.const i32x4 0 0 0 0)))
            (local.set $co (i32.add (local.get $co) (i32.const 64))))
          (else
            (local.set $a0 (v128.load (i32.add (local.get $pb) (local.get $co))))
            (local.set $m (local.get $bgMask))
            (block $bg4done
              (loop $bg4next
                (br_if $bg4done (i32.eqz (local.get $m)))
                (local.set $a0 (f32x4.add (local.get $a0) (v128.load (i32.add (i32.add (local.get $pBgTap)
                  (i32.mul (i32.ctz (local.get $m)) (local.get $outBytes))) (local.get $co)))))
                (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
                (br $bg4next)))
            (local.set $e (local.get $pList))
            (block $e4done
              (loop $e4next
                (br_if $e4done (i32.ge_u (local.get $e) (local.get $listEnd)))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load32_splat offset=4 (local.get $e))
                  (v128.load (i32.add (i32.add (local.get $pw) (i32.load (local.get $e))) (local.get $co))))))
                (local.set $e (i32.add (local.get $e) (i32.const 8)))
                (br $e4next)))
            (v128.store (i32.add (local.get $py) (local.get $co)) (f32x4.max (local.get $a0) (v128.const i32x4 0 0 0 0)))
            (local.set $co (i32.add (local.get $co) (i32.const 16)))))
        (br $conext))))

  ;; bg_taps(pBg, pw, taps, inC, outC, pBgTap): bgTap[t, :] = the sum over ci of bg[ci] *
  ;; w[t, ci, :] for every tap t (w as [taps, inC, outC], outC a multiple of 4), ci in order.
  (func $bg_taps (param $pBg i32) (param $pw i32) (param $taps i32) (param $inC i32) (param $outC i32) (param $pBgTap i32)
    (local $t i32) (local $co i32) (local $ci i32) (local $w i32) (local $acc v128) (local $outBytes i32)
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (block $tdone
      (loop $tnext
        (br_if $tdone (i32.ge_u (local.get $t) (local.get $taps)))
        (local.set $co (i32.const 0))
        (block $codone
          (loop $conext
            (br_if $codone (i32.ge_u (local.get $co) (local.get $outBytes)))
            (local.set $acc (v128.const i32x4 0 0 0 0))
            (local.set $w (i32.add (i32.add (local.get $pw) (i32.mul (i32.mul (local.get $t) (local.get $inC)) (local.get $outBytes))) (local.get $co)))
            (local.set $ci (i32.const 0))
            (block $cidone
              (loop $cinext
                (br_if $cidone (i32.ge_u (local.get $ci) (local.get $inC)))
                (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul
                  (v128.load32_splat (i32.add (local.get $pBg) (i32.shl (local.get $ci) (i32.const 2)))) (v128.load (local.get $w)))))
                (local.set $w (i32.add (local.get $w) (local.get $outBytes)))
                (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                (br $cinext)))
            (v128.store (i32.add (i32.add (local.get $pBgTap) (i32.mul (local.get $t) (local.get $outBytes))) (local.get $co)) (local.get $acc))
            (local.set $co (i32.add (local.get $co) (i32.const 16)))
            (br $conext)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tnext))))

  ;; conv_sparse(px, pw, pb, py, n0, n1, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, pList, pDemand, pTable, pBgTap):
  ;; y = relu(conv2d(x, w) + b) for images [n0, n1) of an unpadded conv, pixel by pixel
  ;; ($conv_pixel; inC and outC multiples of 4). With a demand map (pDemand: a float per
  ;; position of x, [batch, inH, inW]; 0 for none, see dy_columns) x is the image's one
  ;; background vector where demand is zero: per image its product with each tap's filter goes
  ;; to pBgTap (kH*kW*outC floats) for the taps there, and the pixels none of whose taps lands on
  ;; a demanded position are computed once and copied.
  (func (export "conv_sparse") (param $px i32) (param $pw i32) (param $pb i32) (param $py i32) (param $n0 i32) (param $n1 i32)
    (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $pList i32) (param $pDemand i32) (param $pTable i32) (param $pBgTap i32)
    (local $first i32) (local $n i32) (local $oh i32) (local $ow i32) (local $yrow i32) (local $bgRow i32) (local $pd i32) (local $rowBytes i32) (local $outBytes i32)
    (local $x i32)
    (local.set $rowBytes (i32.shl (i32.mul (local.get $inW) (local.get $inC)) (i32.const 2)))
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $yrow (i32.add (local.get $py) (i32.mul (i32.mul (i32.mul (local.get $n0) (local.get $outH)) (local.get $outW)) (local.get $outBytes))))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        (local.set $bgRow (i32.const 0))
        ;; the image's background vector (x at its first undemanded position) times each tap's filter
        (if (local.get $pDemand)
          (then
            (local.set $first (call $firstUndemanded
              (i32.add (local.get $pDemand) (i32.shl (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $inW)) (i32.const 2)))
              (i32.mul (local.get $inH) (local.get $inW))))
            (if (i32.ge_s (local.get $first) (i32.const 0))
              (then (call $bg_taps
                (i32.add (local.get $px) (i32.shl (i32.mul (i32.add (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $inW)) (local.get $first)) (local.get $inC)) (i32.const 2)))
                (local.get $pw) (i32.mul (local.get $kH) (local.get $kW)) (local.get $inC) (local.get $outC) (local.get $pBgTap))))))
        (local.set $oh (i32.const 0))
        (block $ohdone
          (loop $ohnext
            (br_if $ohdone (i32.ge_u (local.get $oh) (local.get $outH)))
            (local.set $ow (i32.const 0))
            (block $owdone
              (loop $ownext
                (br_if $owdone (i32.ge_u (local.get $ow) (local.get $outW)))
                ;; x[n, oh*sH, ow*sW, 0] and demand[n, oh*sH, ow*sW]
                (local.set $x (i32.add (local.get $px) (i32.add
                  (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (i32.mul (local.get $oh) (local.get $sH))) (local.get $rowBytes))
                  (i32.shl (i32.mul (i32.mul (local.get $ow) (local.get $sW)) (local.get $inC)) (i32.const 2)))))
                (local.set $pd (i32.add (local.get $pDemand) (i32.shl (i32.add
                  (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (i32.mul (local.get $oh) (local.get $sH))) (local.get $inW))
                  (i32.mul (local.get $ow) (local.get $sW))) (i32.const 2))))
                (if (if (result i32) (local.get $pDemand)
                      (then (i32.eqz (call $anyDemanded (local.get $pd) (local.get $kH) (local.get $kW) (local.get $inW)))) (else (i32.const 0)))
                  (then
                    (if (local.get $bgRow)
                      (then (memory.copy (local.get $yrow) (local.get $bgRow) (local.get $outBytes)))
                      (else
                        (call $conv_pixel (local.get $x) (local.get $rowBytes) (local.get $pw) (local.get $pb) (local.get $yrow)
                          (local.get $kH) (local.get $kW) (local.get $inC) (local.get $outC) (local.get $pList) (local.get $pTable)
                          (if (result i32) (local.get $pDemand) (then (local.get $pd)) (else (i32.const 0))) (local.get $inW) (local.get $pBgTap))
                        (local.set $bgRow (local.get $yrow)))))
                  (else
                    (call $conv_pixel (local.get $x) (local.get $rowBytes) (local.get $pw) (local.get $pb) (local.get $yrow)
                      (local.get $kH) (local.get $kW) (local.get $inC) (local.get $outC) (local.get $pList) (local.get $pTable)
                          (if (result i32) (local.get $pDemand) (then (local.get $pd)) (else (i32.const 0))) (local.get $inW) (local.get $pBgTap))))
                (local.set $yrow (i32.add (local.get $yrow) (local.get $outBytes)))
                (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                (br $ownext)))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (br $ohnext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))
