;; The ABI fuzzing relay (world test:fuzz/fuzz-relay): give forwards the seed to the imported
;; answers interface (served by answers.wat) and hands back the answer it received, so every broken
;; answer crosses the adapter between two components before the host sees it. The import writes
;; the answer into a return area at 16; strings and lists land past 1024 (bump allocator, reset by
;; the post-return).
(module
  (import "test:fuzz/answers@0.1.0" "give" (func $give (param i32 i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))

  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $ptr i32) (local $end i32)
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.xor (i32.sub (local.get $align) (i32.const 1)) (i32.const -1))))
    (local.set $end (i32.add (local.get $ptr) (local.get $size)))
    (if (i32.gt_u (local.get $end) (i32.mul (memory.size) (i32.const 65536)))
      (then
        (if (i32.eq
              (memory.grow (i32.add (i32.div_u (i32.sub (local.get $end) (i32.mul (memory.size) (i32.const 65536))) (i32.const 65536)) (i32.const 1)))
              (i32.const -1))
          (then unreachable))))
    (global.set $heap (local.get $end))
    (local.get $ptr))

  (func (export "test:fuzz/answers@0.1.0#give") (param $ptr i32) (param $len i32) (result i32)
    (call $give (local.get $ptr) (local.get $len) (i32.const 16))
    (i32.const 16))

  (func (export "cabi_post_test:fuzz/answers@0.1.0#give") (param i32)
    (global.set $heap (i32.const 1024)))
)
