;; Implements world test:abi/faulty-world: every export hands the host something the canonical
;; ABI must reject (or traps), except `counter`, which shows whether an instance was reused.
(module
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 4096))
  (global $count (mut i32) (i32.const 0))
  ;; 0x400: return areas; 0x500: invalid UTF-8 bytes
  (data (i32.const 0x500) "\ff\feA")

  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32)
    (local $p i32)
    (local.set $p (global.get $next))
    (global.set $next (i32.add (global.get $next) (local.get 3)))
    (local.get $p))

  ;; string whose bytes start past the end of memory
  (func (export "test:abi/faulty@0.1.0#oob-string") (result i32)
    (i32.store (i32.const 0x400) (i32.const 0xFFFFFF00))
    (i32.store (i32.const 0x404) (i32.const 100))
    (i32.const 0x400))

  ;; return pointer itself outside memory
  (func (export "test:abi/faulty@0.1.0#oob-retptr") (result i32)
    (i32.const 0x7FFFFFF0))

  (func (export "test:abi/faulty@0.1.0#bad-utf8") (result i32)
    (i32.store (i32.const 0x400) (i32.const 0x500))
    (i32.store (i32.const 0x404) (i32.const 3))
    (i32.const 0x400))

  ;; option<u32> with discriminant 7
  (func (export "test:abi/faulty@0.1.0#bad-disc") (result i32)
    (i32.store (i32.const 0x400) (i32.const 7))
    (i32.store (i32.const 0x404) (i32.const 42))
    (i32.const 0x400))

  (func (export "test:abi/faulty@0.1.0#bad-char") (result i32)
    (i32.const 0xD800))

  (func (export "test:abi/faulty@0.1.0#trap") (result i32)
    unreachable)

  (func (export "test:abi/faulty@0.1.0#counter") (result i32)
    (global.set $count (i32.add (global.get $count) (i32.const 1)))
    (global.get $count))

  ;; list<u32> at an address that is not 4-aligned
  (func (export "test:abi/faulty@0.1.0#misaligned") (result i32)
    (i32.store (i32.const 0x400) (i32.const 0x502))
    (i32.store (i32.const 0x404) (i32.const 1))
    (i32.const 0x400))

  ;; list<u8> claiming 4 GiB
  (func (export "test:abi/faulty@0.1.0#big-length") (result i32)
    (i32.store (i32.const 0x400) (i32.const 16))
    (i32.store (i32.const 0x404) (i32.const 0xFFFFFFFF))
    (i32.const 0x400))
)
