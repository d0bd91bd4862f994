;; An inbound-http guest that calls both test:geo interfaces through its imports and answers 200
;; with an empty body whose status says the results were right (area 6 and perimeter 10 of 2x3).
(module
  (import "test:geo/area@0.1.0" "area" (func $area (param i32 i32) (result i32)))
  (import "test:geo/perimeter@0.1.0" "perimeter" (func $perimeter (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 1024))
  (func (export "fermyon:spin/inbound-http#handle-request")
        (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    ;; response at 64: status @0, headers none @4, body none @16
    (i32.store16 (i32.const 64)
      (select (i32.const 200) (i32.const 500)
        (i32.and
          (i32.eq (call $area (i32.const 2) (i32.const 3)) (i32.const 6))
          (i32.eq (call $perimeter (i32.const 2) (i32.const 3)) (i32.const 10)))))
    (i32.store8 (i32.const 68) (i32.const 0))
    (i32.store8 (i32.const 80) (i32.const 0))
    (i32.const 64)))
