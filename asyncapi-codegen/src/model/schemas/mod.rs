//! Schemas into Rust types, as precise as each schema allows, and never weaker than it.
//!
//! Every component schema gets a type named after its key; an inline object, enum or
//! union gets a type named from its parent and property (`Order` + `lineItems` ->
//! `OrderLineItems`); array items add `Item`, map values `Value`, message payloads and
//! headers `<Message>Payload`/`<Message>Headers`. How each schema is represented is
//! decided in [`rep`]: one JSON type becomes that Rust type with checks, and what the
//! type and checks cannot say is checked by the schema interpreter (a *residual*
//! schema), so that no keyword is ever dropped. Every named type also knows its whole
//! schema, against which a JSON value that does not read as the type is reported.

pub mod conditional;
pub mod docs;
pub mod rep;

use std::collections::{HashMap, HashSet};

use asyncapi_runtime::{JsonType, Map, Number, Schema, Value};

use crate::bundle::Bundle;
use crate::error::{Error, Problem, Warning};
use crate::load::pointer;
use crate::load::walk::{self, Place, SchemaFormat};
use crate::merge::all_of;
use crate::model::ir::{
    Additional, Checks, Docs, Entry, EnumDef, Field, LiteralsDef, SchemaDocument, StructDef, Ty,
    TypeDef, TypeKind, UnionBy, UnionDef, UnionVariant, Variant,
};
use crate::model::naming::{self, Scope};

/// How many types may be built one inside another (each a frame of recursion): far
/// beyond any real document, and within the stack [`crate::model::model`] runs on.
pub const MAX_NESTED_TYPES: usize = 2048;

/// Where schemas the model derives are kept in the schema document.
pub const DERIVED: &str = crate::load::walk::DERIVED;

/// Builds named types from schemas.
pub struct Typer<'b> {
    bundle: &'b Bundle,
    /// The schema document: the bundle's document, plus derived schemas.
    doc: Value,
    derived: Vec<Value>,
    names: Scope,
    /// Schema pointer -> type name, for `$ref`s and for not building a type twice.
    named: HashMap<String, String>,
    /// Types in emission order; a slot is taken before a type's inline children are
    /// built, so parents come first.
    slots: Vec<Option<TypeDef>>,
    /// Names of the types with a filled slot.
    built: HashSet<String>,
    /// Pointers and names of the types being built (a `$ref` back to one of them is
    /// recursion); sets, so that a long chain of types costs its length, not its square.
    building: HashSet<String>,
    building_names: HashSet<String>,
    /// Whether [`MAX_NESTED_TYPES`] was reported.
    too_deep: bool,
    entries: Vec<String>,
    entry_of: HashMap<String, Entry>,
    /// What is worth knowing.
    pub warnings: Vec<Warning>,
    errors: Vec<Error>,
}

/// How one schema is represented.
enum Rep {
    /// Strings from a fixed set.
    Enum(Vec<String>),
    /// JSON values from a fixed set.
    Literals(Vec<Value>),
    /// `oneOf`/`anyOf` alternatives (pointers), with the parent's other keywords.
    Union {
        alternatives: Vec<String>,
        one_of: bool,
        base: Map,
    },
    /// One JSON type (and `null` when `nullable`).
    Single { kind: JsonType, nullable: bool },
    /// Several JSON types, each typed; `other` for a variant holding every other value.
    Dispatch { kinds: Vec<JsonType>, other: bool },
    /// Any JSON value, validated against the schema when `checked`.
    Any { checked: bool },
}

/// Where the schema of component `key` of `components/schemas` is: the component, or
/// the schema of a Multi Format Schema Object in JSON Schema (Avro and OpenAPI are
/// translated to it when bundling), which `$ref`s to the component also lead to (see
/// `merge::formats`).
fn component_at(root: &Value, key: &str) -> String {
    let at = pointer::join("/components/schemas", key);
    match root.pointer(&at).map(walk::schema_format) {
        Some(Some(SchemaFormat::JsonSchema)) => pointer::join(&at, "schema"),
        _ => at,
    }
}

impl<'b> Typer<'b> {
    /// Starts with every component schema named, so `$ref`s resolve in any order.
    pub fn new(bundle: &'b Bundle, root: &Value, reserved: &[&str]) -> Self {
        let mut names = Scope::new();
        for name in reserved {
            names.claim(name);
        }
        let mut typer = Typer {
            bundle,
            doc: root.clone(),
            derived: Vec::new(),
            names,
            named: HashMap::new(),
            slots: Vec::new(),
            built: HashSet::new(),
            building: HashSet::new(),
            building_names: HashSet::new(),
            too_deep: false,
            entries: Vec::new(),
            entry_of: HashMap::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
        };
        if let Some(Value::Object(components)) = root.pointer("/components/schemas") {
            for key in components.keys() {
                let at = component_at(root, key);
                let name = typer.names.claim(&naming::type_name(key));
                typer.named.insert(at, name);
            }
        }
        typer
    }

    /// Builds every component schema, in document order.
    pub fn components(&mut self) {
        let keys: Vec<String> = self
            .doc
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|c| c.keys().cloned().collect())
            .unwrap_or_default();
        for key in keys {
            let at = component_at(&self.doc, &key);
            self.named_type(&at, &key);
        }
    }

    /// The types built, the schema document and its entries; every error met.
    pub fn finish(mut self) -> Result<(Vec<TypeDef>, SchemaDocument, Vec<Warning>), Error> {
        Error::from_list(std::mem::take(&mut self.errors))?;
        let mut document = self.doc;
        if !self.derived.is_empty() {
            if let Value::Object(map) = &mut document {
                map.insert(DERIVED, Value::Array(self.derived));
            }
        }
        // What generated code compiles on first use must compile now.
        let entries: Vec<&str> = self.entries.iter().map(String::as_str).collect();
        if let Err(error) = Schema::compile(&document, &entries) {
            return Err(self
                .bundle
                .error_at(&error.pointer, Problem::Invalid(error.message)));
        }
        Ok((
            self.slots.into_iter().flatten().collect(),
            SchemaDocument {
                document,
                entries: self.entries,
            },
            self.warnings,
        ))
    }

    /// The entry index of the schema at `at`.
    pub fn entry(&mut self, at: &str) -> Entry {
        if let Some(&entry) = self.entry_of.get(at) {
            return entry;
        }
        let entry = self.entries.len();
        self.entries.push(at.to_string());
        self.entry_of.insert(at.to_string(), entry);
        entry
    }

    /// Keeps a schema the model derived; its pointer.
    fn derive(&mut self, schema: Value) -> String {
        if let Some(i) = self.derived.iter().position(|d| *d == schema) {
            return pointer::index(&pointer::join("", DERIVED), i);
        }
        self.derived.push(schema.clone());
        let at = pointer::index(&pointer::join("", DERIVED), self.derived.len() - 1);
        if let Value::Object(map) = &mut self.doc {
            match map.get_mut(DERIVED) {
                Some(Value::Array(items)) => items.push(schema),
                _ => {
                    map.insert(DERIVED, Value::Array(vec![schema]));
                }
            }
        }
        at
    }

    fn schema(&self, at: &str) -> Value {
        self.doc.pointer(at).cloned().unwrap_or(Value::Bool(true))
    }

    fn warn(&mut self, at: &str, message: String) {
        let location = self.bundle.locate(at);
        self.warnings.push(Warning { location, message });
    }

    /// The name of the type for the schema at `at` (built when needed), named from
    /// `context`.
    pub fn named_type(&mut self, at: &str, context: &str) -> String {
        if let Some(name) = self.named.get(at) {
            let name = name.clone();
            if !self.built.contains(&name) && !self.building.contains(at) {
                self.build(at, &name);
            }
            return name;
        }
        // A schema that is only a `$ref` is its target's type.
        if let Some(target) = self.reference(at) {
            let context = self.reference_context(&target);
            return self.named_type(&target, &context);
        }
        let name = self.names.claim(&naming::type_name(context));
        self.named.insert(at.to_string(), name.clone());
        self.build(at, &name);
        name
    }

    /// The name a schema reached by `$ref` at `target` is given: its key (a component
    /// schema, a definition), or, for the payload or headers of a message or a message
    /// trait (`#/components/messageTraits/common/headers`), the owner's key and the part
    /// (`CommonHeaders`). A Multi Format Schema Object's schema is named as the object.
    fn reference_context(&self, target: &str) -> String {
        let mut at = target;
        if pointer::last_token(at) == "schema"
            && self
                .doc
                .pointer(pointer::parent(at))
                .is_some_and(walk::is_multi_format)
        {
            at = pointer::parent(at);
        }
        let last = pointer::last_token(at);
        let parent = pointer::parent(at);
        if (last == "payload" || last == "headers")
            && walk::place_of(&self.doc, parent) == Some(Place::Object)
        {
            let owner = naming::pascal(&pointer::last_token(parent));
            let part = naming::pascal(&last);
            return if owner.ends_with(&part) {
                owner
            } else {
                format!("{owner}{part}")
            };
        }
        last
    }

    /// The target of the schema at `at` when it is a `$ref`.
    fn reference(&self, at: &str) -> Option<String> {
        self.doc
            .pointer(at)
            .and_then(|s| s.get("$ref"))
            .and_then(Value::as_str)
            .and_then(Bundle::target)
    }

    /// The type of a value described by the schema at `at`, and the checks beside it;
    /// `context` names a type it needs.
    pub fn position(&mut self, at: &str, context: &str) -> (Ty, Checks) {
        if let Some(target) = self.reference(at) {
            if self.named.contains_key(&target) || self.needs_name(&target) {
                let context = self.reference_context(&target);
                return (
                    Ty::Named(self.named_type(&target, &context)),
                    Checks::default(),
                );
            }
            let context = self.reference_context(&target);
            return self.position(&target, &context);
        }
        if self.named.contains_key(at) {
            return (Ty::Named(self.named_type(at, context)), Checks::default());
        }
        match self.schema(at) {
            Value::Bool(true) => (Ty::Any, Checks::default()),
            Value::Object(_) if self.needs_name(at) => {
                (Ty::Named(self.named_type(at, context)), Checks::default())
            }
            Value::Object(map) => self.inline(at, &map, context),
            // `false`, and (for safety) anything that is not a schema: validated.
            _ => (
                Ty::Any,
                Checks {
                    extra: Some(self.entry(at)),
                    ..Checks::default()
                },
            ),
        }
    }

    /// Whether the schema at `at` is represented by a type of its own.
    fn needs_name(&mut self, at: &str) -> bool {
        if let Some(target) = self.reference(at) {
            return self.named.contains_key(&target) || self.needs_name(&target);
        }
        let Value::Object(map) = self.schema(at) else {
            return false;
        };
        let (map, merged_at, _) = self.merged(at, &map);
        match self.represent(at, &merged_at, &map) {
            Rep::Enum(_) | Rep::Literals(_) | Rep::Union { .. } | Rep::Dispatch { .. } => true,
            Rep::Single {
                kind: JsonType::Object,
                nullable: false,
            } => has_fields(&map),
            Rep::Single {
                kind: JsonType::Object,
                nullable: true,
            } => false,
            Rep::Single { .. } | Rep::Any { .. } => false,
        }
    }

    /// The schema at `at` with its `allOf` merged (see [`all_of`]): the merged schema,
    /// the pointer it stands at, and the leftovers' residual.
    fn merged(&mut self, at: &str, map: &Map) -> (Map, String, Option<Map>) {
        if !map.contains_key("allOf") {
            return (map.clone(), at.to_string(), None);
        }
        let merged = all_of::all_of(&self.doc, map);
        if merged.impossible {
            let mut never = Map::new();
            never.insert("not", Value::Bool(true));
            return (never, at.to_string(), None);
        }
        let leftovers = (!merged.leftovers.is_empty()).then(|| {
            let mut map = Map::new();
            map.insert("allOf", Value::Array(merged.leftovers));
            map
        });
        let merged_at = self.derive(Value::Object(merged.schema.clone()));
        (merged.schema, merged_at, leftovers)
    }

    /// How the schema `map` (at `at`, merged from the schema as written at `whole`) is
    /// represented.
    fn represent(&mut self, whole: &str, at: &str, map: &Map) -> Rep {
        if map.get("not") == Some(&Value::Bool(true)) && map.len() == 1 {
            return Rep::Any { checked: true };
        }
        if map.contains_key("enum") || map.contains_key("const") {
            let mut values: Vec<Value> = match map.get("enum") {
                Some(Value::Array(values)) => values.clone(),
                _ => vec![map.get("const").cloned().unwrap_or(Value::Null)],
            };
            if let Some(constant) = map.get("const") {
                values.retain(|v| v == constant);
            }
            let mut distinct: Vec<Value> = Vec::new();
            for value in values {
                if !distinct.contains(&value) {
                    distinct.push(value);
                }
            }
            // Values the rest of the schema refuses can never be valid: leave them out.
            // The schema as written decides, `allOf` parts the merge left aside included.
            if let Ok(schema) = Schema::compile(&self.doc, &[whole]) {
                distinct.retain(|value| schema.is_valid(0, value));
            }
            if distinct.is_empty() {
                return Rep::Any { checked: true };
            }
            if distinct.iter().all(Value::is_string) {
                return Rep::Enum(
                    distinct
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect(),
                );
            }
            return Rep::Literals(distinct);
        }
        for (keyword, one_of) in [("oneOf", true), ("anyOf", false)] {
            if let Some(Value::Array(alternatives)) = map.get(keyword) {
                let list_at = pointer::join(at, keyword);
                let mut base = map.clone();
                for key in [
                    "oneOf",
                    "anyOf",
                    "title",
                    "description",
                    "examples",
                    "default",
                    "discriminator",
                ] {
                    base.remove(key);
                }
                return Rep::Union {
                    alternatives: (0..alternatives.len())
                        .map(|i| pointer::index(&list_at, i))
                        .collect(),
                    one_of,
                    base,
                };
            }
        }
        match rep::admitted(map) {
            Some(types) => {
                let nullable = types.contains(&JsonType::Null);
                let non_null: Vec<JsonType> = types
                    .iter()
                    .copied()
                    .filter(|t| *t != JsonType::Null)
                    .collect();
                match non_null.len() {
                    0 if nullable => Rep::Single {
                        kind: JsonType::Null,
                        nullable: false,
                    },
                    0 => Rep::Any { checked: true },
                    1 => Rep::Single {
                        kind: non_null[0],
                        nullable,
                    },
                    _ => Rep::Dispatch {
                        kinds: types,
                        other: false,
                    },
                }
            }
            None => {
                let kinds = rep::constrained_kinds(map);
                if kinds.is_empty() {
                    Rep::Any {
                        checked: rep::has_validation(map),
                    }
                } else {
                    Rep::Dispatch { kinds, other: true }
                }
            }
        }
    }

    /// A position typed inline: a primitive, array, map or nullable value with checks.
    fn inline(&mut self, at: &str, original: &Map, context: &str) -> (Ty, Checks) {
        let (map, merged_at, leftovers) = self.merged(at, original);
        match self.represent(at, &merged_at, &map) {
            Rep::Single {
                kind: JsonType::Object,
                nullable: true,
            } if has_fields(&map) => self.nullable_struct(&map, leftovers, context),
            Rep::Single { kind, nullable } => {
                let (ty, mut checks, lifted) = self.single(kind, &map, &merged_at, context);
                checks.extra = self.residual(kind, nullable, &map, leftovers, lifted);
                if nullable && kind != JsonType::Null {
                    (Ty::Nullable(Box::new(ty)), checks)
                } else {
                    (ty, checks)
                }
            }
            // The merged schema may check nothing while parts of its `allOf` do.
            Rep::Any { checked } => (
                Ty::Any,
                Checks {
                    extra: (checked || leftovers.is_some()).then(|| self.entry(at)),
                    ..Checks::default()
                },
            ),
            // Named representations do not come here (see `needs_name`).
            _ => (Ty::Named(self.named_type(at, context)), Checks::default()),
        }
    }

    /// `Nullable<S>` for an object schema that also admits `null`: `S` is the struct
    /// of the schema's object keywords without `null`. The keywords that apply to any
    /// value (`not`, `if`, ...) and the leftovers of an `allOf` must hold for `null`
    /// too, so they are the wrapper's checks, not the struct's.
    fn nullable_struct(
        &mut self,
        map: &Map,
        leftovers: Option<Map>,
        context: &str,
    ) -> (Ty, Checks) {
        // What applies beyond a `null` is what applies to any value.
        let any = rep::residual(JsonType::Null, map);
        let mut object = map.clone();
        for key in any.iter().flat_map(Map::keys) {
            object.remove(key);
        }
        object.insert("type", Value::from("object"));
        let at = self.derive(Value::Object(object));
        let (ty, _) = self.position(&at, &format!("{context}Object"));
        let parts: Vec<Value> = any
            .into_iter()
            .chain(leftovers)
            .map(Value::Object)
            .collect();
        let checks = Checks {
            extra: self.all_of_entry(parts),
            ..Checks::default()
        };
        (Ty::Nullable(Box::new(ty)), checks)
    }

    /// The residual schema's entry: what `map`'s keywords leave beyond a value of
    /// `kind`, and the leftovers of an `allOf`.
    fn residual(
        &mut self,
        kind: JsonType,
        nullable: bool,
        map: &Map,
        leftovers: Option<Map>,
        lifted: Vec<Value>,
    ) -> Option<Entry> {
        let mut parts: Vec<Value> = Vec::new();
        parts.extend(rep::residual(kind, map).map(Value::Object));
        parts.extend(leftovers.map(Value::Object));
        if nullable {
            // Lifted checks hold for the value; `null` passes them.
            parts.extend(lifted.into_iter().map(|schema| {
                let mut null = Map::new();
                null.insert("type", Value::from("null"));
                let mut either = Map::new();
                either.insert("anyOf", Value::Array(vec![Value::Object(null), schema]));
                Value::Object(either)
            }));
        } else {
            parts.extend(lifted);
        }
        self.all_of_entry(parts)
    }

    /// The entry of a schema that all of `parts` must hold; none for no parts.
    fn all_of_entry(&mut self, mut parts: Vec<Value>) -> Option<Entry> {
        let schema = match parts.len() {
            0 => return None,
            1 => parts.remove(0),
            _ => {
                let mut all = Map::new();
                all.insert("allOf", Value::Array(parts));
                Value::Object(all)
            }
        };
        let at = self.derive(schema);
        Some(self.entry(&at))
    }

    /// The Rust type of a value of one JSON type, and its checks; and the schemas of
    /// checks nested inside it (of items, of map values) that only the interpreter
    /// makes, lifted to apply to the value as a whole.
    fn single(
        &mut self,
        kind: JsonType,
        map: &Map,
        at: &str,
        context: &str,
    ) -> (Ty, Checks, Vec<Value>) {
        let mut lifted = Vec::new();
        // Bounds that admit nothing together are left to the residual.
        let contradictory = rep::contradictory(map);
        let typed = |key: &str| !contradictory.contains(&key);
        let count = |key: &str| map.get(key).and_then(Value::as_u64).filter(|_| typed(key));
        let number = |key: &str| {
            map.get(key)
                .and_then(Value::as_number)
                .filter(|_| typed(key))
                .cloned()
        };
        let mut checks = Checks::default();
        let ty = match kind {
            JsonType::String => {
                checks.pattern = map
                    .get("pattern")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                checks.min_length = count("minLength");
                checks.max_length = count("maxLength");
                checks.format = map
                    .get("format")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                if let conditional::Conditional::Typed(when) = conditional::of(map) {
                    checks.when = when;
                }
                if checks.format.as_deref() == Some("byte") {
                    Ty::Bytes
                } else {
                    Ty::String
                }
            }
            JsonType::Integer | JsonType::Number => {
                checks.minimum = number("minimum");
                checks.maximum = number("maximum");
                checks.exclusive_minimum = number("exclusiveMinimum");
                checks.exclusive_maximum = number("exclusiveMaximum");
                checks.multiple_of = number("multipleOf");
                checks.format = map
                    .get("format")
                    .and_then(Value::as_str)
                    .map(str::to_string);
                if kind == JsonType::Integer {
                    integer_type(&checks)
                } else {
                    Ty::Number
                }
            }
            JsonType::Boolean => Ty::Bool,
            JsonType::Null => Ty::Null,
            JsonType::Array => {
                checks.min_items = count("minItems");
                checks.max_items = count("maxItems");
                checks.unique_items = map.get("uniqueItems") == Some(&Value::Bool(true));
                match map.get("items") {
                    Some(Value::Object(_) | Value::Bool(_)) => {
                        let (item, mut item_checks) =
                            self.position(&pointer::join(at, "items"), &format!("{context}Item"));
                        if let Some(entry) = item_checks.extra.take() {
                            lifted.push(self.wrap("items", entry));
                        }
                        Ty::Array(Box::new(item), Box::new(item_checks))
                    }
                    _ => Ty::Array(Box::new(Ty::Any), Box::default()),
                }
            }
            JsonType::Object => {
                checks.min_properties = count("minProperties");
                checks.max_properties = count("maxProperties");
                match map.get("additionalProperties") {
                    Some(_) if !map.contains_key("patternProperties") => {
                        let (value, mut value_checks) = self.position(
                            &pointer::join(at, "additionalProperties"),
                            &format!("{context}Value"),
                        );
                        if let Some(entry) = value_checks.extra.take() {
                            lifted.push(self.wrap("additionalProperties", entry));
                        }
                        Ty::Map(Box::new(value), Box::new(value_checks))
                    }
                    _ => Ty::Map(Box::new(Ty::Any), Box::default()),
                }
            }
        };
        (ty, checks, lifted)
    }

    /// `{keyword: {$ref: <entry>}}`: a nested residual applied from the enclosing value.
    fn wrap(&self, keyword: &str, entry: Entry) -> Value {
        let mut reference = Map::new();
        reference.insert(
            "$ref",
            Value::from(crate::bundle::reference_to(&self.entries[entry])),
        );
        let mut wrapper = Map::new();
        wrapper.insert(keyword, Value::Object(reference));
        Value::Object(wrapper)
    }

    /// Builds the named type `name` for the schema at `at` into its slot.
    fn build(&mut self, at: &str, name: &str) {
        // Each type nested in the one being built is built on the stack above it.
        if self.building.len() >= MAX_NESTED_TYPES {
            if !self.too_deep {
                self.too_deep = true;
                self.errors.push(self.bundle.error_at(
                    at,
                    Problem::Invalid(format!(
                        "schemas nest more than {MAX_NESTED_TYPES} types deep here (through \
                         $ref or inline), deeper than generation goes"
                    )),
                ));
            }
            return;
        }
        let slot = self.slots.len();
        self.slots.push(None);
        self.building.insert(at.to_string());
        self.building_names.insert(name.to_string());
        let def = self.type_def(at, name);
        self.building.remove(at);
        self.building_names.remove(name);
        self.built.insert(name.to_string());
        self.slots[slot] = Some(def);
    }

    fn type_def(&mut self, at: &str, name: &str) -> TypeDef {
        let schema_entry = self.entry(at);
        let original = match self.schema(at) {
            Value::Object(map) => map,
            Value::Bool(true) => Map::new(),
            _ => {
                return TypeDef {
                    name: name.to_string(),
                    pointer: at.to_string(),
                    docs: Docs::default(),
                    kind: TypeKind::Any,
                    schema: schema_entry,
                    extra: Some(schema_entry),
                }
            }
        };
        if let Some(target) = self.reference(at) {
            // A named `$ref` (a component that is another component): a newtype.
            let context = self.reference_context(&target);
            let (ty, checks) = self.position(&target, &context);
            return TypeDef {
                name: name.to_string(),
                pointer: at.to_string(),
                docs: docs::of(&original, None),
                kind: TypeKind::Newtype(ty, Box::new(checks)),
                schema: schema_entry,
                extra: None,
            };
        }
        let (map, merged_at, leftovers) = self.merged(at, &original);
        let docs = docs::of(&map, None);
        let (kind, extra) = match self.represent(at, &merged_at, &map) {
            Rep::Enum(values) => (self.enum_def(&values, &map), None),
            Rep::Literals(values) => (literals(&values), None),
            Rep::Union {
                alternatives,
                one_of,
                base,
            } => (
                self.union(&alternatives, one_of, &base, name),
                Some(schema_entry),
            ),
            Rep::Dispatch { kinds, other } => {
                (self.dispatch(&kinds, other, &map, name), Some(schema_entry))
            }
            Rep::Any { .. } => (TypeKind::Any, Some(schema_entry)),
            Rep::Single {
                kind: JsonType::Object,
                nullable: true,
            } if has_fields(&map) => {
                let (ty, checks) = self.nullable_struct(&map, leftovers, name);
                (TypeKind::Newtype(ty, Box::new(checks)), None)
            }
            Rep::Single {
                kind: JsonType::Object,
                nullable: false,
            } if has_fields(&map) => {
                let (def, lifted) = self.struct_def(&map, &merged_at, name);
                (
                    TypeKind::Struct(def),
                    self.residual(JsonType::Object, false, &map, leftovers, lifted),
                )
            }
            Rep::Single { kind, nullable } => {
                let (ty, mut checks, lifted) = self.single(kind, &map, &merged_at, name);
                checks.extra = self.residual(kind, nullable, &map, leftovers, lifted);
                let ty = if nullable && kind != JsonType::Null {
                    Ty::Nullable(Box::new(ty))
                } else {
                    ty
                };
                (TypeKind::Newtype(ty, Box::new(checks)), None)
            }
        };
        if rep::admitted(&map).is_none()
            && rep::constrained_kinds(&map) == [JsonType::Object]
            && !map.contains_key("oneOf")
            && !map.contains_key("anyOf")
        {
            self.warn(
                at,
                "the schema describes an object but does not say `type: object`: any other JSON \
                 value is valid too, so its type also holds other values (an enum with an `Other` \
                 variant); add `type: object` for a plain struct"
                    .into(),
            );
        }
        TypeDef {
            name: name.to_string(),
            pointer: at.to_string(),
            docs,
            kind,
            schema: schema_entry,
            extra,
        }
    }

    fn enum_def(&self, values: &[String], map: &Map) -> TypeKind {
        let mut scope = Scope::new();
        let variants: Vec<Variant> = values
            .iter()
            .map(|wire| Variant {
                name: scope.claim(&naming::variant_name(wire)),
                wire: wire.clone(),
            })
            .collect();
        let default = map
            .get("default")
            .and_then(Value::as_str)
            .and_then(|d| variants.iter().position(|v| v.wire == d));
        TypeKind::Enum(EnumDef { variants, default })
    }

    fn union(&mut self, alternatives: &[String], one_of: bool, base: &Map, name: &str) -> TypeKind {
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        let base_matters = base.iter().any(|(key, value)| rep::validates(key, value));
        for (i, alt_at) in alternatives.iter().enumerate() {
            let alt = self.schema(alt_at);
            let label = match self.reference(alt_at) {
                Some(target) => self.reference_context(&target),
                None => alt
                    .get("title")
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("Variant{i}")),
            };
            let variant = scope.claim(&naming::variant_name(&label));
            // The parent's own keywords hold for every alternative: type them together.
            let typed_at = if base_matters {
                let mut both = base.clone();
                both.insert("allOf", Value::Array(vec![alt.clone()]));
                self.derive(Value::Object(both))
            } else {
                alt_at.clone()
            };
            let (ty, _) = self.position(&typed_at, &format!("{name}{variant}"));
            let schema = Some(self.entry(alt_at));
            variants.push(UnionVariant {
                name: variant,
                boxed: self.is_recursive(&ty),
                ty,
                schema,
                json_types: Vec::new(),
            });
        }
        TypeKind::Union(UnionDef {
            by: if one_of {
                UnionBy::OneOf
            } else {
                UnionBy::AnyOf
            },
            variants,
        })
    }

    /// A union of JSON types: one variant per type the schema admits or constrains.
    fn dispatch(&mut self, kinds: &[JsonType], other: bool, map: &Map, name: &str) -> TypeKind {
        let mut variants = Vec::new();
        for &kind in kinds {
            let mut restricted = Map::new();
            restricted.insert("type", Value::from(kind.as_str()));
            for (key, value) in map.iter() {
                let same = match (rep::kind_of(key), kind) {
                    (Some(JsonType::Number), JsonType::Integer) => true,
                    (Some(k), kind) => k == kind,
                    (None, _) => false,
                };
                if same {
                    restricted.insert(key.clone(), value.clone());
                }
            }
            let label = match kind {
                JsonType::Null => "Null",
                JsonType::Boolean => "Boolean",
                JsonType::Integer => "Integer",
                JsonType::Number => "Number",
                JsonType::String => "String",
                JsonType::Array => "Array",
                JsonType::Object => "Object",
            };
            let at = self.derive(Value::Object(restricted));
            let (ty, _) = self.position(&at, &format!("{name}{label}"));
            let json_types: Vec<&'static str> = match kind {
                JsonType::Number => vec!["number", "integer"],
                other => vec![other.as_str()],
            };
            variants.push(UnionVariant {
                name: label.to_string(),
                boxed: self.is_recursive(&ty),
                ty,
                schema: None,
                json_types,
            });
        }
        if other {
            variants.push(UnionVariant {
                name: "Other".into(),
                ty: Ty::Any,
                boxed: false,
                schema: None,
                json_types: Vec::new(),
            });
        }
        TypeKind::Union(UnionDef {
            by: UnionBy::JsonType,
            variants,
        })
    }

    /// Whether `ty` names a type still being built (a field of it must be boxed).
    pub fn is_recursive(&self, ty: &Ty) -> bool {
        match ty {
            Ty::Named(target) => self.building_names.contains(target),
            Ty::Nullable(inner) => self.is_recursive(inner),
            _ => false,
        }
    }

    /// The struct of an object schema, and the residual of its extra properties' values
    /// lifted to the whole object.
    fn struct_def(&mut self, map: &Map, at: &str, name: &str) -> (StructDef, Vec<Value>) {
        let mut lifted = Vec::new();
        let required: Vec<String> = map
            .get("required")
            .and_then(Value::as_array)
            .map(|names| {
                names
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let mut scope = Scope::new();
        let additional_field = scope.claim("additional_properties");
        let mut fields = Vec::new();
        let properties_at = pointer::join(at, "properties");
        let properties: Vec<String> = map
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default();
        for wire in &properties {
            let here = pointer::join(&properties_at, wire);
            let context = format!("{name}{}", naming::pascal(wire));
            let (ty, checks) = self.position(&here, &context);
            let boxed = self.is_recursive(&ty);
            let field_schema = match self.schema(&here) {
                Value::Object(m) => m,
                _ => Map::new(),
            };
            let docs = docs::of(&field_schema, Some(&checks));
            fields.push(Field {
                wire: wire.clone(),
                name: scope.claim(&naming::field_name(wire)),
                ty,
                required: required.contains(wire),
                checks,
                docs,
                boxed,
            });
        }
        let additional = if map.contains_key("patternProperties") {
            Additional::Keep
        } else {
            match map.get("additionalProperties") {
                None | Some(Value::Bool(true)) => Additional::Keep,
                Some(Value::Bool(false)) => Additional::Deny,
                Some(_) => {
                    let (ty, mut checks) = self.position(
                        &pointer::join(at, "additionalProperties"),
                        &format!("{name}Value"),
                    );
                    if let Some(entry) = checks.extra.take() {
                        // Applied to each property the struct does not list.
                        let mut lift = match self.wrap("additionalProperties", entry) {
                            Value::Object(map) => map,
                            _ => Map::new(),
                        };
                        let names: Map = properties
                            .iter()
                            .map(|p| (p.clone(), Value::Bool(true)))
                            .collect();
                        lift.insert("properties", Value::Object(names));
                        lifted.push(Value::Object(lift));
                    }
                    Additional::Typed(ty, Box::new(checks))
                }
            }
        };
        // Required but not in `properties`: what `additionalProperties` says of the
        // properties the schema does not list applies to it (`patternProperties` and
        // the rest are in the residual, checked on the whole object).
        for wire in &required {
            if !properties.contains(wire) {
                let (ty, checks, description) = match &additional {
                    Additional::Typed(ty, checks) => (
                        ty.clone(),
                        (**checks).clone(),
                        "Required by the schema, which describes it only as one of the \
                         properties it does not list (`additionalProperties`).",
                    ),
                    Additional::Deny => (
                        Ty::Any,
                        Checks::default(),
                        "Required by the schema, which allows no property it does not \
                         list: no object is valid.",
                    ),
                    Additional::Keep => (
                        Ty::Any,
                        Checks::default(),
                        "Required by the schema, which does not describe it.",
                    ),
                };
                let boxed = self.is_recursive(&ty);
                fields.push(Field {
                    wire: wire.clone(),
                    name: scope.claim(&naming::field_name(wire)),
                    ty,
                    required: true,
                    checks,
                    docs: Docs {
                        description: Some(description.into()),
                        ..Docs::default()
                    },
                    boxed,
                });
            }
        }
        if additional == Additional::Deny && required.iter().any(|r| !properties.contains(r)) {
            // The flattened map of forbidden values never sees a property held by a
            // field: the whole object is checked against the rule instead.
            let names: Map = properties
                .iter()
                .map(|p| (p.clone(), Value::Bool(true)))
                .collect();
            let mut rule = Map::new();
            rule.insert("properties", Value::Object(names));
            rule.insert("additionalProperties", Value::Bool(false));
            lifted.push(Value::Object(rule));
        }
        let contradictory = rep::contradictory(map);
        let count = |key: &str| {
            map.get(key)
                .and_then(Value::as_u64)
                .filter(|_| !contradictory.contains(&key))
        };
        let def = StructDef {
            fields,
            additional,
            additional_field,
            property_counts: (count("minProperties"), count("maxProperties")),
        };
        (def, lifted)
    }

    /// Records an error about the schema at `at`.
    pub fn error(&mut self, at: &str, problem: Problem) {
        let error = self.bundle.error_at(at, problem);
        self.errors.push(error);
    }
}

/// Whether an object schema lists properties (a struct) rather than only constraining
/// the values of any property (a map).
fn has_fields(map: &Map) -> bool {
    map.contains_key("properties") || map.contains_key("required")
}

/// Variants of an enum of JSON values, named after them.
fn literals(values: &[Value]) -> TypeKind {
    let mut scope = Scope::new();
    let variants = values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let label = match value {
                Value::Null => "Null".to_string(),
                Value::Bool(true) => "True".to_string(),
                Value::Bool(false) => "False".to_string(),
                Value::Number(n) => format!(
                    "V{}",
                    n.canonical()
                        .replace('-', "Minus")
                        .replace('.', "Point")
                        .replace('+', "")
                ),
                Value::String(s) => s.clone(),
                Value::Array(_) | Value::Object(_) => format!("Value{i}"),
            };
            (scope.claim(&naming::variant_name(&label)), value.clone())
        })
        .collect();
    TypeKind::Literals(LiteralsDef { variants })
}

/// `i64` or `u64` when the bounds fit, the runtime's `Integer` otherwise (JSON Schema
/// puts no limit on integers, so an unbounded side needs the type that holds any).
fn integer_type(checks: &Checks) -> Ty {
    let low = [&checks.minimum, &checks.exclusive_minimum]
        .into_iter()
        .flatten()
        .max()
        .cloned();
    let high = [&checks.maximum, &checks.exclusive_maximum]
        .into_iter()
        .flatten()
        .min()
        .cloned();
    match (low, high) {
        (Some(lo), Some(hi)) if lo >= Number::from(i64::MIN) && hi <= Number::from(i64::MAX) => {
            Ty::I64
        }
        (Some(lo), Some(hi)) if lo >= Number::from(0u8) && hi <= Number::from(u64::MAX) => Ty::U64,
        _ => Ty::Integer,
    }
}
