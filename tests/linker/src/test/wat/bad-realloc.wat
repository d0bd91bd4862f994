;; Implements world test:abi/takes-world, but its cabi_realloc hands out memory it does not have.
(module
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (i32.const 0x7FFFFFF0))
  (func (export "test:abi/takes@0.1.0#take") (param i32 i32) (result i32)
    (local.get 1))
)
