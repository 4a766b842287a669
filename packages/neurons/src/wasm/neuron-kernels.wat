;; Spiking neuron step kernels for @snn/neurons, in WebAssembly SIMD.
;;
;; tools/wasm/build-wasm.mjs (npm run build:wasm) resolves the `;; #include` lines and assembles the module into
;; neuron-kernels.generated.ts (base64 bytes). Every kernel but lif_step_f32 computes in
;; f64x2 (two neurons per vector) exactly the double-precision operations of the JS kernels in
;; src/kernels/, in the same order, and stores float32, so its outputs and states are
;; bit-identical to the JS kernels'. lif_step_f32 computes LIF in f32x4 (four neurons per
;; vector, float32 rounding as NengoDL does; the lif32-*.wat files): 2-3x as fast, close
;; to but not bit-identical with lif_step. Arrays are float32 in the imported
;; shared memory; pointers are byte offsets (4-byte aligned). Each calling thread passes its
;; own 32 KiB scratch area: bytes 0..63 hold the last (n mod 4) neurons; lif_step keeps its
;; masks at 64..319 (lif-common.wat; srelu_step_f32 at 64..191), lists at 1024..5183 and
;; 5184..9343 and a float64 per
;; listed neuron at 9344..17535, lif_step_f32 its constants, lists and masks at 1024..15751
;; (lif32-block.wat).
(module
  (import "env" "memory" (memory 1 65536 shared))
  (import "math" "expm1" (func $expm1 (param f64) (result f64)))
  (import "math" "log1p" (func $log1p (param f64) (result f64)))

  ;; #include "wat/series.wat"
  ;; #include "wat/lif-common.wat"
  ;; #include "wat/lif-flatten.wat"
  ;; #include "wat/lif32-constants.wat"
  ;; #include "wat/lif32-pass1.wat"
  ;; #include "wat/lif32-partial.wat"
  ;; #include "wat/lif32-spikes.wat"
  ;; #include "wat/lif32-block.wat"
  ;; #include "wat/lif-partial.wat"
  ;; #include "wat/lif-spike.wat"
  ;; #include "wat/spiking-rectified-linear.wat"
  ;; #include "wat/srelu32.wat"
  ;; #include "wat/list-marked.wat"

  ;; LIF.step over a multiple of 4 neurons, in blocks of 1024, each in two passes
  ;; (lif-common.wat, then lif-partial.wat and lif-spike.wat; where $f32 is 1, $lif32_block
  ;; in lif32-block.wat). Returns the number of spikes.
  (func $lif_blocks
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32) (param $scratch i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64)
    (param $decay f64) (param $series i32) (param $f32 i32) (result i32)
    (local $i i32) (local $end i32) (local $blockEnd i32) (local $counts i32) (local $count i32) (local $spikes i32)
    (local $listP i32) (local $listS i32) (local $buf i32) (local $partialSpikes i32)
    (local.set $listP (i32.add (local.get $scratch) (i32.const 1024)))
    (local.set $listS (i32.add (local.get $scratch) (i32.const 5184)))
    (local.set $buf (i32.add (local.get $scratch) (i32.const 9344)))
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (if (local.get $f32)
      (then (call $lif32_constants (local.get $listP) (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin)
        (local.get $height) (local.get $decay))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $blockEnd (i32.add (local.get $i) (i32.const 4096)))
        (if (i32.gt_u (local.get $blockEnd) (local.get $end)) (then (local.set $blockEnd (local.get $end))))
        (if (local.get $f32)
          (then
            (local.set $spikes (i32.add (local.get $spikes) (call $lif32_block (local.get $i) (local.get $blockEnd)
              (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR) (local.get $scratch)
              (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height) (local.get $series)))))
          (else
            (local.set $counts (call $lif_common (local.get $i) (local.get $blockEnd)
              (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
              (i32.add (local.get $scratch) (i32.const 64)) (i32.add (local.get $scratch) (i32.const 192)) (local.get $listP) (local.get $listS)
              (local.get $dt) (local.get $vMin) (local.get $decay)))
            ;; partial refractory steps
            (local.set $count (i32.and (local.get $counts) (i32.const 0xffff)))
            (if (local.get $series)
              (then (call $lif_partial_decay (local.get $listP) (local.get $count) (local.get $pR) (local.get $buf)
                (local.get $dt) (local.get $tauRc)))
              (else (call $lif_partial_decay_math (local.get $listP) (local.get $count) (local.get $pR) (local.get $buf)
                (local.get $dt) (local.get $tauRc))))
            (local.set $partialSpikes (call $lif_partial_finish
              (local.get $listP) (local.get $count) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
              (local.get $buf) (local.get $dt) (local.get $vMin) (local.get $height)))
            (if (local.get $partialSpikes)
              (then (call $lif_partial_spikes (local.get $listP) (local.get $count) (local.get $pJ) (local.get $pR)
                (local.get $buf) (local.get $dt) (local.get $tauRc) (local.get $tauRef))))
            ;; spikes after full (or refractory) steps
            (local.set $count (i32.shr_u (local.get $counts) (i32.const 16)))
            (call $lif_spike_y (local.get $listS) (local.get $count) (local.get $pJ) (local.get $pV) (local.get $pR)
              (local.get $buf) (local.get $dt) (local.get $decay))
            (local.set $spikes (i32.add (local.get $spikes) (i32.add (local.get $partialSpikes) (call $lif_spike_finish
              (local.get $listS) (local.get $count) (local.get $pOut) (local.get $pV) (local.get $pR) (local.get $buf)
              (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $height)))))))
        (local.set $i (local.get $blockEnd))
        (br $next)))
    (local.get $spikes))

  ;; lif_step(n, pJ, pOut, pV, pR, pScratch, dt, tauRc, tauRef, vMin, height, decay, series):
  ;; LIF.step (lifStep in src/kernels/lif-step.ts). height = amplitude / dt;
  ;; decay = expm1(-dt / tauRc); series = 1 when dt / tauRc <= 0.125. Returns the spike count.
  (func (export "lif_step")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32) (param $scratch i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64)
    (param $decay f64) (param $series i32) (result i32)
    (call $lif_run (local.get $n) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR) (local.get $scratch)
      (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height)
      (local.get $decay) (local.get $series) (i32.const 0)))

  ;; lif_step_f32(...): lif_step's arguments and result, computed in float32 (the lif32-*.wat
  ;; files; the float64 arguments are rounded to float32 there).
  (func (export "lif_step_f32")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32) (param $scratch i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64)
    (param $decay f64) (param $series i32) (result i32)
    (call $lif_run (local.get $n) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR) (local.get $scratch)
      (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height)
      (local.get $decay) (local.get $series) (i32.const 1)))

  ;; Both LIF kernels ($f32: 0 exact, 1 float32). The last n mod 4 neurons are stepped in the
  ;; scratch area, padded with resting neurons.
  (func $lif_run
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $pR i32) (param $scratch i32)
    (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64)
    (param $decay f64) (param $series i32) (param $f32 i32) (result i32)
    (local $spikes i32) (local $last i32) (local $tail i32)
    (local.set $last (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2)))
    (local.set $tail (i32.and (local.get $n) (i32.const 3)))
    (local.set $spikes (call $lif_blocks
      (i32.and (local.get $n) (i32.const -4)) (local.get $pJ) (local.get $pOut) (local.get $pV) (local.get $pR)
      (local.get $scratch) (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height)
      (local.get $decay) (local.get $series) (local.get $f32)))
    (if (local.get $tail)
      (then
        (call $copy_floats (local.get $scratch) (i32.add (local.get $pJ) (local.get $last)) (local.get $tail))
        (call $copy_floats (i32.add (local.get $scratch) (i32.const 32)) (i32.add (local.get $pV) (local.get $last)) (local.get $tail))
        (call $copy_floats (i32.add (local.get $scratch) (i32.const 48)) (i32.add (local.get $pR) (local.get $last)) (local.get $tail))
        (local.set $spikes (i32.add (local.get $spikes) (call $lif_blocks
          (i32.const 4) (local.get $scratch) (i32.add (local.get $scratch) (i32.const 16))
          (i32.add (local.get $scratch) (i32.const 32)) (i32.add (local.get $scratch) (i32.const 48))
          (local.get $scratch) (local.get $dt) (local.get $tauRc) (local.get $tauRef) (local.get $vMin) (local.get $height)
          (local.get $decay) (local.get $series) (local.get $f32))))
        (memory.copy (i32.add (local.get $pOut) (local.get $last)) (i32.add (local.get $scratch) (i32.const 16))
          (i32.shl (local.get $tail) (i32.const 2)))
        (memory.copy (i32.add (local.get $pV) (local.get $last)) (i32.add (local.get $scratch) (i32.const 32))
          (i32.shl (local.get $tail) (i32.const 2)))
        (memory.copy (i32.add (local.get $pR) (local.get $last)) (i32.add (local.get $scratch) (i32.const 48))
          (i32.shl (local.get $tail) (i32.const 2)))))
    (local.get $spikes))

  ;; Copy $k float32s from $src to $dst and zero the rest of $dst's 16 bytes.
  (func $copy_floats (param $dst i32) (param $src i32) (param $k i32)
    (v128.store (local.get $dst) (v128.const i64x2 0 0))
    (memory.copy (local.get $dst) (local.get $src) (i32.shl (local.get $k) (i32.const 2))))

  ;; srelu_step(n, pJ, pOut, pV, pScratch, dt, height)
  (func (export "srelu_step")
    (param $n i32) (param $pJ i32) (param $pOut i32) (param $pV i32) (param $scratch i32)
    (param $dt f64) (param $height f64) (result i32)
    (local $spikes i32) (local $last i32)
    (local.set $spikes (call $srelu_pairs
      (i32.and (local.get $n) (i32.const -2)) (local.get $pJ) (local.get $pOut) (local.get $pV)
      (local.get $dt) (local.get $height)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $last (i32.shl (i32.sub (local.get $n) (i32.const 1)) (i32.const 2)))
        (call $to_pair (local.get $scratch) (i32.add (local.get $pJ) (local.get $last)))
        (call $to_pair (i32.add (local.get $scratch) (i32.const 16)) (i32.add (local.get $pV) (local.get $last)))
        (local.set $spikes (i32.add (local.get $spikes) (call $srelu_pairs
          (i32.const 2) (local.get $scratch) (i32.add (local.get $scratch) (i32.const 8))
          (i32.add (local.get $scratch) (i32.const 16)) (local.get $dt) (local.get $height))))
        (i32.store (i32.add (local.get $pOut) (local.get $last)) (i32.load (i32.add (local.get $scratch) (i32.const 8))))
        (i32.store (i32.add (local.get $pV) (local.get $last)) (i32.load (i32.add (local.get $scratch) (i32.const 16))))))
    (local.get $spikes))
)
