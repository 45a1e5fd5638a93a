//! The generated Rust API of each document, read from the generated source itself
//! (parsed with syn): every public type with its fields, variants, derived and
//! implemented traits, functions, constants and associated types, and every public
//! free item. Two catalogs are compared item by item, with renamed types (the same
//! shape under another name) recognised, so that what follows from a rename is not
//! reported again.
//!
//! Judged by what code written against the old API needs: a removed or changed item
//! breaks it; an added field breaks struct literals (generated structs are not
//! `#[non_exhaustive]`); an added variant breaks exhaustive matches; an added type,
//! function, constant or trait implementation does not.
//!
//! Each change is then attributed, where it can be, to the document change that
//! caused it (the property whose field it is, the `enum` whose variant it is, ...),
//! whose `api` verdict it becomes; the rest are listed as changes of their own.

use std::collections::BTreeMap;

use quote::ToTokens;
use syn::punctuated::Punctuated;

use super::kind::Kind;
use super::{Changes, Occurrence, Prepared, Side, Verdict};
use crate::error::Error;
use crate::load::pointer;
use crate::model::TypeKind;

/// One member of a type.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Member {
    Field(String),
    Variant(String),
    Impl(String),
    Fn(String),
    Const(String),
    Assoc(String, String),
}

/// A public type: what it is and its members (each with its signature).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct TypeApi {
    kind: String,
    members: BTreeMap<Member, String>,
}

/// Every public item of a generated file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalog {
    types: BTreeMap<String, TypeApi>,
    free: BTreeMap<String, String>,
}

fn tokens(t: &impl ToTokens) -> String {
    t.to_token_stream().to_string()
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

fn derives(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("derive") {
            continue;
        }
        if let Ok(paths) =
            attr.parse_args_with(Punctuated::<syn::Path, syn::Token![,]>::parse_terminated)
        {
            for path in paths {
                if let Some(last) = path.segments.last() {
                    out.push(last.ident.to_string());
                }
            }
        }
    }
    out
}

fn non_exhaustive(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("non_exhaustive"))
}

fn join_path(module: &[String], name: &str) -> String {
    let mut parts: Vec<&str> = module.iter().map(String::as_str).collect();
    parts.push(name);
    parts.join("::")
}

impl Catalog {
    /// The catalog of generated source.
    pub(crate) fn parse(source: &str) -> Result<Catalog, Error> {
        let file = syn::parse_file(source).map_err(|e| Error::Emit(e.to_string()))?;
        let mut catalog = Catalog::default();
        catalog.items(&file.items, &[]);
        Ok(catalog)
    }

    fn ty(&mut self, path: String) -> &mut TypeApi {
        self.types.entry(path).or_default()
    }

    fn items(&mut self, items: &[syn::Item], module: &[String]) {
        for item in items {
            match item {
                syn::Item::Struct(s) if is_pub(&s.vis) => {
                    let path = join_path(module, &s.ident.to_string());
                    let shape = match &s.fields {
                        syn::Fields::Named(_) => "struct",
                        syn::Fields::Unnamed(_) => "tuple struct",
                        syn::Fields::Unit => "unit struct",
                    };
                    let ty = self.ty(path);
                    ty.kind = format!(
                        "{shape}{}{}",
                        tokens(&s.generics),
                        if non_exhaustive(&s.attrs) {
                            " (non_exhaustive)"
                        } else {
                            ""
                        }
                    );
                    for (i, field) in s.fields.iter().enumerate() {
                        if !is_pub(&field.vis) {
                            continue;
                        }
                        let name = field
                            .ident
                            .as_ref()
                            .map_or_else(|| i.to_string(), |id| id.to_string());
                        ty.members.insert(Member::Field(name), tokens(&field.ty));
                    }
                    for name in derives(&s.attrs) {
                        ty.members.insert(Member::Impl(name), String::new());
                    }
                }
                syn::Item::Enum(e) if is_pub(&e.vis) => {
                    let path = join_path(module, &e.ident.to_string());
                    let ty = self.ty(path);
                    ty.kind = format!(
                        "enum{}{}",
                        tokens(&e.generics),
                        if non_exhaustive(&e.attrs) {
                            " (non_exhaustive)"
                        } else {
                            ""
                        }
                    );
                    for variant in &e.variants {
                        ty.members.insert(
                            Member::Variant(variant.ident.to_string()),
                            tokens(&variant.fields),
                        );
                    }
                    for name in derives(&e.attrs) {
                        ty.members.insert(Member::Impl(name), String::new());
                    }
                }
                syn::Item::Type(t) if is_pub(&t.vis) => {
                    let path = join_path(module, &t.ident.to_string());
                    self.ty(path).kind = format!("type{} = {}", tokens(&t.generics), tokens(&t.ty));
                }
                syn::Item::Const(c) if is_pub(&c.vis) => {
                    self.free.insert(
                        join_path(module, &c.ident.to_string()),
                        format!("const: {}", tokens(&c.ty)),
                    );
                }
                syn::Item::Static(s) if is_pub(&s.vis) => {
                    self.free.insert(
                        join_path(module, &s.ident.to_string()),
                        format!("static: {}", tokens(&s.ty)),
                    );
                }
                syn::Item::Fn(f) if is_pub(&f.vis) => {
                    self.free
                        .insert(join_path(module, &f.sig.ident.to_string()), tokens(&f.sig));
                }
                syn::Item::Use(u) if is_pub(&u.vis) => {
                    self.free
                        .insert(format!("use {}", tokens(&u.tree)), String::new());
                }
                syn::Item::Mod(m) if is_pub(&m.vis) => {
                    if let Some((_, items)) = &m.content {
                        let mut inner = module.to_vec();
                        inner.push(m.ident.to_string());
                        self.items(items, &inner);
                    }
                }
                syn::Item::Impl(i) => self.implementation(i, module),
                _ => {}
            }
        }
    }

    fn implementation(&mut self, i: &syn::ItemImpl, module: &[String]) {
        let Some(owner) = owner(&i.self_ty, module) else {
            return;
        };
        match &i.trait_ {
            Some((path, _)) => {
                let Some(last) = path.segments.last() else {
                    return;
                };
                let name = format!(
                    "{}{}",
                    last.ident,
                    qualified(&tokens(&last.arguments), module)
                );
                let ty = self.ty(owner);
                ty.members.insert(Member::Impl(name.clone()), String::new());
                for item in &i.items {
                    match item {
                        syn::ImplItem::Type(t) => {
                            ty.members.insert(
                                Member::Assoc(name.clone(), t.ident.to_string()),
                                tokens(&t.ty),
                            );
                        }
                        syn::ImplItem::Const(c) => {
                            ty.members.insert(
                                Member::Assoc(name.clone(), c.ident.to_string()),
                                tokens(&c.ty),
                            );
                        }
                        _ => {}
                    }
                }
            }
            None => {
                let ty = self.ty(owner);
                for item in &i.items {
                    match item {
                        syn::ImplItem::Fn(f) if is_pub(&f.vis) => {
                            ty.members
                                .insert(Member::Fn(f.sig.ident.to_string()), tokens(&f.sig));
                        }
                        syn::ImplItem::Const(c) if is_pub(&c.vis) => {
                            ty.members
                                .insert(Member::Const(c.ident.to_string()), tokens(&c.ty));
                        }
                        _ => {}
                    }
                }
            }
        }
    }
}

/// The path of the type an `impl` is for (`super::X` in module `operations` is `X`).
fn owner(ty: &syn::Type, module: &[String]) -> Option<String> {
    let syn::Type::Path(p) = ty else { return None };
    let mut base: Vec<String> = module.to_vec();
    let mut segments: Vec<String> = Vec::new();
    for (i, segment) in p.path.segments.iter().enumerate() {
        let ident = segment.ident.to_string();
        match ident.as_str() {
            "super" => {
                base.pop();
            }
            "crate" if i == 0 => base.clear(),
            "self" if i == 0 => {}
            _ => segments.push(ident),
        }
    }
    if p.path.leading_colon.is_some() {
        // A type of another crate.
        return Some(segments.join("::"));
    }
    let name = segments.join("::");
    Some(join_path(&base, &name))
}

/// One change of the generated API.
#[derive(Debug, Clone)]
pub(crate) struct ApiChange {
    pub kind: Kind,
    /// The item, as shown (`field KinesisRecord.partition_key: String -> Option<String>`).
    pub item: String,
    pub verdict: Verdict,
    /// The places in the documents its items come from.
    pub sources: Vec<(Side, String)>,
}

/// `signature` with whole identifiers renamed as `renames` says (token text puts no
/// spaces inside brackets: `[ReadingUnit]`).
fn renamed(signature: &str, renames: &BTreeMap<String, String>) -> String {
    if renames.is_empty() {
        return signature.to_string();
    }
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(signature.len());
    let mut word = String::new();
    for c in signature.chars().chain(std::iter::once(' ')) {
        if is_ident(c) {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            out.push_str(renames.get(&word).unwrap_or(&word));
            word.clear();
        }
        out.push(c);
    }
    out.pop();
    out
}

fn short(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

fn same_shape(a: &TypeApi, b: &TypeApi, renames: &BTreeMap<String, String>) -> bool {
    a.kind == b.kind
        && a.members.len() == b.members.len()
        && a.members.iter().all(|(m, sig)| {
            b.members
                .get(m)
                .is_some_and(|other| renamed(sig, renames) == *other)
        })
}

/// Every change from `old`'s generated API to `new`'s.
pub(crate) fn compare(old: &Prepared, new: &Prepared) -> Vec<ApiChange> {
    let (a, b) = (&old.api, &new.api);
    let removed: Vec<&String> = a
        .types
        .keys()
        .filter(|k| !b.types.contains_key(*k))
        .collect();
    let added: Vec<&String> = b
        .types
        .keys()
        .filter(|k| !a.types.contains_key(*k))
        .collect();
    // Renames: one removed and one added type of the same shape, the old name read as
    // the new one.
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for r in &removed {
        let candidates: Vec<&&String> = added
            .iter()
            .filter(|x| {
                let map: BTreeMap<String, String> =
                    [(short(r).to_string(), short(x).to_string())].into();
                same_shape(&a.types[r.as_str()], &b.types[x.as_str()], &map)
            })
            .collect();
        if candidates.len() == 1 && !renames.values().any(|v| v == short(candidates[0])) {
            renames.insert(short(r).to_string(), short(candidates[0]).to_string());
        }
    }
    let renamed_to = |r: &str| -> Option<String> {
        let target = renames.get(short(r))?;
        added
            .iter()
            .find(|x| short(x) == target)
            .map(|x| (*x).clone())
    };
    let mut out = Vec::new();
    for r in &removed {
        match renamed_to(r) {
            Some(x) => out.push(ApiChange {
                kind: Kind::TypeRenamed,
                item: format!("type {r} renamed {x}"),
                verdict: Verdict::Breaking,
                sources: [
                    locate(old, Side::Old, r, None),
                    locate(new, Side::New, &x, None),
                ]
                .into_iter()
                .flatten()
                .collect(),
            }),
            None => out.push(ApiChange {
                kind: Kind::TypeRemoved,
                item: format!("type {r} removed"),
                verdict: Verdict::Breaking,
                sources: locate(old, Side::Old, r, None).into_iter().collect(),
            }),
        }
    }
    for x in &added {
        if renames.values().any(|v| v == short(x))
            && removed
                .iter()
                .any(|r| renamed_to(r).as_deref() == Some(x.as_str()))
        {
            continue;
        }
        out.push(ApiChange {
            kind: Kind::TypeAdded,
            item: format!("type {x} added"),
            verdict: Verdict::Compatible,
            sources: locate(new, Side::New, x, None).into_iter().collect(),
        });
    }
    for (path, old_ty) in &a.types {
        let Some(new_ty) = b.types.get(path) else {
            continue;
        };
        if old_ty.kind != new_ty.kind {
            out.push(ApiChange {
                kind: Kind::TypeKindChanged,
                item: format!("type {path}: {} -> {}", old_ty.kind, new_ty.kind),
                verdict: Verdict::Breaking,
                sources: [
                    locate(old, Side::Old, path, None),
                    locate(new, Side::New, path, None),
                ]
                .into_iter()
                .flatten()
                .collect(),
            });
            continue;
        }
        members(old, new, path, old_ty, new_ty, &renames, &mut out);
    }
    for (path, sig) in &a.free {
        match b.free.get(path) {
            None => out.push(ApiChange {
                kind: Kind::ItemRemoved,
                item: format!("{path} removed"),
                verdict: Verdict::Breaking,
                sources: Vec::new(),
            }),
            Some(other) if renamed(sig, &renames) != *other => out.push(ApiChange {
                kind: Kind::ItemChanged,
                item: format!("{path}: {sig} -> {other}"),
                verdict: Verdict::Breaking,
                sources: Vec::new(),
            }),
            Some(_) => {}
        }
    }
    for path in b.free.keys().filter(|p| !a.free.contains_key(*p)) {
        out.push(ApiChange {
            kind: Kind::ItemAdded,
            item: format!("{path} added"),
            verdict: Verdict::Compatible,
            sources: Vec::new(),
        });
    }
    out
}

fn describe(path: &str, member: &Member) -> String {
    match member {
        Member::Field(f) => format!("field {path}.{f}"),
        Member::Variant(v) => format!("variant {path}::{v}"),
        Member::Impl(t) => format!("impl {t} for {path}"),
        Member::Fn(f) => format!("fn {path}::{f}"),
        Member::Const(c) => format!("const {path}::{c}"),
        Member::Assoc(t, n) => format!("<{path} as {t}>::{n}"),
    }
}

fn members(
    old: &Prepared,
    new: &Prepared,
    path: &str,
    a: &TypeApi,
    b: &TypeApi,
    renames: &BTreeMap<String, String>,
    out: &mut Vec<ApiChange>,
) {
    let open = b.kind.contains("non_exhaustive");
    for (member, sig) in &a.members {
        let what = describe(path, member);
        match b.members.get(member) {
            None => {
                let kind = match member {
                    Member::Field(_) => Kind::FieldRemoved,
                    Member::Variant(_) => Kind::VariantRemoved,
                    Member::Impl(_) => Kind::TraitImplRemoved,
                    _ => Kind::ItemRemoved,
                };
                out.push(ApiChange {
                    kind,
                    item: format!("{what} removed"),
                    verdict: Verdict::Breaking,
                    sources: locate(old, Side::Old, path, Some(member))
                        .into_iter()
                        .collect(),
                });
            }
            Some(other) if renamed(sig, renames) != *other => {
                let optional = |s: &str| {
                    s.strip_prefix("Option < ")
                        .and_then(|s| s.strip_suffix(" >"))
                        .map(str::to_string)
                };
                let kind = match member {
                    Member::Field(_) if optional(sig).as_deref() == Some(other.as_str()) => {
                        Kind::FieldBecameRequired
                    }
                    Member::Field(_) if optional(other).as_deref() == Some(sig.as_str()) => {
                        Kind::FieldBecameOptional
                    }
                    Member::Field(_) => Kind::FieldTypeChanged,
                    Member::Variant(_) => Kind::VariantTypeChanged,
                    _ => Kind::ItemChanged,
                };
                out.push(ApiChange {
                    kind,
                    item: format!("{what}: {} -> {}", tidy(sig), tidy(other)),
                    verdict: Verdict::Breaking,
                    sources: [
                        locate(old, Side::Old, path, Some(member)),
                        locate(new, Side::New, path, Some(member)),
                    ]
                    .into_iter()
                    .flatten()
                    .collect(),
                });
            }
            Some(_) => {}
        }
    }
    for member in b.members.keys().filter(|m| !a.members.contains_key(*m)) {
        let what = describe(path, member);
        let (kind, verdict) = match member {
            Member::Field(_) if open => (Kind::FieldAdded, Verdict::Compatible),
            Member::Field(_) => (Kind::FieldAdded, Verdict::Breaking),
            Member::Variant(_) if open => (Kind::VariantAdded, Verdict::Compatible),
            Member::Variant(_) => (Kind::VariantAdded, Verdict::Breaking),
            Member::Impl(_) => (Kind::TraitImplAdded, Verdict::Compatible),
            _ => (Kind::ItemAdded, Verdict::Compatible),
        };
        out.push(ApiChange {
            kind,
            item: format!("{what} added"),
            verdict,
            sources: locate(new, Side::New, path, Some(member))
                .into_iter()
                .collect(),
        });
    }
}

/// Type arguments written inside module `module` (`< ArchiveMessage >` inside
/// `channels`), with the types it declares named by their path from the top
/// (`< channels :: ArchiveMessage >`), so that the impl can be traced to them.
fn qualified(arguments: &str, module: &[String]) -> String {
    if module.is_empty() {
        return arguments.to_string();
    }
    let words: Vec<&str> = arguments.split(' ').collect();
    let prefix = module.join(" :: ");
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let in_path = (i > 0 && words[i - 1] == "::") || words.get(i + 1) == Some(&"::");
            if !in_path
                && word.starts_with(|c: char| c.is_ascii_uppercase())
                && !PRELUDE.contains(word)
            {
                format!("{prefix} :: {word}")
            } else {
                (*word).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Type names generated code uses from the prelude, never its own.
const PRELUDE: &[&str] = &["Option", "Vec", "Box", "String", "Result", "Self"];

/// Token text made readable: `Option < String >` -> `Option<String>`.
fn tidy(signature: &str) -> String {
    let mut out = signature.to_string();
    for (from, to) in [
        (" < ", "<"),
        (" >", ">"),
        ("< ", "<"),
        (" ,", ","),
        (" :: ", "::"),
        (":: ", "::"),
        ("& ", "&"),
        ("( ", "("),
        (" )", ")"),
    ] {
        out = out.replace(from, to);
    }
    out
}

/// Where in `side`'s document the type at `path` (and its `member`) comes from.
fn locate(p: &Prepared, side: Side, path: &str, member: Option<&Member>) -> Vec<(Side, String)> {
    // `MessageHeaders` (and the message set's `Headers`) exist because messages have
    // headers: they come from every headers schema.
    let headers = match (path, member) {
        ("MessageHeaders", None) => true,
        ("MessageName", Some(Member::Assoc(_, name))) => name == "Headers",
        _ => false,
    };
    if headers {
        return p
            .model
            .messages
            .iter()
            .filter(|m| m.headers.is_some())
            .map(|m| (side, pointer::join(&m.pointer, "headers")))
            .collect();
    }
    // An impl of a trait with type arguments (`impl From<ArchiveMessage> for Message`)
    // comes from what its arguments are generated for, when that is known.
    if let Some(Member::Impl(name)) = member {
        let compact: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        let from_arguments: Vec<(Side, String)> = compact
            .split(['<', '>', ',', '&', '(', ')', '[', ']'])
            .skip(1)
            .map(|path| {
                path.trim_start_matches("super::")
                    .trim_start_matches("self::")
            })
            .filter(|path| !path.is_empty())
            .filter_map(|path| locate_one(p, side, path, None))
            .collect();
        if !from_arguments.is_empty() {
            return from_arguments;
        }
    }
    locate_one(p, side, path, member).into_iter().collect()
}

fn locate_one(
    p: &Prepared,
    side: Side,
    path: &str,
    member: Option<&Member>,
) -> Option<(Side, String)> {
    let mut parts: Vec<&str> = path.split("::").collect();
    if parts.first() == Some(&"borrowed") {
        parts.remove(0);
    }
    let name = *parts.last()?;
    let module = &parts[..parts.len() - 1];
    let model = &p.model;
    let at = match module {
        [] => match name {
            "MessageName" | "Message" | "MessageHeaders" => match member {
                Some(Member::Variant(v)) => model
                    .messages
                    .iter()
                    .find(|m| m.variant == *v)
                    .map(|m| m.pointer.clone()),
                _ => None,
            },
            _ => {
                let def = model.types.iter().find(|t| t.name == name)?;
                let base = def.pointer.clone();
                if base.starts_with(&pointer::join("", crate::load::walk::DERIVED)) {
                    // A schema the model derived (an `allOf` merged, ...): no place of its own.
                    return None;
                }
                let schema = p.root().pointer(&base);
                match (member, &def.kind) {
                    (Some(Member::Field(f)), TypeKind::Struct(s)) => {
                        if *f == s.additional_field {
                            Some(pointer::join(&base, "additionalProperties"))
                        } else {
                            let wire = s
                                .fields
                                .iter()
                                .find(|x| x.name == *f)
                                .map(|x| x.wire.clone());
                            match wire {
                                Some(wire)
                                    if schema
                                        .and_then(|s| s.get("properties"))
                                        .and_then(|s| s.get(&wire))
                                        .is_some() =>
                                {
                                    Some(pointer::join(&pointer::join(&base, "properties"), &wire))
                                }
                                Some(_) => Some(pointer::join(&base, "required")),
                                None => Some(base),
                            }
                        }
                    }
                    (Some(Member::Variant(_)), TypeKind::Enum(_) | TypeKind::Literals(_)) => {
                        let key = if schema.and_then(|s| s.get("enum")).is_some() {
                            "enum"
                        } else {
                            "const"
                        };
                        Some(pointer::join(&base, key))
                    }
                    (Some(Member::Variant(v)), TypeKind::Union(u)) => u
                        .variants
                        .iter()
                        .find(|x| x.name == *v)
                        .and_then(|x| x.schema)
                        .and_then(|e| model.schemas.entries.get(e).cloned())
                        .or(Some(base)),
                    _ => Some(base),
                }
            }
        },
        ["channels"] => {
            let channel = model
                .channels
                .iter()
                .find(|c| c.address_type == name || c.message_type == name);
            if let Some(c) = channel {
                let base = pointer::join("/channels", &c.key);
                match member {
                    Some(Member::Field(f)) => c
                        .parameters
                        .iter()
                        .find(|q| q.name == *f)
                        .map(|q| pointer::join(&pointer::join(&base, "parameters"), &q.wire))
                        .or(Some(base)),
                    Some(Member::Variant(v)) if c.message_type == name => c
                        .messages
                        .iter()
                        .find(|(_, x)| x == v)
                        .map(|(k, _)| pointer::join(&pointer::join(&base, "messages"), k))
                        .or(Some(base)),
                    _ => Some(base),
                }
            } else {
                model.channels.iter().find_map(|c| {
                    let q = c
                        .parameters
                        .iter()
                        .find(|q| q.values.as_ref().is_some_and(|(n, _)| n == name))?;
                    let at = pointer::join(
                        &pointer::join(&pointer::join("/channels", &c.key), "parameters"),
                        &q.wire,
                    );
                    Some(if matches!(member, Some(Member::Variant(_))) {
                        pointer::join(&at, "enum")
                    } else {
                        at
                    })
                })
            }
        }
        ["operations"] => {
            if name == "OperationId" {
                match member {
                    Some(Member::Variant(v)) => model
                        .operations
                        .iter()
                        .find(|o| o.name == *v)
                        .map(|o| pointer::join("/operations", &o.id)),
                    _ => None,
                }
            } else {
                model.operations.iter().find_map(|o| {
                    let base = pointer::join("/operations", &o.id);
                    // The variants of an operation's message enums are its messages.
                    let variant = matches!(member, Some(Member::Variant(_)));
                    if o.name == name {
                        Some(base)
                    } else if o.message_type == name {
                        Some(if variant {
                            pointer::join(&base, "messages")
                        } else {
                            base
                        })
                    } else if o.reply.as_ref().is_some_and(|r| r.message_type == name) {
                        Some(if variant {
                            pointer::join(&base, "reply")
                        } else {
                            base
                        })
                    } else {
                        None
                    }
                })
            }
        }
        ["servers"] => model.servers.iter().find_map(|s| {
            let base = pointer::join("/servers", &s.key);
            if s.name == name {
                return Some(base);
            }
            let q = s
                .variables
                .iter()
                .find(|q| q.values.as_ref().is_some_and(|(n, _)| n == name))?;
            Some(pointer::join(&pointer::join(&base, "variables"), &q.wire))
        }),
        _ => None,
    }?;
    Some((side, at))
}

/// Gives each API change to the document change it comes from (its `api` verdict),
/// or lists it as a change of its own. A change accounts for the Rust items of its
/// own place and of its subjects; failing that, of the one change that shapes types
/// below the item's place, or of the nearest one above it.
pub(crate) fn attach(changes: &mut Changes, api: Vec<ApiChange>) {
    for change in api {
        let places = |p: &super::Pending| -> Vec<(Side, String)> {
            let mut all = p.subjects.clone();
            all.push((p.side, p.pointer.clone()));
            all
        };
        let overlaps = |p: &super::Pending| places(p).iter().any(|s| change.sources.contains(s));
        // How far below (positive) or above (negative) a source a place of `p` is.
        let distance = |p: &super::Pending, below: bool| -> Option<usize> {
            places(p)
                .iter()
                .filter_map(|(side, at)| {
                    change.sources.iter().find_map(|(s, source)| {
                        let (inner, outer) = if below { (at, source) } else { (source, at) };
                        (s == side
                            && inner.len() > outer.len()
                            && inner.starts_with(outer.as_str())
                            && inner[outer.len()..].starts_with('/'))
                        .then(|| inner.len() - outer.len())
                    })
                })
                .min()
        };
        let shaping =
            |p: &super::Pending| p.kind.shapes_types() && p.kind != Kind::AnnotationChanged;
        let nearest = |below: bool| -> Option<usize> {
            let found: Vec<(usize, usize)> = (0..changes.list.len())
                .filter(|&i| shaping(&changes.list[i]))
                .filter_map(|i| distance(&changes.list[i], below).map(|d| (d, i)))
                .collect();
            let best = found.iter().map(|(d, _)| *d).min()?;
            let at_best: Vec<usize> = found
                .iter()
                .filter(|(d, _)| *d == best)
                .map(|(_, i)| *i)
                .collect();
            (at_best.len() == 1).then(|| at_best[0])
        };
        let found = changes
            .list
            .iter()
            .position(|p| p.kind.shapes_types() && overlaps(p))
            .or_else(|| changes.list.iter().position(overlaps))
            .or_else(|| nearest(true))
            .or_else(|| nearest(false));
        let i = match found {
            Some(i) => i,
            None => {
                let (side, at) = change
                    .sources
                    .first()
                    .cloned()
                    .unwrap_or((Side::New, String::new()));
                let message = format!("Rust: {}", change.item);
                changes.add(
                    side,
                    &at,
                    change.kind,
                    &change.item,
                    message,
                    Occurrence::fixed(Verdict::Compatible, Verdict::Compatible),
                    Vec::new(),
                )
            }
        };
        let pending = &mut changes.list[i];
        pending.api = pending.api.worst(change.verdict);
        if !pending.rust.contains(&change.item) {
            pending.rust.push(change.item);
        }
    }
}
