;; Claims world test:abi/callee but gets it wrong in several ways at once: `reverse` has the
;; wrong core signature, `total`, `bytes`, `spill` and `fail` are missing, cabi_realloc has the
;; wrong type, and it imports a function the world does not know and a memory.
(module
  (import "test:abi/echo@0.1.0" "unknown" (func (param i32)))
  (import "env" "memory" (memory 1))
  (func (export "cabi_realloc") (param i32 i32 i32) (result i32)
    (i32.const 0))
  (func (export "test:abi/echo@0.1.0#reverse") (param i32) (result i32)
    (i32.const 0))
)
