//! Stage 4, merge: what the document says in several places, said in one.
//!
//! - message and operation traits are applied to their objects ([`traits`]), so later
//!   stages see each message with the headers, content type and docs its traits give;
//! - a `$ref` to a Multi Format Schema Object in JSON Schema leads to its schema
//!   ([`formats`]);
//! - `allOf` can be read as one schema ([`all_of`]) for typing; the document keeps the
//!   original `allOf`, which is what validation runs on.

pub mod all_of;
pub mod formats;
pub mod traits;

use crate::bundle::Bundle;

/// The bundle with every trait applied and references to Multi Format Schema Objects
/// leading to their schemas.
pub fn merge(bundle: &Bundle) -> Bundle {
    let mut root = bundle.root.clone();
    traits::apply(bundle, &mut root);
    // After the traits: references they copied into messages are rewritten too.
    formats::apply(&mut root);
    Bundle {
        root,
        ..bundle.clone()
    }
}
