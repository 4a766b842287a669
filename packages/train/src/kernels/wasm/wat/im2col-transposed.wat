  ;; Rows of tap (kh, kw) of the transposed patch matrix, gathered from x: every column (mode
  ;; 0), or only the columns a one-column shift got wrong (mode 1), or a one-row shift (mode 2).
  ;; See gatherColumns in im2col-transposed.ts.
  (func $gather (param $px i32) (param $base i32) (param $p0 i32) (param $pc i32) (param $kh i32) (param $kw i32)
                (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32)
                (param $sH i32) (param $sW i32) (param $padT i32) (param $padL i32) (param $mode i32)
    (local $col i32) (local $ow i32) (local $oh i32) (local $n i32) (local $ih i32) (local $iw i32)
    (local $dst i32) (local $src i32) (local $ci i32) (local $row i32) (local $need i32)
    (local.set $row (i32.shl (local.get $pc) (i32.const 2)))
    (local.set $ow (i32.rem_u (local.get $p0) (local.get $outW)))
    (local.set $oh (i32.rem_u (i32.div_u (local.get $p0) (local.get $outW)) (local.get $outH)))
    (local.set $n (i32.div_u (local.get $p0) (i32.mul (local.get $outW) (local.get $outH))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $col) (local.get $pc)))
        (local.set $need
          (if (result i32) (i32.eqz (local.get $mode))
            (then (i32.const 1))
            (else
              (if (result i32) (i32.eq (local.get $mode) (i32.const 1))
                (then (i32.or (i32.eq (local.get $ow) (i32.sub (local.get $outW) (i32.const 1)))
                              (i32.ge_s (local.get $col) (i32.sub (local.get $pc) (i32.const 1)))))
                (else (i32.or (i32.eq (local.get $oh) (i32.sub (local.get $outH) (i32.const 1)))
                              (i32.ge_s (local.get $col) (i32.sub (local.get $pc) (local.get $outW)))))))))
        (if (local.get $need)
          (then
            (local.set $ih (i32.sub (i32.add (i32.mul (local.get $oh) (local.get $sH)) (local.get $kh)) (local.get $padT)))
            (local.set $iw (i32.sub (i32.add (i32.mul (local.get $ow) (local.get $sW)) (local.get $kw)) (local.get $padL)))
            (local.set $dst (i32.add (local.get $base) (i32.shl (local.get $col) (i32.const 2))))
            (local.set $ci (i32.const 0))
            (if (i32.or (i32.or (i32.lt_s (local.get $ih) (i32.const 0)) (i32.ge_s (local.get $ih) (local.get $inH)))
                        (i32.or (i32.lt_s (local.get $iw) (i32.const 0)) (i32.ge_s (local.get $iw) (local.get $inW))))
              (then
                (block $zdone
                  (loop $znext
                    (br_if $zdone (i32.ge_u (local.get $ci) (local.get $inC)))
                    (f32.store (local.get $dst) (f32.const 0))
                    (local.set $dst (i32.add (local.get $dst) (local.get $row)))
                    (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                    (br $znext))))
              (else
                (local.set $src (i32.add (local.get $px) (i32.shl
                  (i32.mul (i32.add (i32.mul (i32.add (i32.mul (local.get $n) (local.get $inH)) (local.get $ih)) (local.get $inW)) (local.get $iw))
                           (local.get $inC)) (i32.const 2))))
                (block $cdone
                  (loop $cnext
                    (br_if $cdone (i32.ge_u (local.get $ci) (local.get $inC)))
                    (f32.store (local.get $dst) (f32.load (local.get $src)))
                    (local.set $dst (i32.add (local.get $dst) (local.get $row)))
                    (local.set $src (i32.add (local.get $src) (i32.const 4)))
                    (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                    (br $cnext)))))))
        (local.set $ow (i32.add (local.get $ow) (i32.const 1)))
        (if (i32.eq (local.get $ow) (local.get $outW))
          (then
            (local.set $ow (i32.const 0))
            (local.set $oh (i32.add (local.get $oh) (i32.const 1)))
            (if (i32.eq (local.get $oh) (local.get $outH))
              (then (local.set $oh (i32.const 0)) (local.set $n (i32.add (local.get $n) (i32.const 1)))))))
        (local.set $col (i32.add (local.get $col) (i32.const 1)))
        (br $next))))

  ;; im2col_t(px, po, p0, p1, inH, inW, inC, outH, outW, kH, kW, sH, sW, padT, padL): the
  ;; transposed patch matrix [kH*kW*inC, p1-p0] of output pixels [p0, p1) (see im2colTransposed).
  (func (export "im2col_t") (param $px i32) (param $po i32) (param $p0 i32) (param $p1 i32)
        (param $inH i32) (param $inW i32) (param $inC i32) (param $outH i32) (param $outW i32)
        (param $kH i32) (param $kW i32) (param $sH i32) (param $sW i32) (param $padT i32) (param $padL i32)
    (local $pc i32) (local $row i32) (local $tap i32) (local $kh i32) (local $kw i32) (local $base i32)
    (local $from i32) (local $ci i32) (local $shift i32) (local $mode i32)
    (local.set $pc (i32.sub (local.get $p1) (local.get $p0)))
    (local.set $row (i32.shl (local.get $pc) (i32.const 2)))
    (local.set $tap (i32.mul (local.get $row) (local.get $inC)))
    (block $khdone
      (loop $khnext
        (br_if $khdone (i32.ge_u (local.get $kh) (local.get $kH)))
        (local.set $kw (i32.const 0))
        (block $kwdone
          (loop $kwnext
            (br_if $kwdone (i32.ge_u (local.get $kw) (local.get $kW)))
            (local.set $base (i32.add (local.get $po)
              (i32.mul (i32.add (i32.mul (local.get $kh) (local.get $kW)) (local.get $kw)) (local.get $tap))))
            (local.set $mode (i32.const 0))
            (local.set $shift (i32.const 0))
            (if (i32.ge_u (local.get $kw) (local.get $sW))
              (then
                (local.set $mode (i32.const 1))
                (local.set $shift (i32.const 4))
                (local.set $from (i32.sub (local.get $base) (i32.mul (local.get $sW) (local.get $tap)))))
              (else
                (if (i32.ge_u (local.get $kh) (local.get $sH))
                  (then
                    (local.set $mode (i32.const 2))
                    (local.set $shift (i32.shl (local.get $outW) (i32.const 2)))
                    (local.set $from (i32.sub (local.get $base)
                      (i32.mul (i32.mul (local.get $sH) (local.get $kW)) (local.get $tap))))))))
            (if (i32.and (i32.ne (local.get $mode) (i32.const 0)) (i32.gt_s (local.get $row) (local.get $shift)))
              (then
                (local.set $ci (i32.const 0))
                (block $cdone
                  (loop $cnext
                    (br_if $cdone (i32.ge_u (local.get $ci) (local.get $inC)))
                    (memory.copy
                      (i32.add (local.get $base) (i32.mul (local.get $ci) (local.get $row)))
                      (i32.add (i32.add (local.get $from) (i32.mul (local.get $ci) (local.get $row))) (local.get $shift))
                      (i32.sub (local.get $row) (local.get $shift)))
                    (local.set $ci (i32.add (local.get $ci) (i32.const 1)))
                    (br $cnext)))))
            (call $gather (local.get $px) (local.get $base) (local.get $p0) (local.get $pc) (local.get $kh) (local.get $kw)
              (local.get $inH) (local.get $inW) (local.get $inC) (local.get $outH) (local.get $outW)
              (local.get $sH) (local.get $sW) (local.get $padT) (local.get $padL) (local.get $mode))
            (local.set $kw (i32.add (local.get $kw) (i32.const 1)))
            (br $kwnext)))
        (local.set $kh (i32.add (local.get $kh) (i32.const 1)))
        (br $khnext))))
