// Canonical ABI memory for one export call.
//
// The host lowers the arguments through `cabi_realloc` and the export writes its result into
// blocks from `CallMemory.alloc`; post-return frees every block of the call and then collects
// the managed objects the call left behind (the minimal runtime never collects on its own).

/** Raw heap blocks of the current call. */
const blocks = new Array<usize>();

export namespace CallMemory {
  /** A raw block (16-byte aligned, enough for every canonical type) freed at post-return. */
  export function alloc(size: usize): usize {
    const ptr = heap.alloc(max<usize>(size, 1));
    blocks.push(ptr);
    return ptr;
  }

  export function freeAll(): void {
    for (let i = 0; i < blocks.length; i++) {
      heap.free(blocks[i]);
    }
    blocks.length = 0;
    __collect();
  }
}

export function cabi_realloc(oldPtr: usize, oldSize: usize, align: usize, newSize: usize): usize {
  if (align > 16) unreachable();
  if (oldPtr == 0) {
    return CallMemory.alloc(newSize);
  }
  const ptr = heap.realloc(oldPtr, max<usize>(newSize, 1));
  blocks[blocks.indexOf(oldPtr)] = ptr;
  return ptr;
}

/** Reads a lowered string (valid UTF-8, the canonical ABI guarantees it). */
export function readString(ptr: usize, len: usize): string {
  return String.UTF8.decodeUnsafe(ptr, len);
}

/** Writes `text` as UTF-8 into a call block and stores its (ptr, len) at `at`. */
export function writeString(at: usize, text: string): void {
  const len = <usize>String.UTF8.byteLength(text);
  const ptr = CallMemory.alloc(len);
  String.UTF8.encodeUnsafe(changetype<usize>(text), text.length, ptr);
  store<u32>(at, ptr);
  store<u32>(at, len, 4);
}

/** Replaces AssemblyScript's `env.abort` import, which no world provides: a failed assertion traps. */
export function abort(_message: string | null, _file: string | null, _line: u32, _column: u32): void {
  unreachable();
}
