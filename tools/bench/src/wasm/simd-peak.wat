;; The WebAssembly SIMD arithmetic peak of one core: twelve independent chains of
;; a = a * b + c on f32x4 (a multiply and an add, 8 flops per chain and iteration, the shape of
;; a GEMM microkernel's inner step without its loads). Assembled by tools/wasm/build-wasm.mjs.
(module
  ;; run(n) -> f32: n iterations of the twelve chains; the sum of the lanes keeps them live.
  (func (export "run") (param $n i32) (result f32)
    (local $a0 v128)(local $a1 v128)(local $a2 v128)(local $a3 v128)(local $a4 v128)(local $a5 v128)(local $a6 v128)(local $a7 v128)(local $a8 v128)(local $a9 v128)(local $a10 v128)(local $a11 v128) (local $b v128) (local $c v128)
    (local.set $b (f32x4.splat (f32.const 0.999)))
    (local.set $c (f32x4.splat (f32.const 0.001)))
    (loop $next
        (local.set $a0 (f32x4.add (f32x4.mul (local.get $a0) (local.get $b)) (local.get $c)))
        (local.set $a1 (f32x4.add (f32x4.mul (local.get $a1) (local.get $b)) (local.get $c)))
        (local.set $a2 (f32x4.add (f32x4.mul (local.get $a2) (local.get $b)) (local.get $c)))
        (local.set $a3 (f32x4.add (f32x4.mul (local.get $a3) (local.get $b)) (local.get $c)))
        (local.set $a4 (f32x4.add (f32x4.mul (local.get $a4) (local.get $b)) (local.get $c)))
        (local.set $a5 (f32x4.add (f32x4.mul (local.get $a5) (local.get $b)) (local.get $c)))
        (local.set $a6 (f32x4.add (f32x4.mul (local.get $a6) (local.get $b)) (local.get $c)))
        (local.set $a7 (f32x4.add (f32x4.mul (local.get $a7) (local.get $b)) (local.get $c)))
        (local.set $a8 (f32x4.add (f32x4.mul (local.get $a8) (local.get $b)) (local.get $c)))
        (local.set $a9 (f32x4.add (f32x4.mul (local.get $a9) (local.get $b)) (local.get $c)))
        (local.set $a10 (f32x4.add (f32x4.mul (local.get $a10) (local.get $b)) (local.get $c)))
        (local.set $a11 (f32x4.add (f32x4.mul (local.get $a11) (local.get $b)) (local.get $c)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f32x4.extract_lane 0 (f32x4.add (f32x4.add (f32x4.add (f32x4.add (f32x4.add (f32x4.add (f32x4.add (f32x4.add (f32x4.add (f32x4.add (f32x4.add (local.get $a0) (local.get $a1)) (local.get $a2)) (local.get $a3)) (local.get $a4)) (local.get $a5)) (local.get $a6)) (local.get $a7)) (local.get $a8)) (local.get $a9)) (local.get $a10)) (local.get $a11)))))
