//! The code `asyncapi-codegen` generates for each document in
//! `asyncapi-codegen/tests/fixtures/`, one module per document, compiled here so that
//! the tests prove it compiles and behaves.

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
