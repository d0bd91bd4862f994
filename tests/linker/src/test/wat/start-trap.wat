;; Implements world test:abi/takes-world, but its start function traps, so no instance of it
;; can ever be made.
(module
  (memory (export "memory") 1)
  (func $start unreachable)
  (start $start)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 0))
  (func (export "test:abi/takes@0.1.0#take") (param i32 i32) (result i32) (local.get 1))
)
