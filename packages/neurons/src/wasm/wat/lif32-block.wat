  ;; One block of the float32 LIF kernel: the neurons at byte offsets [$start, $end), a multiple
  ;; of 4 and at most 1024 of them. Its lists and masks are in the calling thread's scratch area,
  ;; whose constants $lif32_constants stored at $scratch + 1024: pass 1 ($lif32_pass1) steps
  ;; every neuron and marks spikes and partial refractory steps; $lif_flatten lists them;
  ;; pass 2 steps the partial steps ($lif32_partial_list, or in float64 where dt / tauRc >
  ;; 0.125) and lists the spikes among them; pass 3 ($lif32_spike_list) finishes the spikes and
  ;; leaves those outside its series' range to float64 ($lif_spike_one_f64), after the loops (a
  ;; call inside a loop would make V8 spill every vector around it). Scratch layout: constants
  ;; 1024..1599, spike list 2048..6399, partial list 6400..10751, slow list 10752..15359 (up to
  ;; 1024 entries each, plus room for the stores past their end), masks 15360..15495 and
  ;; 15616..15751. Returns the block's spike count.
  (func $lif32_block
    (param $start i32) (param $end i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32) (param $scratch i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64) (param $series i32)
    (result i32)
    (local $c i32) (local $listP i32) (local $listS i32) (local $listSlow i32) (local $counts i32) (local $countP i32)
    (local $countS i32) (local $spikes i32) (local $k i32) (local $slow i32) (local $neurons i32)
    (local.set $c (i32.add (local.get $scratch) (i32.const 1024)))
    (local.set $listS (i32.add (local.get $scratch) (i32.const 2048)))
    (local.set $listP (i32.add (local.get $scratch) (i32.const 6400)))
    (local.set $listSlow (i32.add (local.get $scratch) (i32.const 10752)))
    (local.set $neurons (i32.shr_u (i32.sub (local.get $end) (local.get $start)) (i32.const 2)))
    (call $lif32_pass1 (local.get $start) (local.get $end) (local.get $pJ) (local.get $pOut) (local.get $pV)
      (local.get $pR) (i32.add (local.get $scratch) (i32.const 15360)) (i32.add (local.get $scratch) (i32.const 15616)) (local.get $c))
    (local.set $counts (call $lif_flatten (i32.add (local.get $scratch) (i32.const 15360)) (i32.add (local.get $scratch) (i32.const 15616))
      (local.get $neurons) (local.get $start) (local.get $listS) (local.get $listP)))
    (local.set $countP (i32.and (local.get $counts) (i32.const 0xffff)))
    (local.set $countS (i32.shr_u (local.get $counts) (i32.const 16)))
    (if (local.get $series)
      (then (local.set $countS (call $lif32_partial_list (local.get $listP) (local.get $countP) (local.get $listS) (local.get $countS)
        (local.get $pJ) (local.get $pV) (local.get $pR) (local.get $c))))
      (else
        (block $done (loop $next
          (br_if $done (i32.ge_u (local.get $k) (local.get $countP)))
          (local.set $spikes (i32.add (local.get $spikes) (call $lif_partial_one_f64
            (i32.load (i32.add (local.get $listP) (i32.shl (local.get $k) (i32.const 2))))
            (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
            (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height))))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $next)))))
    (local.set $slow (call $lif32_spike_list (local.get $listS) (local.get $countS) (local.get $listSlow)
      (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR) (local.get $c)))
    (local.set $spikes (i32.add (local.get $spikes) (i32.sub (local.get $countS) (local.get $slow))))
    (local.set $k (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $k) (local.get $slow)))
      (local.set $spikes (i32.add (local.get $spikes) (call $lif_spike_one_f64
        (i32.load (i32.add (local.get $listSlow) (i32.shl (local.get $k) (i32.const 2))))
        (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
        (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $height))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $next)))
    (local.get $spikes))
