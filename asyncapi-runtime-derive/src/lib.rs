//! The derives of [`asyncapi-runtime`](https://docs.rs/asyncapi-runtime):
//!
//! - [`Validate`](macro@Validate): JSON Schema constraints written as `#[validate(...)]`
//!   attributes, checked at compile time and expanded into calls to the runtime's
//!   checks, plus the JSON walk (`ValidateJson`) that locates every problem in a payload
//!   that does not even deserialize; or, with `#[validate(json_schema(..))]`, the
//!   document's own schema run by the runtime's interpreter;
//! - [`FromJson`](macro@FromJson): a `serde::Deserialize` that reads JSON the way JSON
//!   Schema sees it: numbers digit for digit (nothing is buffered through serde's
//!   `Content`, which rounds them), objects only, repeated members refused, and `null`
//!   never taken for an absent property.
//!
//! Use them through the runtime crate, which re-exports them: `asyncapi_runtime::Validate`
//! and `asyncapi_runtime::FromJson`. Both follow the `#[serde(...)]` attributes that
//! decide the JSON shape, so the walk and the read agree; a mistake in an attribute is a
//! compile error at the attribute.

#![warn(missing_docs)]

// The pipeline: parse (`attr`, `ast`) -> check -> emit, in that order below. Each module
// imports only from those declared before it (a test in `tests.rs` holds it to that);
// the blank lines keep rustfmt from sorting them.

// The error collector every stage reports to.
mod ctxt;

// The attribute keys.
mod symbol;

// Parse: `#[validate]` and `#[serde]` into typed attributes.
mod attr;

// Parse: the derive input with its typed attributes.
mod ast;

// What check produces and emit consumes.
mod model;

// Check: bounds, patterns, placement; the model.
mod check;

// Emit: the model as tokens.
mod emit;

use proc_macro::TokenStream;
use syn::{parse_macro_input, DeriveInput};

use crate::ctxt::Ctxt;

/// Derives `asyncapi_runtime::Validate` and `asyncapi_runtime::ValidateJson`.
///
/// `Validate::validate()` checks a typed value against the constraints in its
/// `#[validate(...)]` attributes and those of everything it contains, and reports every
/// violation with an RFC 6901 JSON pointer built from the wire names (the names serde
/// reads: `rename`, `rename_all`). `ValidateJson::validate_json` checks a JSON value
/// (the runtime's exact `Value`) against the type's shape without deserializing it, so
/// that a
/// payload that does not even deserialize gets every problem reported at once: wrong JSON
/// types, missing required properties, unknown `enum`/`const` values, unknown properties
/// under `deny_unknown_fields`, and the constraint violations of everything that does fit.
/// `asyncapi_runtime::from_str` and friends use both.
///
/// The type must also derive (or implement) `serde::Deserialize`: serde's derive, or
/// [`FromJson`](macro@FromJson), whose reading the walk follows.
///
/// # Field attributes
///
/// Several keys may share one `#[validate(...)]` or be spread over several; each key may
/// be given once per field. Constraints apply to the field's value; on an `Option`, they
/// apply when it is `Some` (the runtime's `MaybeText`/`MaybeNumber`/`MaybeItems`/
/// `MaybeObject`/`MaybeMap` traits decide which types a constraint accepts, and a constraint on a
/// type it does not fit is a compile error pointing at the attribute).
///
/// | attribute | JSON Schema | applies to |
/// | --- | --- | --- |
/// | `pattern = "<ECMA-262 regex>"` | `pattern` | strings |
/// | `min_length = N`, `max_length = N` | `minLength`, `maxLength` | strings (Unicode code points) |
/// | `minimum = L`, `maximum = L` | `minimum`, `maximum` | numbers |
/// | `exclusive_minimum = L`, `exclusive_maximum = L` | `exclusiveMinimum`, `exclusiveMaximum` (draft 6+ numeric form) | numbers |
/// | `multiple_of = L` | `multipleOf` | numbers |
/// | `min_items = N`, `max_items = N` | `minItems`, `maxItems` | arrays |
/// | `unique_items` (or `unique_items = true/false`) | `uniqueItems` | arrays (items compared as JSON) |
/// | `min_properties = N`, `max_properties = N` | `minProperties`, `maxProperties` | maps |
/// | `format = "byte"` | `format: byte` | strings: standard, padded base64 is enforced |
/// | `format = "<other>"` | `format` | accepted as an annotation, not enforced (as JSON Schema does by default) |
/// | `items(...)` | `items` | arrays: the constraints inside apply to every item, located by index; nests (`items(items(...))`) |
/// | `values(...)` | `additionalProperties` (a schema) | maps from `String`: the constraints inside apply to every value, located by its key; nests with `items(...)` and itself. The one key allowed on a `#[serde(flatten)]` map, where it applies to each property the map takes |
/// | `skip` | | the field is neither checked nor descended into (alone: no other key with it) |
/// | `when(conditions.., then(...), otherwise(...))` | `if` / `then` / `else` | text (as `min_length`): when every condition (`min_length`, `max_length`, `pattern`, tested without writing a message) holds, the constraints in `then(...)` apply, else those in `otherwise(...)`; either may be left out, and a value that is not text (a `None`) passes the conditions, as in JSON Schema. Nests inside `items(...)`/`values(...)` |
/// | `extra_schema(SCHEMA, N)` | any keyword | the field's value (when present: not a `None` of an optional field) is also checked against entry `N` of `SCHEMA`, a `static` `asyncapi_runtime::LazySchema`, at the field's pointer: by `validate()` on the value written as JSON (its type must implement `serde::Serialize`), by the walk on the JSON itself. For what no Rust type can say (`not`, `if`/`then`/`else` beyond `when`, `patternProperties`, ...). Not inside `items(...)`/`values(...)`, nor with `skip`, nor on a skipped or flattened field |
/// | `required` | `required` | a missing property is a `required` violation even though the field is an `Option`: for a required property whose schema allows `null` (`None` is JSON `null`). Read the field with `#[serde(deserialize_with = "asyncapi_runtime::__private::nullable")]` and no `default`, so that serde refuses a missing property too (serde reads a missing plain `Option` as `None`; `required` on one is a compile error) |
///
/// `N` is a non-negative integer literal; `L` is an integer or float literal, possibly
/// negative (`-1`, `-0.5`), or JSON number text in a string literal for a bound no Rust
/// literal holds (`minimum = "972783798187987123879878123.18878137"`, emitted as a
/// constant `asyncapi_runtime::Number`). Values are compared exactly; a float literal
/// counts as its shortest rendering (`0.1` is one tenth), at compile time (where bounds
/// are checked for consistency) as at run time.
///
/// Patterns are ECMA-262 regular expressions as JSON Schema uses them: *not anchored*
/// (`0|([1-9]\d{0,128})` accepts `"x1y"`) and read as JavaScript reads them with the `u`
/// flag (`\d` is ASCII only). Every valid pattern is accepted, lookaround and
/// backreferences included (`ecma262_regex::Pattern`: the `regex` crate's translation when
/// it can express the pattern, an exact backtracking engine otherwise); at compile time
/// each pattern is compiled once, so that invalid syntax is a compile error naming what is
/// wrong. Each distinct pattern is compiled again once at run time, on first use.
///
/// Fields are validated in declaration order; a field's own constraints come before the
/// violations inside it. Every field is descended into with its type's `Validate` impl
/// (`Option`, `Vec`, `Box`, `BTreeMap`/`HashMap<String, _>` and leaf types are covered by
/// the runtime), and walked in JSON with its type's `ValidateJson` impl, so nested types
/// must implement both (derive them), or be `skip`ped.
///
/// # Container attributes
///
/// | attribute | meaning |
/// | --- | --- |
/// | `crate = "path"` | where the runtime is (default `::asyncapi_runtime`) |
/// | `one_of` | on a `#[serde(untagged)]` enum: the JSON must match exactly one variant (`oneOf`). serde takes the first variant that deserializes, so `validate()` serializes the value (the enum must implement `serde::Serialize`) and counts the variants its JSON matches as `validate_json` does, reporting the same; a type with a lifetime parameter checks the variant it holds only |
/// | `any_of` | on a `#[serde(untagged)]` enum: at least one variant (`anyOf`, the default). As for `one_of`, `validate()` serializes the value (so the enum must implement `serde::Serialize`) and checks it against every variant: a value the held variant refuses is valid when another takes it |
/// | `json_schema(SCHEMA, N)` | `ValidateJson` is entry `N` of `SCHEMA` (a `static` `asyncapi_runtime::LazySchema`) run by the runtime's schema interpreter, instead of the walk derived from the serde attributes: generated code embeds its document's schemas, so the walk and the document cannot disagree. An untagged enum's `validate()` counts its alternatives with it too. Not on a type with a lifetime parameter, which has no `ValidateJson` |
/// | `extra_schema(SCHEMA, N)` | the whole value is also checked against entry `N`: by `validate()` on the value written as JSON (the type must implement `serde::Serialize`), by `validate_json` on the JSON itself. With `json_schema(..)`, which is the value's whole schema, the extra one is the part of it that the type's fields do not check: `validate_json` walks `json_schema` alone, so that nothing is reported twice |
/// | `min_properties = N`, `max_properties = N` | on a struct with named fields: `minProperties`/`maxProperties` of the whole object, at the object's pointer. `validate_json` counts the JSON object's members; `validate()` counts the fields present (required fields, `Some` optional ones) plus the properties of `flatten`ed maps |
///
/// # What serde attributes mean here
///
/// The shape follows serde, which is what decides whether a payload deserializes:
/// - names: `rename`, `rename(deserialize = "..")`, `alias`, container `rename_all` (every
///   serde case), `rename_all_fields`, variant `rename_all`; otherwise the Rust name
///   without `r#`;
/// - required properties: every field except those that are `Option<_>` (without
///   `deserialize_with`/`with`), `default` (on the field or the container), `skip`/
///   `skip_deserializing` or `flatten`. A missing required property is reported at the
///   *object's* pointer, as JSON Schema validators do;
/// - a plain `Option<_>` field accepts JSON `null` as serde's derive does, or refuses it
///   unless its inner type takes `null` when the type derives `FromJson` (the walk asks
///   which); one read with `deserialize_with` (such as the runtime's `non_null`) is
///   checked by its type's `ValidateJson`, which refuses `null`;
/// - `skip`/`skip_deserializing` fields are not part of the JSON and are not validated;
/// - `flatten`: a map from `String` (`BTreeMap<String, T>`, `HashMap<String, T>`, ...)
///   takes the properties no other field names, each checked as a `T` (nothing to check
///   for `T` = `Value`, as in `serde_json::Map<String, Value>`); a flattened struct is
///   checked against the same object. Constraints cannot be put on a flattened field,
///   except `values(...)` on a flattened map;
/// - `deny_unknown_fields`: every other property is an `additionalProperties` violation.
///   Note that serde's derive also reads a struct with no flattened field from a JSON
///   array, field by field: the JSON walk reports such an array as a `type` violation,
///   but that typed parse accepts it. `FromJson` reads objects only; with serde's derive,
///   a flattened `Map<asyncapi_runtime::Forbidden>` (or `BTreeMap<String, Forbidden>`)
///   instead of `deny_unknown_fields` makes it read the struct as an object only;
/// - `transparent` and newtype structs are their field, at the same pointer; tuple
///   structs are arrays of exactly their length;
/// - enums: unit-only enums (JSON Schema `enum`/`const`) take one of their variant names
///   (a `const` violation when there is one variant, `enum` otherwise; `#[serde(other)]`
///   takes any string); `tag = ".."` (internally tagged), `tag` + `content` (adjacently),
///   `untagged` (`anyOf`, or `oneOf` with `#[validate(one_of)]`) and the default
///   externally tagged form are all followed, with the tag's violations at the tag.
///
/// Generic type parameters get `T: Validate` (resp. `T: ValidateJson`) bounds.
///
/// # Compile-time checks
///
/// Unknown keys, wrong literal kinds, bounds that are not JSON number text, duplicate
/// keys, negative or fractional counts, malformed `json_schema(..)`/`extra_schema(..)`
/// (a path and an entry index) or either where it cannot apply,
/// a value given to a flag, a lower bound above its upper bound (`min_length >
/// max_length`, `minimum > maximum`, `minimum >= exclusive_maximum`, ...),
/// `multiple_of <= 0`, `skip` with constraints or inside `items(...)`, constraints on a
/// `skip`ped or `flatten`ed field, `required` where serde accepts the property missing
/// (a plain `Option`, `default`, `skip`, `flatten`), `one_of`/`any_of` on anything but an
/// untagged enum, container `min_properties`/`max_properties` on anything but a struct
/// with named fields, patterns that are not valid ECMA-262, a `crate` that is not a
/// path, `#[validate]` on an enum variant, and unions: each is an error at the offending
/// attribute, and all of them are reported at once (the mistakes in attributes first,
/// then the inconsistencies between them).
///
/// # Example
///
/// ```
/// use asyncapi_runtime::{Keyword, Validate};
///
/// #[derive(Debug, serde::Deserialize, Validate)]
/// #[serde(rename_all = "PascalCase")]
/// struct PutRecord {
///     #[validate(min_length = 1, max_length = 256)]
///     partition_key: String,
///     #[validate(pattern = r"0|([1-9]\d{0,128})")]
///     explicit_hash_key: Option<String>,
///     #[validate(max_items = 2, items(max_length = 3))]
///     tags: Vec<String>,
/// }
///
/// let error = asyncapi_runtime::from_str::<PutRecord>(
///     r#"{"PartitionKey": "", "Tags": ["a", "long", 5]}"#,
/// )
/// .unwrap_err();
/// let found: Vec<_> = error
///     .violations()
///     .into_iter()
///     .map(|v| (v.pointer, v.keyword))
///     .collect();
/// assert_eq!(
///     found,
///     [
///         ("/PartitionKey".to_string(), Keyword::MinLength),
///         ("/Tags/2".to_string(), Keyword::Type),
///     ]
/// );
///
/// // Typed values validate themselves (`from_str` above does both steps).
/// let record: PutRecord =
///     serde_json::from_str(r#"{"PartitionKey": "k", "Tags": ["a", "long"]}"#).unwrap();
/// let violations = record.validate().unwrap_err();
/// assert_eq!(violations.as_slice()[0].pointer, "/Tags/1");
/// assert_eq!(violations.as_slice()[0].message, "4 characters, more than maxLength 3");
/// ```
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Derives `serde::Deserialize` for reading JSON exactly as JSON Schema sees it.
///
/// # Why
///
/// serde's own derive buffers everything a struct `#[serde(flatten)]`s and every
/// untagged enum through its private `Content`, in which a number is already a `u64`,
/// `i64` or `f64`: `1e-400` becomes `0.0`, `1.0000000000000000001` becomes `1.0`. The
/// runtime's `Number` and `Value` are exact when read straight from serde_json, but not
/// through `Content`, and a validator that writes payloads back must not change them.
/// `FromJson` never buffers an object: members that no field names go straight to the
/// flattened field. It also reads JSON Schema's view of the document:
///
/// - a struct is an object, never an array (serde's derive also reads a struct from an
///   array, field by field);
/// - an object that repeats a member, listed or not, is refused (`duplicate key "x"`):
///   readers disagree on which value counts;
/// - JSON `null` is a value, not an absent property: an `Option<T>` field that is
///   present hands it to `T`, which refuses it unless it takes `null`
///   (`Option<Nullable<T>>` does).
///
/// It is also the fast path: known property names are matched without allocating, and
/// nothing known is buffered.
///
/// ```
/// use asyncapi_runtime::{FromJson, Map, Number};
///
/// #[derive(FromJson, serde::Serialize)]
/// struct Reading {
///     celsius: Number,
///     #[serde(flatten)]
///     rest: Map,
/// }
///
/// let text = r#"{"celsius":21.50,"drift":1e-400}"#;
/// let reading: Reading = serde_json::from_str(text)?;
/// assert_eq!(serde_json::to_string(&reading)?, text);
/// assert!(serde_json::from_str::<Reading>(r#"[21.5]"#).is_err());
/// assert!(serde_json::from_str::<Reading>(r#"{"celsius":1,"celsius":2}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// # Shapes
///
/// | Rust | JSON |
/// | --- | --- |
/// | a struct with named fields | an object, member by member |
/// | a newtype `struct S(T)`, or a `#[serde(transparent)]` struct with one field read | exactly `T`'s `Deserialize` |
/// | a `#[serde(untagged)]` enum of newtype variants `V(T)` and unit variants `V` | the value, kept as its exact JSON text (the runtime's `__private::Buffered`) and read as each variant in turn, first fit wins; a unit variant takes `null`. When none fits, the error says how many variants were tried and what the first one said |
///
/// Anything else (unit-only enums, tuple and unit structs, externally, internally or
/// adjacently tagged enums, unions) is a compile error at the type: for an enum of
/// strings, derive serde's `Deserialize`, which reads it exactly already.
///
/// # Attributes
///
/// `FromJson` reads `#[serde(...)]` (it declares the attribute, so it works without
/// serde's derive) and `crate = "path"` from `#[validate(...)]` (where the runtime is,
/// `::asyncapi_runtime` by default).
///
/// | attribute | meaning |
/// | --- | --- |
/// | field `rename = ".."`, `rename(deserialize = "..")`, `alias = ".."`; container `rename_all = ".."` | the member names a field is read from; otherwise its name without `r#` |
/// | a field of type `Option<T>` (written `Option`) | absent: `None`; present: `Some` of `T`'s reading, so `null` reaches `T` |
/// | field `default`, `default = "path"`; container `default`, `default = "path"` | absent: `Default::default()`, `path()`, or the field of the container's default |
/// | field `deserialize_with = "path"`, `with = "module"` | the value is read with the function; on an `Option<T>` field it returns `Option<T>` (serde's convention). As with serde's derive and the walk of `#[derive(Validate)]`, such a field is required unless it has a `default` |
/// | field `borrow` | on a `Cow<str>` (or `Option<Cow<str>>`): borrowed from the input where it needs no unescaping (with the runtime's `__private::borrowed::lend`); other borrowed types borrow through their own `Deserialize` |
/// | field `skip`, `skip_deserializing` | not read: its default |
/// | field `flatten` | at most one; its type implements the runtime's `__private::Extras` (`Map<V>`, `Map<Forbidden>` for `additionalProperties: false`, `BTreeMap<String, V>`, `HashMap<String, V>`): every member no field names is read as its value type and added to it |
/// | container `deny_unknown_fields` | a member no field names is an error (without it, such members are skipped) |
/// | variant `deserialize_with`/`with`, variant field `borrow` | how an untagged variant's value is read |
///
/// Every other field is required: a missing one is `missing required property "x"`.
/// serde attributes that take the reading elsewhere (`from`, `try_from`, `remote`,
/// `bound`, ...) and `tag`/`content` are compile errors; attributes that concern only
/// serialization are ignored.
///
/// A type with lifetime parameters gets `impl<'de: 'a, 'a> Deserialize<'de>`, so its
/// fields may borrow from the input; type parameters get `T: Deserialize<'de>` bounds
/// (and `Default` where a skipped or defaulted field needs it). `'de` is the
/// deserializer's: a type may not name its own lifetime so.
///
/// `FromJson` also marks the type (`__private::ReadByFromJson`) so that the JSON walk of
/// `#[derive(Validate)]` knows that a plain `Option` field does not take `null`.
#[proc_macro_derive(FromJson, attributes(serde, validate))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand_from_json(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// The whole `FromJson` expansion of one derive input, or every error in it.
fn expand_from_json(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let cx = Ctxt::new();
    let container = ast::Container::from_ast_for(&cx, input, attr::Derive::FromJson);
    let model = container.map(|container| check::check_from_json(&cx, &container));
    cx.check()?;
    Ok(model.map_or_else(proc_macro2::TokenStream::new, |model| {
        emit::emit_from_json(&model)
    }))
}

/// The whole expansion of one derive input, or every error in it.
fn expand(input: &DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let cx = Ctxt::new();
    // Parse: every attribute into typed structs (a union stops here).
    let container = ast::Container::from_ast(&cx, input);
    // Check: bounds, patterns, placement; what emit needs.
    let model = container.map(|container| check::check(&cx, &container));
    // Every error of both, at once.
    cx.check()?;
    // Emit, which cannot fail.
    Ok(model.map_or_else(proc_macro2::TokenStream::new, |model| emit::emit(&model)))
}

#[cfg(test)]
mod tests;
