;; Event-driven propagation kernels for @snn/sim, in WebAssembly SIMD.
;;
;; Assembled by tools/wasm/build-wasm.mjs into sim-kernels.generated.ts. Arrays are in the
;; shared neuron memory of @snn/neurons (imported); pointers are byte offsets. They do what
;; the JS kernels in src/kernels/ do, four output channels per f32x4 (products rounded to
;; float32 before the sum, so results may differ from the JS kernels in the last bit).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; out[o..o+n) += v * w[p..p+n), four at a time, then the tail.
  (func $axpy (param $n i32) (param $v f32) (param $pw i32) (param $po i32)
    (local $j i32) (local $end4 i32) (local $vv v128) (local $a i32)
    (local.set $vv (f32x4.splat (local.get $v)))
    (local.set $end4 (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.ge_u (local.get $j) (local.get $end4)))
        (local.set $a (i32.add (local.get $po) (local.get $j)))
        (v128.store (local.get $a)
          (f32x4.add (v128.load (local.get $a))
                     (f32x4.mul (local.get $vv) (v128.load (i32.add (local.get $pw) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 16)))
        (br $next4)))
    (local.set $end4 (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $j) (local.get $end4)))
        (local.set $a (i32.add (local.get $po) (local.get $j)))
        (f32.store (local.get $a)
          (f32.add (f32.load (local.get $a))
                   (f32.mul (local.get $v) (f32.load (i32.add (local.get $pw) (local.get $j))))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $next))))

  ;; collect_active(n, pValues, pIndex, pValue) -> count: the nonzero entries of values[0..n),
  ;; their indices (i32) and values (f32), in index order. Eight values are tested at a time;
  ;; the lanes of a nonzero group are visited through its bitmask.
  (func (export "collect_active") (param $n i32) (param $pv i32) (param $pi i32) (param $po i32) (result i32)
    (local $i i32) (local $end8 i32) (local $count i32) (local $x f32) (local $mask i32) (local $lane i32)
    (local $lo v128) (local $hi v128) (local $p i32)
    (local.set $end8 (i32.and (local.get $n) (i32.const -8)))
    (block $done8
      (loop $next8
        (br_if $done8 (i32.ge_u (local.get $i) (local.get $end8)))
        (local.set $p (i32.add (local.get $pv) (i32.shl (local.get $i) (i32.const 2))))
        (local.set $lo (f32x4.ne (v128.load (local.get $p)) (v128.const f32x4 0 0 0 0)))
        (local.set $hi (f32x4.ne (v128.load offset=16 (local.get $p)) (v128.const f32x4 0 0 0 0)))
        (if (v128.any_true (v128.or (local.get $lo) (local.get $hi)))
          (then
            (local.set $mask (i32.or (i32x4.bitmask (local.get $lo))
                                     (i32.shl (i32x4.bitmask (local.get $hi)) (i32.const 4))))
            (block $lanesDone
              (loop $lanes
                (br_if $lanesDone (i32.eqz (local.get $mask)))
                (local.set $lane (i32.add (local.get $i) (i32.ctz (local.get $mask))))
                (i32.store (i32.add (local.get $pi) (i32.shl (local.get $count) (i32.const 2))) (local.get $lane))
                (f32.store (i32.add (local.get $po) (i32.shl (local.get $count) (i32.const 2)))
                  (f32.load (i32.add (local.get $pv) (i32.shl (local.get $lane) (i32.const 2)))))
                (local.set $count (i32.add (local.get $count) (i32.const 1)))
                (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
                (br $lanes)))))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $next8)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x (f32.load (i32.add (local.get $pv) (i32.shl (local.get $i) (i32.const 2)))))
        (if (f32.ne (local.get $x) (f32.const 0))
          (then
            (i32.store (i32.add (local.get $pi) (i32.shl (local.get $count) (i32.const 2))) (local.get $i))
            (f32.store (i32.add (local.get $po) (i32.shl (local.get $count) (i32.const 2))) (local.get $x))
            (local.set $count (i32.add (local.get $count) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $count))

  ;; Division by a per-call constant d without i32.div_u in the per-spike loops (Granlund and
  ;; Montgomery's method): with l = ceil(log2 d) and m = ceil(2^(32+l) / d), floor(x / d) is
  ;; (x * m) >> (32 + l) for every 0 <= x < 2^32; here x < 2^31 and m <= 2^33, so x * m fits
  ;; in 64 bits. $divMagic returns m; $divShift returns 32 + l.
  (func $divShift (param $d i32) (result i64)
    (i64.extend_i32_u (i32.sub (i32.const 64) (i32.clz (i32.sub (local.get $d) (i32.const 1))))))
  (func $divMagic (param $d i32) (result i64)
    (local $p i64)
    (local.set $p (i64.shl (i64.const 1) (call $divShift (local.get $d))))
    (i64.div_u (i64.add (local.get $p) (i64.extend_i32_u (i32.sub (local.get $d) (i32.const 1))))
               (i64.extend_i32_u (local.get $d))))

  ;; scatter_dense(nActive, pIndex, pValue, pWeights, nIn, nOut, pOut): for each active input
  ;; (b, i) with value v, out[b, :] += v * weights[i, :]. Weights (nIn, nOut) row-major, with
  ;; three floats of padding after the last row. Up to 16 outputs, a sample's row stays in four
  ;; f32x4 registers while its entries (consecutive in the index-ordered list) add in order.
  (func (export "scatter_dense")
    (param $nActive i32) (param $pIdx i32) (param $pVal i32) (param $pW i32)
    (param $nIn i32) (param $nOut i32) (param $pOut i32)
    (local $a i32) (local $flat i32) (local $b i32) (local $i i32) (local $mIn i64) (local $sIn i64)
    (local.set $mIn (call $divMagic (local.get $nIn)))
    (local.set $sIn (call $divShift (local.get $nIn)))
    (if (i32.le_u (local.get $nOut) (i32.const 16)) (then
      (call $scatter_dense_narrow (local.get $nActive) (local.get $pIdx) (local.get $pVal) (local.get $pW)
        (local.get $nIn) (local.get $nOut) (local.get $pOut) (local.get $mIn) (local.get $sIn))
      (return)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $nActive)))
        (local.set $flat (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $b (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $flat)) (local.get $mIn)) (local.get $sIn))))
        (local.set $i (i32.sub (local.get $flat) (i32.mul (local.get $b) (local.get $nIn))))
        (call $axpy (local.get $nOut)
          (f32.load (i32.add (local.get $pVal) (i32.shl (local.get $a) (i32.const 2))))
          (i32.add (local.get $pW) (i32.shl (i32.mul (local.get $i) (local.get $nOut)) (i32.const 2)))
          (i32.add (local.get $pOut) (i32.shl (i32.mul (local.get $b) (local.get $nOut)) (i32.const 2))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $next))))

  ;; scatter_dense for nOut <= 16: the current sample's output row in $r0..$r3, loaded when the
  ;; sample starts and stored (nOut lanes) when it ends; same products and sums, in the same
  ;; order, as adding entry by entry.
  (func $scatter_dense_narrow
    (param $nActive i32) (param $pIdx i32) (param $pVal i32) (param $pW i32)
    (param $nIn i32) (param $nOut i32) (param $pOut i32) (param $mIn i64) (param $sIn i64)
    (local $a i32) (local $flat i32) (local $b i32) (local $cur i32) (local $pw i32) (local $po i32) (local $vv v128)
    (local $r0 v128) (local $r1 v128) (local $r2 v128) (local $r3 v128)
    (local.set $cur (i32.const -1))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $nActive)))
        (local.set $flat (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $b (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $flat)) (local.get $mIn)) (local.get $sIn))))
        (if (i32.ne (local.get $b) (local.get $cur)) (then
          (if (i32.ge_s (local.get $cur) (i32.const 0)) (then
            (call $store_row (local.get $po) (local.get $nOut) (local.get $r0) (local.get $r1) (local.get $r2) (local.get $r3))))
          (local.set $cur (local.get $b))
          (local.set $po (i32.add (local.get $pOut) (i32.shl (i32.mul (local.get $b) (local.get $nOut)) (i32.const 2))))
          (call $load_row (local.get $po) (local.get $nOut))
          (local.set $r3) (local.set $r2) (local.set $r1) (local.set $r0)))
        (local.set $pw (i32.add (local.get $pW) (i32.shl (i32.mul (i32.sub (local.get $flat) (i32.mul (local.get $b) (local.get $nIn))) (local.get $nOut)) (i32.const 2))))
        (local.set $vv (v128.load32_splat (i32.add (local.get $pVal) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $r0 (f32x4.add (local.get $r0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $pw)))))
        (if (i32.gt_u (local.get $nOut) (i32.const 4)) (then
          (local.set $r1 (f32x4.add (local.get $r1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $pw)))))
          (if (i32.gt_u (local.get $nOut) (i32.const 8)) (then
            (local.set $r2 (f32x4.add (local.get $r2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $pw)))))
            (if (i32.gt_u (local.get $nOut) (i32.const 12)) (then
              (local.set $r3 (f32x4.add (local.get $r3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $pw)))))))))))
        (local.set $a (i32.add (local.get $a) (i32.const 1)))
        (br $next)))
    (if (i32.ge_s (local.get $cur) (i32.const 0)) (then
      (call $store_row (local.get $po) (local.get $nOut) (local.get $r0) (local.get $r1) (local.get $r2) (local.get $r3)))))

  ;; The first n (<= 16) floats at p as four f32x4 (lanes past n are zero).
  (func $load_row (param $p i32) (param $n i32) (result v128 v128 v128 v128)
    (local $i i32) (local $r v128) (local $q0 v128) (local $q1 v128) (local $q2 v128) (local $q3 v128)
    (local $buf0 v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $r (f32x4.splat (f32.load (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2))))))
        (if (i32.lt_u (local.get $i) (i32.const 4)) (then (local.set $q0 (call $put_lane (local.get $q0) (local.get $r) (local.get $i))))
        (else (if (i32.lt_u (local.get $i) (i32.const 8)) (then (local.set $q1 (call $put_lane (local.get $q1) (local.get $r) (i32.sub (local.get $i) (i32.const 4)))))
        (else (if (i32.lt_u (local.get $i) (i32.const 12)) (then (local.set $q2 (call $put_lane (local.get $q2) (local.get $r) (i32.sub (local.get $i) (i32.const 8)))))
        (else (local.set $q3 (call $put_lane (local.get $q3) (local.get $r) (i32.sub (local.get $i) (i32.const 12))))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $q0) (local.get $q1) (local.get $q2) (local.get $q3))

  ;; q with lane l (0..3) replaced by lane l of r.
  (func $put_lane (param $q v128) (param $r v128) (param $l i32) (result v128)
    (v128.bitselect (local.get $r) (local.get $q)
      (i32x4.eq (v128.const i32x4 0 1 2 3) (i32x4.splat (local.get $l)))))

  ;; Store the first n (<= 16) lanes of r0..r3 to p.
  (func $store_row (param $p i32) (param $n i32) (param $r0 v128) (param $r1 v128) (param $r2 v128) (param $r3 v128)
    (local $i i32) (local $q v128)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $q (if (result v128) (i32.lt_u (local.get $i) (i32.const 4)) (then (local.get $r0))
          (else (if (result v128) (i32.lt_u (local.get $i) (i32.const 8)) (then (local.get $r1))
          (else (if (result v128) (i32.lt_u (local.get $i) (i32.const 12)) (then (local.get $r2)) (else (local.get $r3))))))))
        (f32.store (i32.add (local.get $p) (i32.shl (local.get $i) (i32.const 2)))
          (f32x4.extract_lane 0 (i8x16.swizzle (local.get $q)
            (i8x16.add (v128.const i8x16 0 1 2 3 0 1 2 3 0 1 2 3 0 1 2 3)
              (i8x16.splat (i32.shl (i32.and (local.get $i) (i32.const 3)) (i32.const 2)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; scatter_conv(nActive, pIndex, pValue, pKernel, pOut, pRows, pCols, h, w, c, outH, outW, outC,
  ;; rowStride, colStride): every active input (b, y, x, ci) with value v adds
  ;; v * kernel[ky, kx, ci, :] to each output (b, oy, ox, :) whose window covers it. The
  ;; (ky, oy) pairs covering row y are precomputed (JS, convTapTables): at pRows + 4*y*rowStride
  ;; a count, then pairs (ky*kw, oy*outW); likewise (kx, ox) per column at pCols.
  ;; By input pixel: the active entries of one pixel (b, y, x) are consecutive in the
  ;; index-ordered list and share their output taps, so each tap's output row is loaded 32
  ;; channels at a time into eight f32x4 registers, gets every entry's contribution in list
  ;; order, and is stored once; the last outC mod 32 channels go entry by entry ($axpy). Each
  ;; output gets its contributions in list order, products rounded to float32 before the sum.
  (func (export "scatter_conv")
    (param $nActive i32) (param $pIdx i32) (param $pVal i32) (param $pK i32) (param $pOut i32)
    (param $pRows i32) (param $pCols i32)
    (param $h i32) (param $w i32) (param $c i32) (param $outH i32) (param $outW i32) (param $outC i32)
    (param $rowStride i32) (param $colStride i32)
    (local $a i32) (local $e i32) (local $k i32) (local $flat i32) (local $pixel i32)
    (local $b i32) (local $rest i32) (local $y i32) (local $x i32)
    (local $inSize i32) (local $wc i32) (local $outPlane i32) (local $outBytes i32)
    (local $row i32) (local $rowEnd i32) (local $col0 i32) (local $col i32) (local $colEnd i32)
    (local $kyTerm i32) (local $oBase i32) (local $kBase i32) (local $po i32) (local $j i32) (local $pw i32) (local $end32 i32)
    (local $vv v128) (local $acc0 v128) (local $acc1 v128) (local $acc2 v128) (local $acc3 v128)
    (local $acc4 v128) (local $acc5 v128) (local $acc6 v128) (local $acc7 v128)
    (local $mIn i64) (local $sIn i64) (local $mWc i64) (local $sWc i64) (local $mC i64) (local $sC i64)
    (local.set $wc (i32.mul (local.get $w) (local.get $c)))
    (local.set $inSize (i32.mul (local.get $h) (local.get $wc)))
    (local.set $outBytes (i32.shl (local.get $outC) (i32.const 2)))
    (local.set $end32 (i32.and (local.get $outBytes) (i32.const -128)))
    (local.set $mIn (call $divMagic (local.get $inSize)))
    (local.set $sIn (call $divShift (local.get $inSize)))
    (local.set $mWc (call $divMagic (local.get $wc)))
    (local.set $sWc (call $divShift (local.get $wc)))
    (local.set $mC (call $divMagic (local.get $c)))
    (local.set $sC (call $divShift (local.get $c)))
    (local.set $outPlane (i32.mul (local.get $outH) (local.get $outW)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $a) (local.get $nActive)))
        (local.set $flat (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $a) (i32.const 2)))))
        (local.set $b (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $flat)) (local.get $mIn)) (local.get $sIn))))
        (local.set $rest (i32.sub (local.get $flat) (i32.mul (local.get $b) (local.get $inSize))))
        (local.set $y (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $rest)) (local.get $mWc)) (local.get $sWc))))
        (local.set $rest (i32.sub (local.get $rest) (i32.mul (local.get $y) (local.get $wc))))
        (local.set $x (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $rest)) (local.get $mC)) (local.get $sC))))
        ;; the pixel's run of entries: [a, e), flat indices in [pixel, pixel + c)
        (local.set $pixel (i32.sub (local.get $flat) (i32.sub (local.get $rest) (i32.mul (local.get $x) (local.get $c)))))
        (local.set $e (i32.add (local.get $a) (i32.const 1)))
        (block $groupEnd
          (loop $more
            (br_if $groupEnd (i32.ge_u (local.get $e) (local.get $nActive)))
            (br_if $groupEnd (i32.ge_u (i32.sub (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $e) (i32.const 2))))
              (local.get $pixel)) (local.get $c)))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $more)))
        (local.set $row (i32.add (local.get $pRows) (i32.shl (i32.mul (local.get $y) (local.get $rowStride)) (i32.const 2))))
        (local.set $rowEnd (i32.add (i32.add (local.get $row) (i32.const 4))
          (i32.shl (i32.load (local.get $row)) (i32.const 3))))
        (local.set $row (i32.add (local.get $row) (i32.const 4)))
        (local.set $col0 (i32.add (local.get $pCols) (i32.shl (i32.mul (local.get $x) (local.get $colStride)) (i32.const 2))))
        (local.set $colEnd (i32.add (i32.add (local.get $col0) (i32.const 4))
          (i32.shl (i32.load (local.get $col0)) (i32.const 3))))
        (local.set $col0 (i32.add (local.get $col0) (i32.const 4)))
        (block $rowsDone
          (loop $rowNext
            (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $rowEnd)))
            (local.set $kyTerm (i32.load (local.get $row)))
            (local.set $oBase (i32.add (i32.mul (local.get $b) (local.get $outPlane)) (i32.load offset=4 (local.get $row))))
            (local.set $col (local.get $col0))
            (block $colsDone
              (loop $colNext
                (br_if $colsDone (i32.ge_u (local.get $col) (local.get $colEnd)))
                ;; kernel[ky, kx, 0, 0] and out[b, oy, ox, 0]
                (local.set $kBase (i32.add (local.get $pK) (i32.shl (i32.mul
                    (i32.mul (i32.add (local.get $kyTerm) (i32.load (local.get $col))) (local.get $c))
                    (local.get $outC)) (i32.const 2))))
                (local.set $po (i32.add (local.get $pOut) (i32.shl (i32.mul
                    (i32.add (local.get $oBase) (i32.load offset=4 (local.get $col)))
                    (local.get $outC)) (i32.const 2))))
                (local.set $j (i32.const 0))
                (block $chunksDone
                (br_if $chunksDone (i32.eqz (local.get $end32)))
                (loop $chunk
                  (local.set $acc0 (v128.load offset=0 (i32.add (local.get $po) (local.get $j))))
                  (local.set $acc1 (v128.load offset=16 (i32.add (local.get $po) (local.get $j))))
                  (local.set $acc2 (v128.load offset=32 (i32.add (local.get $po) (local.get $j))))
                  (local.set $acc3 (v128.load offset=48 (i32.add (local.get $po) (local.get $j))))
                  (local.set $acc4 (v128.load offset=64 (i32.add (local.get $po) (local.get $j))))
                  (local.set $acc5 (v128.load offset=80 (i32.add (local.get $po) (local.get $j))))
                  (local.set $acc6 (v128.load offset=96 (i32.add (local.get $po) (local.get $j))))
                  (local.set $acc7 (v128.load offset=112 (i32.add (local.get $po) (local.get $j))))
                  (local.set $k (local.get $a))
                  (loop $entry
                    ;; kernel[ky, kx, ci, j..j+32) with ci = flat - pixel
                    (local.set $pw (i32.add (i32.add (local.get $kBase) (local.get $j)) (i32.shl (i32.mul
                      (i32.sub (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $k) (i32.const 2)))) (local.get $pixel))
                      (local.get $outC)) (i32.const 2))))
                    (local.set $vv (v128.load32_splat (i32.add (local.get $pVal) (i32.shl (local.get $k) (i32.const 2)))))
                    (local.set $acc0 (f32x4.add (local.get $acc0) (f32x4.mul (local.get $vv) (v128.load offset=0 (local.get $pw)))))
                    (local.set $acc1 (f32x4.add (local.get $acc1) (f32x4.mul (local.get $vv) (v128.load offset=16 (local.get $pw)))))
                    (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $vv) (v128.load offset=32 (local.get $pw)))))
                    (local.set $acc3 (f32x4.add (local.get $acc3) (f32x4.mul (local.get $vv) (v128.load offset=48 (local.get $pw)))))
                    (local.set $acc4 (f32x4.add (local.get $acc4) (f32x4.mul (local.get $vv) (v128.load offset=64 (local.get $pw)))))
                    (local.set $acc5 (f32x4.add (local.get $acc5) (f32x4.mul (local.get $vv) (v128.load offset=80 (local.get $pw)))))
                    (local.set $acc6 (f32x4.add (local.get $acc6) (f32x4.mul (local.get $vv) (v128.load offset=96 (local.get $pw)))))
                    (local.set $acc7 (f32x4.add (local.get $acc7) (f32x4.mul (local.get $vv) (v128.load offset=112 (local.get $pw)))))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))
                    (br_if $entry (i32.lt_u (local.get $k) (local.get $e))))
                  (v128.store offset=0 (i32.add (local.get $po) (local.get $j)) (local.get $acc0))
                  (v128.store offset=16 (i32.add (local.get $po) (local.get $j)) (local.get $acc1))
                  (v128.store offset=32 (i32.add (local.get $po) (local.get $j)) (local.get $acc2))
                  (v128.store offset=48 (i32.add (local.get $po) (local.get $j)) (local.get $acc3))
                  (v128.store offset=64 (i32.add (local.get $po) (local.get $j)) (local.get $acc4))
                  (v128.store offset=80 (i32.add (local.get $po) (local.get $j)) (local.get $acc5))
                  (v128.store offset=96 (i32.add (local.get $po) (local.get $j)) (local.get $acc6))
                  (v128.store offset=112 (i32.add (local.get $po) (local.get $j)) (local.get $acc7))
                  (local.set $j (i32.add (local.get $j) (i32.const 128)))
                  (br_if $chunk (i32.lt_u (local.get $j) (local.get $end32)))))
                ;; the last outC mod 32 channels, entry by entry
                (if (i32.lt_u (local.get $end32) (local.get $outBytes))
                  (then
                    (local.set $k (local.get $a))
                    (loop $tailEntry
                      (call $axpy (i32.shr_u (i32.sub (local.get $outBytes) (local.get $end32)) (i32.const 2))
                        (f32.load (i32.add (local.get $pVal) (i32.shl (local.get $k) (i32.const 2))))
                        (i32.add (i32.add (local.get $kBase) (local.get $end32)) (i32.shl (i32.mul
                          (i32.sub (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $k) (i32.const 2)))) (local.get $pixel))
                          (local.get $outC)) (i32.const 2)))
                        (i32.add (local.get $po) (local.get $end32)))
                      (local.set $k (i32.add (local.get $k) (i32.const 1)))
                      (br_if $tailEntry (i32.lt_u (local.get $k) (local.get $e))))))
                (local.set $col (i32.add (local.get $col) (i32.const 8)))
                (br $colNext)))
            (local.set $row (i32.add (local.get $row) (i32.const 8)))
            (br $rowNext)))
        (local.set $a (local.get $e))
        (br $next))))

  ;; accumulate_active(count, pIndex, pValue, size, toSpikes, pFanOut, pSum, pTotals): a step's
  ;; activity into the run totals. Entry k (flat index i, value v) is s = v * toSpikes spikes
  ;; of neuron i % size: sum[i % size] += s (float64), and pTotals (two float64) gets the
  ;; step's spikes and synaptic operations (s * fanOut[i % size]) added.
  (func (export "accumulate_active")
    (param $count i32) (param $pIdx i32) (param $pVal i32) (param $size i32) (param $toSpikes f64)
    (param $pFan i32) (param $pSum i32) (param $pTotals i32)
    (local $k i32) (local $flat i32) (local $i i32) (local $s f64) (local $spikes f64) (local $synops f64)
    (local $p i32) (local $mSize i64) (local $sSize i64)
    (local.set $mSize (call $divMagic (local.get $size)))
    (local.set $sSize (call $divShift (local.get $size)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $flat (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $i (i32.sub (local.get $flat)
          (i32.mul (i32.wrap_i64 (i64.shr_u (i64.mul (i64.extend_i32_u (local.get $flat)) (local.get $mSize)) (local.get $sSize))) (local.get $size))))
        (local.set $s (f64.mul (f64.promote_f32 (f32.load (i32.add (local.get $pVal) (i32.shl (local.get $k) (i32.const 2)))))
                               (local.get $toSpikes)))
        (local.set $spikes (f64.add (local.get $spikes) (local.get $s)))
        (local.set $synops (f64.add (local.get $synops)
          (f64.mul (local.get $s) (f64.promote_f32 (f32.load (i32.add (local.get $pFan) (i32.shl (local.get $i) (i32.const 2))))))))
        (local.set $p (i32.add (local.get $pSum) (i32.shl (local.get $i) (i32.const 3))))
        (f64.store (local.get $p) (f64.add (f64.load (local.get $p)) (local.get $s)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (f64.store (local.get $pTotals) (f64.add (f64.load (local.get $pTotals)) (local.get $spikes)))
    (f64.store offset=8 (local.get $pTotals) (f64.add (f64.load offset=8 (local.get $pTotals)) (local.get $synops))))

  ;; gain_bias(n, size, pX, pGain, pBias, pJ): J[i] = gain[i % size] * x[i] + bias[i % size]
  ;; for n = batch * size values (the current into a population), four at a time per sample.
  (func (export "gain_bias") (param $n i32) (param $size i32) (param $pX i32) (param $pG i32) (param $pB i32) (param $pJ i32)
    (local $base i32) (local $i i32) (local $end4 i32) (local $bytes i32) (local $o i32)
    (local.set $bytes (i32.shl (local.get $size) (i32.const 2)))
    (local.set $end4 (i32.shl (i32.and (local.get $size) (i32.const -4)) (i32.const 2)))
    (block $done
      (loop $sample
        (br_if $done (i32.ge_u (local.get $base) (i32.shl (local.get $n) (i32.const 2))))
        (local.set $i (i32.const 0))
        (block $d4
          (loop $l4
            (br_if $d4 (i32.ge_u (local.get $i) (local.get $end4)))
            (local.set $o (i32.add (local.get $base) (local.get $i)))
            (v128.store (i32.add (local.get $pJ) (local.get $o))
              (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $pG) (local.get $i))) (v128.load (i32.add (local.get $pX) (local.get $o))))
                         (v128.load (i32.add (local.get $pB) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $l4)))
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $i) (local.get $bytes)))
            (local.set $o (i32.add (local.get $base) (local.get $i)))
            (f32.store (i32.add (local.get $pJ) (local.get $o))
              (f32.add (f32.mul (f32.load (i32.add (local.get $pG) (local.get $i))) (f32.load (i32.add (local.get $pX) (local.get $o))))
                       (f32.load (i32.add (local.get $pB) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $l1)))
        (local.set $base (i32.add (local.get $base) (local.get $bytes)))
        (br $sample))))

  ;; add_bias(n, size, pOut, pBias): out[i] += bias[i % size] for n = batch * size values (the
  ;; bias of an event-driven transform, after its scatter), four at a time per sample.
  (func (export "add_bias") (param $n i32) (param $size i32) (param $pOut i32) (param $pB i32)
    (local $base i32) (local $i i32) (local $end4 i32) (local $bytes i32) (local $p i32)
    (local.set $bytes (i32.shl (local.get $size) (i32.const 2)))
    (local.set $end4 (i32.shl (i32.and (local.get $size) (i32.const -4)) (i32.const 2)))
    (block $done
      (loop $sample
        (br_if $done (i32.ge_u (local.get $base) (i32.shl (local.get $n) (i32.const 2))))
        (local.set $i (i32.const 0))
        (block $d4
          (loop $l4
            (br_if $d4 (i32.ge_u (local.get $i) (local.get $end4)))
            (local.set $p (i32.add (local.get $pOut) (i32.add (local.get $base) (local.get $i))))
            (v128.store (local.get $p) (f32x4.add (v128.load (local.get $p)) (v128.load (i32.add (local.get $pB) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $l4)))
        (block $d1
          (loop $l1
            (br_if $d1 (i32.ge_u (local.get $i) (local.get $bytes)))
            (local.set $p (i32.add (local.get $pOut) (i32.add (local.get $base) (local.get $i))))
            (f32.store (local.get $p) (f32.add (f32.load (local.get $p)) (f32.load (i32.add (local.get $pB) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $l1)))
        (local.set $base (i32.add (local.get $base) (local.get $bytes)))
        (br $sample))))

  ;; lowpass(n, pU, pY, a, b): y = a*y + b*u (a one-state filter in place), four at a time; u is
  ;; consumed: zeroed as it is read, so the next step's scatter adds into zeros without a fill.
  (func (export "lowpass") (param $n i32) (param $pU i32) (param $pY i32) (param $a f32) (param $b f32)
    (local $i i32) (local $end4 i32) (local $end i32) (local $va v128) (local $vb v128) (local $p i32) (local $q i32)
    (local.set $va (f32x4.splat (local.get $a)))
    (local.set $vb (f32x4.splat (local.get $b)))
    (local.set $end4 (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $d4
      (loop $l4
        (br_if $d4 (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $p (i32.add (local.get $pY) (local.get $i)))
        (local.set $q (i32.add (local.get $pU) (local.get $i)))
        (v128.store (local.get $p) (f32x4.add (f32x4.mul (local.get $va) (v128.load (local.get $p)))
                                              (f32x4.mul (local.get $vb) (v128.load (local.get $q)))))
        (v128.store (local.get $q) (v128.const i32x4 0 0 0 0))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $l4)))
    (block $d1
      (loop $l1
        (br_if $d1 (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $p (i32.add (local.get $pY) (local.get $i)))
        (local.set $q (i32.add (local.get $pU) (local.get $i)))
        (f32.store (local.get $p) (f32.add (f32.mul (local.get $a) (f32.load (local.get $p)))
                                           (f32.mul (local.get $b) (f32.load (local.get $q)))))
        (f32.store (local.get $q) (f32.const 0))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $l1))))

;; filtered_currents(n, size, m, pZ, pU, a, b, pT, pG, pB, pJ): J[i] = gain[i % size] *
  ;; (z[i] + t[i % m]) + bias[i % size] for n = batch * size values: the current into a
  ;; population fed by a filtered transform whose own bias t (m = t's length, a multiple of 4
  ;; dividing size) is added after its filter, in the order and float32 roundings of computing
  ;; that transform's output first and the population's gain and bias after (add_bias, then
  ;; gain_bias). With pU >= 0 the transform's lowpass step comes first, as `lowpass` does it:
  ;; z = a*z + b*u, u consumed (zeroed).
  (func (export "filtered_currents") (param $n i32) (param $size i32) (param $m i32) (param $pZ i32) (param $pU i32)
    (param $a f32) (param $b f32) (param $pT i32) (param $pG i32) (param $pB i32) (param $pJ i32)
    (local $o i32) (local $end i32) (local $sampleEnd i32) (local $g i32) (local $pixelEnd i32) (local $t i32)
    (local $z v128) (local $va v128) (local $vb v128) (local $mBytes i32) (local $sizeBytes i32)
    (local.set $va (f32x4.splat (local.get $a)))
    (local.set $vb (f32x4.splat (local.get $b)))
    (local.set $mBytes (i32.shl (local.get $m) (i32.const 2)))
    (local.set $sizeBytes (i32.shl (local.get $size) (i32.const 2)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $sample
        (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
        (local.set $sampleEnd (i32.add (local.get $o) (local.get $sizeBytes)))
        (local.set $g (i32.const 0))
        (loop $pixel
          (local.set $pixelEnd (i32.add (local.get $o) (local.get $mBytes)))
          (local.set $t (local.get $pT))
          (loop $channels
            (local.set $z (v128.load (i32.add (local.get $pZ) (local.get $o))))
            (if (i32.ge_s (local.get $pU) (i32.const 0)) (then
              (local.set $z (f32x4.add (f32x4.mul (local.get $va) (local.get $z))
                                       (f32x4.mul (local.get $vb) (v128.load (i32.add (local.get $pU) (local.get $o))))))
              (v128.store (i32.add (local.get $pZ) (local.get $o)) (local.get $z))
              (v128.store (i32.add (local.get $pU) (local.get $o)) (v128.const i32x4 0 0 0 0))))
            (v128.store (i32.add (local.get $pJ) (local.get $o))
              (f32x4.add (f32x4.mul (v128.load (i32.add (local.get $pG) (local.get $g)))
                                    (f32x4.add (local.get $z) (v128.load (local.get $t))))
                         (v128.load (i32.add (local.get $pB) (local.get $g)))))
            (local.set $o (i32.add (local.get $o) (i32.const 16)))
            (local.set $g (i32.add (local.get $g) (i32.const 16)))
            (local.set $t (i32.add (local.get $t) (i32.const 16)))
            (br_if $channels (i32.lt_u (local.get $o) (local.get $pixelEnd))))
          (br_if $pixel (i32.lt_u (local.get $o) (local.get $sampleEnd))))
        (br $sample))))

    ;; pack_resting(n, pJ, pV, jMax, vLo, vHi, pMap) -> count: moves the neurons not at rest (not
  ;; J <= jMax with vLo <= v < vHi) to the front of J and v in place, in order, recording each
  ;; one's old index in map. Four neurons at a time: their rest mask picks a swizzle that moves
  ;; the moving lanes to the front (16 bytes at pPatterns + 16 * mask: the indices of the mask's
  ;; set lanes' bytes, in order), all four lanes are stored at the count (never past lanes
  ;; already read), and the count advances by the moving lanes; the last n mod 4 one by one.
  (func (export "pack_resting") (param $n i32) (param $pJ i32) (param $pV i32) (param $jMax f32) (param $vLo f32) (param $vHi f32) (param $pMap i32)
    (param $pPatterns i32) (result i32)
    (local $i i32) (local $c i32) (local $j f32) (local $v f32) (local $at i32) (local $end4 i32)
    (local $j4 v128) (local $v4 v128) (local $m i32) (local $pat v128) (local $idx v128)
    (local $jMaxV v128) (local $loV v128) (local $hiV v128)
    (local.set $jMaxV (f32x4.splat (local.get $jMax)))
    (local.set $loV (f32x4.splat (local.get $vLo)))
    (local.set $hiV (f32x4.splat (local.get $vHi)))
    (local.set $idx (v128.const i32x4 0 1 2 3))
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $done4
      (loop $next4
        (br_if $done4 (i32.ge_u (local.get $i) (local.get $end4)))
        (local.set $j4 (v128.load (i32.add (local.get $pJ) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $v4 (v128.load (i32.add (local.get $pV) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $m (i32x4.bitmask (v128.not (v128.and (f32x4.le (local.get $j4) (local.get $jMaxV))
          (v128.and (f32x4.ge (local.get $v4) (local.get $loV)) (f32x4.lt (local.get $v4) (local.get $hiV)))))))
        (local.set $pat (v128.load (i32.add (local.get $pPatterns) (i32.shl (local.get $m) (i32.const 4)))))
        (local.set $at (i32.shl (local.get $c) (i32.const 2)))
        (v128.store (i32.add (local.get $pJ) (local.get $at)) (i8x16.swizzle (local.get $j4) (local.get $pat)))
        (v128.store (i32.add (local.get $pV) (local.get $at)) (i8x16.swizzle (local.get $v4) (local.get $pat)))
        (v128.store (i32.add (local.get $pMap) (local.get $at)) (i8x16.swizzle (local.get $idx) (local.get $pat)))
        (local.set $c (i32.add (local.get $c) (i32.popcnt (local.get $m))))
        (local.set $idx (i32x4.add (local.get $idx) (v128.const i32x4 4 4 4 4)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $next4)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $j (f32.load (i32.add (local.get $pJ) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $v (f32.load (i32.add (local.get $pV) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $at (i32.shl (local.get $c) (i32.const 2)))
        (f32.store (i32.add (local.get $pJ) (local.get $at)) (local.get $j))
        (f32.store (i32.add (local.get $pV) (local.get $at)) (local.get $v))
        (i32.store (i32.add (local.get $pMap) (local.get $at)) (local.get $i))
        (local.set $c (i32.add (local.get $c)
          (i32.eqz (i32.and (f32.le (local.get $j) (local.get $jMax))
                            (i32.and (f32.ge (local.get $v) (local.get $vLo)) (f32.lt (local.get $v) (local.get $vHi)))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $c))

  ;; unpack_spikes(count, pIdx, pVal, pMap, pValue): idx[k] = map[idx[k]] and value[idx[k]] = val[k]
  ;; for the list of a packed population's step (packed positions to population indices).
  (func (export "unpack_spikes") (param $count i32) (param $pIdx i32) (param $pVal i32) (param $pMap i32) (param $pValue i32)
    (local $k i32) (local $p i32) (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (local.set $p (i32.add (local.get $pIdx) (i32.shl (local.get $k) (i32.const 2))))
        (local.set $i (i32.load (i32.add (local.get $pMap) (i32.shl (i32.load (local.get $p)) (i32.const 2)))))
        (i32.store (local.get $p) (local.get $i))
        (f32.store (i32.add (local.get $pValue) (i32.shl (local.get $i) (i32.const 2)))
          (f32.load (i32.add (local.get $pVal) (i32.shl (local.get $k) (i32.const 2)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))

  ;; clear_listed(count, pIdx, pValue): value[idx[k]] = 0 for the listed entries.
  (func (export "clear_listed") (param $count i32) (param $pIdx i32) (param $pValue i32)
    (local $k i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $count)))
        (f32.store (i32.add (local.get $pValue) (i32.shl (i32.load (i32.add (local.get $pIdx) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 2)))
          (f32.const 0))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next))))
)
