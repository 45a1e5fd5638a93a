//! Modelling: JSON Schemas of a checked document into named Rust types.
//!
//! Every component schema gets a type named after its key; an inline object or enum
//! gets a type named from its parent and property (`LambdaKinesisEventRecord` +
//! `eventSource` -> `LambdaKinesisEventRecordEventSource`); array items add `Item`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::error::{Error, Problem};
use crate::load::Document;
use crate::model::{
    Additional, Constraints, Docs, EnumDef, Field, StructDef, Ty, TypeDef, TypeKind, UnionDef,
    Variant,
};
use crate::naming::{self, Scope};
use crate::pointer;

/// Builds named types from schemas, remembering which pointer became which type.
pub struct Schemas<'a> {
    doc: &'a Document,
    names: Scope,
    /// Schema pointer -> type name, for `$ref`s and for not building a type twice.
    named: HashMap<String, String>,
    /// Types in emission order; a slot is taken before a type's inline children are
    /// built, so parents come first.
    slots: Vec<Option<TypeDef>>,
    /// Pointers of the types being built (a `$ref` back to one of them is recursion).
    in_progress: Vec<String>,
}

type Result<T> = std::result::Result<T, Error>;

impl<'a> Schemas<'a> {
    /// Starts with every component schema named, so `$ref`s resolve in any order.
    pub fn new(doc: &'a Document, reserved: &[&str]) -> Self {
        let mut names = Scope::new();
        for name in reserved {
            names.claim(name);
        }
        let mut schemas = Schemas {
            doc,
            names,
            named: HashMap::new(),
            slots: Vec::new(),
            in_progress: Vec::new(),
        };
        if let Some(Value::Object(components)) = doc.root.pointer("/components/schemas") {
            for key in components.keys() {
                let at = pointer::join("/components/schemas", key);
                let name = schemas.names.claim(&naming::type_name(key));
                schemas.named.insert(at, name);
            }
        }
        schemas
    }

    /// Builds every component schema, in document order.
    pub fn components(&mut self) -> Result<()> {
        let Some(Value::Object(components)) = self.doc.root.pointer("/components/schemas") else {
            return Ok(());
        };
        let mut errors = Vec::new();
        for key in components.keys() {
            let at = pointer::join("/components/schemas", key);
            if let Err(error) = self.named_type(&at) {
                errors.push(error);
            }
        }
        Error::from_list(errors)
    }

    fn error(&self, at: &str, problem: Problem) -> Error {
        Error::At {
            file: self.doc.file.clone(),
            pointer: at.to_string(),
            problem,
        }
    }

    fn schema_at(&self, at: &str) -> Result<&'a Value> {
        self.doc
            .get(at)
            .ok_or_else(|| self.error(at, Problem::DanglingRef(format!("#{at}"))))
    }

    /// The type for the schema at `at`, named `context` when it needs a new type.
    pub fn ty(&mut self, at: &str, context: &str) -> Result<Ty> {
        let schema = self.schema_at(at)?;
        let map = match schema {
            Value::Bool(true) => return Ok(Ty::Any),
            Value::Bool(false) => {
                return Err(self.error(
                    at,
                    Problem::Invalid(
                        "the schema `false` accepts nothing; no type can be generated".into(),
                    ),
                ))
            }
            Value::Object(map) => map,
            _ => return Err(self.error(at, Problem::Invalid("a schema must be a mapping".into()))),
        };
        if let Some(target) = map.get("$ref").and_then(Value::as_str) {
            let target = target.strip_prefix('#').unwrap_or(target);
            return self.referenced(target);
        }
        if self.named.contains_key(at) {
            return self.named_type(at).map(Ty::Named);
        }
        let types = types_of(map);
        if map.contains_key("enum") || map.contains_key("const") {
            return self.new_named(at, context).map(Ty::Named);
        }
        if map.contains_key("oneOf") || map.contains_key("anyOf") || map.contains_key("allOf") {
            return self.new_named(at, context).map(Ty::Named);
        }
        let non_null: Vec<&str> = types.iter().copied().filter(|t| *t != "null").collect();
        let is_object =
            non_null == ["object"] || (non_null.is_empty() && map.contains_key("properties"));
        if is_object {
            let has_properties = map
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|p| !p.is_empty())
                || map
                    .get("required")
                    .and_then(Value::as_array)
                    .is_some_and(|r| !r.is_empty());
            let additional = map.get("additionalProperties");
            if !has_properties {
                match additional {
                    None | Some(Value::Bool(true)) => {
                        return Ok(Ty::Map(Box::new(Ty::Any), Box::default()))
                    }
                    Some(Value::Object(_)) => {
                        let values_at = pointer::join(at, "additionalProperties");
                        let inner = self.ty(&values_at, &format!("{context}Value"))?;
                        let constraints = self.value_constraints(&values_at, &inner)?;
                        return Ok(Ty::Map(Box::new(inner), Box::new(constraints)));
                    }
                    Some(_) => {}
                }
            }
            return self.new_named(at, context).map(Ty::Named);
        }
        match non_null.as_slice() {
            [] => Ok(Ty::Any),
            ["string"] => Ok(match map.get("format").and_then(Value::as_str) {
                Some("byte") => Ty::Bytes,
                _ => Ty::String,
            }),
            ["boolean"] => Ok(Ty::Bool),
            ["number"] => Ok(Ty::Number),
            ["integer"] => Ok(integer_ty(map)),
            ["array"] => {
                let items_at = pointer::join(at, "items");
                let (item, item_constraints) = match map.get("items") {
                    None => (Ty::Any, Constraints::default()),
                    Some(_) => {
                        let item = self.ty(&items_at, &format!("{context}Item"))?;
                        let constraints = self.value_constraints(&items_at, &item)?;
                        (item, constraints)
                    }
                };
                Ok(Ty::Array(Box::new(item), Box::new(item_constraints)))
            }
            _ => Err(self.error(
                &pointer::join(at, "type"),
                Problem::Unsupported(format!("\"type\" with several types {non_null:?}")),
            )),
        }
    }

    /// The type a `$ref` target stands for (the pointer is local, without `#`).
    fn referenced(&mut self, target: &str) -> Result<Ty> {
        if self.named.contains_key(target) {
            return self.named_type(target).map(Ty::Named);
        }
        // A ref to a schema that is not a component: name it after its last token (a
        // whole other file: after its name).
        let stem = crate::external::mounted_file_stem(target)
            .unwrap_or_else(|| pointer::last_token(target));
        let context = naming::type_name(&stem);
        self.ty(target, &context)
    }

    /// The named type for the schema at `at`, building it the first time.
    fn named_type(&mut self, at: &str) -> Result<String> {
        let name = match self.named.get(at) {
            Some(name) => name.clone(),
            None => return Err(self.error(at, Problem::Invalid("schema has no type name".into()))),
        };
        let built = self.slots.iter().flatten().any(|t| t.pointer == at);
        if built || self.building(at) {
            return Ok(name);
        }
        self.build(at, &name)?;
        Ok(name)
    }

    fn building(&self, at: &str) -> bool {
        self.in_progress.contains(&at.to_string())
    }

    fn new_named(&mut self, at: &str, context: &str) -> Result<String> {
        let name = self.names.claim(&naming::type_name(context));
        self.named.insert(at.to_string(), name.clone());
        self.build(at, &name)?;
        Ok(name)
    }

    fn build(&mut self, at: &str, name: &str) -> Result<()> {
        let slot = self.slots.len();
        self.slots.push(None);
        self.in_progress.push(at.to_string());
        let result = match self.schema_at(at)? {
            Value::Bool(false) => Err(self.error(
                at,
                Problem::Invalid(
                    "the schema `false` accepts nothing; no type can be generated".into(),
                ),
            )),
            Value::Object(map) => self
                .build_kind(map, at, name)
                .map(|kind| (self.docs(map, &Constraints::default(), false), kind)),
            // `true`: a newtype over any JSON value.
            _ => self
                .newtype_field(at, name)
                .map(|field| (Docs::default(), TypeKind::Newtype(field))),
        };
        self.in_progress.retain(|p| p != at);
        let (docs, kind) = result?;
        self.slots[slot] = Some(TypeDef {
            name: name.to_string(),
            pointer: at.to_string(),
            docs,
            kind,
        });
        Ok(())
    }

    /// The types built, parents before their inline children.
    pub fn into_types(self) -> Vec<TypeDef> {
        self.slots.into_iter().flatten().collect()
    }

    fn build_kind(
        &mut self,
        map: &'a Map<String, Value>,
        at: &str,
        name: &str,
    ) -> Result<TypeKind> {
        if let Some(values) = map.get("enum").and_then(Value::as_array) {
            return self.enum_def(values, map, &pointer::join(at, "enum"), false);
        }
        if let Some(value) = map.get("const") {
            return self.enum_def(
                std::slice::from_ref(value),
                map,
                &pointer::join(at, "const"),
                true,
            );
        }
        if let Some(kind) = self.combination(map, at, name)? {
            return Ok(kind);
        }
        let types = types_of(map);
        let is_object = types.contains(&"object") || map.contains_key("properties");
        if is_object {
            return self.struct_def(map, at, name, None).map(TypeKind::Struct);
        }
        self.newtype_field(at, name).map(TypeKind::Newtype)
    }

    fn newtype_field(&mut self, at: &str, name: &str) -> Result<Field> {
        let schema = self.schema_at(at)?;
        let (ty, constraints) = match schema {
            Value::Object(map) => {
                // Build the inner type as if inline, without re-entering this name.
                let ty = self.inner_ty(map, at, name)?;
                (ty, self.constraints(map, at)?)
            }
            _ => (Ty::Any, Constraints::default()),
        };
        Ok(Field {
            wire: String::new(),
            name: "0".into(),
            ty,
            required: true,
            nullable: false,
            constraints,
            docs: Docs::default(),
            default: None,
            boxed: false,
        })
    }

    /// The type of a non-object schema at `at`, without naming it.
    fn inner_ty(&mut self, map: &Map<String, Value>, at: &str, name: &str) -> Result<Ty> {
        let non_null: Vec<&str> = types_of(map).into_iter().filter(|t| *t != "null").collect();
        Ok(match non_null.as_slice() {
            [] => Ty::Any,
            ["string"] => match map.get("format").and_then(Value::as_str) {
                Some("byte") => Ty::Bytes,
                _ => Ty::String,
            },
            ["boolean"] => Ty::Bool,
            ["number"] => Ty::Number,
            ["integer"] => integer_ty(map),
            ["array"] => {
                let items_at = pointer::join(at, "items");
                match map.get("items") {
                    None => Ty::Array(Box::new(Ty::Any), Box::default()),
                    Some(_) => {
                        let item = self.ty(&items_at, &format!("{name}Item"))?;
                        let constraints = self.value_constraints(&items_at, &item)?;
                        Ty::Array(Box::new(item), Box::new(constraints))
                    }
                }
            }
            other => {
                return Err(self.error(
                    &pointer::join(at, "type"),
                    Problem::Unsupported(format!("\"type\" with several types {other:?}")),
                ))
            }
        })
    }

    fn combination(
        &mut self,
        map: &'a Map<String, Value>,
        at: &str,
        name: &str,
    ) -> Result<Option<TypeKind>> {
        for keyword in ["oneOf", "anyOf"] {
            if let Some(Value::Array(alternatives)) = map.get(keyword) {
                let list_at = pointer::join(at, keyword);
                if let Some((tag, values)) = self.union_tag(map, alternatives, &list_at)? {
                    return self
                        .tagged_union(alternatives, &list_at, name, keyword, tag, values)
                        .map(Some);
                }
                let mut variants = Vec::new();
                let mut constraints = Vec::new();
                let mut scope = Scope::new();
                for (i, alternative) in alternatives.iter().enumerate() {
                    let here = format!("{}/{i}", pointer::join(at, keyword));
                    let label = alternative
                        .get("$ref")
                        .and_then(Value::as_str)
                        .map(pointer::last_token)
                        .or_else(|| {
                            alternative
                                .get("title")
                                .and_then(Value::as_str)
                                .map(str::to_string)
                        })
                        .unwrap_or_else(|| format!("Variant{i}"));
                    let variant = scope.claim(&naming::variant_name(&label));
                    let ty = self.ty(&here, &format!("{name}{variant}"))?;
                    constraints.push(self.value_constraints(&here, &ty)?);
                    variants.push((variant, ty));
                }
                if constraints.iter().all(Constraints::is_empty) {
                    constraints.clear();
                }
                return Ok(Some(TypeKind::Union(UnionDef {
                    one_of: keyword == "oneOf",
                    variants,
                    constraints,
                    tag: None,
                    tag_values: Vec::new(),
                })));
            }
        }
        Ok(None)
    }

    /// The object schema an alternative stands for: (pointer, keywords), `$ref`s
    /// followed; `None` when it is not an object schema.
    fn alternative_object(&self, at: &str) -> Option<(String, &'a Map<String, Value>)> {
        let mut at = at.to_string();
        for _ in 0..64 {
            let map = self.doc.get(&at)?.as_object()?;
            match map.get("$ref").and_then(Value::as_str) {
                Some(target) => at = target.strip_prefix('#')?.to_string(),
                None => {
                    let object =
                        types_of(map).contains(&"object") || map.contains_key("properties");
                    let combined = ["oneOf", "anyOf", "enum", "const"]
                        .iter()
                        .any(|k| map.contains_key(*k));
                    return (object && !combined).then_some((at, map));
                }
            }
        }
        None
    }

    /// The tag of a `oneOf`/`anyOf`: the `discriminator` property, or a property that
    /// every alternative requires with a distinct `const` string. Returns the property
    /// and each alternative's value.
    fn union_tag(
        &self,
        map: &Map<String, Value>,
        alternatives: &[Value],
        list_at: &str,
    ) -> Result<Option<(String, Vec<String>)>> {
        let objects: Vec<Option<(String, &'a Map<String, Value>)>> = (0..alternatives.len())
            .map(|i| self.alternative_object(&format!("{list_at}/{i}")))
            .collect();
        let const_of = |object: &Map<String, Value>, property: &str| -> Option<String> {
            let schema = object.get("properties")?.get(property)?;
            let schema = match schema.get("$ref").and_then(Value::as_str) {
                Some(target) => self.doc.get(target.strip_prefix('#')?)?,
                None => schema,
            };
            match (schema.get("const"), schema.get("enum")) {
                (Some(Value::String(value)), _) => Some(value.clone()),
                (None, Some(Value::Array(values))) if values.len() == 1 => {
                    values[0].as_str().map(str::to_string)
                }
                _ => None,
            }
        };
        if let Some(property) = map.get("discriminator").and_then(Value::as_str) {
            let mut values = Vec::new();
            for (i, object) in objects.iter().enumerate() {
                let here = format!("{list_at}/{i}");
                let Some((target, object)) = object else {
                    return Err(self.error(
                        &here,
                        Problem::Invalid(format!(
                            "discriminator {property:?}: this alternative is not an object schema"
                        )),
                    ));
                };
                // Its const, or else (AsyncAPI) the name of the schema.
                let value = const_of(object, property).or_else(|| {
                    alternatives[i]
                        .get("$ref")
                        .is_some()
                        .then(|| pointer::last_token(target))
                });
                let Some(value) = value else {
                    return Err(self.error(
                        &here,
                        Problem::Invalid(format!(
                            "discriminator {property:?}: this inline alternative gives no const value for it"
                        )),
                    ));
                };
                if values.contains(&value) {
                    return Err(self.error(
                        &here,
                        Problem::Invalid(format!(
                            "discriminator {property:?}: value {value:?} names two alternatives"
                        )),
                    ));
                }
                values.push(value);
            }
            return Ok(Some((property.to_string(), values)));
        }
        let Some(Some((_, first))) = objects.first() else {
            return Ok(None);
        };
        if objects.iter().any(Option::is_none) {
            return Ok(None);
        }
        let candidates = first
            .get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect::<Vec<_>>())
            .unwrap_or_default();
        'candidate: for property in candidates {
            let mut values = Vec::new();
            for (_, object) in objects.iter().flatten() {
                let required = object
                    .get("required")
                    .and_then(Value::as_array)
                    .is_some_and(|r| r.iter().any(|n| n.as_str() == Some(&property)));
                match const_of(object, &property) {
                    Some(value) if required && !values.contains(&value) => values.push(value),
                    _ => continue 'candidate,
                }
            }
            return Ok(Some((property, values)));
        }
        Ok(None)
    }

    /// A `#[serde(tag)]` enum: one variant per alternative, each holding a struct of the
    /// alternative's properties without the tag (serde hands the variant the object
    /// without it), named after the union and the tag value.
    fn tagged_union(
        &mut self,
        alternatives: &[Value],
        list_at: &str,
        name: &str,
        keyword: &str,
        tag: String,
        values: Vec<String>,
    ) -> Result<TypeKind> {
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let here = format!("{list_at}/{i}");
            let Some((target, object)) = self.alternative_object(&here) else {
                return Err(self.error(&here, Problem::Invalid("not an object schema".into())));
            };
            let variant = scope.claim(&naming::variant_name(value));
            let type_name = self
                .names
                .claim(&naming::type_name(&format!("{name}{variant}")));
            let key = format!("{here}#without:{tag}");
            self.named.insert(key.clone(), type_name.clone());
            let slot = self.slots.len();
            self.slots.push(None);
            self.in_progress.push(key.clone());
            let result = self.struct_def(object, &target, &type_name, Some(&tag));
            self.in_progress.retain(|p| *p != key);
            let def = result?;
            let mut docs = self.docs(object, &Constraints::default(), false);
            let note = format!(
                "The `{tag}: {value:?}` alternative of `{name}`: the properties of `#{target}` except `{tag}`, which the enum holds."
            );
            docs.description = Some(match docs.description {
                Some(text) => format!("{note}\n\n{text}"),
                None => note,
            });
            self.slots[slot] = Some(TypeDef {
                name: type_name.clone(),
                pointer: key,
                docs,
                kind: TypeKind::Struct(def),
            });
            variants.push((variant, Ty::Named(type_name)));
        }
        let _ = alternatives;
        Ok(TypeKind::Union(UnionDef {
            one_of: keyword == "oneOf",
            variants,
            constraints: Vec::new(),
            tag: Some(tag),
            tag_values: values,
        }))
    }

    fn enum_def(
        &self,
        values: &[Value],
        map: &Map<String, Value>,
        at: &str,
        is_const: bool,
    ) -> Result<TypeKind> {
        let mut scope = Scope::new();
        let mut variants = Vec::new();
        for (i, value) in values.iter().enumerate() {
            let Value::String(wire) = value else {
                let here = if is_const {
                    at.to_string()
                } else {
                    format!("{at}/{i}")
                };
                return Err(self.error(
                    &here,
                    Problem::Unsupported(format!(
                        "{:?} with the non-string value {value}",
                        if is_const { "const" } else { "enum" }
                    )),
                ));
            };
            if variants.iter().any(|v: &Variant| &v.wire == wire) {
                continue;
            }
            variants.push(Variant {
                name: scope.claim(&naming::variant_name(wire)),
                wire: wire.clone(),
            });
        }
        let default = map
            .get("default")
            .and_then(Value::as_str)
            .and_then(|d| variants.iter().position(|v| v.wire == d));
        Ok(TypeKind::Enum(EnumDef {
            variants,
            is_const,
            default,
        }))
    }

    /// The struct of an object schema; `skip` is a property left out (the tag of a
    /// tagged union, which the enum holds).
    fn struct_def(
        &mut self,
        map: &'a Map<String, Value>,
        at: &str,
        name: &str,
        skip: Option<&str>,
    ) -> Result<StructDef> {
        let required: Vec<&str> = map
            .get("required")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let required: Vec<&str> = required.into_iter().filter(|r| Some(*r) != skip).collect();
        let mut scope = Scope::new();
        let additional_field = scope.claim("additional_properties");
        let mut fields = Vec::new();
        let mut errors = Vec::new();
        let properties = map.get("properties").and_then(Value::as_object);
        let properties_at = pointer::join(at, "properties");
        for (wire, schema) in properties.into_iter().flatten() {
            if Some(wire.as_str()) == skip {
                continue;
            }
            let here = pointer::join(&properties_at, wire);
            match self.field(
                wire,
                schema,
                &here,
                name,
                required.contains(&wire.as_str()),
                &mut scope,
            ) {
                Ok(field) => fields.push(field),
                Err(error) => errors.push(error),
            }
        }
        // Required but not described: any value, but it must be there.
        for wire in &required {
            if !properties.is_some_and(|p| p.contains_key(*wire)) {
                fields.push(Field {
                    wire: wire.to_string(),
                    name: scope.claim(&naming::field_name(wire)),
                    ty: Ty::Any,
                    required: true,
                    nullable: false,
                    constraints: Constraints::default(),
                    docs: Docs {
                        description: Some(
                            "Required by the schema, which does not describe it.".into(),
                        ),
                        ..Docs::default()
                    },
                    default: None,
                    boxed: false,
                });
            }
        }
        Error::from_list(errors)?;
        let additional = match map.get("additionalProperties") {
            None | Some(Value::Bool(true)) => Additional::Keep,
            Some(Value::Bool(false)) => Additional::Deny,
            Some(_) => {
                let values_at = pointer::join(at, "additionalProperties");
                let ty = self.ty(&values_at, &format!("{name}Value"))?;
                let constraints = self.value_constraints(&values_at, &ty)?;
                Additional::Typed(ty, Box::new(constraints))
            }
        };
        let count = |key: &str| map.get(key).and_then(Value::as_u64);
        Ok(StructDef {
            fields,
            additional,
            additional_field,
            property_counts: (count("minProperties"), count("maxProperties")),
        })
    }

    fn field(
        &mut self,
        wire: &str,
        schema: &'a Value,
        at: &str,
        parent: &str,
        required: bool,
        scope: &mut Scope,
    ) -> Result<Field> {
        let context = format!("{parent}{}", naming::pascal(wire));
        let ty = self.ty(at, &context)?;
        let (constraints, docs, nullable, default) = match schema {
            Value::Object(map) => {
                let constraints = self.constraints_beside(schema, at, &ty)?;
                let docs = self.docs(map, &constraints, true);
                let nullable = types_of(map).contains(&"null");
                (constraints, docs, nullable, map.get("default").cloned())
            }
            _ => (Constraints::default(), Docs::default(), false, None),
        };
        // A field that leads back to a type still being built closes a cycle: box it.
        let boxed = match &ty {
            Ty::Named(target) => self
                .in_progress
                .iter()
                .any(|p| self.named.get(p) == Some(target)),
            _ => false,
        };
        Ok(Field {
            wire: wire.to_string(),
            name: scope.claim(&naming::field_name(wire)),
            ty,
            required,
            nullable,
            constraints,
            docs,
            default,
            boxed,
        })
    }

    /// The constraints that the value of type `ty` described by the schema at `at`
    /// carries beside its type: none for a `$ref` or a named object or union (whose
    /// type checks itself); `minProperties`/`maxProperties` for a map.
    fn value_constraints(&self, at: &str, ty: &Ty) -> Result<Constraints> {
        let schema = self.schema_at(at)?;
        self.constraints_beside(schema, at, ty)
    }

    /// [`Self::value_constraints`] of `schema` (the schema at `at`).
    fn constraints_beside(&self, schema: &Value, at: &str, ty: &Ty) -> Result<Constraints> {
        let map = match schema {
            Value::Object(map) if !map.contains_key("$ref") => map,
            _ => return Ok(Constraints::default()),
        };
        if matches!(ty, Ty::Named(_)) && !is_leaf_named(map) {
            return Ok(Constraints::default());
        }
        let mut constraints = self.constraints(map, at)?;
        if matches!(ty, Ty::Map(..)) {
            let count = |key: &str| map.get(key).and_then(Value::as_u64);
            constraints.min_properties = count("minProperties");
            constraints.max_properties = count("maxProperties");
        }
        Ok(constraints)
    }

    /// The validation keywords of one schema.
    pub fn constraints(&self, map: &Map<String, Value>, at: &str) -> Result<Constraints> {
        let count = |key: &str| map.get(key).and_then(Value::as_u64);
        let number = |key: &str| match map.get(key) {
            Some(Value::Number(n)) => Some(n.clone()),
            _ => None,
        };
        let _ = at;
        Ok(Constraints {
            pattern: map
                .get("pattern")
                .and_then(Value::as_str)
                .map(str::to_string),
            min_length: count("minLength"),
            max_length: count("maxLength"),
            minimum: number("minimum"),
            maximum: number("maximum"),
            exclusive_minimum: number("exclusiveMinimum"),
            exclusive_maximum: number("exclusiveMaximum"),
            multiple_of: number("multipleOf"),
            min_items: count("minItems"),
            max_items: count("maxItems"),
            unique_items: map.get("uniqueItems") == Some(&Value::Bool(true)),
            min_properties: None,
            max_properties: None,
            format: map
                .get("format")
                .and_then(Value::as_str)
                .map(str::to_string),
        })
    }

    /// Doc comment material for a schema.
    pub fn docs(&self, map: &Map<String, Value>, constraints: &Constraints, field: bool) -> Docs {
        let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_string);
        Docs {
            title: text("title"),
            summary: None,
            description: text("description"),
            constraints: if field {
                describe_constraints(constraints)
            } else {
                None
            },
            examples: map
                .get("examples")
                .and_then(Value::as_array)
                .map(|examples| examples.iter().map(Value::to_string).collect())
                .unwrap_or_default(),
            default: map.get("default").map(Value::to_string),
            deprecated: map.get("deprecated") == Some(&Value::Bool(true)),
        }
    }
}

/// Enums and consts are named but carry no field constraints of their own.
fn is_leaf_named(map: &Map<String, Value>) -> bool {
    map.contains_key("enum") || map.contains_key("const")
}

/// The `type` keyword as a list (absent is empty).
fn types_of(map: &Map<String, Value>) -> Vec<&str> {
    match map.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// `i64` or `u64` when both bounds fit, [`Ty::Integer`] otherwise (JSON Schema puts no
/// limit on integers, so an unbounded side needs the type that holds any of them).
fn integer_ty(map: &Map<String, Value>) -> Ty {
    let bound = |keys: [&str; 2]| {
        keys.iter()
            .filter_map(|k| map.get(*k).and_then(Value::as_f64))
            .reduce(|a, b| {
                if keys[0] == "minimum" {
                    a.max(b)
                } else {
                    a.min(b)
                }
            })
    };
    let low = bound(["minimum", "exclusiveMinimum"]);
    let high = bound(["maximum", "exclusiveMaximum"]);
    match (low, high) {
        (Some(lo), Some(hi)) if lo >= -(2f64.powi(63)) && hi < 2f64.powi(63) => Ty::I64,
        (Some(lo), Some(hi)) if lo >= 0.0 && hi < 2f64.powi(64) => Ty::U64,
        _ => Ty::Integer,
    }
}

/// The constraints line of a doc comment (`Constraints: 1 to 256 characters; ...`).
pub fn describe_constraints(c: &Constraints) -> Option<String> {
    let mut parts = Vec::new();
    match (c.min_length, c.max_length) {
        (Some(lo), Some(hi)) => parts.push(format!("{lo} to {hi} characters (code points)")),
        (Some(lo), None) => parts.push(format!("at least {lo} characters (code points)")),
        (None, Some(hi)) => parts.push(format!("at most {hi} characters (code points)")),
        (None, None) => {}
    }
    if let Some(pattern) = &c.pattern {
        parts.push(format!(
            "contains a match of `{pattern}` (ECMA-262, unanchored)"
        ));
    }
    for (label, value) in [
        ("minimum", &c.minimum),
        ("maximum", &c.maximum),
        ("exclusive minimum", &c.exclusive_minimum),
        ("exclusive maximum", &c.exclusive_maximum),
        ("multiple of", &c.multiple_of),
    ] {
        if let Some(value) = value {
            parts.push(format!("{label} {value}"));
        }
    }
    match (c.min_items, c.max_items) {
        (Some(lo), Some(hi)) => parts.push(format!("{lo} to {hi} items")),
        (Some(lo), None) => parts.push(format!("at least {lo} items")),
        (None, Some(hi)) => parts.push(format!("at most {hi} items")),
        (None, None) => {}
    }
    if c.unique_items {
        parts.push("items unique".into());
    }
    match (c.min_properties, c.max_properties) {
        (Some(lo), Some(hi)) => parts.push(format!("{lo} to {hi} properties")),
        (Some(lo), None) => parts.push(format!("at least {lo} properties")),
        (None, Some(hi)) => parts.push(format!("at most {hi} properties")),
        (None, None) => {}
    }
    match c.format.as_deref() {
        Some("byte") => parts.push("format `byte`: standard padded base64, enforced".into()),
        Some(other) => parts.push(format!("format `{other}` (annotation, not enforced)")),
        None => {}
    }
    (!parts.is_empty()).then(|| format!("Constraints: {}.", parts.join("; ")))
}
