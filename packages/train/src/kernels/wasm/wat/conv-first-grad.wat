  ;; The filter and bias gradients of a first conv + bias + ReLU (few patch rows) in one pass
  ;; over dy and the output y, without writing the ReLU's gradient out: that tensor, as large as
  ;; the first conv's output, would be written once and read twice.

  ;; conv_first_grad(px, pdy, py, pdw, pdb, n0, n1, inH, inW, inC, outH, outW, outC, kH, kW, sH, sW, padT, padL, pImage, pDemand):
  ;; with a = dy where y > 0 (else 0), for images [n0, n1): db[co] += the sum of a[.., co] and
  ;; dw[r, co] += x[n, ih, iw, ci] * a[n, oh, ow, co] (r = (kh*kW + kw)*inC + ci, ih = oh*sH +
  ;; kh - padT, likewise iw; taps outside x read zero). Per image, its pixels' a rows are
  ;; gathered first, each with a slot: the address of its patch in x when every tap of every
  ;; pixel is inside x (patch row r at an offset from it), else of its patch gathered after the
  ;; slot (R = kH*kW*inC values, zero outside x; gathering MNIST's patches a value at a time took
  ;; 0.5 ms of the 2.4 ms a keras-to-snn step spent here). Then every patch row r sums x[.., r]
  ;; times a over the gathered pixels, 16 channels in four registers (a pass over pixels per
  ;; row, in pixel order; the a rows stay in L1), and db a's sum over them. Pixel by pixel with
  ;; the sums in memory, each patch row's update waited on the last one's store: 3.2 ms a
  ;; keras-to-snn batch on one thread. Each image is summed apart first (in registers; its
  ;; gathered rows at pImage: room for outH*outW * (outC + R + 1) floats), then added to dw and
  ;; db: shorter chains of float32 additions. outC a multiple of 4. With a
  ;; demand map (pDemand: a float per output pixel, [batch, outH, outW]; 0 for none) dy is
  ;; known to be zero where it is zero except at the image's first such pixel (as
  ;; SnnConv2DBackpropInputDemand writes it), and x's patch all zero there: those pixels are
  ;; not gathered.
  (func (export "conv_first_grad") (param $px i32) (param $pdy i32) (param $py i32) (param $pdw i32) (param $pdb i32) (param $n0 i32) (param $n1 i32)
    (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $padT i32) (param $padL i32) (param $pImage i32) (param $pDemand i32)
    (local $pd i32) (local $first i32) (local $rows i32) (local $q i32) (local $n i32) (local $oh i32) (local $ow i32)
    (local $kh i32) (local $kw i32) (local $ci i32) (local $ih i32) (local $iw i32) (local $co i32) (local $outBytes i32) (local $dyRow i32) (local $yRow i32)
    (local $xImage i32) (local $pA i32) (local $pX i32) (local $a i32) (local $xr i32) (local $m i32) (local $r i32) (local $s i32) (local $xRowBytes i32)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $v v128)
    (local $direct i32) (local $p i32) (local $off i32)
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    ;; every tap of every pixel inside x: patches are read in place
    (local.set $direct (i32.and (i32.and (i32.eqz (local.get $padT)) (i32.eqz (local.get $padL)))
      (i32.and (i32.le_u (i32.add (i32.mul (i32.sub (local.get $outH) (i32.const 1)) (local.get $sH)) (local.get $kH)) (local.get $inH))
        (i32.le_u (i32.add (i32.mul (i32.sub (local.get $outW) (i32.const 1)) (local.get $sW)) (local.get $kW)) (local.get $inW)))))
    (local.set $rows (i32.add (i32.mul (i32.mul (local.get $kH) (local.get $kW)) (local.get $inC)) (i32.const 1)))
    (local.set $xRowBytes (i32.shl (local.get $rows) (i32.const 2)))
    ;; gathered a rows, then gathered patch rows
    (local.set $pA (local.get $pImage))
    (local.set $pX (i32.add (local.get $pA) (i32.mul (i32.mul (local.get $outH) (local.get $outW)) (local.get $outBytes))))
    (local.set $dyRow (i32.add (local.get $pdy) (i32.mul (i32.mul (i32.mul (local.get $n0) (local.get $outH)) (local.get $outW)) (local.get $outBytes))))
    (local.set $yRow (i32.add (local.get $py) (i32.sub (local.get $dyRow) (local.get $pdy))))
    (local.set $n (local.get $n0))
    (block $ndone
      (loop $nnext
        (br_if $ndone (i32.ge_u (local.get $n) (local.get $n1)))
        ;; with a demand map: the image's demand row and its first undemanded pixel (-1: none)
        (local.set $pd (i32.add (local.get $pDemand) (i32.shl (i32.mul (i32.mul (local.get $n) (local.get $outH)) (local.get $outW)) (i32.const 2))))
        (local.set $first (if (result i32) (local.get $pDemand)
          (then (call $firstUndemanded (local.get $pd) (i32.mul (local.get $outH) (local.get $outW)))) (else (i32.const -1))))
        (local.set $xImage (i32.add (local.get $px) (i32.shl (i32.mul (i32.mul (i32.mul (local.get $n) (local.get $inH)) (local.get $inW)) (local.get $inC)) (i32.const 2))))
        ;; gather: a = dy where y > 0, and the patch (zero outside x) with a 1 for the bias
        (local.set $a (local.get $pA))
        (local.set $xr (local.get $pX))
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
            (local.set $co (i32.const 0))
            (loop $cmask
              (v128.store (i32.add (local.get $a) (local.get $co))
                (v128.and (v128.load (i32.add (local.get $dyRow) (local.get $co)))
                  (f32x4.gt (v128.load (i32.add (local.get $yRow) (local.get $co))) (v128.const i32x4 0 0 0 0))))
              (local.set $co (i32.add (local.get $co) (i32.const 16)))
              (br_if $cmask (i32.lt_u (local.get $co) (local.get $outBytes))))
            (local.set $a (i32.add (local.get $a) (local.get $outBytes)))
            ;; the pixel's patch: read in place (x[n, oh*sH, ow*sW, 0] in the slot) when every tap
            ;; is inside x, else gathered after the slot (zero outside x)
            (if (local.get $direct)
              (then (i32.store (local.get $xr) (i32.add (local.get $xImage)
                (i32.shl (i32.mul (i32.add (i32.mul (i32.mul (local.get $oh) (local.get $sH)) (local.get $inW)) (i32.mul (local.get $ow) (local.get $sW))) (local.get $inC)) (i32.const 2)))))
              (else
                (i32.store (local.get $xr) (i32.add (local.get $xr) (i32.const 4)))
                (local.set $p (i32.add (local.get $xr) (i32.const 4)))
                (local.set $kh (i32.const 0))
                (loop $khnext
                  (local.set $ih (i32.sub (i32.add (i32.mul (local.get $oh) (local.get $sH)) (local.get $kh)) (local.get $padT)))
                  (local.set $kw (i32.const 0))
                  (loop $kwnext
                    (local.set $iw (i32.sub (i32.add (i32.mul (local.get $ow) (local.get $sW)) (local.get $kw)) (local.get $padL)))
                    (local.set $ci (i32.const 0))
                    (loop $cinext
                      (f32.store (local.get $p)
                        (if (result f32) (i32.and (i32.lt_u (local.get $ih) (local.get $inH)) (i32.lt_u (local.get $iw) (local.get $inW)))
                          (then (f32.load (i32.add (local.get $xImage)
                            (i32.shl (i32.add (i32.mul (i32.add (i32.mul (local.get $ih) (local.get $inW)) (local.get $iw)) (local.get $inC)) (local.get $ci)) (i32.const 2)))))
                          (else (f32.const 0))))
                      (local.set $p (i32.add (local.get $p) (i32.const 4)))
                      (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                      (br_if $cinext (i32.lt_u (local.get $ci) (local.get $inC))))
                    (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
                    (br_if $kwnext (i32.lt_u (local.get $kw) (local.get $kW))))
                  (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
                  (br_if $khnext (i32.lt_u (local.get $kh) (local.get $kH))))))
            (local.set $xr (i32.add (local.get $xr) (local.get $xRowBytes))))
            (local.set $dyRow (i32.add (local.get $dyRow) (local.get $outBytes)))
            (local.set $yRow (i32.add (local.get $yRow) (local.get $outBytes)))
            (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
            (br_if $ownext (i32.lt_u (local.get $ow) (local.get $outW))))
          (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
          (br_if $ohnext (i32.lt_u (local.get $oh) (local.get $outH))))
        ;; m gathered pixels: for every patch row r and 16 (then 4) channels, the sum over them
        ;; of x[m, r] * a[m, :], added to dw / db (rows 0..R-1, then the bias row)
        (local.set $m (i32.div_u (i32.sub (local.get $a) (local.get $pA)) (local.get $outBytes)))
        (local.set $r (i32.const 0))
        (loop $rnext
          (local.set $s (i32.add (local.get $pdw) (i32.mul (local.get $r) (local.get $outBytes))))
          ;; row r's value of a pixel: at the slot's address plus off (r = (kh*kW + kw)*inC + ci)
          (local.set $off (if (result i32) (local.get $direct)
            (then (i32.shl (i32.add (i32.mul (i32.add (i32.mul (i32.div_u (local.get $r) (i32.mul (local.get $kW) (local.get $inC))) (local.get $inW))
              (i32.rem_u (i32.div_u (local.get $r) (local.get $inC)) (local.get $kW))) (local.get $inC)) (i32.rem_u (local.get $r) (local.get $inC))) (i32.const 2)))
            (else (i32.shl (local.get $r) (i32.const 2)))))
          (local.set $co (i32.const 0))
          (block $codone
            (loop $conext
              (br_if $codone (i32.ge_u (local.get $co) (local.get $outBytes)))
              (if (i32.le_u (i32.add (local.get $co) (i32.const 64)) (local.get $outBytes))
                (then
                  (local.set $s0 (v128.const i32x4 0 0 0 0)) (local.set $s1 (v128.const i32x4 0 0 0 0))
                  (local.set $s2 (v128.const i32x4 0 0 0 0)) (local.set $s3 (v128.const i32x4 0 0 0 0))
                  (local.set $a (i32.add (local.get $pA) (local.get $co)))
                  (local.set $xr (local.get $pX))
                  (local.set $q (i32.const 0))
                  (block $mdone
                    (loop $mnext
                      (br_if $mdone (i32.ge_u (local.get $q) (local.get $m)))
                      (local.set $v (v128.load32_splat (i32.add (i32.load (local.get $xr)) (local.get $off))))
                      (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul (local.get $v) (v128.load offset=0 (local.get $a)))))
                      (local.set $s1 (f32x4.add (local.get $s1) (f32x4.mul (local.get $v) (v128.load offset=16 (local.get $a)))))
                      (local.set $s2 (f32x4.add (local.get $s2) (f32x4.mul (local.get $v) (v128.load offset=32 (local.get $a)))))
                      (local.set $s3 (f32x4.add (local.get $s3) (f32x4.mul (local.get $v) (v128.load offset=48 (local.get $a)))))
                      (local.set $a (i32.add (local.get $a) (local.get $outBytes)))
                      (local.set $xr (i32.add (local.get $xr) (local.get $xRowBytes)))
                      (local.set $q (i32.add (local.get $q) (i32.const 1)))
                      (br $mnext)))
                  (v128.store offset=0 (i32.add (local.get $s) (local.get $co)) (f32x4.add (v128.load offset=0 (i32.add (local.get $s) (local.get $co))) (local.get $s0)))
                  (v128.store offset=16 (i32.add (local.get $s) (local.get $co)) (f32x4.add (v128.load offset=16 (i32.add (local.get $s) (local.get $co))) (local.get $s1)))
                  (v128.store offset=32 (i32.add (local.get $s) (local.get $co)) (f32x4.add (v128.load offset=32 (i32.add (local.get $s) (local.get $co))) (local.get $s2)))
                  (v128.store offset=48 (i32.add (local.get $s) (local.get $co)) (f32x4.add (v128.load offset=48 (i32.add (local.get $s) (local.get $co))) (local.get $s3)))
                  (local.set $co (i32.add (local.get $co) (i32.const 64))))
                (else
                  (local.set $s0 (v128.const i32x4 0 0 0 0))
                  (local.set $a (i32.add (local.get $pA) (local.get $co)))
                  (local.set $xr (local.get $pX))
                  (local.set $q (i32.const 0))
                  (block $m4done
                    (loop $m4next
                      (br_if $m4done (i32.ge_u (local.get $q) (local.get $m)))
                      (local.set $s0 (f32x4.add (local.get $s0) (f32x4.mul
                        (v128.load32_splat (i32.add (i32.load (local.get $xr)) (local.get $off))) (v128.load (local.get $a)))))
                      (local.set $a (i32.add (local.get $a) (local.get $outBytes)))
                      (local.set $xr (i32.add (local.get $xr) (local.get $xRowBytes)))
                      (local.set $q (i32.add (local.get $q) (i32.const 1)))
                      (br $m4next)))
                  (v128.store (i32.add (local.get $s) (local.get $co)) (f32x4.add (v128.load (i32.add (local.get $s) (local.get $co))) (local.get $s0)))
                  (local.set $co (i32.add (local.get $co) (i32.const 16)))))
              (br $conext)))
          (local.set $r (i32.add (local.get $r) (i32.const 1)))
          (br_if $rnext (i32.lt_u (local.get $r) (i32.sub (local.get $rows) (i32.const 1)))))
        ;; the bias row: db += the sum of a over the gathered pixels, as 1 * a (the same sums)
        (local.set $co (i32.const 0))
        (block $bdone
          (loop $bnext
            (br_if $bdone (i32.ge_u (local.get $co) (local.get $outBytes)))
            (if (i32.le_u (i32.add (local.get $co) (i32.const 64)) (local.get $outBytes))
              (then
                (local.set $s0 (v128.const i32x4 0 0 0 0)) (local.set $s1 (v128.const i32x4 0 0 0 0))
                (local.set $s2 (v128.const i32x4 0 0 0 0)) (local.set $s3 (v128.const i32x4 0 0 0 0))
                (local.set $a (i32.add (local.get $pA) (local.get $co)))
                (local.set $q (i32.const 0))
                (block $bmdone
                  (loop $bmnext
                    (br_if $bmdone (i32.ge_u (local.get $q) (local.get $m)))
                    (local.set $s0 (f32x4.add (local.get $s0) (v128.load offset=0 (local.get $a))))
                    (local.set $s1 (f32x4.add (local.get $s1) (v128.load offset=16 (local.get $a))))
                    (local.set $s2 (f32x4.add (local.get $s2) (v128.load offset=32 (local.get $a))))
                    (local.set $s3 (f32x4.add (local.get $s3) (v128.load offset=48 (local.get $a))))
                    (local.set $a (i32.add (local.get $a) (local.get $outBytes)))
                    (local.set $q (i32.add (local.get $q) (i32.const 1)))
                    (br $bmnext)))
                (local.set $s (i32.add (local.get $pdb) (local.get $co)))
                (v128.store offset=0 (local.get $s) (f32x4.add (v128.load offset=0 (local.get $s)) (local.get $s0)))
                (v128.store offset=16 (local.get $s) (f32x4.add (v128.load offset=16 (local.get $s)) (local.get $s1)))
                (v128.store offset=32 (local.get $s) (f32x4.add (v128.load offset=32 (local.get $s)) (local.get $s2)))
                (v128.store offset=48 (local.get $s) (f32x4.add (v128.load offset=48 (local.get $s)) (local.get $s3)))
                (local.set $co (i32.add (local.get $co) (i32.const 64))))
              (else
                (local.set $s0 (v128.const i32x4 0 0 0 0))
                (local.set $a (i32.add (local.get $pA) (local.get $co)))
                (local.set $q (i32.const 0))
                (block $b4done
                  (loop $b4next
                    (br_if $b4done (i32.ge_u (local.get $q) (local.get $m)))
                    (local.set $s0 (f32x4.add (local.get $s0) (v128.load (local.get $a))))
                    (local.set $a (i32.add (local.get $a) (local.get $outBytes)))
                    (local.set $q (i32.add (local.get $q) (i32.const 1)))
                    (br $b4next)))
                (local.set $s (i32.add (local.get $pdb) (local.get $co)))
                (v128.store (local.get $s) (f32x4.add (v128.load (local.get $s)) (local.get $s0)))
                (local.set $co (i32.add (local.get $co) (i32.const 16)))))
            (br $bnext)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $nnext))))
