  ;; srelu_step_f32(n, pJ, pOut, pV, pIdx, pVal, pScratch, dt, height) -> count: SpikingRectifiedLinear
  ;; in float32 arithmetic, as NengoDL computes it (v += max(J, 0) * dt; k = floor(v); out = k *
  ;; height; v -= k), listing the neurons with a nonzero output in increasing order (indices at
  ;; pIdx, outputs at pVal). Not bit-identical with srelu_step, whose sum is rounded once from
  ;; float64. n must be a multiple of 8 (the caller steps the rest with srelu_step). In blocks of
  ;; 1024 neurons: $srelu32_masks steps them and marks the nonzero outputs (a u16 per 16 neurons
  ;; at pScratch + 64), $srelu32_list lists them without a branch per neuron.
  (func (export "srelu_step_f32")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pIdx i32) (param $pVal i32) (param $scratch i32)
    (param $dt f32) (param $height f32) (result i32)
    (local $b i32) (local $blockEnd i32) (local $end i32) (local $count i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $b) (local.get $end)))
        (local.set $blockEnd (i32.add (local.get $b) (i32.const 4096)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $end)) (then (local.set $blockEnd (local.get $end))))
        (call $srelu32_masks (local.get $b) (local.get $blockEnd) (local.get $pJ) (local.get $pOut) (local.get $pV)
          (i32.add (local.get $scratch) (i32.const 64)) (local.get $dt) (local.get $height))
        (local.set $count (call $srelu32_list (i32.add (local.get $scratch) (i32.const 64))
          (i32.shr_u (i32.sub (local.get $blockEnd) (local.get $b)) (i32.const 2)) (i32.shr_u (local.get $b) (i32.const 2))
          (local.get $pOut) (local.get $pIdx) (local.get $pVal) (local.get $count)))
        (local.set $b (local.get $blockEnd))
        (br $next)))
    (local.get $count))

  ;; The float32 SpikingRectifiedLinear step of the neurons at byte offsets [$start, $end) (a
  ;; multiple of 8 neurons, at most 1024), 16 per iteration; one u16 per 16 neurons at $masks
  ;; marks the nonzero outputs (bit 4k + l: lane l of the k-th vector).
  (func $srelu32_masks
    (param $start i32) (param $end i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $masks i32)
    (param $dt f32) (param $height f32)
    (local $b i32) (local $fullEnd i32)
    (local $v v128) (local $k v128) (local $o0 v128) (local $o1 v128) (local $o2 v128) (local $o3 v128)
    (local $dtV v128) (local $hV v128) (local $zero v128)
    (local.set $dtV (f32x4.splat (local.get $dt)))
    (local.set $hV (f32x4.splat (local.get $height)))
    (local.set $b (local.get $start))
    (local.set $fullEnd (i32.add (local.get $start) (i32.and (i32.sub (local.get $end) (local.get $start)) (i32.const -64))))
    (if (i32.lt_u (local.get $b) (local.get $fullEnd)) (then
      (loop $next
        (local.set $v (f32x4.add (v128.load offset=0 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load offset=0 (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o0 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=0 (i32.add (local.get $pOut) (local.get $b)) (local.get $o0))
        (v128.store offset=0 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=16 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load offset=16 (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o1 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=16 (i32.add (local.get $pOut) (local.get $b)) (local.get $o1))
        (v128.store offset=16 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=32 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load offset=32 (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o2 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=32 (i32.add (local.get $pOut) (local.get $b)) (local.get $o2))
        (v128.store offset=32 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=48 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load offset=48 (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o3 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=48 (i32.add (local.get $pOut) (local.get $b)) (local.get $o3))
        (v128.store offset=48 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (i32.store16 (local.get $masks) (i8x16.bitmask (i8x16.narrow_i16x8_s
          (i16x8.narrow_i32x4_s (f32x4.ne (local.get $o0) (local.get $zero)) (f32x4.ne (local.get $o1) (local.get $zero))) (i16x8.narrow_i32x4_s (f32x4.ne (local.get $o2) (local.get $zero)) (f32x4.ne (local.get $o3) (local.get $zero))))))
        (local.set $masks (i32.add (local.get $masks) (i32.const 2)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (br_if $next (i32.lt_u (local.get $b) (local.get $fullEnd))))))
    ;; the last 8 neurons
    (if (i32.lt_u (local.get $b) (local.get $end)) (then
        (local.set $v (f32x4.add (v128.load offset=0 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load offset=0 (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o0 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=0 (i32.add (local.get $pOut) (local.get $b)) (local.get $o0))
        (v128.store offset=0 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=16 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.max (v128.load offset=16 (i32.add (local.get $pJ) (local.get $b))) (local.get $zero)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o1 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=16 (i32.add (local.get $pOut) (local.get $b)) (local.get $o1))
        (v128.store offset=16 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
      (i32.store16 (local.get $masks) (i32.or (i32x4.bitmask (f32x4.ne (local.get $o0) (local.get $zero))) (i32.shl (i32x4.bitmask (f32x4.ne (local.get $o1) (local.get $zero))) (i32.const 4)))))))

  ;; The neurons that $srelu32_masks marked at $masks ($neurons of them, the first with index
  ;; $base), appended to the list from position $count: indices at $pIdx, outputs (read back
  ;; from $pOut) at $pVal. Eight entries per 64-neuron word without branches (ctz, then clear the
  ;; lowest bit; the entries past the word's popcount are overwritten later or left past the
  ;; end, and the word's last neuron, or'ed in as a sentinel, keeps their reads in bounds),
  ;; more in a loop. Returns the new count.
  (func $srelu32_list
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
        (local.set $atI (i32.add (local.get $atI) (i32.shl (local.get $cnt) (i32.const 2))))
        (local.set $atV (i32.add (local.get $atV) (i32.shl (local.get $cnt) (i32.const 2))))
        (local.set $base (i32.add (local.get $base) (i32.const 64)))
        (local.set $w (i32.add (local.get $w) (i32.const 1)))
        (br $next)))
    (i32.shr_u (i32.sub (local.get $atI) (local.get $pIdx)) (i32.const 2)))
