;; A fermyon:spin/inbound-http guest that misbehaves on demand, for the guest-fault tests. It
;; answers by method: GET 200 "ok"; DELETE traps; PATCH loops forever; POST grows its memory by
;; 32 pages (2 MiB) once and answers 200 "grew" (so a cap below that makes it trap); PUT grows its
;; memory one page at a time without bound and traps when a grow is refused.
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 16) "ok\n")
  (data (i32.const 32) "grew\n")

  (func $realloc (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
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

  (func $respond (param $body i32) (param $len i32) (result i32)
    ;; response record at 64: status u16 @0, headers option @4 (none), body option @16 (some: ptr @20, len @24)
    (i32.store16 (i32.const 64) (i32.const 200))
    (i32.store8 (i32.const 68) (i32.const 0))
    (i32.store8 (i32.const 80) (i32.const 1))
    (i32.store (i32.const 84) (local.get $body))
    (i32.store (i32.const 88) (local.get $len))
    (i32.const 64))

  (func (export "fermyon:spin/inbound-http#handle-request")
        (param $method i32) (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    ;; method enum: get 0, post 1, put 2, delete 3, patch 4
    (if (i32.eq (local.get $method) (i32.const 3)) (then unreachable))
    (if (i32.eq (local.get $method) (i32.const 4)) (then (loop $forever (br $forever))))
    (if (i32.eq (local.get $method) (i32.const 2))
      (then
        (loop $more
          (if (i32.eq (memory.grow (i32.const 1)) (i32.const -1)) (then unreachable))
          ;; touch the new page, as a real allocator would
          (i32.store (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 4)) (i32.const 1))
          (br $more))))
    (if (i32.eq (local.get $method) (i32.const 1))
      (then
        (if (i32.eq (memory.grow (i32.const 32)) (i32.const -1)) (then unreachable))
        (return (call $respond (i32.const 32) (i32.const 5)))))
    (call $respond (i32.const 16) (i32.const 3)))

  (func (export "cabi_post_fermyon:spin/inbound-http#handle-request") (param i32)
    (global.set $heap (i32.const 1024)))
)
