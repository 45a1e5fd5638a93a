#!/usr/bin/env node
// Writes the mutated documents of the parser-agreement corpus: each a copy of a valid
// base document (tests/parser_agreement/documents/) with one systematic change (a
// required field removed, a value of the wrong type, an unknown field, an AsyncAPI 2.x
// field, a bad reference, ...), as JSON, into tests/parser_agreement/mutants/.
//
//   node mutate.js     (then: node verdicts.js)

'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('@stoplight/yaml');

const CORPUS = path.resolve(__dirname, '..', '..', 'asyncapi-codegen', 'tests', 'parser_agreement');
const OUT = path.join(CORPUS, 'mutants');

function tokens(pointer) {
  return pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(doc, pointer) {
  const path = tokens(pointer);
  let node = doc;
  for (const token of path.slice(0, -1)) {
    if (node[token] === undefined) node[token] = {};
    node = node[token];
  }
  return [node, path[path.length - 1]];
}

// The changes: [pointer, value] sets (creating parents), [pointer] removes.
const set = (pointer, value) => (doc) => {
  const [parent, key] = parentOf(doc, pointer);
  parent[key] = value;
};
const remove = (pointer) => (doc) => {
  const [parent, key] = parentOf(doc, pointer);
  if (Array.isArray(parent)) parent.splice(Number(key), 1);
  else delete parent[key];
};
const all = (...changes) => (doc) => changes.forEach((change) => change(doc));

const ref = (target) => ({ $ref: target });

// name -> change, applied to kitchen_sink.yaml
const KITCHEN_SINK = {
  // Required fields removed.
  no_asyncapi: remove('/asyncapi'),
  no_info: remove('/info'),
  no_info_title: remove('/info/title'),
  no_info_version: remove('/info/version'),
  no_license_name: remove('/info/license/name'),
  no_tag_name: remove('/info/tags/0/name'),
  no_external_docs_url: remove('/info/externalDocs/url'),
  no_server_host: remove('/servers/production/host'),
  no_server_protocol: remove('/servers/production/protocol'),
  no_operation_action: remove('/operations/placeOrder/action'),
  no_operation_channel: remove('/operations/placeOrder/channel'),
  no_security_scheme_type: remove('/components/securitySchemes/saslScram/type'),
  no_oauth_flows: remove('/components/securitySchemes/oauth/flows'),
  no_token_url: remove('/components/securitySchemes/oauth/flows/clientCredentials/tokenUrl'),
  no_available_scopes: remove('/components/securitySchemes/oauth/flows/clientCredentials/availableScopes'),
  no_correlation_id_location: remove('/components/correlationIds/orderId/location'),
  no_reply_address_location: remove('/components/replyAddresses/fromHeader/location'),
  no_api_key_in: remove('/operations/placeOrder/security/0/in'),
  no_schema_in_multi_format: remove('/components/schemas/AvroOrder/schema'),
  // Optional parts removed: still valid.
  no_servers: all(remove('/servers'), remove('/channels/orders/servers')),
  no_channels: all(remove('/channels'), remove('/operations'), remove('/components/replies')),
  no_operations: remove('/operations'),
  no_components: remove('/components'),
  no_messages_in_channel: all(remove('/channels/orders/messages'), remove('/operations/placeOrder/messages'), remove('/operations/watchOrders/messages')),
  no_channel_address: all(remove('/channels/orders/address'), remove('/channels/orders/parameters')),
  empty_channels: all(set('/channels', {}), remove('/operations'), remove('/components/replies')),
  empty_info_description: set('/info/description', ''),
  // Values of the wrong type.
  asyncapi_number: set('/asyncapi', 3),
  asyncapi_3_0_1: set('/asyncapi', '3.0.1'),
  asyncapi_3_1_0: set('/asyncapi', '3.1.0'),
  asyncapi_3_2_0: set('/asyncapi', '3.2.0'),
  info_string: set('/info', 'Kitchen sink'),
  title_number: set('/info/title', 42),
  version_number: set('/info/version', 1.2),
  description_list: set('/info/description', ['a', 'b']),
  contact_email_number: set('/info/contact/email', 5),
  tags_not_list: set('/info/tags', { name: 'orders' }),
  tag_name_number: set('/info/tags/0/name', 1),
  default_content_type_number: set('/defaultContentType', 1),
  id_number: set('/id', 7),
  servers_list: set('/servers', [{ host: 'x', protocol: 'kafka' }]),
  server_string: set('/servers/production', 'broker.example.com'),
  server_host_number: set('/servers/production/host', 9092),
  server_variables_list: set('/servers/production/variables', ['port']),
  server_variable_enum_numbers: set('/components/serverVariables/port/enum', [9092, 9093]),
  server_variable_default_number: set('/components/serverVariables/port/default', 9092),
  channels_list: set('/channels', []),
  channel_string: set('/channels/replies', 'replies'),
  channel_address_number: set('/channels/orders/address', 7),
  channel_messages_list: set('/channels/orders/messages', [ref('#/components/messages/OrderPlaced')]),
  channel_title_number: set('/channels/orders/title', 1),
  channel_servers_not_list: set('/channels/orders/servers', ref('#/servers/production')),
  parameters_list: set('/channels/orders/parameters', ['region']),
  parameter_enum_numbers: set('/components/parameters/region/enum', [1, 2]),
  parameter_enum_not_list: set('/components/parameters/region/enum', 'eu'),
  parameter_default_number: set('/components/parameters/region/default', 1),
  parameter_location_bad: set('/components/parameters/region/location', 'payload.region'),
  parameter_string: set('/components/parameters/region', 'eu'),
  message_string: set('/channels/orders/messages/orderCancelled', 'OrderCancelled'),
  message_name_number: set('/components/messages/OrderPlaced/name', 1),
  message_content_type_number: set('/components/messages/OrderPlaced/contentType', 1),
  message_deprecated_string: set('/components/messages/OrderPlaced/deprecated', 'yes'),
  message_examples_not_list: set('/components/messages/OrderPlaced/examples', { payload: {} }),
  message_example_string: set('/components/messages/OrderPlaced/examples/0', 'example'),
  message_example_unknown_field: set('/components/messages/OrderPlaced/examples/0/value', 1),
  message_traits_not_list: set('/components/messages/OrderPlaced/traits', ref('#/components/messageTraits/common')),
  message_headers_string: set('/components/messages/OrderPlaced/headers', 'object'),
  message_payload_string: set('/components/messages/Ack/payload', 'object'),
  message_payload_true: set('/components/messages/Ack/payload', true),
  operation_action_publish: set('/operations/placeOrder/action', 'publish'),
  operation_action_number: set('/operations/placeOrder/action', 1),
  operation_string: set('/operations/watchOrders', 'watch'),
  operation_messages_not_list: set('/operations/watchOrders/messages', ref('#/channels/orders/messages/orderPlaced')),
  operation_title_number: set('/operations/placeOrder/title', 1),
  operation_traits_not_list: set('/operations/placeOrder/traits', ref('#/components/operationTraits/kafka')),
  reply_string: set('/operations/placeOrder/reply', 'ack'),
  security_not_list: set('/operations/placeOrder/security', { type: 'httpApiKey', name: 'k', in: 'header' }),
  security_scheme_type_unknown: set('/components/securitySchemes/saslScram/type', 'magic'),
  api_key_in_body: set('/operations/placeOrder/security/0/in', 'body'),
  components_list: set('/components', []),
  components_messages_list: set('/components/messages', []),
  correlation_id_location_number: set('/components/correlationIds/orderId/location', 1),
  correlation_id_location_bad: set('/components/correlationIds/orderId/location', 'payload.id'),
  external_docs_url_number: set('/info/externalDocs/url', 1),
  // Schemas.
  schema_type_unknown: set('/components/schemas/Item/properties/quantity/type', 'int'),
  schema_minimum_string: set('/components/schemas/Order/properties/total/minimum', '0'),
  schema_required_string: set('/components/schemas/Order/required', 'id'),
  schema_properties_list: set('/components/schemas/Item/properties', []),
  schema_items_number: set('/components/schemas/Order/properties/items/items', 1),
  schema_string: set('/components/schemas/Item', 'object'),
  schema_true: set('/components/schemas/Item', true),
  schema_unknown_keyword: set('/components/schemas/Item/nullable', true),
  schema_example_keyword: set('/components/schemas/Item/example', { sku: 'ABC-1' }),
  schema_discriminator_object: set('/components/schemas/Order/discriminator', { propertyName: 'id' }),
  schema_deprecated_string: set('/components/schemas/Order/deprecated', 'no'),
  schema_external_docs_no_url: set('/components/schemas/Order/externalDocs', { description: 'x' }),
  schema_x_extension: set('/components/schemas/Order/x-internal', { any: [1, 2] }),
  schema_all_of_empty: set('/components/schemas/Order/allOf', []),
  schema_enum_empty: set('/components/schemas/Item/properties/sku/enum', []),
  schema_const_object: set('/components/schemas/Item/properties/sku/const', { a: 1 }),
  schema_format_unknown: set('/components/schemas/Item/properties/sku/format', 'sku-code'),
  schema_multiple_of_negative: set('/components/schemas/Item/properties/quantity/multipleOf', -1),
  schema_additional_properties_string: set('/components/schemas/Item/additionalProperties', 'no'),
  multi_format_unknown_format: set('/components/schemas/AvroOrder/schemaFormat', 'application/x-protobuf'),
  multi_format_format_number: set('/components/schemas/AvroOrder/schemaFormat', 1),
  multi_format_json_schema: set('/components/schemas/AvroOrder', { schemaFormat: 'application/schema+json;version=draft-07', schema: { type: 'string' } }),
  multi_format_json_schema_invalid: set('/components/schemas/AvroOrder', { schemaFormat: 'application/schema+json;version=draft-07', schema: { type: 'strin' } }),
  multi_format_asyncapi_payload: set('/components/messages/Ack/payload', { schemaFormat: 'application/vnd.aai.asyncapi+json;version=3.0.0', schema: { type: 'object' } }),
  multi_format_avro_invalid: set('/components/schemas/AvroOrder/schema', { type: 'record', fields: 'id' }),
  multi_format_avro_unknown_type: set('/components/schemas/AvroOrder/schema/fields/0/type', 'text'),
  multi_format_openapi: set('/components/schemas/AvroOrder', { schemaFormat: 'application/vnd.oai.openapi;version=3.0.0', schema: { type: 'string', nullable: true } }),
  multi_format_openapi_invalid: set('/components/schemas/AvroOrder', { schemaFormat: 'application/vnd.oai.openapi;version=3.0.0', schema: { type: 'string', nullable: 'yes' } }),
  multi_format_unknown_field: set('/components/schemas/AvroOrder/schemaVersion', 2),
  // Unknown fields (AsyncAPI 3 objects take only their fields and x- extensions).
  unknown_root_field: set('/paths', {}),
  unknown_info_field: set('/info/owner', 'team'),
  unknown_server_field: set('/servers/production/region', 'eu'),
  unknown_channel_field: set('/channels/orders/description2', 'x'),
  unknown_message_field: set('/components/messages/OrderPlaced/key', 'id'),
  unknown_operation_field: set('/operations/placeOrder/deprecated', true),
  unknown_parameter_field: set('/components/parameters/region/examples2', ['eu']),
  unknown_components_field: set('/components/things', {}),
  unknown_tag_field: set('/info/tags/0/color', 'red'),
  unknown_reply_field: set('/components/replies/ack/timeout', 5),
  unknown_correlation_id_field: set('/components/correlationIds/orderId/name', 'x'),
  unknown_server_variable_field: set('/components/serverVariables/port/type', 'string'),
  unknown_binding_protocol: set('/servers/production/bindings/carrierPigeon', {}),
  kafka_binding_unknown_field: set('/channels/orders/bindings/kafka/shards', 3),
  kafka_binding_wrong_type: set('/channels/orders/bindings/kafka/partitions', 'three'),
  kafka_binding_version_unknown: set('/channels/orders/bindings/kafka/bindingVersion', '9.9.9'),
  extension_everywhere: all(set('/x-root', 1), set('/channels/orders/x-owner', 'me'), set('/components/messages/OrderPlaced/x-id', 1), set('/operations/placeOrder/x-y', null), set('/servers/production/x-z', [])),
  extension_bad_name: set('/info/x-', 1),
  extension_uppercase: set('/info/X-Owner', 1),
  // AsyncAPI 2.x fields and shapes.
  v2_message_schema_format: set('/components/messages/OrderPlaced/schemaFormat', 'application/vnd.aai.asyncapi+json;version=2.6.0'),
  v2_message_id: set('/components/messages/OrderPlaced/messageId', 'orderPlaced'),
  v2_channel_publish: set('/channels/orders/publish', { message: ref('#/components/messages/OrderPlaced') }),
  v2_channel_subscribe: set('/channels/replies/subscribe', { operationId: 'onReply', message: ref('#/components/messages/Ack') }),
  v2_server_url: all(remove('/servers/production/host'), set('/servers/production/url', 'kafka://broker.example.com:{port}')),
  v2_parameter_schema: set('/components/parameters/region/schema', { type: 'string' }),
  v2_operation_id: set('/operations/placeOrder/operationId', 'placeOrder'),
  v2_operation_message: set('/operations/placeOrder/message', ref('#/components/messages/OrderPlaced')),
  v2_root_tags: set('/tags', [{ name: 'orders' }]),
  v2_channel_servers_names: set('/channels/orders/servers', ['production']),
  v2_channel_description_only: set('/channels/replies', { description: 'replies' }),
  v2_message_one_of: set('/channels/orders/messages/orderCancelled', { oneOf: [ref('#/components/messages/OrderPlaced')] }),
  v2_security_requirement_map: set('/operations/placeOrder/security', [{ saslScram: [] }]),
  v2_server_variables_in_url: set('/servers/production/host', 'broker.example.com:{port}/{path}'),
  // References.
  ref_dangling_message: set('/channels/orders/messages/orderPlaced', ref('#/components/messages/Nope')),
  ref_dangling_schema: set('/components/messages/OrderPlaced/payload', ref('#/components/schemas/Nope')),
  ref_message_to_schema: set('/channels/orders/messages/orderPlaced', ref('#/components/schemas/Order')),
  ref_channel_to_message: set('/operations/placeOrder/channel', ref('#/components/messages/OrderPlaced')),
  ref_channel_to_components: all(set('/components/channels', { orders: { address: 'orders2', messages: { m: ref('#/components/messages/Ack') } } }), set('/operations/placeOrder/channel', ref('#/components/channels/orders')), remove('/operations/placeOrder/messages')),
  ref_components_operation_to_components_channel: set('/components/operations', { later: { action: 'send', channel: ref('#/components/channels/later'), messages: [ref('#/components/channels/later/messages/m')] } }),
  ref_operation_message_via_components: set('/operations/placeOrder/messages', [ref('#/components/messages/OrderPlaced')]),
  ref_operation_message_other_channel: set('/operations/placeOrder/messages', [ref('#/channels/replies/messages/ack')]),
  ref_operation_inline_message: set('/operations/placeOrder/messages', [{ name: 'Inline', payload: { type: 'string' } }]),
  ref_operation_inline_channel: all(set('/operations/placeOrder/channel', { address: 'inline', messages: {} }), remove('/operations/placeOrder/messages')),
  ref_reply_message_other_channel: set('/components/replies/ack/messages', [ref('#/channels/orders/messages/orderPlaced')]),
  ref_reply_inline: set('/operations/placeOrder/reply', { channel: ref('#/channels/replies'), messages: [ref('#/channels/replies/messages/ack')] }),
  ref_reply_address: set('/components/replies/ack/address', ref('#/components/replyAddresses/fromHeader')),
  ref_info: all(set('/components/x-info', { title: 'T', version: '1' }), set('/info', ref('#/components/x-info'))),
  ref_server_to_components: all(set('/components/servers', { other: { host: 'h', protocol: 'kafka' } }), set('/channels/orders/servers', [ref('#/components/servers/other')])),
  ref_server_variable_dangling: set('/servers/production/variables/port', ref('#/components/serverVariables/nope')),
  ref_tag_to_components: set('/info/tags/1', ref('#/components/tags/internal')),
  ref_external_docs_to_components: set('/info/externalDocs', ref('#/components/externalDocs/guide')),
  ref_security_to_components: set('/operations/placeOrder/security', [ref('#/components/securitySchemes/oauth')]),
  ref_correlation_id_dangling: set('/components/messages/OrderPlaced/correlationId', ref('#/components/correlationIds/nope')),
  ref_trait_to_message: set('/components/messages/OrderPlaced/traits', [ref('#/components/messages/Ack')]),
  ref_without_hash: set('/channels/orders/messages/orderPlaced', ref('components/messages/OrderPlaced')),
  ref_not_string: set('/channels/orders/messages/orderPlaced', ref(5)),
  ref_schema_recursive: set('/components/schemas/Item/properties/parent', ref('#/components/schemas/Item')),
  ref_with_siblings: set('/channels/orders/messages/orderPlaced', { $ref: '#/components/messages/OrderPlaced', description: 'placed' }),
  ref_parameter_to_components: set('/channels/orders/parameters/region', ref('#/components/parameters/region')),
  // Channel addresses and parameters.
  address_undeclared_parameter: set('/channels/orders/address', 'orders.{region}.{tenant}'),
  address_parameter_not_used: set('/channels/orders/address', 'orders'),
  address_no_parameters_object: all(remove('/channels/orders/parameters'), set('/channels/orders/address', 'orders.{region}')),
  address_unclosed: all(remove('/channels/orders/parameters'), set('/channels/orders/address', 'orders.{region')),
  address_null_with_parameters: set('/channels/orders/address', null),
  address_empty_parameters: set('/channels/orders/parameters', {}),
  address_query: set('/channels/replies/address', 'replies?x=1'),
  channel_key_with_question_mark: all(set('/channels/orders~1{id}?x', { address: 'q' })),
  channel_key_with_slash: set('/channels/orders~1all', { address: 'orders/all' }),
  // Operations and messages across channels.
  duplicate_message_names: set('/channels/orders/messages/orderCancelled/name', 'OrderPlaced'),
  channel_with_message_of_other_channel: set('/channels/replies/messages/placed', ref('#/channels/orders/messages/orderPlaced')),
  operation_same_channel_twice: set('/operations/again', { action: 'send', channel: ref('#/channels/orders') }),
  components_operation_without_channel: set('/components/operations', { later: { action: 'send' } }),
};

function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const base = YAML.parse(fs.readFileSync(path.join(CORPUS, 'documents', 'kitchen_sink.yaml'), 'utf8'));
  let count = 0;
  for (const [name, change] of Object.entries(KITCHEN_SINK)) {
    const doc = JSON.parse(JSON.stringify(base));
    change(doc);
    fs.writeFileSync(path.join(OUT, `kitchen_sink__${name}.json`), JSON.stringify(doc, null, 2) + '\n');
    count += 1;
  }
  console.log(`${count} mutants written to ${path.relative(process.cwd(), OUT)}`);
}

main();
