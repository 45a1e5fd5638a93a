//! Stage 4, merge: what the document says in several places, said in one.
//!
//! - message and operation traits are applied to their objects ([`traits`]), so later
//!   stages see each message with the headers, content type and docs its traits give;
//! - `allOf` can be read as one schema ([`all_of`]) for typing; the document keeps the
//!   original `allOf`, which is what validation runs on.

pub mod all_of;
pub mod traits;

use crate::bundle::Bundle;

/// The bundle with every trait applied.
pub fn merge(bundle: &Bundle) -> Bundle {
    let mut root = bundle.root.clone();
    traits::apply(bundle, &mut root);
    Bundle {
        root,
        ..bundle.clone()
    }
}
