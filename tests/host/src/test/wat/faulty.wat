;; A tiny fermyon:spin/inbound-http guest for the host's fault tests, written against the
;; canonical ABI by hand. It answers by method: GET/POST 200 "ok", DELETE traps (unreachable),
;; PUT returns status 700 (out of range), PATCH never returns (for the request deadline).
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  (data (i32.const 16) "ok\n")

  ;; Bump allocator: the host lowers the request into memory through it; growing as needed.
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

  (func (export "fermyon:spin/inbound-http#handle-request")
        (param $method i32) (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (if (i32.eq (local.get $method) (i32.const 3)) (then unreachable))
    (if (i32.eq (local.get $method) (i32.const 4)) (then (loop $forever (br $forever))))
    ;; response record at 64: status u16 @0, headers option @4 (none), body option @16 (some: ptr @20, len @24)
    (i32.store16 (i32.const 64) (select (i32.const 700) (i32.const 200) (i32.eq (local.get $method) (i32.const 2))))
    (i32.store8 (i32.const 68) (i32.const 0))
    (i32.store8 (i32.const 80) (i32.const 1))
    (i32.store (i32.const 84) (i32.const 16))
    (i32.store (i32.const 88) (i32.const 3))
    (i32.const 64))

  ;; After the host has read the response, the request's memory can be reused.
  (func (export "cabi_post_fermyon:spin/inbound-http#handle-request") (param i32)
    (global.set $heap (i32.const 1024)))
)
