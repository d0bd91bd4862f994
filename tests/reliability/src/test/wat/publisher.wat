;; The import-side ABI fuzzing guest (world hops-ingress): handle-request calls
;; fermyon:spin/redis.publish with the seven values the request body holds (address ptr/len,
;; channel ptr/len, payload ptr/len, return pointer), each made relative to the body when bit i of
;; body byte 28 is set, so the test decides every pointer and length the host has to lift. It then
;; answers 200 with no headers and no body.
(module
  (import "fermyon:spin/redis" "publish" (func $publish (param i32 i32 i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))

  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $ptr i32)
    (local.set $ptr
      (i32.and
        (i32.add (global.get $heap) (i32.sub (local.get $align) (i32.const 1)))
        (i32.xor (i32.sub (local.get $align) (i32.const 1)) (i32.const -1))))
    (global.set $heap (i32.add (local.get $ptr) (local.get $size)))
    (if (i32.gt_u (global.get $heap) (i32.const 65536)) (then unreachable))
    (local.get $ptr))

  ;; value i of the body, plus the body's address when bit i of byte 28 is set
  (func $value (param $body i32) (param $i i32) (result i32)
    (i32.add
      (i32.load (i32.add (local.get $body) (i32.mul (local.get $i) (i32.const 4))))
      (i32.mul (local.get $body)
        (i32.and (i32.shr_u (i32.load8_u (i32.add (local.get $body) (i32.const 28))) (local.get $i)) (i32.const 1)))))

  (func (export "fermyon:spin/inbound-http#handle-request")
        (param i32 i32 i32 i32 i32 i32 i32 i32) (param $body i32) (param $len i32) (result i32)
    (if (i32.lt_u (local.get $len) (i32.const 29)) (then unreachable))
    (call $publish
      (call $value (local.get $body) (i32.const 0)) (call $value (local.get $body) (i32.const 1))
      (call $value (local.get $body) (i32.const 2)) (call $value (local.get $body) (i32.const 3))
      (call $value (local.get $body) (i32.const 4)) (call $value (local.get $body) (i32.const 5))
      (call $value (local.get $body) (i32.const 6)))
    ;; response at 256: status 200, headers none, body none
    (i32.store16 (i32.const 256) (i32.const 200))
    (i32.store8 (i32.const 260) (i32.const 0))
    (i32.store8 (i32.const 272) (i32.const 0))
    (i32.const 256))

  (func (export "cabi_post_fermyon:spin/inbound-http#handle-request") (param i32)
    (global.set $heap (i32.const 1024)))
)
