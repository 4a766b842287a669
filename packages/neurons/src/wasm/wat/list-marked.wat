  ;; The neurons marked at $masks (one bit per neuron, u16 words as $srelu32_masks and
  ;; $mark_nonzero write them; $neurons of them, the first with index $base), appended to the
  ;; list from position $count: indices at $pIdx, outputs (read back
  ;; from $pOut) at $pVal. Two entries per 64-neuron word with at most two marks, else eight,
  ;; without branches per entry (ctz, then clear the lowest bit; the entries past the word's
  ;; popcount are overwritten later or left past the end, and the word's last neuron, or'ed in
  ;; as a sentinel, keeps their reads in bounds), more in a loop. Returns the new count.
  (func $list_marked
    (param $masks i32) (param $neurons i32) (param $base i32) (param $pOut i32) (param $pIdx i32) (param $pVal i32) (param $count i32)
    (result i32)
    (local $w i32) (local $words i32) (local $m i32) (local $cnt i32) (local $idx i32) (local $atI i32) (local $atV i32)
    (local $bits i64) (local $sentinel i64)
    (local.set $words (i32.shr_u (i32.add (local.get $neurons) (i32.const 63)) (i32.const 6)))
    (local.set $atI (i32.add (local.get $pIdx) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $atV (i32.add (local.get $pVal) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $w) (local.get $words)))
        (local.set $bits (i64.load (i32.add (local.get $masks) (i32.shl (local.get $w) (i32.const 3)))))
        (local.set $m (i32.sub (local.get $neurons) (i32.shl (local.get $w) (i32.const 6))))
        (local.set $sentinel (i64.const 0x8000000000000000))
        (if (i32.lt_u (local.get $m) (i32.const 64))
          (then
            (local.set $sentinel (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $m) (i32.const 1)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (i64.shl (local.get $sentinel) (i64.const 1)) (i64.const 1))))))
        (local.set $cnt (i32.wrap_i64 (i64.popcnt (local.get $bits))))
        ;; sparse words (at most two marks, e.g. spikes of a few percent of the neurons) take
        ;; two entries; denser ones eight, then a loop
        (if (i32.le_u (local.get $cnt) (i32.const 2))
          (then
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=0 (local.get $atI) (local.get $idx))
            (f32.store offset=0 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=4 (local.get $atI) (local.get $idx))
            (f32.store offset=4 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
          )
          (else
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=0 (local.get $atI) (local.get $idx))
            (f32.store offset=0 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=4 (local.get $atI) (local.get $idx))
            (f32.store offset=4 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=8 (local.get $atI) (local.get $idx))
            (f32.store offset=8 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=12 (local.get $atI) (local.get $idx))
            (f32.store offset=12 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=16 (local.get $atI) (local.get $idx))
            (f32.store offset=16 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=20 (local.get $atI) (local.get $idx))
            (f32.store offset=20 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=24 (local.get $atI) (local.get $idx))
            (f32.store offset=24 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (i64.or (local.get $bits) (local.get $sentinel))))))
            (i32.store offset=28 (local.get $atI) (local.get $idx))
            (f32.store offset=28 (local.get $atV) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
            (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
            (if (i32.gt_u (local.get $cnt) (i32.const 8))
              (then
                (local.set $m (i32.const 32))
                (loop $more
                  (local.set $idx (i32.add (local.get $base) (i32.wrap_i64 (i64.ctz (local.get $bits)))))
                  (i32.store (i32.add (local.get $atI) (local.get $m)) (local.get $idx))
                  (f32.store (i32.add (local.get $atV) (local.get $m)) (f32.load (i32.add (local.get $pOut) (i32.shl (local.get $idx) (i32.const 2)))))
                  (local.set $bits (i64.and (local.get $bits) (i64.sub (local.get $bits) (i64.const 1))))
                  (local.set $m (i32.add (local.get $m) (i32.const 4)))
                  (br_if $more (i64.ne (local.get $bits) (i64.const 0))))))
          ))
        (local.set $atI (i32.add (local.get $atI) (i32.shl (local.get $cnt) (i32.const 2))))
        (local.set $atV (i32.add (local.get $atV) (i32.shl (local.get $cnt) (i32.const 2))))
        (local.set $base (i32.add (local.get $base) (i32.const 64)))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $atI) (local.get $pIdx)) (i32.const 2)))

  ;; list_nonzero(n, pOut, pIdx, pVal, pScratch) -> count: the nonzero entries of out[0..n)
  ;; in increasing order, indices at pIdx and values at pVal (e.g. a LIF step's spikes). n must
  ;; be a multiple of 8 (the caller lists the rest). In blocks of 1024: $mark_nonzero marks them
  ;; (a u16 per 16 entries at pScratch + 64), $list_marked lists them.
  (func (export "list_nonzero")
    (param $n i32) (param $pOut i32) (param $pIdx i32) (param $pVal i32) (param $scratch i32) (result i32)
    (local $b i32) (local $blockEnd i32) (local $end i32) (local $count i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $b) (local.get $end)))
        (local.set $blockEnd (i32.add (local.get $b) (i32.const 4096)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $end)) (then (local.set $blockEnd (local.get $end))))
        (call $mark_nonzero (local.get $b) (local.get $blockEnd) (local.get $pOut) (i32.add (local.get $scratch) (i32.const 64)))
        (local.set $count (call $list_marked (i32.add (local.get $scratch) (i32.const 64))
          (i32.shr_u (i32.sub (local.get $blockEnd) (local.get $b)) (i32.const 2)) (i32.shr_u (local.get $b) (i32.const 2))
          (local.get $pOut) (local.get $pIdx) (local.get $pVal) (local.get $count)))
        (local.set $b (local.get $blockEnd))
        (br $next)))
    (local.get $count))

  ;; Mark the nonzero entries of out at byte offsets [$start, $end) (a multiple of 8, at most
  ;; 1024 entries), 16 per iteration: one u16 per 16 entries at $masks.
  (func $mark_nonzero (param $start i32) (param $end i32) (param $pOut i32) (param $masks i32)
    (local $b i32) (local $fullEnd i32) (local $zero v128)
    (local.set $b (local.get $start))
    (local.set $fullEnd (i32.add (local.get $start) (i32.and (i32.sub (local.get $end) (local.get $start)) (i32.const -64))))
    (if (i32.lt_u (local.get $b) (local.get $fullEnd)) (then
      (loop $next
        (i32.store16 (local.get $masks) (i8x16.bitmask (i8x16.narrow_i16x8_s
          (i16x8.narrow_i32x4_s
            (f32x4.ne (v128.load offset=0 (i32.add (local.get $pOut) (local.get $b))) (local.get $zero))
            (f32x4.ne (v128.load offset=16 (i32.add (local.get $pOut) (local.get $b))) (local.get $zero)))
          (i16x8.narrow_i32x4_s
            (f32x4.ne (v128.load offset=32 (i32.add (local.get $pOut) (local.get $b))) (local.get $zero))
            (f32x4.ne (v128.load offset=48 (i32.add (local.get $pOut) (local.get $b))) (local.get $zero))))))
        (local.set $masks (i32.add (local.get $masks) (i32.const 2)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $b) (local.get $fullEnd))))))
    ;; the last 8 entries
    (if (i32.lt_u (local.get $b) (local.get $end)) (then
      (i32.store16 (local.get $masks) (i32.or
        (i32x4.bitmask (f32x4.ne (v128.load offset=0 (i32.add (local.get $pOut) (local.get $b))) (local.get $zero)))
        (i32.shl (i32x4.bitmask (f32x4.ne (v128.load offset=16 (i32.add (local.get $pOut) (local.get $b))) (local.get $zero)))
          (i32.const 4)))))))
