//! AsyncAPI 3.0 constructs as public documents write them (traits, Multi Format
//! Schema Objects, replies, correlation ids, references to every kind of component),
//! each a regression test of the generator on a small document.

use std::path::Path;

use asyncapi_codegen::model::{MessageDef, Payload, TypeKind};
use asyncapi_codegen::{model_of, Builder, Document, Model};

/// Loads `yaml` as if it were the file `doc.yaml`.
fn document(yaml: &str) -> Document {
    Document::parse(Path::new("doc.yaml"), yaml).expect("the test document parses")
}

/// The generated code for `yaml` (with the zero-copy twins).
fn generate(yaml: &str) -> String {
    Builder::new("doc.yaml")
        .borrowed(true)
        .generate_from(&document(yaml))
        .unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn optional_fields_read_with_a_function_may_be_absent() {
    // Native integers are read by a function, which makes serde require the field
    // unless it also has `default`.
    let code = generate(
        "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    S:\n      type: object\n      properties:\n        n: {type: integer, minimum: 0, maximum: 9}\n        s: {type: string}\n",
    );
    assert!(code.contains("skip_serializing_if = \"Option::is_none\",\n        deserialize_with = \"::asyncapi_runtime::__private::native::some_i64\",\n        default\n"), "{code}");
    assert!(code.contains("deserialize_with = \"::asyncapi_runtime::__private::borrowed::non_null\",\n            default\n"), "{code}");
}

/// The model of `yaml`, and its warnings as text.
fn model(yaml: &str) -> (Model, Vec<String>) {
    let (checked, _) = model_of(&document(yaml)).unwrap_or_else(|error| panic!("{error}"));
    let warnings = checked.warnings.iter().map(ToString::to_string).collect();
    (checked.model, warnings)
}

fn message<'m>(model: &'m Model, pointer: &str) -> &'m MessageDef {
    model
        .messages
        .iter()
        .find(|m| m.pointer == pointer)
        .unwrap_or_else(|| panic!("no message at {pointer}: {:#?}", model.messages))
}

fn typed(payload: &Option<Payload>) -> &str {
    match payload {
        Some(Payload::Typed { ty, .. }) => ty,
        other => panic!("not typed: {other:?}"),
    }
}

fn fields<'m>(model: &'m Model, ty: &str) -> Vec<&'m str> {
    let def = model
        .types
        .iter()
        .find(|t| t.name == ty)
        .unwrap_or_else(|| panic!("no type {ty}"));
    match &def.kind {
        TypeKind::Struct(s) => s.fields.iter().map(|f| f.wire.as_str()).collect(),
        other => panic!("{ty} is not a struct: {other:?}"),
    }
}

const TRAITS: &str = r##"
asyncapi: 3.0.0
info: {title: Traits, version: '1'}
channels:
  lights:
    address: lights
    messages:
      measured: {$ref: '#/components/messages/LightMeasured'}
      inline:
        traits: [{$ref: '#/components/messageTraits/commonHeaders'}]
        payload: {type: string}
  shared:
    $ref: '#/components/channels/Shared'
operations:
  turnOn:
    action: send
    channel: {$ref: '#/channels/lights'}
    description: Its own description wins.
    traits:
      - $ref: '#/components/operationTraits/kafka'
components:
  channels:
    Shared:
      address: shared
      messages:
        notice:
          traits: [{$ref: '#/components/messageTraits/commonHeaders'}]
          payload: {type: integer}
  messages:
    LightMeasured:
      traits:
        - $ref: '#/components/messageTraits/commonHeaders'
        - contentType: application/json
      payload: {type: object}
    Merged:
      traits:
        - $ref: '#/components/messageTraits/traceHeaders'
      headers:
        type: object
        properties:
          x-own: {type: string}
      payload: {type: object}
    BothByRef:
      traits:
        - headers: {$ref: '#/components/schemas/Trace'}
      headers: {$ref: '#/components/schemas/Own'}
  schemas:
    Trace:
      type: object
      required: [traceparent]
      properties:
        traceparent: {type: string}
    Own:
      type: object
      properties:
        x-own: {type: integer}
  messageTraits:
    commonHeaders:
      headers:
        type: object
        properties:
          my-app-header: {type: integer, minimum: 0, maximum: 100}
      correlationId:
        location: $message.header#/my-app-header
      contentType: application/avro
    traceHeaders:
      headers: {$ref: '#/components/schemas/Trace'}
  operationTraits:
    kafka:
      summary: From the trait.
      description: Overridden.
      tags: [{name: kafka}]
"##;

#[test]
fn message_traits_apply_wherever_the_message_is_defined() {
    let (model, _) = model(TRAITS);
    for at in [
        "/components/messages/LightMeasured",
        "/channels/lights/messages/inline",
        "/components/channels/Shared/messages/notice",
    ] {
        let m = message(&model, at);
        // One type for the trait's headers, however many messages have the trait.
        assert_eq!(typed(&m.headers), "CommonHeaders", "{at}");
        assert_eq!(
            m.correlation_id.as_deref(),
            Some("$message.header#/my-app-header"),
            "{at}"
        );
    }
    assert_eq!(fields(&model, "CommonHeaders"), ["my-app-header"]);
    // A later trait overrides an earlier one; the message's own fields win over both.
    let measured = message(&model, "/components/messages/LightMeasured");
    assert_eq!(measured.content_type.as_deref(), Some("application/json"));
    let inline = message(&model, "/channels/lights/messages/inline");
    assert_eq!(inline.content_type.as_deref(), Some("application/avro"));
}

#[test]
fn trait_headers_by_ref_merge_with_the_messages_own() {
    let (model, _) = model(TRAITS);
    // Merged key by key, `{$ref: Trace}` and the message's headers would be a `$ref`
    // with siblings, which draft 07 ignores: `x-own` would be lost.
    let merged = message(&model, "/components/messages/Merged");
    assert_eq!(
        fields(&model, typed(&merged.headers)),
        ["traceparent", "x-own"]
    );
    let both = message(&model, "/components/messages/BothByRef");
    assert_eq!(
        fields(&model, typed(&both.headers)),
        ["traceparent", "x-own"]
    );
}

#[test]
fn operation_traits_apply_and_the_operations_own_fields_win() {
    let (model, _) = model(TRAITS);
    let op = &model.operations[0];
    assert_eq!(op.summary.as_deref(), Some("From the trait."));
    assert_eq!(op.description.as_deref(), Some("Its own description wins."));
    assert_eq!(op.tags, ["kafka"]);
}

#[test]
fn traits_apply_to_messages_and_operations_in_other_files() {
    let dir = std::env::temp_dir().join(format!("asyncapi-codegen-traits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("shared.yaml"),
        "components:\n  messages:\n    Ping:\n      traits: [{$ref: '#/components/messageTraits/t'}]\n      payload: {type: string}\n  messageTraits:\n    t:\n      headers: {type: object, properties: {x-id: {type: string}}}\n      title: From a trait in another file\n  operations:\n    ping:\n      action: send\n      channel: {$ref: 'doc.yaml#/channels/c'}\n      traits: [{summary: From a trait}]\n",
    )
    .unwrap();
    let doc = "asyncapi: 3.0.0\ninfo: {title: t, version: '1'}\nchannels:\n  c:\n    address: c\n    messages:\n      ping: {$ref: 'shared.yaml#/components/messages/Ping'}\noperations:\n  ping: {$ref: 'shared.yaml#/components/operations/ping'}\n";
    std::fs::write(dir.join("doc.yaml"), doc).unwrap();
    let loaded = Document::load(&dir.join("doc.yaml")).unwrap();
    let result = model_of(&loaded);
    let _ = std::fs::remove_dir_all(&dir);
    let (checked, _) = result.unwrap_or_else(|error| panic!("{error}"));
    // Reached only by a `$ref` into another file, the message is one of the document's.
    assert_eq!(checked.model.messages.len(), 1);
    assert_eq!(
        checked.model.channels[0].messages,
        [("ping".to_string(), "Ping".to_string())]
    );
    let ping = &checked.model.messages[0];
    assert_eq!(ping.title.as_deref(), Some("From a trait in another file"));
    assert!(ping.headers.is_some(), "{ping:?}");
    assert_eq!(
        checked.model.operations[0].summary.as_deref(),
        Some("From a trait")
    );
}

const FORMATS: &str = r##"
asyncapi: 3.0.0
info: {title: Formats, version: '1'}
channels:
  c:
    address: c
    messages:
      json: {$ref: '#/components/messages/Json'}
      avro: {$ref: '#/components/messages/Avro'}
      xml: {$ref: '#/components/messages/Xml'}
components:
  messages:
    Json:
      payload: {$ref: '#/components/schemas/User'}
    Avro:
      payload: {$ref: '#/components/schemas/Event'}
    Xml:
      payload: {$ref: '#/components/schemas/Order'}
  schemas:
    User:
      schemaFormat: application/vnd.aai.asyncapi+yaml;version=3.0.0
      schema:
        type: object
        required: [id]
        properties:
          id: {type: string, maxLength: 8}
          friend: {$ref: '#/components/schemas/User'}
    Event:
      schemaFormat: application/vnd.apache.avro+json;version=1.9.0
      schema:
        type: record
        name: Event
        fields:
          - {name: at, type: long}
    Order:
      schemaFormat: application/xml
      schema: '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>'
"##;

#[test]
fn references_to_multi_format_components_are_their_schemas() {
    let (model, warnings) = model(FORMATS);
    let user = message(&model, "/components/messages/Json");
    assert_eq!(typed(&Some(user.payload.clone())), "User");
    assert_eq!(fields(&model, "User"), ["id", "friend"]);
    let avro = message(&model, "/components/messages/Avro");
    assert_eq!(typed(&Some(avro.payload.clone())), "Event");
    assert_eq!(fields(&model, "Event"), ["at"]);
    // A format that cannot be typed is opaque through a `$ref` too, with a warning.
    let xml = message(&model, "/components/messages/Xml");
    assert_eq!(
        xml.payload,
        Payload::Opaque {
            format: "application/xml".into()
        }
    );
    assert!(
        warnings.iter().any(|w| w.contains("#/components/schemas/Order/schemaFormat: schema format \"application/xml\" cannot be typed: the payload of message \"Xml\" is kept as opaque JSON")),
        "{warnings:#?}"
    );
    // The checks of the schema are kept: `maxLength` is in the generated code.
    let code = generate(FORMATS);
    assert!(code.contains("max_length = 8"), "{code}");
}
