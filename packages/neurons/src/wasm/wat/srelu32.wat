  ;; srelu_step_f32(n, pJ, pOut, pV, pIdx, pVal, pScratch, dt, height) -> count: SpikingRectifiedLinear
  ;; in float32 arithmetic, as NengoDL computes it (v += max(J, 0) * dt; k = floor(v); out = k *
  ;; height; v -= k), listing the neurons with a nonzero output in increasing order (indices at
  ;; pIdx, outputs at pVal). Not bit-identical with srelu_step, whose sum is rounded once from
  ;; float64. n must be a multiple of 8 (the caller steps the rest with srelu_step). In blocks of
  ;; 1024 neurons: $srelu32_masks steps them and marks the nonzero outputs (a u16 per 16 neurons
  ;; at pScratch + 64), $list_marked lists them without a branch per neuron.
  (func (export "srelu_step_f32")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pIdx i32) (param $pVal i32) (param $scratch i32)
    (param $dt f32) (param $height f32) (result i32)
    (call $integrate_step_f32 (local.get $n) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pIdx) (local.get $pVal)
      (local.get $scratch) (local.get $dt) (local.get $height) (f32.const 0) (f32.const -inf) (f32.const inf)))

  ;; if_step_f32(n, pJ, pOut, pV, pIdx, pVal, pScratch, dt, height, maxSpikes) -> count: IntegrateAndFire
  ;; in float32 (v += J * dt, signed; k = min(max(floor(v), 0), maxSpikes); out = k * height; v -= k),
  ;; listing the neurons that spiked; n a multiple of 8, as srelu_step_f32.
  (func (export "if_step_f32")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pIdx i32) (param $pVal i32) (param $scratch i32)
    (param $dt f32) (param $height f32) (param $maxSpikes f32) (result i32)
    (call $integrate_step_f32 (local.get $n) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pIdx) (local.get $pVal)
      (local.get $scratch) (local.get $dt) (local.get $height) (f32.const -inf) (f32.const 0) (local.get $maxSpikes)))

  ;; The two above: v += max(J, jMin) * dt; k = min(max(floor(v), kMin), kMax) (jMin 0, kMin -inf
  ;; and kMax inf for SpikingRectifiedLinear; -inf, 0 and maxSpikes for IntegrateAndFire), in
  ;; blocks of 1024 neurons.
  (func $integrate_step_f32
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pIdx i32) (param $pVal i32) (param $scratch i32)
    (param $dt f32) (param $height f32) (param $jMin f32) (param $kMin f32) (param $kMax f32) (result i32)
    (local $b i32) (local $blockEnd i32) (local $end i32) (local $count i32)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $b) (local.get $end)))
        (local.set $blockEnd (i32.add (local.get $b) (i32.const 4096)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $end)) (then (local.set $blockEnd (local.get $end))))
        (if (i32.and (f32.eq (local.get $kMin) (f32.const -inf)) (f32.eq (local.get $kMax) (f32.const inf)))
          (then (call $srelu32_masks_unclamped (local.get $b) (local.get $blockEnd) (local.get $pJ) (local.get $pOut) (local.get $pV)
            (i32.add (local.get $scratch) (i32.const 64)) (local.get $dt) (local.get $height) (local.get $jMin) (local.get $kMin) (local.get $kMax)))
          (else (call $srelu32_masks (local.get $b) (local.get $blockEnd) (local.get $pJ) (local.get $pOut) (local.get $pV)
            (i32.add (local.get $scratch) (i32.const 64)) (local.get $dt) (local.get $height) (local.get $jMin) (local.get $kMin) (local.get $kMax))))
        (local.set $count (call $list_marked (i32.add (local.get $scratch) (i32.const 64))
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
    (param $dt f32) (param $height f32) (param $jMin f32) (param $kMin f32) (param $kMax f32)
    (local $b i32) (local $fullEnd i32)
    (local $v v128) (local $k v128) (local $o0 v128) (local $o1 v128) (local $o2 v128) (local $o3 v128)
    (local $dtV v128) (local $hV v128) (local $zero v128) (local $jMinV v128) (local $kMinV v128) (local $kMaxV v128)
    (local.set $dtV (f32x4.splat (local.get $dt)))
    (local.set $hV (f32x4.splat (local.get $height)))
    (local.set $jMinV (f32x4.splat (local.get $jMin)))
    (local.set $kMinV (f32x4.splat (local.get $kMin)))
    (local.set $kMaxV (f32x4.splat (local.get $kMax)))
    (local.set $b (local.get $start))
    (local.set $fullEnd (i32.add (local.get $start) (i32.and (i32.sub (local.get $end) (local.get $start)) (i32.const -64))))
    (if (i32.lt_u (local.get $b) (local.get $fullEnd)) (then
      (loop $next
        (local.set $v (f32x4.add (v128.load offset=0 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=0 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.pmin (f32x4.pmax (f32x4.floor (local.get $v)) (local.get $kMinV)) (local.get $kMaxV)))
        (local.set $o0 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=0 (i32.add (local.get $pOut) (local.get $b)) (local.get $o0))
        (v128.store offset=0 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=16 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=16 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.pmin (f32x4.pmax (f32x4.floor (local.get $v)) (local.get $kMinV)) (local.get $kMaxV)))
        (local.set $o1 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=16 (i32.add (local.get $pOut) (local.get $b)) (local.get $o1))
        (v128.store offset=16 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=32 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=32 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.pmin (f32x4.pmax (f32x4.floor (local.get $v)) (local.get $kMinV)) (local.get $kMaxV)))
        (local.set $o2 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=32 (i32.add (local.get $pOut) (local.get $b)) (local.get $o2))
        (v128.store offset=32 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=48 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=48 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.pmin (f32x4.pmax (f32x4.floor (local.get $v)) (local.get $kMinV)) (local.get $kMaxV)))
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
          (f32x4.mul (f32x4.pmax (v128.load offset=0 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.pmin (f32x4.pmax (f32x4.floor (local.get $v)) (local.get $kMinV)) (local.get $kMaxV)))
        (local.set $o0 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=0 (i32.add (local.get $pOut) (local.get $b)) (local.get $o0))
        (v128.store offset=0 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=16 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=16 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.pmin (f32x4.pmax (f32x4.floor (local.get $v)) (local.get $kMinV)) (local.get $kMaxV)))
        (local.set $o1 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=16 (i32.add (local.get $pOut) (local.get $b)) (local.get $o1))
        (v128.store offset=16 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
      (i32.store16 (local.get $masks) (i32.or (i32x4.bitmask (f32x4.ne (local.get $o0) (local.get $zero))) (i32.shl (i32x4.bitmask (f32x4.ne (local.get $o1) (local.get $zero))) (i32.const 4)))))))

  ;; $srelu32_masks without the spike-count clamps (kMin = -inf, kMax = inf: SpikingRectifiedLinear),
  ;; two operations fewer per four neurons. The float32 SpikingRectifiedLinear step of the neurons at byte offsets [$start, $end) (a
  ;; multiple of 8 neurons, at most 1024), 16 per iteration; one u16 per 16 neurons at $masks
  ;; marks the nonzero outputs (bit 4k + l: lane l of the k-th vector).
  (func $srelu32_masks_unclamped
    (param $start i32) (param $end i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $masks i32)
    (param $dt f32) (param $height f32) (param $jMin f32) (param $kMin f32) (param $kMax f32)
    (local $b i32) (local $fullEnd i32)
    (local $v v128) (local $k v128) (local $o0 v128) (local $o1 v128) (local $o2 v128) (local $o3 v128)
    (local $dtV v128) (local $hV v128) (local $zero v128) (local $jMinV v128) (local $kMinV v128) (local $kMaxV v128)
    (local.set $dtV (f32x4.splat (local.get $dt)))
    (local.set $hV (f32x4.splat (local.get $height)))
    (local.set $jMinV (f32x4.splat (local.get $jMin)))
    (local.set $kMinV (f32x4.splat (local.get $kMin)))
    (local.set $kMaxV (f32x4.splat (local.get $kMax)))
    (local.set $b (local.get $start))
    (local.set $fullEnd (i32.add (local.get $start) (i32.and (i32.sub (local.get $end) (local.get $start)) (i32.const -64))))
    (if (i32.lt_u (local.get $b) (local.get $fullEnd)) (then
      (loop $next
        (local.set $v (f32x4.add (v128.load offset=0 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=0 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o0 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=0 (i32.add (local.get $pOut) (local.get $b)) (local.get $o0))
        (v128.store offset=0 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=16 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=16 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o1 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=16 (i32.add (local.get $pOut) (local.get $b)) (local.get $o1))
        (v128.store offset=16 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=32 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=32 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o2 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=32 (i32.add (local.get $pOut) (local.get $b)) (local.get $o2))
        (v128.store offset=32 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=48 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=48 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
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
          (f32x4.mul (f32x4.pmax (v128.load offset=0 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o0 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=0 (i32.add (local.get $pOut) (local.get $b)) (local.get $o0))
        (v128.store offset=0 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
        (local.set $v (f32x4.add (v128.load offset=16 (i32.add (local.get $pV) (local.get $b)))
          (f32x4.mul (f32x4.pmax (v128.load offset=16 (i32.add (local.get $pJ) (local.get $b))) (local.get $jMinV)) (local.get $dtV))))
        (local.set $k (f32x4.floor (local.get $v)))
        (local.set $o1 (f32x4.mul (local.get $k) (local.get $hV)))
        (v128.store offset=16 (i32.add (local.get $pOut) (local.get $b)) (local.get $o1))
        (v128.store offset=16 (i32.add (local.get $pV) (local.get $b)) (f32x4.sub (local.get $v) (local.get $k)))
      (i32.store16 (local.get $masks) (i32.or (i32x4.bitmask (f32x4.ne (local.get $o0) (local.get $zero))) (i32.shl (i32x4.bitmask (f32x4.ne (local.get $o1) (local.get $zero))) (i32.const 4)))))))
