  ;; The float32 LIF kernel (lif_step_f32) computes in float32 as NengoDL does, so it is close to
  ;; but not bit-identical with the exact kernel (lif-common.wat and the others). Each block of
  ;; at most 1024 neurons is stepped by $lif32_block (lif32-block.wat) in four passes:
  ;; lif32-pass1.wat, lif-flatten.wat, lif32-partial.wat and lif32-spikes.wat.

  ;; The kernel's constants as f32x4 at $c (see the offsets below; the passes load them from
  ;; memory, which V8 compiles to one load where it would rebuild a splat in the loop), and at
  ;; $c + 320 the swizzle table of the list appends: for each 4-bit lane mask m, the 16 bytes
  ;; that move m's i32 lanes to the front (lanes in order).
  (func $lif32_constants
    (param $c i32) (param $dt f64) (param $tauRc f64) (param $tauRef f64) (param $vMin f64) (param $height f64) (param $decay f64)
    (local $m i32) (local $k i32) (local $at i32)
    (v128.store offset=0 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $dt))))
    (v128.store offset=16 (local.get $c) (f32x4.splat (f32.demote_f64 (f64.div (f64.const 1) (local.get $tauRc)))))
    (v128.store offset=32 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $tauRc))))
    (v128.store offset=48 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $tauRef))))
    (v128.store offset=64 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $vMin))))
    (v128.store offset=80 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $height))))
    (v128.store offset=96 (local.get $c) (f32x4.splat (f32.demote_f64 (local.get $decay)))) ;; expm1(-dt / tauRc)
    (v128.store offset=128 (local.get $c) (f32x4.splat (f32.const 1)))
    (v128.store offset=144 (local.get $c) (f32x4.splat (f32.const 0x1.555556p-5))) ;; 1/24
    (v128.store offset=160 (local.get $c) (f32x4.splat (f32.const 0x1.111112p-7))) ;; 1/120
    (v128.store offset=176 (local.get $c) (f32x4.splat (f32.const 0x1.6c16c2p-10))) ;; 1/720
    (v128.store offset=192 (local.get $c) (f32x4.splat (f32.const 0.5)))
    (v128.store offset=208 (local.get $c) (f32x4.splat (f32.const 0x1.555556p-3))) ;; 1/6
    (v128.store offset=224 (local.get $c) (f32x4.splat (f32.const 2)))
    (v128.store offset=240 (local.get $c) (f32x4.splat (f32.const 0x1.555556p-2))) ;; 1/3
    (v128.store offset=256 (local.get $c) (f32x4.splat (f32.const 0.2)))
    (v128.store offset=272 (local.get $c) (f32x4.splat (f32.const 0.0303))) ;; largest |s| for log1p's series
    ;; swizzle table: entry m at $c + 320 + 16 m; lanes past popcnt(m) are left as they are
    (loop $mask
      (local.set $at (i32.add (local.get $c) (i32.shl (local.get $m) (i32.const 4))))
      (local.set $k (i32.const 0))
      (loop $lane
        (if (i32.and (local.get $m) (i32.shl (i32.const 1) (local.get $k)))
          (then
            ;; bytes 4k, 4k+1, 4k+2, 4k+3 of the source
            (i32.store offset=320 (local.get $at) (i32.add (i32.const 0x03020100) (i32.mul (local.get $k) (i32.const 0x04040404))))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $lane (i32.lt_u (local.get $k) (i32.const 4))))
      (local.set $m (i32.add (local.get $m) (i32.const 1)))
      (br_if $mask (i32.lt_u (local.get $m) (i32.const 16)))))
