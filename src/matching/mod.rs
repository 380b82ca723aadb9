//! Matching and alignment: normalising both sides the same way and placing a statement in
//! the corpus turns that could hold it.

pub mod align;
pub mod lexicon;
pub mod normalize;
