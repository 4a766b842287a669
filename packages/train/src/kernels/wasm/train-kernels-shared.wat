;; snn's training kernels for tfjs's threaded WebAssembly build (shared memory).
;; Assembled by tools/wasm/build-wasm.mjs into train-kernels-shared.generated.ts.
(module
  (import "env" "memory" (memory 1 65536 shared))
  ;; Data-movement and reduction loops of snn's training kernels, in WebAssembly SIMD, on
  ;; tfjs's own WebAssembly memory (imported above; both modules include the same wat/ files).
  ;; Pointers are byte offsets of float32 arrays in that memory. train-wasm.test.ts checks
  ;; every export against a plain JS reference.
  ;; #include "wat/copy-add.wat"
  ;; #include "wat/im2col-transposed.wat"
  ;; #include "wat/interleave-sum-relu.wat"
  ;; #include "wat/dw-direct.wat"
  ;; #include "wat/dw-sparse.wat"
  ;; #include "wat/dw-sparse-x.wat"
  ;; #include "wat/dw-x-columns.wat"
  ;; #include "wat/dx-sparse.wat"
  ;; #include "wat/conv-sparse.wat"
  ;; #include "wat/conv-first.wat"
  ;; #include "wat/conv-first-grad.wat"
  ;; #include "wat/transpose2d.wat"
  ;; #include "wat/mm-tn.wat"
  ;; #include "wat/mm-narrow.wat"
  ;; #include "wat/patch-demand.wat"
  ;; #include "wat/soft-lif.wat"
  ;; #include "wat/qcfs.wat"
  ;; #include "wat/adam.wat"
  ;; #include "wat/squared-diff.wat"
)
