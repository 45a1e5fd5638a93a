//! Channel parameters with `enum`/`default`, `components/parameters` and
//! `components/channels` refs, servers with a pathname, addresses left open.

use asyncapi_runtime::AddressReason;
use asyncapi_runtime::{MessageGroup, OperationSet};
use fixture_tests::{chat, iot_telemetry, order_pipeline};

#[test]
fn enum_parameters_with_defaults() {
    use iot_telemetry::channels::{TelemetryAddress, TelemetryKind};
    let address = TelemetryAddress {
        device_id: "dev-0001".into(),
        kind: TelemetryKind::Battery,
    };
    assert_eq!(address.to_string(), "devices/dev-0001/telemetry/battery");
    assert_eq!(
        TelemetryAddress::parse("devices/dev-0001/telemetry/battery"),
        Ok(address)
    );
    assert_eq!(TelemetryKind::default(), TelemetryKind::Temperature);
    let error = TelemetryAddress::parse("devices/d/telemetry/pressure").unwrap_err();
    assert!(
        matches!(
            &error.reason,
            AddressReason::UnknownValue {
                parameter: "kind",
                ..
            }
        ),
        "{error:?}"
    );
    // A channel given by `$ref` to components/channels.
    let commands = iot_telemetry::channels::CommandsAddress::parse("devices/d-1/commands").unwrap();
    assert_eq!(commands.device_id, "d-1");

    use order_pipeline::channels::{OrdersAddress, OrdersStage};
    assert_eq!(
        OrdersAddress::parse("orders.shipped"),
        Ok(OrdersAddress {
            stage: OrdersStage::Shipped
        })
    );
}

#[test]
fn servers_with_pathnames_and_enum_variables() {
    use iot_telemetry::servers::{Broker, Port};
    let broker = Broker {
        tenant: "acme".into(),
        port: Port::default(),
    };
    assert_eq!(broker.url(), "mqtts://acme.mqtt.example.com:8883/v1");
    assert_eq!("443".parse::<Port>(), Ok(Port::V443));
}

#[test]
fn open_addresses_and_operation_messages() {
    let open = chat::channels::PresenceAddress::parse("anything/at/all").unwrap();
    assert_eq!(open.to_string(), "anything/at/all");
    assert_eq!(chat::channels::PresenceAddress::ADDRESS_TEMPLATE, None);
    use order_pipeline::operations::{OperationId, TrackShipmentsMessage};
    use order_pipeline::MessageName;
    assert_eq!(
        OperationId::carrying(MessageName::OrderShipped),
        [OperationId::TrackShipments]
    );
    assert!(TrackShipmentsMessage::parse("OrderPlaced", b"{}").is_err());
}

#[test]
fn operation_messages_through_a_channel_given_by_ref() {
    use fixture_tests::shared_refs::operations::{
        CancelOrderMessage, OperationId, PlaceOrderMessage,
    };
    use fixture_tests::shared_refs::{channels::OrdersMessage, MessageName};
    // `#/channels/orders/messages/placed`, where `channels/orders` is a `$ref`.
    assert_eq!(PlaceOrderMessage::MESSAGES, [MessageName::OrderPlaced]);
    assert_eq!(
        OperationId::carrying(MessageName::OrderPlaced),
        [OperationId::PlaceOrder]
    );
    // An inline message of `components/channels/Orders`.
    assert_eq!(CancelOrderMessage::MESSAGES, [MessageName::OrdersCancelled]);
    assert_eq!(
        OrdersMessage::MESSAGES,
        [MessageName::OrderPlaced, MessageName::OrdersCancelled]
    );
    let cancelled = CancelOrderMessage::parse(
        "OrdersCancelled",
        br#"{"orderId": "o-1", "reason": "late"}"#,
    )
    .unwrap();
    assert_eq!(cancelled.name(), MessageName::OrdersCancelled);
    assert!(CancelOrderMessage::parse("OrderPlaced", br#"{"orderId": "o-1"}"#).is_err());
    let error = CancelOrderMessage::parse(
        "OrdersCancelled",
        br#"{"orderId": "o-1", "reason": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("/reason"), "{error}");
}

#[test]
fn a_property_named_ref_is_a_property() {
    use fixture_tests::names::UserEvent;
    let event: UserEvent =
        asyncapi_runtime::from_str(r##"{"type": "login", "$ref": "#/not/a/reference"}"##).unwrap();
    assert_eq!(event.r#ref.as_deref(), Some("#/not/a/reference"));
    let error =
        asyncapi_runtime::from_str::<UserEvent>(r#"{"type": "login", "$ref": "x"}"#).unwrap_err();
    assert!(error.to_string().contains("/$ref"), "{error}");
}
