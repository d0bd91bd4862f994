//! The relay guest in Rust: every export calls the same function of the imported instance.

use bindings::test::glue::echo::{self, Guest};
use bindings::test::glue::types::{Color, Mixed, Perms, Person, Point, Shape, Wide};

struct Relay;

impl Guest for Relay {
    fn scalars(
        a: bool, b: i8, c: u8, d: i16, e: u16, f: i32, g: u32, h: i64, i: u64, j: f32, k: f64, l: char,
    ) -> (bool, i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, char) {
        echo::scalars(a, b, c, d, e, f, g, h, i, j, k, l)
    }

    fn text(s: String, b: Vec<u8>, l: Vec<String>) -> (String, Vec<u8>, Vec<String>) {
        echo::text(&s, &b, &l)
    }

    fn one_person(p: Person) -> Person {
        echo::one_person(&p)
    }

    fn people(p: Vec<Person>) -> Vec<Person> {
        echo::people(&p)
    }

    fn variants(s: Shape, m: Mixed) -> (Shape, Mixed) {
        echo::variants(&s, &m)
    }

    fn shapes(s: Vec<Shape>) -> Vec<Shape> {
        echo::shapes(&s)
    }

    fn flag_sets(p: Perms, w: Wide, c: Color) -> (Perms, Wide, Color) {
        echo::flag_sets(p, w, c)
    }

    fn options(
        a: Option<u32>, b: Option<Option<String>>, c: Result<u32, String>, d: Result<(), ()>, e: Result<(), Color>,
    ) -> (Option<u32>, Option<Option<String>>, Result<u32, String>, Result<(), ()>, Result<(), Color>) {
        echo::options(&a, &b, &c, &d, &e)
    }

    fn nested(x: Vec<Vec<Option<Point>>>) -> Vec<Vec<Option<Point>>> {
        echo::nested(&x)
    }

    fn spilled(p: Person, q: Point, r: Shape, s: u64, t: Point) -> (Person, Point, Shape, u64, Point) {
        echo::spilled(&p, &q, &r, s, &t)
    }

    fn count(x: u32) -> u32 {
        echo::count(x)
    }

    fn pick(c: Color) -> Color {
        echo::pick(c)
    }

    fn nothing() {
        echo::nothing()
    }
}

bindings::export_relay_guest!(Relay);
