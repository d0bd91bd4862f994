;; A fermyon:spin/inbound-redis guest (world validation-relay) for the Redis-trigger fault test: a
;; message starting with "L" loops forever, one starting with "T" traps, anything else is ok.
(module
  (memory (export "memory") 1)
  (global $heap (mut i32) (i32.const 1024))
  ;; result<_, error> at 16: ok
  (data (i32.const 16) "\00\00")

  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $ptr i32)
    (local.set $ptr (global.get $heap))
    (global.set $heap (i32.add (local.get $ptr) (local.get $size)))
    (if (i32.gt_u (global.get $heap) (i32.const 65536)) (then unreachable))
    (local.get $ptr))

  (func (export "fermyon:spin/inbound-redis#handle-message") (param $ptr i32) (param $len i32) (result i32)
    (global.set $heap (i32.const 1024))
    (if (i32.eqz (local.get $len)) (then (return (i32.const 16))))
    (if (i32.eq (i32.load8_u (local.get $ptr)) (i32.const 76)) (then (loop $forever (br $forever))))
    (if (i32.eq (i32.load8_u (local.get $ptr)) (i32.const 84)) (then unreachable))
    (i32.const 16))
)
