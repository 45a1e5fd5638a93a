//! [`Kind`]: every kind of change, with its stable machine name and how it is judged.

use std::fmt;

macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $variant:ident = $name:literal,)*) => {
        /// What kind of change a [`Change`](super::Change) is, with a stable machine name
        /// ([`Kind::as_str`]). The verdicts below are the rules; "narrowing" means the
        /// new document accepts fewer values at the place (compatible for consumers,
        /// breaking for producers once a value shows it), "widening" the reverse.
        /// A rule's *breaking* verdict stands only with a witness; without one it is
        /// *unclassified*. Inside a `oneOf` alternative or an `if` (where a smaller
        /// part does not make a smaller whole) only witnesses decide, and under `not`
        /// consumers and producers swap.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Kind {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Kind {
            /// Every kind.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The stable machine name (`max-length-narrowed`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }
        }
    };
}

kinds! {
    // Schemas (at a message's payload or headers, `$ref`s followed on both sides).
    /// `type` changed: compatible for consumers when every new type is an old one
    /// (`integer` is a `number`), for producers when every old type is a new one.
    TypeChanged = "type-changed",
    /// `null` added to `type`: widening. Rust: `T` becomes `Nullable<T>`.
    NullableAdded = "nullable-added",
    /// `null` removed from `type`: narrowing.
    NullableRemoved = "nullable-removed",
    /// A value of `enum`/`const` added (values the rest of the schema refuses do not
    /// count): widening. Rust: a new variant breaks exhaustive matches.
    EnumValueAdded = "enum-value-added",
    /// A value of `enum`/`const` removed: narrowing.
    EnumValueRemoved = "enum-value-removed",
    /// `enum`/`const` where there was none: compatible for consumers when the old
    /// schema accepts every value; producers need a witness.
    EnumAdded = "enum-added",
    /// `enum`/`const` dropped: compatible for producers when the new schema accepts
    /// every old value.
    EnumRemoved = "enum-removed",
    /// `maxLength` lowered or added: narrowing.
    MaxLengthNarrowed = "max-length-narrowed",
    /// `maxLength` raised or removed: widening.
    MaxLengthWidened = "max-length-widened",
    /// `minLength` raised or added: narrowing.
    MinLengthNarrowed = "min-length-narrowed",
    /// `minLength` lowered or removed: widening.
    MinLengthWidened = "min-length-widened",
    /// The upper bound (`maximum`, `exclusiveMaximum`, whichever is tighter) lowered,
    /// made exclusive or added: narrowing.
    MaximumNarrowed = "maximum-narrowed",
    /// The upper bound raised, made inclusive or removed: widening.
    MaximumWidened = "maximum-widened",
    /// The lower bound (`minimum`, `exclusiveMinimum`) raised, made exclusive or
    /// added: narrowing.
    MinimumNarrowed = "minimum-narrowed",
    /// The lower bound lowered, made inclusive or removed: widening.
    MinimumWidened = "minimum-widened",
    /// `maxItems` lowered or added: narrowing.
    MaxItemsNarrowed = "max-items-narrowed",
    /// `maxItems` raised or removed: widening.
    MaxItemsWidened = "max-items-widened",
    /// `minItems` raised or added: narrowing.
    MinItemsNarrowed = "min-items-narrowed",
    /// `minItems` lowered or removed: widening.
    MinItemsWidened = "min-items-widened",
    /// `maxProperties` lowered or added: narrowing.
    MaxPropertiesNarrowed = "max-properties-narrowed",
    /// `maxProperties` raised or removed: widening.
    MaxPropertiesWidened = "max-properties-widened",
    /// `minProperties` raised or added: narrowing.
    MinPropertiesNarrowed = "min-properties-narrowed",
    /// `minProperties` lowered or removed: widening.
    MinPropertiesWidened = "min-properties-widened",
    /// `multipleOf` added, or the new divisor is a multiple of the old one (exactly,
    /// with the runtime's `Number`): narrowing.
    MultipleOfNarrowed = "multiple-of-narrowed",
    /// `multipleOf` removed, or the old divisor is a multiple of the new one: widening.
    MultipleOfWidened = "multiple-of-widened",
    /// `multipleOf` changed so that neither divides the other: breaking both ways
    /// once shown.
    MultipleOfChanged = "multiple-of-changed",
    /// `pattern` added: narrowing (unless it is empty or `.*`).
    PatternAdded = "pattern-added",
    /// `pattern` removed: widening.
    PatternRemoved = "pattern-removed",
    /// `pattern` changed: compatible for a party only when a superset is provable
    /// (identical after normalising quantifiers and `\d`, anchors `^`/`$` removed,
    /// quantifier ranges widened, no lookaround or backreference); otherwise
    /// unclassified unless a string shows a break.
    PatternChanged = "pattern-changed",
    /// `format: byte` (base64, enforced) added: narrowing.
    FormatByteAdded = "format-byte-added",
    /// `format: byte` removed: widening.
    FormatByteRemoved = "format-byte-removed",
    /// `uniqueItems: true` added: narrowing.
    UniqueItemsAdded = "unique-items-added",
    /// `uniqueItems: true` removed: widening.
    UniqueItemsRemoved = "unique-items-removed",
    /// A name added to `required`: narrowing. Rust: `Option<T>` becomes `T`.
    RequiredAdded = "required-added",
    /// A name removed from `required`: widening. Rust: `T` becomes `Option<T>`.
    RequiredRemoved = "required-removed",
    /// A property added to `properties`. In an open object (`additionalProperties`
    /// absent or `true`) the old schema accepted *any* value under that name, so:
    /// compatible for consumers, breaking for producers (an old producer may have
    /// sent any value there) unless the new property's schema accepts everything.
    /// In a closed object (`additionalProperties: false`): breaking for consumers,
    /// compatible for producers. With `additionalProperties: {schema}`, the two
    /// schemas are compared. Rust: a new field (breaks struct literals).
    PropertyAdded = "property-added",
    /// A property removed from `properties`: the value now falls under
    /// `additionalProperties` (mirror of `property-added`). Rust: the field is gone.
    PropertyRemoved = "property-removed",
    /// `additionalProperties` (or its absence) changed between `true`, `false` and a
    /// schema, where it narrows.
    AdditionalPropertiesNarrowed = "additional-properties-narrowed",
    /// `additionalProperties` changed where it widens.
    AdditionalPropertiesWidened = "additional-properties-widened",
    /// `additionalProperties` changed otherwise.
    AdditionalPropertiesChanged = "additional-properties-changed",
    /// A `patternProperties` entry added.
    PatternPropertyAdded = "pattern-property-added",
    /// A `patternProperties` entry removed.
    PatternPropertyRemoved = "pattern-property-removed",
    /// `propertyNames` added: narrowing.
    PropertyNamesAdded = "property-names-added",
    /// `propertyNames` removed: widening.
    PropertyNamesRemoved = "property-names-removed",
    /// A `dependencies` entry added or extended: narrowing.
    DependencyAdded = "dependency-added",
    /// A `dependencies` entry removed or reduced: widening.
    DependencyRemoved = "dependency-removed",
    /// A `dependencies` entry changed between a list and a schema: unclassified
    /// unless shown.
    DependencyChanged = "dependency-changed",
    /// `items` (or `additionalItems`) changed between `true`, `false` and a schema,
    /// where it narrows.
    ItemsNarrowed = "items-narrowed",
    /// `items` changed where it widens.
    ItemsWidened = "items-widened",
    /// `items` changed otherwise.
    ItemsChanged = "items-changed",
    /// A position added to a tuple `items`.
    TupleItemAdded = "tuple-item-added",
    /// A position removed from a tuple `items`.
    TupleItemRemoved = "tuple-item-removed",
    /// `contains` added: narrowing.
    ContainsAdded = "contains-added",
    /// `contains` removed: widening.
    ContainsRemoved = "contains-removed",
    /// A schema added to `allOf`: narrowing.
    AllOfAdded = "all-of-added",
    /// A schema removed from `allOf`: widening.
    AllOfRemoved = "all-of-removed",
    /// An `anyOf` alternative added: widening (compatible for consumers when an old
    /// alternative already accepts all it does).
    AnyOfAlternativeAdded = "any-of-alternative-added",
    /// An `anyOf` alternative removed: narrowing.
    AnyOfAlternativeRemoved = "any-of-alternative-removed",
    /// `anyOf` added where there was none: narrowing.
    AnyOfAdded = "any-of-added",
    /// `anyOf` removed: widening.
    AnyOfRemoved = "any-of-removed",
    /// A `oneOf` alternative added: as `anyOf` when every two alternatives provably
    /// exclude each other (different types, different `const`/`enum` at a required
    /// property), else unclassified unless shown (a value matching two alternatives
    /// is refused).
    OneOfAlternativeAdded = "one-of-alternative-added",
    /// A `oneOf` alternative removed (see `one-of-alternative-added`).
    OneOfAlternativeRemoved = "one-of-alternative-removed",
    /// `oneOf` added where there was none: narrowing.
    OneOfAdded = "one-of-added",
    /// `oneOf` removed: widening.
    OneOfRemoved = "one-of-removed",
    /// `not` added: narrowing.
    NotAdded = "not-added",
    /// `not` removed: widening.
    NotRemoved = "not-removed",
    /// `if`/`then`/`else` added: narrowing.
    ConditionAdded = "condition-added",
    /// `if`/`then`/`else` removed: widening.
    ConditionRemoved = "condition-removed",
    /// The `if` of a condition changed: unclassified unless shown.
    ConditionChanged = "condition-changed",
    /// A schema changed to or from `false` (or otherwise beyond the rules above).
    SchemaChanged = "schema-changed",
    /// An annotation changed (`title`, `description`, `examples`, `default`, a
    /// `format` other than `byte`, `deprecated`, unknown keywords, `x-` extensions):
    /// compatible for payloads. (Rust docs change; a `default` of an enum decides its
    /// `Default`, reported as an API change when it goes.)
    AnnotationChanged = "annotation-changed",
    /// A component schema renamed (same content under a new key): compatible for
    /// payloads that reach it by `$ref`; Rust: the type is renamed.
    SchemaRenamed = "schema-renamed",
    /// A component schema added.
    SchemaAdded = "schema-added",
    /// A component schema removed.
    SchemaRemoved = "schema-removed",

    // Messages.
    /// A message added: breaking for consumers (new producers may send what old
    /// readers do not know), compatible for producers; Rust: a new `Message` and
    /// `MessageName` variant breaks exhaustive matches.
    MessageAdded = "message-added",
    /// A message removed: compatible for consumers, breaking for producers (what an
    /// old producer sends is no longer described); Rust: variants gone.
    MessageRemoved = "message-removed",
    /// A message's `name` changed: breaking for both (the name identifies the message
    /// to whatever dispatches by it: `MessageName::from_name`, a header naming it).
    MessageRenamed = "message-renamed",
    /// A message moved to another key with its `name` kept: compatible for payloads;
    /// Rust: its variant may be renamed.
    MessageKeyChanged = "message-key-changed",
    /// A message's `contentType` (or the document's `defaultContentType` it uses)
    /// changed: breaking for both (the bytes are encoded differently).
    ContentTypeChanged = "content-type-changed",
    /// A payload schema where the message had none (any value was valid): compatible
    /// for consumers; producers break when the schema refuses a value.
    PayloadAdded = "payload-added",
    /// A message's payload schema removed (any value is valid): compatible for
    /// producers; consumers break unless the schema accepted everything.
    PayloadRemoved = "payload-removed",
    /// Headers (a schema) where the message had none: as `payload-added`.
    HeadersAdded = "headers-added",
    /// Headers removed: as `payload-removed`.
    HeadersRemoved = "headers-removed",
    /// A payload in a schema format that is not typed (Avro, ...) changed, or its
    /// `schemaFormat` did: unclassified.
    PayloadFormatChanged = "payload-format-changed",
    /// `correlationId.location` changed: breaking for both (replies are matched by
    /// it).
    CorrelationIdChanged = "correlation-id-changed",
    /// Message or operation `bindings` changed: unclassified (protocol-specific).
    BindingsChanged = "bindings-changed",

    // Channels.
    /// A channel added: compatible for both (nobody uses it yet); Rust: new types.
    ChannelAdded = "channel-added",
    /// A channel removed: compatible for consumers, breaking for producers (old
    /// producers publish where the new document has nothing); Rust: types gone.
    ChannelRemoved = "channel-removed",
    /// A channel's address changed: breaking for both (publishers and subscribers no
    /// longer meet), unless only parameter names changed (`{a}` to `{b}`), which
    /// keeps every address.
    ChannelAddressChanged = "channel-address-changed",
    /// An address parameter's `enum` lost values: compatible for consumers,
    /// breaking for producers (or became an `enum` where any value was allowed).
    ParameterEnumNarrowed = "parameter-enum-narrowed",
    /// An address parameter's `enum` gained values (or was dropped): breaking for
    /// consumers, compatible for producers.
    ParameterEnumWidened = "parameter-enum-widened",
    /// A parameter's `location` changed: unclassified.
    ParameterChanged = "parameter-changed",
    /// A message added to a channel: breaking for consumers, compatible for producers.
    ChannelMessageAdded = "channel-message-added",
    /// A message removed from a channel: compatible for consumers, breaking for
    /// producers.
    ChannelMessageRemoved = "channel-message-removed",

    // Operations.
    /// An operation added: compatible for both; Rust: a new `OperationId` variant.
    OperationAdded = "operation-added",
    /// An operation removed: compatible for payloads (its channel's messages are
    /// compared on their own); Rust: types gone.
    OperationRemoved = "operation-removed",
    /// `send` became `receive` or the reverse: breaking for both.
    OperationActionChanged = "operation-action-changed",
    /// The operation's channel changed: breaking for both.
    OperationChannelChanged = "operation-channel-changed",
    /// A message added to an operation: breaking for consumers, compatible for
    /// producers.
    OperationMessageAdded = "operation-message-added",
    /// A message removed from an operation: compatible for consumers, breaking for
    /// producers.
    OperationMessageRemoved = "operation-message-removed",
    /// An operation's reply changed (its channel, address or messages): breaking for
    /// both.
    OperationReplyChanged = "operation-reply-changed",

    // Servers and metadata (informational: compatible for payloads).
    /// A server added.
    ServerAdded = "server-added",
    /// A server removed.
    ServerRemoved = "server-removed",
    /// A server's host, pathname, protocol, variables or security changed.
    ServerChanged = "server-changed",
    /// `info` changed (title, version, description, ...).
    InfoChanged = "info-changed",

    // The generated Rust API (changes not attributable to one change above).
    /// A type added to the generated code: compatible.
    TypeAdded = "type-added",
    /// A type removed: breaking.
    TypeRemoved = "type-removed",
    /// A type renamed (the same shape under a new name): breaking.
    TypeRenamed = "type-renamed",
    /// A type changed between struct, enum and others: breaking.
    TypeKindChanged = "type-kind-changed",
    /// A field added to a struct: breaking (struct literals must name every field;
    /// generated structs are not `#[non_exhaustive]`).
    FieldAdded = "field-added",
    /// A field removed: breaking.
    FieldRemoved = "field-removed",
    /// A field's type changed: breaking.
    FieldTypeChanged = "field-type-changed",
    /// A field's `Option<T>` became `T`: breaking.
    FieldBecameRequired = "field-became-required",
    /// A field's `T` became `Option<T>`: breaking.
    FieldBecameOptional = "field-became-optional",
    /// A variant added to an enum: breaking (exhaustive matches).
    VariantAdded = "variant-added",
    /// A variant removed: breaking.
    VariantRemoved = "variant-removed",
    /// A variant's data changed: breaking.
    VariantTypeChanged = "variant-type-changed",
    /// A trait implemented (or derived) that was not: compatible.
    TraitImplAdded = "trait-impl-added",
    /// A trait no longer implemented (`Default`, `Copy`, ...): breaking.
    TraitImplRemoved = "trait-impl-removed",
    /// A function, constant or associated type added: compatible.
    ItemAdded = "item-added",
    /// A function, constant or associated type removed: breaking.
    ItemRemoved = "item-removed",
    /// A function's signature, a constant's or associated type's type changed:
    /// breaking.
    ItemChanged = "item-changed",
}

impl Kind {
    /// Reads a machine name back.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == name)
    }

    /// Whether the change decides the shape of generated types (so a change of a
    /// Rust type at its place is attributed to it).
    pub(crate) fn shapes_types(self) -> bool {
        matches!(
            self,
            Kind::TypeChanged
                | Kind::NullableAdded
                | Kind::NullableRemoved
                | Kind::EnumValueAdded
                | Kind::EnumValueRemoved
                | Kind::EnumAdded
                | Kind::EnumRemoved
                | Kind::MaximumNarrowed
                | Kind::MaximumWidened
                | Kind::MinimumNarrowed
                | Kind::MinimumWidened
                | Kind::FormatByteAdded
                | Kind::FormatByteRemoved
                | Kind::RequiredAdded
                | Kind::RequiredRemoved
                | Kind::PropertyAdded
                | Kind::PropertyRemoved
                | Kind::AdditionalPropertiesNarrowed
                | Kind::AdditionalPropertiesWidened
                | Kind::AdditionalPropertiesChanged
                | Kind::PatternPropertyAdded
                | Kind::PatternPropertyRemoved
                | Kind::ItemsNarrowed
                | Kind::ItemsWidened
                | Kind::ItemsChanged
                | Kind::TupleItemAdded
                | Kind::TupleItemRemoved
                | Kind::AllOfAdded
                | Kind::AllOfRemoved
                | Kind::AnyOfAlternativeAdded
                | Kind::AnyOfAlternativeRemoved
                | Kind::AnyOfAdded
                | Kind::AnyOfRemoved
                | Kind::OneOfAlternativeAdded
                | Kind::OneOfAlternativeRemoved
                | Kind::OneOfAdded
                | Kind::OneOfRemoved
                | Kind::NotAdded
                | Kind::NotRemoved
                | Kind::ConditionAdded
                | Kind::ConditionRemoved
                | Kind::SchemaChanged
                | Kind::SchemaRenamed
                | Kind::SchemaAdded
                | Kind::SchemaRemoved
                | Kind::AnnotationChanged
                | Kind::MessageAdded
                | Kind::MessageRemoved
                | Kind::PayloadAdded
                | Kind::PayloadRemoved
                | Kind::HeadersAdded
                | Kind::HeadersRemoved
                | Kind::MessageKeyChanged
                | Kind::ChannelAdded
                | Kind::ChannelRemoved
                | Kind::ChannelAddressChanged
                | Kind::ParameterEnumNarrowed
                | Kind::ParameterEnumWidened
                | Kind::ChannelMessageAdded
                | Kind::ChannelMessageRemoved
                | Kind::OperationAdded
                | Kind::OperationRemoved
                | Kind::OperationMessageAdded
                | Kind::OperationMessageRemoved
                | Kind::OperationReplyChanged
                | Kind::OperationChannelChanged
                | Kind::ServerAdded
                | Kind::ServerRemoved
                | Kind::ServerChanged
        )
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
