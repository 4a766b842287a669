  ;; The filter gradient of an unpadded conv2d from the nonzero entries of dy only: behind a
  ;; ReLU most of dy is zero. dy_columns lists them by output channel (a CSC form of dy), then
  ;; dw_sparse sums, for every tap and output channel, x rows times those entries with the
  ;; accumulators in registers.

  ;; dy_count(pdy, pixels, outC, pCount): pCount[co] (i32) = nonzero entries of dy[:, co]
  ;; (dy is pixels x outC, outC a multiple of 4), pixel by pixel, four channels at a time.
  (func (export "dy_count") (param $pdy i32) (param $pixels i32) (param $outC i32) (param $pCount i32)
    (local $co i32) (local $row i32) (local $rowBytes i32) (local $end i32) (local $pc i32)
    (local.set $rowBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $co (i32.const 0))
    (block $zdone
      (loop $znext
        (br_if $zdone (i32.ge_u (local.get $co) (local.get $rowBytes)))
        (v128.store (i32.add (local.get $pCount) (local.get $co)) (v128.const i32x4 0 0 0 0))
        (local.set $co (i32.add (local.get $co) (i32.const 16)))
        (br $znext)))
    (local.set $row (local.get $pdy))
    (local.set $end (i32.add (local.get $pdy) (i32.mul (local.get $pixels) (local.get $rowBytes))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $row) (local.get $end)))
        (local.set $co (i32.const 0))
        (loop $conext
          (local.set $pc (i32.add (local.get $pCount) (local.get $co)))
          ;; ne gives -1 per nonzero lane: subtracting counts up
          (v128.store (local.get $pc) (i32x4.sub (v128.load (local.get $pc))
            (f32x4.ne (v128.load (i32.add (local.get $row) (local.get $co))) (v128.const i32x4 0 0 0 0))))
          (local.set $co (i32.add (local.get $co) (i32.const 16)))
          (br_if $conext (i32.lt_u (local.get $co) (local.get $rowBytes))))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $next))))

  ;; dy_columns(pdy, batch, outH, outW, outC, inH, inW, inC, sH, sW, pCursor, pEntries): append
  ;; every nonzero dy[n, oh, ow, co] to output channel co's list as (byte offset of x[n, oh*sH,
  ;; ow*sW, 0] relative to x, value), in pixel order. pCursor[co] (i32) holds the entry index
  ;; where co's list continues; each list needs one spare entry after its end (the writes are
  ;; branch-free: every entry is written, the cursor advances only past nonzero ones; four
  ;; channels at a time, outC a multiple of 4). With a
  ;; demand map (pDemand: a float per position of x, [batch, inH, inW]; 0 for none), a pixel
  ;; none of whose kH x kW taps lands on a demanded position is not listed: its dy values are
  ;; added to pSZ[co] (f32) instead (x there is the image's one background vector, see dw_rest;
  ;; $anyDemanded and $firstUndemanded are in dx-sparse.wat).
  (func (export "dy_columns") (param $pdy i32) (param $batch i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $inH i32) (param $inW i32) (param $inC i32) (param $sH i32) (param $sW i32) (param $pCursor i32) (param $pEntries i32)
    (param $kH i32) (param $kW i32) (param $pDemand i32) (param $pSZ i32)
    (local $pd i32) (local $psz i32) (local $n i32) (local $oh i32) (local $ow i32) (local $co i32) (local $row i32) (local $base i32) (local $rowBase i32)
    (local $pc i32) (local $colStep i32) (local $rowStep i32) (local $bases v128) (local $vals v128) (local $curs v128) (local $ats v128) (local $pairs v128)
    (local.set $colStep (i32.shl (i32.mul (local.get $sW) (local.get $inC)) (i32.const 2)))
    (local.set $rowStep (i32.shl (i32.mul (i32.mul (local.get $sH) (local.get $inW)) (local.get $inC)) (i32.const 2)))
    (local.set $row (local.get $pdy))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $batch)))
        (local.set $rowBase (i32.shl (i32.mul (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $inW)) (local.get $inC)) (i32.const 2)))
        (local.set $oh (i32.const 0))
        (block $ohdone
          (loop $ohnext
            (br_if $ohdone (i32.ge_u (local.get $oh) (local.get $outH)))
            (local.set $base (local.get $rowBase))
            (local.set $ow (i32.const 0))
            (block $owdone
              (loop $ownext
                (br_if $owdone (i32.ge_u (local.get $ow) (local.get $outW)))
                ;; demand[n, oh*sH, ow*sW]
                (local.set $pd (i32.add (local.get $pDemand) (i32.shl (i32.add
                  (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (i32.mul (local.get $oh) (local.get $sH))) (local.get $inW))
                  (i32.mul (local.get $ow) (local.get $sW))) (i32.const 2))))
                (if (if (result i32) (local.get $pDemand)
                      (then (i32.eqz (call $anyDemanded (local.get $pd) (local.get $kH) (local.get $kW) (local.get $inW)))) (else (i32.const 0)))
                  (then
                    (local.set $psz (local.get $pSZ))
                    (local.set $co (i32.const 0))
                    (loop $sznext
                      (f32.store (local.get $psz) (f32.add (f32.load (local.get $psz)) (f32.load (local.get $row))))
                      (local.set $psz (i32.add (local.get $psz) (i32.const 4)))
                      (local.set $row (i32.add (local.get $row) (i32.const 4)))
                      (local.set $co (i32.add (local.get $co) (i32.const 1)))
                      (br_if $sznext (i32.lt_u (local.get $co) (local.get $outC)))))
                  (else
                    ;; four channels at a time: each lane's (offset, value) pair goes to its own
                    ;; channel's list (store64_lane), the four cursors advance by ne(v, 0) at once
                    (local.set $pc (local.get $pCursor))
                    (local.set $co (i32.const 0))
                    (local.set $bases (i32x4.splat (local.get $base)))
                    (block $codone
                      (loop $conext
                        (br_if $codone (i32.ge_u (local.get $co) (local.get $outC)))
                        (local.set $vals (v128.load (local.get $row)))
                        (local.set $curs (v128.load (local.get $pc)))
                        (local.set $ats (i32x4.add (i32x4.splat (local.get $pEntries)) (i32x4.shl (local.get $curs) (i32.const 3))))
                        (local.set $pairs (i8x16.shuffle 0 1 2 3 16 17 18 19 4 5 6 7 20 21 22 23 (local.get $bases) (local.get $vals)))
                        (v128.store64_lane 0 (i32x4.extract_lane 0 (local.get $ats)) (local.get $pairs))
                        (v128.store64_lane 1 (i32x4.extract_lane 1 (local.get $ats)) (local.get $pairs))
                        (local.set $pairs (i8x16.shuffle 8 9 10 11 24 25 26 27 12 13 14 15 28 29 30 31 (local.get $bases) (local.get $vals)))
                        (v128.store64_lane 0 (i32x4.extract_lane 2 (local.get $ats)) (local.get $pairs))
                        (v128.store64_lane 1 (i32x4.extract_lane 3 (local.get $ats)) (local.get $pairs))
                        ;; ne is -1 in a nonzero lane: subtracting counts up
                        (v128.store (local.get $pc) (i32x4.sub (local.get $curs) (f32x4.ne (local.get $vals) (v128.const i32x4 0 0 0 0))))
                        (local.set $row (i32.add (local.get $row) (i32.const 16)))
                        (local.set $pc (i32.add (local.get $pc) (i32.const 16)))
                        (local.set $co (i32.add (local.get $co) (i32.const 4)))
                        (br $conext)))))
                (local.set $base (i32.add (local.get $base) (local.get $colStep)))
                (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                (br $ownext)))
            (local.set $rowBase (i32.add (local.get $rowBase) (local.get $rowStep)))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (br $ohnext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))

  ;; dw_sparse(px, pStart, pEnd, pEntries, pdwT, outC, inC, kH, kW, inW): dwT[co, kh, kw, ci] +=
  ;; the sum over co's entries (offset, v) of v * x[offset + ((kh*inW + kw)*inC + ci)*4] (every tap
  ;; in bounds: an unpadded conv). Entries of co are [start[co], end[co]) (i32 arrays). Output
  ;; channel by output channel (a range of channels is a contiguous part of dwT, so callers can
  ;; split them), each channel's entries reused over its taps while they are in L1. inC a
  ;; multiple of 4: channels go 16 at a time (four f32x4 accumulators, two entries at a time,
  ;; their products added first as in conv_pixel: 4% faster), then 4 at a time. Not 32
  ;; in eight: V8's TurboFan loads all eight x vectors before the first multiply, needs 17 SIMD
  ;; registers of x64's 15 and keeps an accumulator on the stack, so every entry waited on a
  ;; store-to-load round trip (keras-to-snn conv1, 100 images, one thread: 13.9 -> 9.2 ms).
  (func (export "dw_sparse") (param $px i32) (param $pStart i32) (param $pEnd i32) (param $pEntries i32) (param $pdwT i32)
    (param $outC i32) (param $inC i32) (param $kH i32) (param $kW i32) (param $inW i32)
    (local $kh i32) (local $kw i32) (local $co i32) (local $ci i32) (local $e i32) (local $eEnd i32) (local $tapX i32)
    (local $at i32) (local $xp i32) (local $out i32) (local $vv v128) (local $inBytes i32)
    (local $atEnd i32) (local $pairEnd i32) (local $xp2 i32) (local $ww v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $inBytes (i32.shl (local.get $inC) (i32.const 2)))
    (local.set $out (local.get $pdwT))
    (block $codone
      (loop $conext
        (br_if $codone (i32.ge_u (local.get $co) (local.get $outC)))
        (local.set $kh (i32.const 0))
        (block $khdone
          (loop $khnext
            (br_if $khdone (i32.ge_u (local.get $kh) (local.get $kH)))
            (local.set $kw (i32.const 0))
            (block $kwdone
              (loop $kwnext
                (br_if $kwdone (i32.ge_u (local.get $kw) (local.get $kW)))
                (local.set $tapX (i32.add (local.get $px) (i32.mul (i32.add (i32.mul (local.get $kh) (local.get $inW)) (local.get $kw)) (local.get $inBytes))))
                (local.set $ci (i32.const 0))
                (block $cidone
                  (loop $cinext
                    (br_if $cidone (i32.ge_u (local.get $ci) (local.get $inBytes)))
                    (local.set $e (i32.load (i32.add (local.get $pStart) (i32.shl (local.get $co) (i32.const 2)))))
                    (local.set $eEnd (i32.load (i32.add (local.get $pEnd) (i32.shl (local.get $co) (i32.const 2)))))
                    (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
                    (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
                    (if (i32.le_u (i32.add (local.get $ci) (i32.const 64)) (local.get $inBytes))
                      (then
                        ;; two entries at a time, their two products added first (as in conv_pixel)
                        (local.set $at (i32.add (local.get $pEntries) (i32.shl (local.get $e) (i32.const 3))))
                        (local.set $atEnd (i32.add (local.get $pEntries) (i32.shl (local.get $eEnd) (i32.const 3))))
                        (local.set $pairEnd (i32.sub (local.get $atEnd) (i32.const 8)))
                        (block $edone
                          (loop $enext
                            (br_if $edone (i32.ge_u (local.get $at) (local.get $pairEnd)))
                            (local.set $xp (i32.add (i32.add (local.get $tapX) (i32.load (local.get $at))) (local.get $ci)))
                            (local.set $xp2 (i32.add (i32.add (local.get $tapX) (i32.load offset=8 (local.get $at))) (local.get $ci)))
                            (local.set $vv (v128.load32_splat offset=4 (local.get $at)))
                            (local.set $ww (v128.load32_splat offset=12 (local.get $at)))
                            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $xp))) (f32x4.mul (local.get $ww) (v128.load offset=0 (local.get $xp2))))))
                            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $xp))) (f32x4.mul (local.get $ww) (v128.load offset=16 (local.get $xp2))))))
                            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $xp))) (f32x4.mul (local.get $ww) (v128.load offset=32 (local.get $xp2))))))
                            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.add (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $xp))) (f32x4.mul (local.get $ww) (v128.load offset=48 (local.get $xp2))))))
                            (local.set $at (i32.add (local.get $at) (i32.const 16)))
                            (br $enext)))
                        (if (i32.lt_u (local.get $at) (local.get $atEnd))
                          (then
                            (local.set $xp (i32.add (i32.add (local.get $tapX) (i32.load (local.get $at))) (local.get $ci)))
                            (local.set $vv (v128.load32_splat offset=4 (local.get $at)))
                            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $xp)))))
                            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $xp)))))
                            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $xp)))))
                            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $xp)))))))
                        (v128.store offset=0 (local.get $out) (f32x4.add (v128.load offset=0 (local.get $out)) (local.get $a0)))
                        (v128.store offset=16 (local.get $out) (f32x4.add (v128.load offset=16 (local.get $out)) (local.get $a1)))
                        (v128.store offset=32 (local.get $out) (f32x4.add (v128.load offset=32 (local.get $out)) (local.get $a2)))
                        (v128.store offset=48 (local.get $out) (f32x4.add (v128.load offset=48 (local.get $out)) (local.get $a3)))
                        (local.set $out (i32.add (local.get $out) (i32.const 64)))
                        (local.set $ci (i32.add (local.get $ci) (i32.const 64))))
                      (else
                        (block $e4done
                          (loop $e4next
                            (br_if $e4done (i32.ge_u (local.get $e) (local.get $eEnd)))
                            (local.set $at (i32.add (local.get $pEntries) (i32.shl (local.get $e) (i32.const 3))))
                            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load32_splat offset=4 (local.get $at))
                              (v128.load (i32.add (i32.add (local.get $tapX) (i32.load (local.get $at))) (local.get $ci))))))
                            (local.set $e (i32.add (local.get $e) (i32.const 1)))
                            (br $e4next)))
                        (v128.store (local.get $out) (f32x4.add (v128.load (local.get $out)) (local.get $a0)))
                        (local.set $out (i32.add (local.get $out) (i32.const 16)))
                        (local.set $ci (i32.add (local.get $ci) (i32.const 16)))))
                    (br $cinext)))
                (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                (br $kwnext)))
            (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
            (br $khnext)))
        (local.set $co (i32.add (local.get $co) (i32.const 1)))
        (br $conext))))

  ;; dw_rest(px, pDemand, positions, pSZ, pdwT, outC, taps, inC): after dy_columns with a demand
  ;; map on one image: x at every undemanded position is the same vector b (a first conv + ReLU
  ;; over a zero patch: the ReLU of its bias), so the unlisted pixels add pSZ[co] * b to every
  ;; tap of dwT[co] ([outC, taps, inC]). b is read at the image's first undemanded position;
  ;; nothing is added when there is none. inC a multiple of 4.
  (func (export "dw_rest") (param $px i32) (param $pDemand i32) (param $positions i32) (param $pSZ i32) (param $pdwT i32)
    (param $outC i32) (param $taps i32) (param $inC i32)
    (local $p i32) (local $pb i32) (local $co i32) (local $t i32) (local $c i32) (local $s v128) (local $out i32) (local $inBytes i32)
    (local.set $inBytes (i32.shl (local.get $inC) (i32.const 2)))
    (local.set $p (call $firstUndemanded (local.get $pDemand) (local.get $positions)))
    (if (i32.lt_s (local.get $p) (i32.const 0)) (then (return)))
    (local.set $pb (i32.add (local.get $px) (i32.mul (local.get $p) (local.get $inBytes))))
    (local.set $out (local.get $pdwT))
    (block $codone
      (loop $conext
        (br_if $codone (i32.ge_u (local.get $co) (local.get $outC)))
        (local.set $s (v128.load32_splat (i32.add (local.get $pSZ) (i32.shl (local.get $co) (i32.const 2)))))
        (local.set $t (i32.const 0))
        (block $tdone
          (loop $tnext
            (br_if $tdone (i32.ge_u (local.get $t) (local.get $taps)))
            (local.set $c (i32.const 0))
            (loop $cnext
              (v128.store (i32.add (local.get $out) (local.get $c))
                (f32x4.add (v128.load (i32.add (local.get $out) (local.get $c))) (f32x4.mul (local.get $s) (v128.load (i32.add (local.get $pb) (local.get $c))))))
              (local.set $c (i32.add (local.get $c) (i32.const 16)))
              (br_if $cnext (i32.lt_u (local.get $c) (local.get $inBytes))))
            (local.set $out (i32.add (local.get $out) (local.get $inBytes)))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $tnext)))
        (local.set $co (i32.add (local.get $co) (i32.const 1)))
        (br $conext))))
