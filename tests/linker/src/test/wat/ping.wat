;; Implements world test:abi/ping-world: ping(n) asks pong, which asks ping again. Linked to
;; pong.wat this is a cycle, and the second entry into ping must be refused.
(module
  (import "test:abi/pong@0.1.0" "pong" (func $pong (param i32) (result i32)))
  (func (export "test:abi/ping@0.1.0#ping") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $pong (i32.sub (local.get $n) (i32.const 1)))))))
)
