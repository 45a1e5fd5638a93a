// The parts of the JSON-Schema-Test-Suite (draft 7) that `fixture-tests` does not run,
// shared by its build script and its test. Included as source: no module of its own.

/// Optional files of the suite that are run beside the core ones (their semantics are
/// the generator's: big numbers, ECMA-262 patterns, float overflow).
#[allow(dead_code)]
const OPTIONAL: &[&str] = &["bignum", "ecmascript-regex", "non-bmp-regex", "float-overflow"];

/// Groups left out, each with why: (file stem, `-` as `_`; group description; reason).
/// Only groups whose schema reaches a document outside itself (a remote `$ref`) may be
/// here: a self-contained AsyncAPI document cannot hold them. The build script checks
/// that each of these is indeed refused and that every other group generates.
#[allow(dead_code)]
const EXCLUDED: &[(&str, &str, &str)] = &[
    ("definitions", "validate definition against metaschema", REMOTE_META),
    ("ref", "remote ref, containing refs itself", REMOTE_META),
    ("refRemote", "remote ref", REMOTE),
    ("refRemote", "fragment within remote ref", REMOTE),
    ("refRemote", "ref within remote ref", REMOTE),
    ("refRemote", "base URI change", REMOTE),
    ("refRemote", "base URI change - change folder", REMOTE),
    ("refRemote", "base URI change - change folder in subschema", REMOTE),
    ("refRemote", "root ref in remote ref", REMOTE),
    ("refRemote", "remote ref with ref to definitions", REMOTE),
    ("refRemote", "Location-independent identifier in remote ref", REMOTE),
    ("refRemote", "retrieved nested refs resolve relative to their URI not $id", REMOTE),
    ("refRemote", "$ref to $ref finds location-independent $id", REMOTE),
];

/// The draft-07 meta-schema is a remote document (`http://json-schema.org/draft-07/schema`).
const REMOTE_META: &str = "its $ref names the draft-07 meta-schema, a document outside the one generated from";

/// The suite serves these from `http://localhost:1234/`, outside the document.
const REMOTE: &str = "its $ref names a document served at http://localhost:1234/, outside the one generated from";
