  ;; The forward pass of a first conv + bias + ReLU (few patch values: a conv on images) from
  ;; each patch's nonzero values: MNIST's patches are mostly zero (the background), and where a
  ;; patch is all zero the output is relu(bias).

  ;; conv_first(px, pw, pb, py, n0, n1, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, pList, pDemand):
  ;; y = relu(conv2d(x, w) + b) for images [n0, n1) of an unpadded conv, w as [kH*kW*inC, outC]
  ;; (outC a multiple of 4). Per output pixel its patch's nonzero values (f32.ne 0: -0 left out,
  ;; NaN kept) are listed at pList + outC*4 (byte offset of their w row, value: room for
  ;; kH*kW*inC entries), then 16 output channels at a time sum b plus them times the w rows in
  ;; order, in four f32x4 registers (then 4 at a time). With a demand map (pDemand: the largest
  ;; |x| of each output pixel's patch, [batch, outH, outW]; 0 for none) a pixel whose demand is
  ;; zero gets relu(b), kept at pList.
  (func (export "conv_first") (param $px i32) (param $pw i32) (param $pb i32) (param $py i32) (param $n0 i32) (param $n1 i32)
    (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $pList i32) (param $pDemand i32)
    (local $n i32) (local $oh i32) (local $ow i32) (local $kh i32) (local $kw i32) (local $ci i32) (local $c i32)
    (local $outBytes i32) (local $inRow i32) (local $lists i32) (local $e i32) (local $listEnd i32) (local $off i32)
    (local $x i32) (local $xp i32) (local $y i32) (local $pd i32) (local $co i32) (local $w i32) (local $v f32) (local $vv v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $inRow (i32.shl (i32.mul (local.get $inW) (local.get $inC)) (i32.const 2)))
    (local.set $lists (i32.add (local.get $pList) (local.get $outBytes)))
    ;; relu(b), for the undemanded pixels
    (loop $rbnext
      (v128.store (i32.add (local.get $pList) (local.get $c))
        (f32x4.max (v128.load (i32.add (local.get $pb) (local.get $c))) (v128.const i32x4 0 0 0 0)))
      (local.set $c (i32.add (local.get $c) (i32.const 16)))
      (br_if $rbnext (i32.lt_u (local.get $c) (local.get $outBytes))))
    (local.set $y (i32.add (local.get $py) (i32.mul (i32.mul (i32.mul (local.get $n0) (local.get $outH)) (local.get $outW)) (local.get $outBytes))))
    (local.set $pd (i32.add (local.get $pDemand) (i32.shl (i32.mul (i32.mul (local.get $n0) (local.get $outH)) (local.get $outW)) (i32.const 2))))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        (local.set $oh (i32.const 0))
        (block $ohdone
          (loop $ohnext
            (br_if $ohdone (i32.ge_u (local.get $oh) (local.get $outH)))
            ;; x[n, oh*sH, 0, 0]
            (local.set $x (i32.add (local.get $px) (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (i32.mul (local.get $oh) (local.get $sH))) (local.get $inRow))))
            (local.set $ow (i32.const 0))
            (block $owdone
              (loop $ownext
                (br_if $owdone (i32.ge_u (local.get $ow) (local.get $outW)))
                (if (if (result i32) (local.get $pDemand) (then (f32.eq (f32.load (local.get $pd)) (f32.const 0))) (else (i32.const 0)))
                  (then
                    (local.set $c (i32.const 0))
                    (loop $cpnext
                      (v128.store (i32.add (local.get $y) (local.get $c)) (v128.load (i32.add (local.get $pList) (local.get $c))))
                      (local.set $c (i32.add (local.get $c) (i32.const 16)))
                      (br_if $cpnext (i32.lt_u (local.get $c) (local.get $outBytes)))))
                  (else
                    ;; the patch's nonzero values, branch-free: every entry is written, the end
                    ;; advances past the nonzero ones
                    (local.set $listEnd (local.get $lists))
                    (local.set $off (i32.const 0))
                    (local.set $kh (i32.const 0))
                    (loop $khnext
                      (local.set $xp (i32.add (i32.add (local.get $x) (i32.mul (local.get $kh) (local.get $inRow)))
                        (i32.shl (i32.mul (i32.mul (local.get $ow) (local.get $sW)) (local.get $inC)) (i32.const 2))))
                      (local.set $kw (i32.const 0))
                      (loop $kwnext
                        (local.set $ci (i32.const 0))
                        (loop $cinext
                          (local.set $v (f32.load (local.get $xp)))
                          (i32.store (local.get $listEnd) (local.get $off))
                          (f32.store offset=4 (local.get $listEnd) (local.get $v))
                          (local.set $listEnd (i32.add (local.get $listEnd) (i32.shl (f32.ne (local.get $v) (f32.const 0)) (i32.const 3))))
                          (local.set $off (i32.add (local.get $off) (local.get $outBytes)))
                          (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
                          (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                          (br_if $cinext (i32.lt_u (local.get $ci) (local.get $inC))))
                        (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                        (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
                      (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
                      (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))
                    ;; the sums
                    (local.set $co (i32.const 0))
                    (block $codone
                      (loop $conext
                        (br_if $codone (i32.gt_u (i32.add (local.get $co) (i32.const 64)) (local.get $outBytes)))
                        (local.set $a0 (v128.load offset=0 (i32.add (local.get $pb) (local.get $co))))
                        (local.set $a1 (v128.load offset=16 (i32.add (local.get $pb) (local.get $co))))
                        (local.set $a2 (v128.load offset=32 (i32.add (local.get $pb) (local.get $co))))
                        (local.set $a3 (v128.load offset=48 (i32.add (local.get $pb) (local.get $co))))
                        (local.set $e (local.get $lists))
                        (block $edone
                          (loop $enext
                            (br_if $edone (i32.ge_u (local.get $e) (local.get $listEnd)))
                            (local.set $w (i32.add (i32.add (local.get $pw) (i32.load (local.get $e))) (local.get $co)))
                            (local.set $vv (v128.load32_splat offset=4 (local.get $e)))
                            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $w)))))
                            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $w)))))
                            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $w)))))
                            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $w)))))
                            (local.set $e (i32.add (local.get $e) (i32.const 8)))
                            (br $enext)))
                        (v128.store offset=0 (i32.add (local.get $y) (local.get $co)) (f32x4.max (local.get $a0) (v128.const i32x4 0 0 0 0)))
                        (v128.store offset=16 (i32.add (local.get $y) (local.get $co)) (f32x4.max (local.get $a1) (v128.const i32x4 0 0 0 0)))
                        (v128.store offset=32 (i32.add (local.get $y) (local.get $co)) (f32x4.max (local.get $a2) (v128.const i32x4 0 0 0 0)))
                        (v128.store offset=48 (i32.add (local.get $y) (local.get $co)) (f32x4.max (local.get $a3) (v128.const i32x4 0 0 0 0)))
                        (local.set $co (i32.add (local.get $co) (i32.const 64)))
                        (br $conext)))
                    (block $c4done
                      (loop $c4next
                        (br_if $c4done (i32.ge_u (local.get $co) (local.get $outBytes)))
                        (local.set $a0 (v128.load (i32.add (local.get $pb) (local.get $co))))
                        (local.set $e (local.get $lists))
                        (block $e4done
                          (loop $e4next
                            (br_if $e4done (i32.ge_u (local.get $e) (local.get $listEnd)))
                            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load32_splat offset=4 (local.get $e))
                              (v128.load (i32.add (i32.add (local.get $pw) (i32.load (local.get $e))) (local.get $co))))))
                            (local.set $e (i32.add (local.get $e) (i32.const 8)))
                            (br $e4next)))
                        (v128.store (i32.add (local.get $y) (local.get $co)) (f32x4.max (local.get $a0) (v128.const i32x4 0 0 0 0)))
                        (local.set $co (i32.add (local.get $co) (i32.const 16)))
                        (br $c4next)))))
                (local.set $y (i32.add (local.get $y) (local.get $outBytes)))
                (local.set $pd (i32.add (local.get $pd) (i32.const 4)))
                (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
                (br $ownext)))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (br $ohnext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))
