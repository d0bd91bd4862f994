;; test:geo/area@0.1.0 by hand: area(width, height) = width * height.
(module
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "test:geo/area@0.1.0#area") (param i32 i32) (result i32)
    (i32.mul (local.get 0) (local.get 1))))
