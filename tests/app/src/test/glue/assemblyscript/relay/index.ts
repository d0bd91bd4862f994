// The relay guest in AssemblyScript: every export calls the same function of the imported instance.
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
  echo,
} from "./bindings";

export function scalars(a: bool, b: i8, c: u8, d: i16, e: u16, f: i32, g: u32, h: i64, i: u64, j: f32, k: f64, l: u32): TupleBoolS8U8S16U16S32U32S64U64F32F64Char {
  return echo.scalars(a, b, c, d, e, f, g, h, i, j, k, l);
}

export function text(s: string, b: Uint8Array, l: Array<string>): TupleStringListU8ListString {
  return echo.text(s, b, l);
}

export function onePerson(p: Person): Person {
  return echo.onePerson(p);
}

export function people(p: Array<Person>): Array<Person> {
  return echo.people(p);
}

export function variants(s: Shape, m: Mixed): TupleShapeMixed {
  return echo.variants(s, m);
}

export function shapes(s: Array<Shape>): Array<Shape> {
  return echo.shapes(s);
}

export function flagSets(p: u32, w: u32, c: Color): TuplePermsWideColor {
  return echo.flagSets(p, w, c);
}

export function options(a: Option<u32> | null, b: Option<string | null> | null, c: ResultU32String, d: ResultVoidVoid, e: ResultVoidColor): TupleOptionU32OptionOptionStringResultU32StringResultVoidVoidResultVoidColor {
  return echo.options(a, b, c, d, e);
}

export function nested(x: Array<Array<Point | null>>): Array<Array<Point | null>> {
  return echo.nested(x);
}

export function spilled(p: Person, q: Point, r: Shape, s: u64, t: Point): TuplePersonPointShapeU64Point {
  return echo.spilled(p, q, r, s, t);
}

export function count(x: u32): u32 {
  return echo.count(x);
}

export function pick(c: Color): Color {
  return echo.pick(c);
}

export function nothing(): void {
  echo.nothing();
}
