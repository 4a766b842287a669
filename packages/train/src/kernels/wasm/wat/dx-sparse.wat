  ;; The input gradient of an unpadded conv2d from the nonzero entries of dy only (behind a ReLU
  ;; about half of dy is zero while a network trains).

  ;; dx_sparse(pdy, pwT, pdx, n0, n1, outH, outW, outC, inH, inW, inC, kH, kW, sH, sW, pList, pDemand, pTable):
  ;; dx of images [n0, n1) of an unpadded conv2d (every tap of every output inside x): per output
  ;; pixel its nonzero dy values are listed at pList (byte offset of wT[0, 0, co, 0] relative to
  ;; wT, value: room for outC entries; pTable: see conv_pixel), then every tap's dx row dx[n, oh*sH + kh, ow*sW + kw, :]
  ;; gets the sum over the list of value * wT[kh, kw, co, :], wT being the filter as [kH, kW,
  ;; outC, inC]: 16 channels at a time in four f32x4 registers, then 4 at a time; list entries
  ;; two at a time, their two products added first, so a sum waits on one addition per two
  ;; entries. Not 32 channels in eight registers: V8's TurboFan loads every vector of an
  ;; iteration before multiplying and then keeps a sum on the stack (see dw_sparse); keras-to-snn
  ;; conv1, 100 images, one thread: 10.5 -> 8.5 ms. Each image's dx is zeroed just before its
  ;; sums (while it is in cache); inC a multiple of 4. Pixels, taps and list entries go in order,
  ;; so the sums do not depend on how images are split between calls. pDemand (0: none) is a
  ;; float per position of dx ([batch, inH, inW]): dx is summed only at positions whose demand
  ;; is nonzero (the others stay zero), and a pixel none of whose taps lands on one is skipped.
  (func (export "dx_sparse") (param $pdy i32) (param $pwT i32) (param $pdx i32) (param $n0 i32) (param $n1 i32)
    (param $outH i32) (param $outW i32) (param $outC i32) (param $inH i32) (param $inW i32) (param $inC i32)
    (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $pList i32) (param $pDemand i32) (param $pTable i32)
    (local $pd i32) (local $pdTap i32) (local $n i32) (local $oh i32) (local $ow i32) (local $row i32)
    (local $listEnd i32) (local $kh i32) (local $kw i32) (local $tapW i32) (local $px i32) (local $dxp i32) (local $ci i32)
    (local $e i32) (local $w i32) (local $vv v128) (local $ww v128) (local $w2 i32) (local $pairEnd i32) (local $inBytes i32) (local $rowBytes i32) (local $tapBytes i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $offs v128) (local $vals v128) (local $o v128) (local $ctl v128) (local $mask i32) (local $rowEnd i32)
    (local.set $inBytes (i32.shl (local.get $inC) (i32.const 2)))
    (local.set $tapBytes (i32.mul (local.get $outC) (local.get $inBytes)))
    (local.set $rowBytes (i32.mul (local.get $inW) (local.get $inBytes)))
    (local.set $row (i32.add (local.get $pdy)
      (i32.shl (i32.mul (i32.mul (i32.mul (local.get $n0) (local.get $outH)) (local.get $outW)) (local.get $outC)) (i32.const 2))))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        (memory.fill (i32.add (local.get $pdx) (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $rowBytes)))
          (i32.const 0) (i32.mul (local.get $inH) (local.get $rowBytes)))
        (local.set $oh (i32.const 0))
        (block $ohdone
          (loop $ohnext
            (br_if $ohdone (i32.ge_u (local.get $oh) (local.get $outH)))
            (local.set $ow (i32.const 0))
            (block $owdone
              (loop $ownext
                (br_if $owdone (i32.ge_u (local.get $ow) (local.get $outW)))
                ;; demand[n, oh*sH, ow*sW] (with a demand map): a pixel none of whose taps lands on
                ;; a demanded position is skipped, list and all
                (local.set $pd (i32.add (local.get $pDemand) (i32.shl (i32.add
                  (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (i32.mul (local.get $oh) (local.get $sH))) (local.get $inW))
                  (i32.mul (local.get $ow) (local.get $sW))) (i32.const 2))))
                (local.set $listEnd (local.get $pList))
                (if (if (result i32) (local.get $pDemand)
                      (then (i32.eqz (call $anyDemanded (local.get $pd) (local.get $kH) (local.get $kW) (local.get $inW)))) (else (i32.const 0)))
                  (then (local.set $row (i32.add (local.get $row) (i32.shl (local.get $outC) (i32.const 2)))))
                  (else
                    ;; the pixel's nonzero dy entries, branch-free, four channels at a time (as in conv_pixel)
                    (local.set $offs (v128.const i32x4 0 1 2 3))
                    (local.set $offs (i32x4.mul (local.get $offs) (i32x4.splat (local.get $inBytes))))
                    (local.set $rowEnd (i32.add (local.get $row) (i32.shl (local.get $outC) (i32.const 2))))
                    (loop $conext
                      (local.set $vals (v128.load (local.get $row)))
                      (local.set $mask (i32x4.bitmask (f32x4.ne (local.get $vals) (v128.const i32x4 0 0 0 0))))
                      (local.set $ctl (v128.load (i32.add (local.get $pTable) (i32.shl (local.get $mask) (i32.const 4)))))
                      (local.set $o (i8x16.swizzle (local.get $offs) (local.get $ctl)))
                      (local.set $vals (i8x16.swizzle (local.get $vals) (local.get $ctl)))
                      (v128.store (local.get $listEnd) (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $o) (local.get $vals)))
                      (v128.store offset=16 (local.get $listEnd) (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $o) (local.get $vals)))
                      (local.set $listEnd (i32.add (local.get $listEnd) (i32.shl (i32.popcnt (local.get $mask)) (i32.const 3))))
                      (local.set $offs (i32x4.add (local.get $offs) (i32x4.splat (i32.shl (local.get $inBytes) (i32.const 2)))))
                      (local.set $row (i32.add (local.get $row) (i32.const 16)))
                      (br_if $conext (i32.lt_u (local.get $row) (local.get $rowEnd))))))
                (if (i32.gt_u (local.get $listEnd) (local.get $pList))
                  (then
                    ;; dx[n, oh*sH, ow*sW, 0]
                    (local.set $px (i32.add (local.get $pdx) (i32.add
                      (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (i32.mul (local.get $oh) (local.get $sH))) (local.get $rowBytes))
                      (i32.mul (i32.mul (local.get $ow) (local.get $sW)) (local.get $inBytes)))))
                    (local.set $tapW (local.get $pwT))
                    (local.set $kh (i32.const 0))
                    (loop $khnext
                      (local.set $kw (i32.const 0))
                      (loop $kwnext
                        (local.set $dxp (i32.add (local.get $px)
                          (i32.add (i32.mul (local.get $kh) (local.get $rowBytes)) (i32.mul (local.get $kw) (local.get $inBytes)))))
                        (local.set $pdTap (i32.add (local.get $pd)
                          (i32.shl (i32.add (i32.mul (local.get $kh) (local.get $inW)) (local.get $kw)) (i32.const 2))))
                        (if (if (result i32) (local.get $pDemand) (then (f32.ne (f32.load (local.get $pdTap)) (f32.const 0))) (else (i32.const 1)))
                          (then
                            (local.set $ci (i32.const 0))
                            (block $cidone
                              (loop $cinext
                                (br_if $cidone (i32.ge_u (local.get $ci) (local.get $inBytes)))
                                (if (i32.le_u (i32.add (local.get $ci) (i32.const 64)) (local.get $inBytes))
                                  (then
                                    (local.set $a0 (v128.load offset=0 (i32.add (local.get $dxp) (local.get $ci))))
                                    (local.set $a1 (v128.load offset=16 (i32.add (local.get $dxp) (local.get $ci))))
                                    (local.set $a2 (v128.load offset=32 (i32.add (local.get $dxp) (local.get $ci))))
                                    (local.set $a3 (v128.load offset=48 (i32.add (local.get $dxp) (local.get $ci))))
                                    (local.set $e (local.get $pList))
                                    (local.set $pairEnd (i32.sub (local.get $listEnd) (i32.const 8)))
                                    (block $pdone
                                      (loop $pnext
                                        (br_if $pdone (i32.ge_u (local.get $e) (local.get $pairEnd)))
                                        (local.set $w (i32.add (i32.add (local.get $tapW) (i32.load (local.get $e))) (local.get $ci)))
                                        (local.set $w2 (i32.add (i32.add (local.get $tapW) (i32.load offset=8 (local.get $e))) (local.get $ci)))
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
                                        (local.set $w (i32.add (i32.add (local.get $tapW) (i32.load (local.get $e))) (local.get $ci)))
                                        (local.set $vv (v128.load32_splat offset=4 (local.get $e)))
                                        (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $w)))))
                                        (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $w)))))
                                        (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $w)))))
                                        (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $w)))))))
                                    (v128.store offset=0 (i32.add (local.get $dxp) (local.get $ci)) (local.get $a0))
                                    (v128.store offset=16 (i32.add (local.get $dxp) (local.get $ci)) (local.get $a1))
                                    (v128.store offset=32 (i32.add (local.get $dxp) (local.get $ci)) (local.get $a2))
                                    (v128.store offset=48 (i32.add (local.get $dxp) (local.get $ci)) (local.get $a3))
                                    (local.set $ci (i32.add (local.get $ci) (i32.const 64))))
                                  (else
                                    (local.set $a0 (v128.load (i32.add (local.get $dxp) (local.get $ci))))
                                    (local.set $e (local.get $pList))
                                    (loop $e4next
                                      (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load32_splat offset=4 (local.get $e))
                                        (v128.load (i32.add (i32.add (local.get $tapW) (i32.load (local.get $e))) (local.get $ci))))))
                                      (local.set $e (i32.add (local.get $e) (i32.const 8)))
                                      (br_if $e4next (i32.lt_u (local.get $e) (local.get $listEnd))))
                                    (v128.store (i32.add (local.get $dxp) (local.get $ci)) (local.get $a0))
                                    (local.set $ci (i32.add (local.get $ci) (i32.const 16)))))
                                (br $cinext)))))
                        (local.set $tapW (i32.add (local.get $tapW) (local.get $tapBytes)))
                        (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                        (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
                      (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
                      (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))))
                (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                (br $ownext)))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (br $ohnext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))

  ;; anyDemanded(pd, kH, kW, inW): 1 if any of the kH x kW demand floats from pd (rows inW apart) is nonzero.
  (func $anyDemanded (param $pd i32) (param $kH i32) (param $kW i32) (param $inW i32) (result i32)
    (local $kh i32) (local $kw i32) (local $row i32)
    (local.set $row (local.get $pd))
    (loop $khnext
      (local.set $kw (i32.const 0))
      (loop $kwnext
        (if (f32.ne (f32.load (i32.add (local.get $row) (i32.shl (local.get $kw) (i32.const 2)))) (f32.const 0))
          (then (return (i32.const 1))))
        (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
        (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
      (local.set $row (i32.add (local.get $row) (i32.shl (local.get $inW) (i32.const 2))))
      (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
      (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))
    (i32.const 0))

  ;; firstUndemanded(pd, count): the index of the first zero of the count demand floats at pd, -1 if none.
  (func $firstUndemanded (param $pd i32) (param $count i32) (result i32)
    (local $p i32)
    (block $none
      (loop $next
        (br_if $none (i32.ge_u (local.get $p) (local.get $count)))
        (if (f32.eq (f32.load (i32.add (local.get $pd) (i32.shl (local.get $p) (i32.const 2)))) (f32.const 0))
          (then (return (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (i32.const -1))

  ;; dx_lump(pdy, pWsum, pdx, pDemand, n0, n1, pixels, outC, positions, inC, pScratch): after
  ;; dx_sparse with a demand map, per image n in [n0, n1) the true dx's per-channel total over
  ;; the positions whose demand is zero goes to the first such position (where dx_sparse left
  ;; zeros); an image without one is left as it is. That total is the total over all positions,
  ;; sum over co of S[co] * wSum[co, :] with S[co] the image's dy summed over its `pixels` output
  ;; pixels and wSum [outC, inC] the filter summed over its taps (an unpadded conv: every tap of
  ;; every pixel lands in dx), less dx's total over the demanded positions. pScratch: room for
  ;; outC + inC floats; outC and inC multiples of 4.
  (func (export "dx_lump") (param $pdy i32) (param $pWsum i32) (param $pdx i32) (param $pDemand i32) (param $n0 i32) (param $n1 i32)
    (param $pixels i32) (param $outC i32) (param $positions i32) (param $inC i32) (param $pScratch i32)
    (local $n i32) (local $p i32) (local $first i32) (local $c i32) (local $row i32) (local $end i32) (local $pT i32)
    (local $outBytes i32) (local $inBytes i32) (local $pd i32) (local $w i32) (local $s v128)
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $inBytes (i32.shl (local.get $inC) (i32.const 2)))
    (local.set $pT (i32.add (local.get $pScratch) (local.get $outBytes)))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        ;; the first position of the image whose demand is zero
        (local.set $pd (i32.add (local.get $pDemand) (i32.shl (i32.mul (local.get $n) (local.get $positions)) (i32.const 2))))
        (local.set $first (call $firstUndemanded (local.get $pd) (local.get $positions)))
        (if (i32.ge_s (local.get $first) (i32.const 0))
          (then
            ;; S = the image's dy summed over its pixels
            (memory.fill (local.get $pScratch) (i32.const 0) (i32.add (local.get $outBytes) (local.get $inBytes)))
            (local.set $row (i32.add (local.get $pdy) (i32.mul (i32.mul (local.get $n) (local.get $pixels)) (local.get $outBytes))))
            (local.set $end (i32.add (local.get $row) (i32.mul (local.get $pixels) (local.get $outBytes))))
            (block $sdone
              (loop $snext
                (br_if $sdone (i32.ge_u (local.get $row) (local.get $end)))
                (local.set $c (i32.const 0))
                (loop $cnext
                  (v128.store (i32.add (local.get $pScratch) (local.get $c))
                    (f32x4.add (v128.load (i32.add (local.get $pScratch) (local.get $c))) (v128.load (i32.add (local.get $row) (local.get $c)))))
                  (local.set $c (i32.add (local.get $c) (i32.const 16)))
                  (br_if $cnext (i32.lt_u (local.get $c) (local.get $outBytes))))
                (local.set $row (i32.add (local.get $row) (local.get $outBytes)))
                (br $snext)))
            ;; T = sum over co of S[co] * wSum[co, :]
            (local.set $w (local.get $pWsum))
            (local.set $p (i32.const 0))
            (block $tdone
              (loop $tnext
                (br_if $tdone (i32.ge_u (local.get $p) (local.get $outBytes)))
                (local.set $s (v128.load32_splat (i32.add (local.get $pScratch) (local.get $p))))
                (local.set $c (i32.const 0))
                (loop $cnext2
                  (v128.store (i32.add (local.get $pT) (local.get $c))
                    (f32x4.add (v128.load (i32.add (local.get $pT) (local.get $c))) (f32x4.mul (local.get $s) (v128.load (i32.add (local.get $w) (local.get $c))))))
                  (local.set $c (i32.add (local.get $c) (i32.const 16)))
                  (br_if $cnext2 (i32.lt_u (local.get $c) (local.get $inBytes))))
                (local.set $w (i32.add (local.get $w) (local.get $inBytes)))
                (local.set $p (i32.add (local.get $p) (i32.const 4)))
                (br $tnext)))
            ;; less dx over the demanded positions
            (local.set $row (i32.add (local.get $pdx) (i32.mul (i32.mul (local.get $n) (local.get $positions)) (local.get $inBytes))))
            (local.set $p (i32.const 0))
            (block $ddone
              (loop $dnext
                (br_if $ddone (i32.ge_u (local.get $p) (local.get $positions)))
                (if (f32.ne (f32.load (i32.add (local.get $pd) (i32.shl (local.get $p) (i32.const 2)))) (f32.const 0))
                  (then
                    (local.set $c (i32.const 0))
                    (loop $cnext3
                      (v128.store (i32.add (local.get $pT) (local.get $c))
                        (f32x4.sub (v128.load (i32.add (local.get $pT) (local.get $c))) (v128.load (i32.add (local.get $row) (local.get $c)))))
                      (local.set $c (i32.add (local.get $c) (i32.const 16)))
                      (br_if $cnext3 (i32.lt_u (local.get $c) (local.get $inBytes))))))
                (local.set $row (i32.add (local.get $row) (local.get $inBytes)))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $dnext)))
            (memory.copy
              (i32.add (local.get $pdx) (i32.mul (i32.add (i32.mul (local.get $n) (local.get $positions)) (local.get $first)) (local.get $inBytes)))
              (local.get $pT) (local.get $inBytes))))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))
