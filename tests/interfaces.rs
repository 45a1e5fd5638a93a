//! Channels, operations and servers of the bundled document as types.

use kinesis_types::channels::{
    EnhancedFanOutSubscriptionAddress, KinesisStreamShardAddress, KinesisStreamShardMessage,
    LambdaEventSourceAddress, LambdaEventSourceMessage,
};
use kinesis_types::operations::{OperationId, PublishRecord, PublishRecordMessage};
use kinesis_types::servers::{Production, Region};
use kinesis_types::{
    Action, AddressReason, LambdaKinesisEvent, Message, MessageError, MessageGroup, MessageName,
    Operation, OperationSet, Validate,
};

fn shard(stream: &str, shard: &str) -> KinesisStreamShardAddress {
    KinesisStreamShardAddress {
        stream_name: stream.into(),
        shard_id: shard.into(),
    }
}

#[test]
fn channel_addresses_display_and_parse_back() {
    let address = shard("my-stream", "shardId-000000000001");
    assert_eq!(
        address.to_string(),
        "kinesis/my-stream/shardId-000000000001"
    );
    assert_eq!(
        "kinesis/my-stream/shardId-000000000001".parse::<KinesisStreamShardAddress>(),
        Ok(address)
    );
    let fan_out = EnhancedFanOutSubscriptionAddress {
        stream_name: "orders".into(),
        shard_id: "shardId-000000000007".into(),
        consumer_name: "billing".into(),
    };
    let text = "kinesis/orders/shardId-000000000007/consumer/billing";
    assert_eq!(fan_out.to_string(), text);
    assert_eq!(EnhancedFanOutSubscriptionAddress::parse(text), Ok(fan_out));
    let lambda = LambdaEventSourceAddress {
        stream_name: "orders".into(),
    };
    assert_eq!(lambda.to_string(), "kinesis/orders/lambda-event-source");
    assert_eq!(
        LambdaEventSourceAddress::parse("kinesis/orders/lambda-event-source"),
        Ok(lambda)
    );
}

#[test]
fn bad_addresses_say_what_failed() {
    let error = KinesisStreamShardAddress::parse("kinesis/my-stream").unwrap_err();
    assert_eq!(error.channel, "kinesisStreamShard");
    assert_eq!(error.template, "kinesis/{streamName}/{shardId}");
    assert_eq!(error.given, "kinesis/my-stream");
    assert_eq!(error.reason, AddressReason::Mismatch);
    assert_eq!(
        error.to_string(),
        "\"kinesis/my-stream\" is not an address of channel kinesisStreamShard \
         (kinesis/{streamName}/{shardId}): it does not match the template"
    );
    let error = KinesisStreamShardAddress::parse("kinesis//shardId-1").unwrap_err();
    assert_eq!(error.reason, AddressReason::EmptyParameter("streamName"));
    assert_eq!(
        error.to_string(),
        "\"kinesis//shardId-1\" is not an address of channel kinesisStreamShard \
         (kinesis/{streamName}/{shardId}): parameter {streamName} is empty"
    );
    let error = KinesisStreamShardAddress::parse("kinesis/a/b/c").unwrap_err();
    assert_eq!(
        error.reason,
        AddressReason::SlashInParameter {
            parameter: "shardId",
            value: "b/c".into()
        }
    );
    assert!(error
        .to_string()
        .ends_with("parameter {shardId} would be \"b/c\", which contains '/'"));
    assert_eq!(
        LambdaEventSourceAddress::parse("kinesis/orders/lambda")
            .unwrap_err()
            .reason,
        AddressReason::Mismatch
    );
    assert_eq!(
        KinesisStreamShardAddress::parse("s3/a/b")
            .unwrap_err()
            .reason,
        AddressReason::Mismatch
    );
}

#[test]
fn channel_constants_come_from_the_document() {
    assert_eq!(KinesisStreamShardAddress::KEY, "kinesisStreamShard");
    assert_eq!(
        KinesisStreamShardAddress::TITLE,
        Some("Kinesis Stream Shard")
    );
    assert!(KinesisStreamShardAddress::DESCRIPTION
        .unwrap()
        .starts_with("A shard within a Kinesis data stream."));
    assert_eq!(
        KinesisStreamShardAddress::ADDRESS_TEMPLATE,
        Some("kinesis/{streamName}/{shardId}")
    );
    assert_eq!(
        KinesisStreamShardAddress::MESSAGES,
        [
            MessageName::KinesisRecord,
            MessageName::SubscribeToShardEvent
        ]
    );
    assert_eq!(
        EnhancedFanOutSubscriptionAddress::MESSAGES,
        [MessageName::SubscribeToShardEvent]
    );
}

const RECORD: &str = r#"{"SequenceNumber":"1","Data":"SGVsbG8=","PartitionKey":"k"}"#;

#[test]
fn channel_messages_parse_by_name_and_serialise_without_envelope() {
    let message = KinesisStreamShardMessage::parse("KinesisRecord", RECORD.as_bytes()).unwrap();
    assert_eq!(message.name(), MessageName::KinesisRecord);
    assert!(message.validate().is_ok());
    let written = serde_json::to_value(&message).unwrap();
    assert_eq!(
        written,
        serde_json::from_str::<serde_json::Value>(RECORD).unwrap()
    );
    let value: serde_json::Value = serde_json::from_str(RECORD).unwrap();
    assert_eq!(
        KinesisStreamShardMessage::parse_value("KinesisRecord", &value).unwrap(),
        message
    );
    // Into the document-wide enum and back.
    let any: Message = message.clone().into();
    assert_eq!(KinesisStreamShardMessage::try_from(any), Ok(message));

    let error = LambdaEventSourceMessage::parse("KinesisRecord", RECORD.as_bytes()).unwrap_err();
    assert_eq!(
        error,
        MessageError::NotCarried {
            given: "KinesisRecord".into(),
            carrier: "lambdaEventSource",
            carried: vec!["LambdaKinesisEvent"],
        }
    );
    assert_eq!(
        error.to_string(),
        "lambdaEventSource does not carry message \"KinesisRecord\"; it carries: LambdaKinesisEvent"
    );
    let error = KinesisStreamShardMessage::parse("KinesisRecord", b"{}").unwrap_err();
    assert!(matches!(error, MessageError::Payload(_)), "{error:?}");
}

#[test]
fn operations_are_typed() {
    assert_eq!(PublishRecord::ID, "publishRecord");
    assert_eq!(PublishRecord::ACTION, Action::Send);
    assert_eq!(PublishRecord::CHANNEL, "kinesisStreamShard");
    assert_eq!(PublishRecord::TITLE, Some("Publish Record to Stream"));
    assert!(PublishRecord::SUMMARY
        .unwrap()
        .starts_with("A producer writes"));
    assert!(PublishRecord::DESCRIPTION
        .unwrap()
        .starts_with("Producers publish"));
    assert_eq!(PublishRecord::TAGS, ["streaming"]);
    let address: <PublishRecord as Operation>::Address = "kinesis/s/shardId-1".parse().unwrap();
    assert_eq!(address, shard("s", "shardId-1"));
    // Only the messages the operation names.
    assert_eq!(PublishRecordMessage::MESSAGES, [MessageName::KinesisRecord]);
    assert!(PublishRecordMessage::parse("SubscribeToShardEvent", b"{}").is_err());
    let message: <PublishRecord as Operation>::Message =
        PublishRecordMessage::parse("KinesisRecord", RECORD.as_bytes()).unwrap();
    assert_eq!(message.name(), MessageName::KinesisRecord);
}

#[test]
fn operations_can_be_looked_up() {
    let ids: Vec<&str> = OperationId::ALL.iter().map(|o| o.id()).collect();
    assert_eq!(
        ids,
        [
            "publishRecord",
            "consumeRecordsByPolling",
            "consumeRecordsByEnhancedFanOut",
            "consumeRecordsByLambda"
        ]
    );
    let lambda = OperationId::from_id("consumeRecordsByLambda").unwrap();
    assert_eq!(lambda.action(), Action::Receive);
    assert_eq!(lambda.channel(), "lambdaEventSource");
    assert_eq!(lambda.tags(), ["event-source"]);
    assert_eq!(lambda.messages(), [MessageName::LambdaKinesisEvent]);
    assert_eq!(
        OperationId::carrying_payload::<LambdaKinesisEvent>(),
        [OperationId::ConsumeRecordsByLambda]
    );
    assert_eq!(
        OperationId::carrying(MessageName::KinesisRecord),
        [
            OperationId::PublishRecord,
            OperationId::ConsumeRecordsByPolling
        ]
    );
    assert_eq!(
        OperationId::carrying(MessageName::SubscribeToShardEvent),
        [OperationId::ConsumeRecordsByEnhancedFanOut]
    );
    assert_eq!("receive".parse::<Action>(), Ok(Action::Receive));
}

#[test]
fn servers_render_urls() {
    assert_eq!(Region::ALL.len(), 16);
    assert_eq!(Region::default(), Region::UsEast1);
    assert_eq!(Region::EuWest1.to_string(), "eu-west-1");
    assert_eq!("ap-southeast-2".parse::<Region>(), Ok(Region::ApSoutheast2));
    for region in Region::ALL {
        assert_eq!(region.as_str().parse::<Region>(), Ok(*region));
    }
    let error = "EU-WEST-1".parse::<Region>().unwrap_err();
    assert_eq!(error.given, "EU-WEST-1");
    assert_eq!(error.known.len(), 16);
    let server = Production {
        region: Region::EuWest1,
    };
    assert_eq!(server.url(), "https://kinesis.eu-west-1.amazonaws.com");
    assert_eq!(
        server.to_string(),
        "https://kinesis.eu-west-1.amazonaws.com"
    );
    assert_eq!(server.host(), "kinesis.eu-west-1.amazonaws.com");
    assert_eq!(
        Production::default().url(),
        "https://kinesis.us-east-1.amazonaws.com"
    );
    assert_eq!(Production::HOST, "kinesis.{region}.amazonaws.com");
    assert_eq!(Production::PROTOCOL, "https");
    assert_eq!(Production::SECURITY, ["awsSigV4"]);
    assert!(Production::DESCRIPTION.is_some());
}
