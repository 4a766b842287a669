  ;; List the neurons that LIF pass 1 (lif-common.wat) flagged over the byte offsets
  ;; [$start, $end): one flag byte per four neurons at $flags (bits 0..3 partial step,
  ;; bits 4..7 spike), 16 flag bytes at a time, visiting only nonzero flags. Partial steps go
  ;; to $listP, spikes to $listS, as byte offsets. Returns countP | countS << 16.
  (func $lif_list
    (param $start i32) (param $end i32) (param $flags i32) (param $listP i32) (param $listS i32) (result i32)
    (local $quads i32) (local $countP i32) (local $countS i32) (local $bits i32) (local $tags i32)
    (local $e i32) (local $k i32) (local $at i32) (local $bits4 i32) (local $zero v128)
    (local.set $quads (i32.shr_u (i32.sub (local.get $end) (local.get $start)) (i32.const 4)))
    (block $listed
      (loop $group
        (br_if $listed (i32.ge_u (local.get $k) (local.get $quads)))
        (local.set $bits (i8x16.bitmask (i8x16.ne (v128.load (i32.add (local.get $flags) (local.get $k))) (local.get $zero))))
        (if (i32.lt_u (i32.sub (local.get $quads) (local.get $k)) (i32.const 16))
          (then (local.set $bits (i32.and (local.get $bits)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $quads) (local.get $k))) (i32.const 1))))))
        (block $groupDone
          (loop $quad
            (br_if $groupDone (i32.eqz (local.get $bits)))
            (local.set $e (i32.add (local.get $k) (i32.ctz (local.get $bits))))
            (local.set $bits (i32.and (local.get $bits) (i32.sub (local.get $bits) (i32.const 1))))
            (local.set $tags (i32.load8_u (i32.add (local.get $flags) (local.get $e))))
            (local.set $e (i32.add (local.get $start) (i32.shl (local.get $e) (i32.const 4))))
            ;; append the offsets of the flagged lanes without branching (writing up to 3
            ;; entries past the new end: the lists have room for 1024 + 3 entries)
            (local.set $at (i32.add (local.get $listP) (i32.shl (local.get $countP) (i32.const 2))))
            (local.set $bits4 (i32.and (local.get $tags) (i32.const 15)))
            (i32.store (local.get $at) (local.get $e))
            (local.set $at (i32.add (local.get $at) (i32.shl (i32.and (local.get $bits4) (i32.const 1)) (i32.const 2))))
            (i32.store (local.get $at) (i32.add (local.get $e) (i32.const 4)))
            (local.set $at (i32.add (local.get $at) (i32.shl (i32.and (local.get $bits4) (i32.const 2)) (i32.const 1))))
            (i32.store (local.get $at) (i32.add (local.get $e) (i32.const 8)))
            (local.set $at (i32.add (local.get $at) (i32.and (local.get $bits4) (i32.const 4))))
            (i32.store (local.get $at) (i32.add (local.get $e) (i32.const 12)))
            (local.set $countP (i32.add (local.get $countP) (i32.popcnt (local.get $bits4))))
            (local.set $at (i32.add (local.get $listS) (i32.shl (local.get $countS) (i32.const 2))))
            (local.set $bits4 (i32.shr_u (local.get $tags) (i32.const 4)))
            (i32.store (local.get $at) (local.get $e))
            (local.set $at (i32.add (local.get $at) (i32.shl (i32.and (local.get $bits4) (i32.const 1)) (i32.const 2))))
            (i32.store (local.get $at) (i32.add (local.get $e) (i32.const 4)))
            (local.set $at (i32.add (local.get $at) (i32.shl (i32.and (local.get $bits4) (i32.const 2)) (i32.const 1))))
            (i32.store (local.get $at) (i32.add (local.get $e) (i32.const 8)))
            (local.set $at (i32.add (local.get $at) (i32.and (local.get $bits4) (i32.const 4))))
            (i32.store (local.get $at) (i32.add (local.get $e) (i32.const 12)))
            (local.set $countS (i32.add (local.get $countS) (i32.popcnt (local.get $bits4))))
            (br $quad)))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $group)))
    (i32.or (local.get $countP) (i32.shl (local.get $countS) (i32.const 16))))
