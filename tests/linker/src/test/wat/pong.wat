;; Implements world test:abi/pong-world: pong(n) calls back into ping(n).
(module
  (import "test:abi/ping@0.1.0" "ping" (func $ping (param i32) (result i32)))
  (func (export "test:abi/pong@0.1.0#pong") (param $n i32) (result i32)
    (call $ping (local.get $n)))
)
