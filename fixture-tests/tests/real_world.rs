//! What the generated code of the real-world fixtures offers beyond parsing their
//! examples: replies, correlation ids, opaque payloads and documents without messages.

use asyncapi_runtime::{
    MessageGroup, MessagePart, MessageSet, OperationSet, RequestReply, RuntimeExpression, Value,
};
use fixture_tests::{
    correlation_ids, info_only, no_channels, no_messages, request_reply, xml_payloads,
};

fn json(text: &str) -> Value {
    text.parse().expect("the test's JSON parses")
}

#[test]
fn replies_name_their_channel_messages_and_address() {
    use request_reply::operations::{
        OperationId, PingDynamic, PingRequest, PingRequestReply, PongResponder,
    };
    use request_reply::MessageName;
    assert_eq!(PingRequest::REPLY.channel, Some("pong"));
    assert_eq!(PingRequest::REPLY.address(), None);
    assert_eq!(
        OperationId::PingRequest.reply_messages(),
        [MessageName::Pong, MessageName::Failure]
    );
    // A reply given by $ref to components/replies, its address from
    // components/replyAddresses.
    let address = PingDynamic::REPLY.address().expect("an address");
    assert_eq!(address.part, MessagePart::Header);
    let headers = json(r#"{"replyTo": "inbox.42", "correlationId": "x"}"#);
    assert_eq!(
        address.locate(Some(&headers), &json("{}")),
        Some(&Value::from("inbox.42"))
    );
    // An address and nothing else: no reply messages are known.
    assert_eq!(PongResponder::REPLY.channel, None);
    assert!(OperationId::PongResponder.reply_messages().is_empty());
    assert_eq!(OperationId::AnswerQuotes.reply(), None);
    // The reply group carries the reply's messages and only those.
    assert!(matches!(
        PingRequestReply::parse("Failure", br#"{"code": 503}"#),
        Ok(PingRequestReply::Failure(_))
    ));
    assert!(PingRequestReply::parse("Failure", br#"{"code": 200}"#).is_err());
    assert!(PingRequestReply::parse("Ping", b"{}").is_err());
}

#[test]
fn correlation_ids_are_found_where_the_message_says() {
    use correlation_ids::MessageName;
    let headers = json(
        r#"{"ce_id": "evt-1", "ce_source": "/orders", "ce_specversion": "1.0", "ce_type": "t"}"#,
    );
    let payload = json(r#"{"order": {"id": "o-1"}}"#);
    // From the CloudEvents trait: a header.
    assert_eq!(
        MessageName::OrderCreated.correlation_id(),
        RuntimeExpression::parse("$message.header#/ce_id")
    );
    assert_eq!(
        MessageName::OrderCreated.correlation_id_in(Some(&headers), &payload),
        Some(&Value::from("evt-1"))
    );
    // The message's own correlation id wins over the trait's.
    assert_eq!(
        MessageName::OrderShipped.correlation_id_in(Some(&headers), &payload),
        Some(&Value::from("o-1"))
    );
    let audited = json(r#"{"audit": {"runs": [{"id": "run-9"}, {"id": "run-8"}]}}"#);
    assert_eq!(
        MessageName::OrdersAudited.correlation_id_in(None, &audited),
        Some(&Value::from("run-9"))
    );
    // Not there: no value rather than an error.
    assert_eq!(
        MessageName::OrderCreated.correlation_id_in(None, &payload),
        None
    );
}

#[test]
fn opaque_payloads_take_any_json_and_keep_typed_headers() {
    use xml_payloads::MessageName;
    for payload in [
        &b"\"<order id=\\\"1\\\"/>\""[..],
        b"{\"any\": [1, 2]}",
        b"null",
    ] {
        let parsed = MessageName::PurchaseOrder.parse(payload);
        assert!(parsed.is_ok(), "{:?}", parsed);
    }
    assert!(MessageName::PurchaseOrder.parse(b"{").is_err());
    assert!(MessageName::PurchaseOrder
        .parse_headers(br#"{"x-order-version": "nope"}"#)
        .is_err());
}

#[test]
fn documents_without_messages_compile_to_empty_sets() {
    assert!(no_messages::MessageName::ALL.is_empty());
    assert!(info_only::MessageName::ALL.is_empty());
    assert_eq!(info_only::MessageName::from_name("anything"), None);
    assert!(!no_channels::MessageName::ALL.is_empty());
}
