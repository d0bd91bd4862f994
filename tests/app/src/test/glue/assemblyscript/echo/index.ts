// The echo guest in AssemblyScript: every export answers its arguments.
import {
  Color,
  Mixed,
  Option,
  Person,
  Point,
  ResultU32String,
  ResultVoidColor,
  ResultVoidVoid,
  Shape,
  TupleBoolS8U8S16U16S32U32S64U64F32F64Char,
  TupleOptionU32OptionOptionStringResultU32StringResultVoidVoidResultVoidColor,
  TuplePermsWideColor,
  TuplePersonPointShapeU64Point,
  TupleShapeMixed,
  TupleStringListU8ListString,
} from "./bindings";

export function scalars(a: bool, b: i8, c: u8, d: i16, e: u16, f: i32, g: u32, h: i64, i: u64, j: f32, k: f64, l: u32): TupleBoolS8U8S16U16S32U32S64U64F32F64Char {
  return new TupleBoolS8U8S16U16S32U32S64U64F32F64Char(a, b, c, d, e, f, g, h, i, j, k, l);
}

export function text(s: string, b: Uint8Array, l: Array<string>): TupleStringListU8ListString {
  return new TupleStringListU8ListString(s, b, l);
}

export function onePerson(p: Person): Person {
  return p;
}

export function people(p: Array<Person>): Array<Person> {
  return p;
}

export function variants(s: Shape, m: Mixed): TupleShapeMixed {
  return new TupleShapeMixed(s, m);
}

export function shapes(s: Array<Shape>): Array<Shape> {
  return s;
}

export function flagSets(p: u32, w: u32, c: Color): TuplePermsWideColor {
  return new TuplePermsWideColor(p, w, c);
}

export function options(a: Option<u32> | null, b: Option<string | null> | null, c: ResultU32String, d: ResultVoidVoid, e: ResultVoidColor): TupleOptionU32OptionOptionStringResultU32StringResultVoidVoidResultVoidColor {
  return new TupleOptionU32OptionOptionStringResultU32StringResultVoidVoidResultVoidColor(a, b, c, d, e);
}

export function nested(x: Array<Array<Point | null>>): Array<Array<Point | null>> {
  return x;
}

export function spilled(p: Person, q: Point, r: Shape, s: u64, t: Point): TuplePersonPointShapeU64Point {
  return new TuplePersonPointShapeU64Point(p, q, r, s, t);
}

export function count(x: u32): u32 {
  return x;
}

export function pick(c: Color): Color {
  return c;
}

export function nothing(): void {
  // nothing to answer
}
