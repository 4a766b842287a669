  ;; The filter gradient of an unpadded conv fed by a first conv + ReLU from the nonzero entries
  ;; of x: behind the first conv x is about half zero, and where the first conv's patch is all
  ;; zero (MNIST's background) it is one vector per image, so those taps need only dy's sums.
  ;; dy behind conv1's ReLU is denser than x there (keras-to-snn: 183M products a step from
  ;; dy's nonzero entries against 116M from x's).

  ;; dw_x_columns(px, pdy, pdw, n0, n1, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, pDemand, pScratch):
  ;; dw[kh, kw, ci, co] += the filter gradient of images [n0, n1), image by image (each image's
  ;; sums in registers, added to dw once: short float32 chains as in dw_sparse). Per image:
  ;;  1. every output pixel's nonzero x over its taps is appended, by patch row r = (kh*kW +
  ;;     kw)*inC + ci, to r's list as (address of the pixel's dy row, value), pixels in order,
  ;;     four channels at a time (each lane to its own row's list by store64_lane; the cursors
  ;;     advance by ne(x, 0)). With a demand map (pDemand: a float per position of x, [batch,
  ;;     inH, inW]; 0 for none) a tap on an undemanded position reads the image's background
  ;;     vector bg: the pixel's dy row is added to that tap's sum ST[t, :] instead, and a pixel
  ;;     with no demanded tap to every tap's (SZ);
  ;;  2. every row sums its list, 16 output channels at a time in four f32x4 registers, two
  ;;     entries at a time (their products added first), then 4 channels, into dw[r, :];
  ;;  3. dw[t, ci, :] += bg[ci] * (SZ + ST[t]) (bg: x at the image's first undemanded position).
  ;; pScratch: i32 cursors (kH*kW*inC), SZ (outC floats), ST (kH*kW*outC), then each row's list
  ;; with room for outH*outW entries of two words. inC and outC multiples of 4.
  (func (export "dw_x_columns") (param $px i32) (param $pdy i32) (param $pdw i32) (param $n0 i32) (param $n1 i32)
    (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $pDemand i32) (param $pScratch i32)
    (local $n i32) (local $oh i32) (local $ow i32) (local $kh i32) (local $kw i32) (local $ci i32) (local $co i32) (local $r i32) (local $t i32)
    (local $rows i32) (local $taps i32) (local $capacity i32) (local $outBytes i32) (local $inBytes i32) (local $rowBytes i32)
    (local $pCursor i32) (local $pSZ i32) (local $pST i32) (local $pEntries i32) (local $first i32)
    (local $dyRow i32) (local $xImage i32) (local $pdImage i32) (local $pd i32) (local $xp i32) (local $pc i32) (local $s i32) (local $c i32)
    (local $e i32) (local $end i32) (local $pairEnd i32) (local $w i32) (local $w2 i32) (local $out i32) (local $bg i32)
    (local $bases v128) (local $vals v128) (local $curs v128) (local $ats v128) (local $pairs v128) (local $vv v128) (local $ww v128) (local $b v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $taps (i32.mul (local.get $kH) (local.get $kW)))
    (local.set $rows (i32.mul (local.get $taps) (local.get $inC)))
    (local.set $capacity (i32.mul (local.get $outH) (local.get $outW)))
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $inBytes (i32.shl (local.get $inC) (i32.const 2)))
    (local.set $rowBytes (i32.mul (local.get $inW) (local.get $inBytes)))
    (local.set $pCursor (local.get $pScratch))
    (local.set $pSZ (i32.add (local.get $pCursor) (i32.shl (local.get $rows) (i32.const 2))))
    (local.set $pST (i32.add (local.get $pSZ) (local.get $outBytes)))
    (local.set $pEntries (i32.add (local.get $pST) (i32.mul (local.get $taps) (local.get $outBytes))))
    (local.set $dyRow (i32.add (local.get $pdy) (i32.mul (i32.mul (local.get $n0) (local.get $capacity)) (local.get $outBytes))))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        (local.set $xImage (i32.add (local.get $px) (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $rowBytes))))
        (local.set $pdImage (i32.add (local.get $pDemand) (i32.shl (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $inW)) (i32.const 2))))
        ;; cursors at each row's start; SZ and ST zero
        (local.set $r (i32.const 0))
        (block $rdone
          (loop $rnext
            (br_if $rdone (i32.ge_u (local.get $r) (local.get $rows)))
            (i32.store (i32.add (local.get $pCursor) (i32.shl (local.get $r) (i32.const 2))) (i32.mul (local.get $r) (local.get $capacity)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rnext)))
        (memory.fill (local.get $pSZ) (i32.const 0) (i32.mul (i32.add (local.get $taps) (i32.const 1)) (local.get $outBytes)))
        ;; 1. the lists
        (local.set $oh (i32.const 0))
        (block $ohdone
          (loop $ohnext
            (br_if $ohdone (i32.ge_u (local.get $oh) (local.get $outH)))
            (local.set $ow (i32.const 0))
            (block $owdone
              (loop $ownext
                (br_if $owdone (i32.ge_u (local.get $ow) (local.get $outW)))
                ;; demand[n, oh*sH, ow*sW]
                (local.set $pd (i32.add (local.get $pdImage) (i32.shl (i32.add (i32.mul (i32.mul (local.get $oh) (local.get $sH)) (local.get $inW))
                  (i32.mul (local.get $ow) (local.get $sW))) (i32.const 2))))
                (if (if (result i32) (local.get $pDemand)
                      (then (i32.eqz (call $anyDemanded (local.get $pd) (local.get $kH) (local.get $kW) (local.get $inW)))) (else (i32.const 0)))
                  (then (call $addRow (local.get $pSZ) (local.get $dyRow) (local.get $outBytes)))
                  (else
                    (local.set $bases (i32x4.splat (local.get $dyRow)))
                    (local.set $t (i32.const 0))
                    (local.set $pc (local.get $pCursor))
                    (local.set $kh (i32.const 0))
                    (loop $khnext
                      (local.set $kw (i32.const 0))
                      (loop $kwnext
                        (if (if (result i32) (local.get $pDemand)
                              (then (f32.eq (f32.load (i32.add (local.get $pd) (i32.shl (i32.add (i32.mul (local.get $kh) (local.get $inW)) (local.get $kw)) (i32.const 2)))) (f32.const 0)))
                              (else (i32.const 0)))
                          (then (call $addRow (i32.add (local.get $pST) (i32.mul (local.get $t) (local.get $outBytes))) (local.get $dyRow) (local.get $outBytes)))
                          (else
                            ;; x[n, oh*sH + kh, ow*sW + kw, :], four channels at a time
                            (local.set $xp (i32.add (local.get $xImage) (i32.add
                              (i32.mul (i32.add (i32.mul (local.get $oh) (local.get $sH)) (local.get $kh)) (local.get $rowBytes))
                              (i32.mul (i32.add (i32.mul (local.get $ow) (local.get $sW)) (local.get $kw)) (local.get $inBytes)))))
                            (local.set $ci (i32.const 0))
                            (loop $cinext
                              (local.set $vals (v128.load (i32.add (local.get $xp) (local.get $ci))))
                              (local.set $c (i32.add (local.get $pc) (local.get $ci)))
                              (local.set $curs (v128.load (local.get $c)))
                              (local.set $ats (i32x4.add (i32x4.splat (local.get $pEntries)) (i32x4.shl (local.get $curs) (i32.const 3))))
                              (local.set $pairs (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $bases) (local.get $vals)))
                              (v128.store64_lane 0 (i32x4.extract_lane 0 (local.get $ats)) (local.get $pairs))
                              (v128.store64_lane 1 (i32x4.extract_lane 1 (local.get $ats)) (local.get $pairs))
                              (local.set $pairs (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $bases) (local.get $vals)))
                              (v128.store64_lane 0 (i32x4.extract_lane 2 (local.get $ats)) (local.get $pairs))
                              (v128.store64_lane 1 (i32x4.extract_lane 3 (local.get $ats)) (local.get $pairs))
                              ;; ne is -1 in a nonzero lane: subtracting counts up
                              (v128.store (local.get $c) (i32x4.sub (local.get $curs) (f32x4.ne (local.get $vals) (v128.const i32x4 0 0 0 0))))
                              (local.set $ci (i32.add (local.get $ci) (i32.const 16)))
                              (br_if $cinext (i32.lt_u (local.get $ci) (local.get $inBytes))))))
                        (local.set $pc (i32.add (local.get $pc) (local.get $inBytes)))
                        (local.set $t (i32.add (local.get $t) (i32.const 1)))
                        (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                        (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
                      (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
                      (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))))
                (local.set $dyRow (i32.add (local.get $dyRow) (local.get $outBytes)))
                (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                (br $ownext)))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (br $ohnext)))
        ;; 2. every row's sums into dw[r, :]
        (local.set $r (i32.const 0))
        (local.set $out (local.get $pdw))
        (block $sdone
          (loop $snext
            (br_if $sdone (i32.ge_u (local.get $r) (local.get $rows)))
            (local.set $s (i32.add (local.get $pEntries) (i32.shl (i32.mul (local.get $r) (local.get $capacity)) (i32.const 3))))
            (local.set $end (i32.add (local.get $pEntries) (i32.shl (i32.load (i32.add (local.get $pCursor) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 3))))
            (local.set $pairEnd (i32.sub (local.get $end) (i32.const 8)))
            (local.set $co (i32.const 0))
            (block $codone
              (loop $conext
                (br_if $codone (i32.gt_u (i32.add (local.get $co) (i32.const 64)) (local.get $outBytes)))
                (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
                (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
                (local.set $e (local.get $s))
                (block $pdone
                  (loop $pnext
                    (br_if $pdone (i32.ge_u (local.get $e) (local.get $pairEnd)))
                    (local.set $w (i32.add (i32.load (local.get $e)) (local.get $co)))
                    (local.set $w2 (i32.add (i32.load offset=8 (local.get $e)) (local.get $co)))
                    (local.set $vv (v128.load32_splat offset=4 (local.get $e)))
                    (local.set $ww (v128.load32_splat offset=12 (local.get $e)))
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=0 (local.get $w2))))))
                    (local.set $a1 (f32x4.add (local.get $a1) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=16 (local.get $w2))))))
                    (local.set $a2 (f32x4.add (local.get $a2) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=32 (local.get $w2))))))
                    (local.set $a3 (f32x4.add (local.get $a3) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $w))) (f32x4.mul (local.get $ww) (v128.load offset=48 (local.get $w2))))))
                    (local.set $e (i32.add (local.get $e) (i32.const 16)))
                    (br $pnext)))
                (if (i32.lt_u (local.get $e) (local.get $end))
                  (then
                    (local.set $w (i32.add (i32.load (local.get $e)) (local.get $co)))
                    (local.set $vv (v128.load32_splat offset=4 (local.get $e)))
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $w)))))
                    (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $w)))))
                    (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $w)))))
                    (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $w)))))))
                (local.set $c (i32.add (local.get $out) (local.get $co)))
                (v128.store offset=0 (local.get $c) (f32x4.add (v128.load offset=0 (local.get $c)) (local.get $a0)))
                (v128.store offset=16 (local.get $c) (f32x4.add (v128.load offset=16 (local.get $c)) (local.get $a1)))
                (v128.store offset=32 (local.get $c) (f32x4.add (v128.load offset=32 (local.get $c)) (local.get $a2)))
                (v128.store offset=48 (local.get $c) (f32x4.add (v128.load offset=48 (local.get $c)) (local.get $a3)))
                (local.set $co (i32.add (local.get $co) (i32.const 64)))
                (br $conext)))
            (block $c4done
              (loop $c4next
                (br_if $c4done (i32.ge_u (local.get $co) (local.get $outBytes)))
                (local.set $a0 (v128.const i32x4 0 0 0 0))
                (local.set $e (local.get $s))
                (block $e4done
                  (loop $e4next
                    (br_if $e4done (i32.ge_u (local.get $e) (local.get $end)))
                    (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load32_splat offset=4 (local.get $e))
                      (v128.load (i32.add (i32.load (local.get $e)) (local.get $co))))))
                    (local.set $e (i32.add (local.get $e) (i32.const 8)))
                    (br $e4next)))
                (local.set $c (i32.add (local.get $out) (local.get $co)))
                (v128.store (local.get $c) (f32x4.add (v128.load (local.get $c)) (local.get $a0)))
                (local.set $co (i32.add (local.get $co) (i32.const 16)))
                (br $c4next)))
            (local.set $out (i32.add (local.get $out) (local.get $outBytes)))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $snext)))
        ;; 3. the background taps: dw[t, ci, :] += bg[ci] * (SZ + ST[t])
        (if (local.get $pDemand)
          (then
            (local.set $first (call $firstUndemanded (local.get $pdImage) (i32.mul (local.get $inH) (local.get $inW))))
            (if (i32.ge_s (local.get $first) (i32.const 0))
              (then
                (local.set $bg (i32.add (local.get $xImage) (i32.mul (local.get $first) (local.get $inBytes))))
                (local.set $out (local.get $pdw))
                (local.set $t (i32.const 0))
                (block $tdone
                  (loop $tnext
                    (br_if $tdone (i32.ge_u (local.get $t) (local.get $taps)))
                    (local.set $s (i32.add (local.get $pST) (i32.mul (local.get $t) (local.get $outBytes))))
                    (call $addRow (local.get $s) (local.get $pSZ) (local.get $outBytes))
                    (local.set $ci (i32.const 0))
                    (block $cidone
                      (loop $cinext2
                        (br_if $cidone (i32.ge_u (local.get $ci) (local.get $inBytes)))
                        (local.set $b (v128.load32_splat (i32.add (local.get $bg) (local.get $ci))))
                        (local.set $co (i32.const 0))
                        (loop $conext2
                          (local.set $c (i32.add (local.get $out) (local.get $co)))
                          (v128.store (local.get $c) (f32x4.add (v128.load (local.get $c))
                            (f32x4.mul (local.get $b) (v128.load (i32.add (local.get $s) (local.get $co))))))
                          (local.set $co (i32.add (local.get $co) (i32.const 16)))
                          (br_if $conext2 (i32.lt_u (local.get $co) (local.get $outBytes))))
                        (local.set $out (i32.add (local.get $out) (local.get $outBytes)))
                        (local.set $ci (i32.add (local.get $ci) (i32.const 4)))
                        (br $cinext2)))
                    (local.set $t (i32.add (local.get $t) (i32.const 1)))
                    (br $tnext)))))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))

  ;; addRow(pd, ps, bytes): pd[0, bytes) += ps[0, bytes) as f32x4 (bytes a multiple of 16).
  (func $addRow (param $pd i32) (param $ps i32) (param $bytes i32)
    (local $c i32)
    (loop $next
      (v128.store (i32.add (local.get $pd) (local.get $c))
        (f32x4.add (v128.load (i32.add (local.get $pd) (local.get $c))) (v128.load (i32.add (local.get $ps) (local.get $c)))))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $c) (local.get $bytes)))))
