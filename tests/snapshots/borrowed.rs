/// Zero-copy twins of the types of this module that hold text, parsed with
/// `::asyncapi_runtime::from_slice_borrowed`: the same fields, serde attributes and
/// constraints, with `Cow<'a, str>` borrowed from the input where the JSON string
/// needs no unescaping. `into_owned()` gives the owned type.
#[allow(deprecated)]
pub mod borrowed {
    #[allow(unused_imports)]
    use super::*;

    /// Borrowed form of [`super::KinesisRecord`].
    ///
    /// The unit of data stored in a Kinesis data stream. A record includes a sequence number, approximate arrival timestamp, data blob, partition key, and optionally the encryption type.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[serde(crate = "::asyncapi_runtime::__private::serde")]
    pub struct KinesisRecord<'a> {
        /// The unique identifier of the record within its shard. Sequence numbers increase over time, and each record has a unique sequence number within its shard.
        ///
        /// Constraints: contains a match of `0|([1-9]\d{0,128})` (ECMA-262, unanchored).
        #[serde(rename = "SequenceNumber", borrow)]
        #[validate(pattern = "0|([1-9]\\d{0,128})")]
        pub sequence_number: ::std::borrow::Cow<'a, str>,
        /// The approximate time that the record was inserted into the stream, as a Unix epoch timestamp in seconds with millisecond precision.
        ///
        /// Constraints: format `double` (annotation, not enforced).
        #[serde(
            rename = "ApproximateArrivalTimestamp",
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "::asyncapi_runtime::__private::non_null"
        )]
        #[validate(format = "double")]
        pub approximate_arrival_timestamp: Option<f64>,
        /// The data blob. The data is opaque to Kinesis Data Streams, which does not inspect, interpret, or change the data. Base64-encoded when serialized to JSON. Maximum size is 1 MiB.
        ///
        /// Constraints: at most 1048576 characters (code points); format `byte`: standard padded base64, enforced.
        #[serde(rename = "Data", borrow)]
        #[validate(max_length = 1048576, format = "byte")]
        pub data: ::asyncapi_runtime::Base64Ref<'a>,
        /// Identifies which shard in the stream the data record is assigned to. Partition key is a Unicode string with a maximum length limit of 256 characters.
        ///
        /// Constraints: 1 to 256 characters (code points).
        #[serde(rename = "PartitionKey", borrow)]
        #[validate(min_length = 1, max_length = 256)]
        pub partition_key: ::std::borrow::Cow<'a, str>,
        /// The encryption type used on the record. If the stream uses server-side encryption, this is set to KMS.
        #[serde(
            rename = "EncryptionType",
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "::asyncapi_runtime::__private::non_null"
        )]
        pub encryption_type: Option<KinesisRecordEncryptionType>,
        /// Properties the schema does not list, kept so that they survive a round trip.
        #[serde(flatten)]
        pub additional_properties: JsonMap,
    }

    impl<'a> KinesisRecord<'a> {
        /// The owned value, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::KinesisRecord {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for KinesisRecord<'a> {
        type Owned = super::KinesisRecord;

        fn into_owned(self) -> super::KinesisRecord {
            super::KinesisRecord {
                sequence_number: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.sequence_number,
                ),
                approximate_arrival_timestamp: self.approximate_arrival_timestamp,
                data: ::asyncapi_runtime::IntoOwned::into_owned(self.data),
                partition_key: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.partition_key,
                ),
                encryption_type: self.encryption_type,
                additional_properties: self.additional_properties,
            }
        }
    }

    impl<'a> ::std::convert::From<KinesisRecord<'a>> for super::KinesisRecord {
        fn from(value: KinesisRecord<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Borrowed<'a> for KinesisRecord<'a> {
        type Owned = super::KinesisRecord;
    }

    /// Borrowed form of [`super::SubscribeToShardEvent`].
    ///
    /// After you call SubscribeToShard, Kinesis Data Streams sends events of this type over the HTTP/2 connection to the registered consumer.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[serde(crate = "::asyncapi_runtime::__private::serde")]
    pub struct SubscribeToShardEvent<'a> {
        /// The data records from the shard.
        #[serde(rename = "Records", borrow)]
        pub records: Vec<KinesisRecord<'a>>,
        /// Use this value as the StartingSequenceNumber in the next SubscribeToShard call to continue reading from where you left off.
        ///
        /// Constraints: contains a match of `0|([1-9]\d{0,128})` (ECMA-262, unanchored).
        #[serde(rename = "ContinuationSequenceNumber", borrow)]
        #[validate(pattern = "0|([1-9]\\d{0,128})")]
        pub continuation_sequence_number: ::std::borrow::Cow<'a, str>,
        /// The number of milliseconds the read records are from the tip of the stream, indicating how far behind current time the consumer is. A value of 0 indicates the consumer is caught up.
        ///
        /// Constraints: minimum 0.
        #[serde(rename = "MillisBehindLatest")]
        #[validate(minimum = 0)]
        pub millis_behind_latest: Integer,
        /// The list of the current shard's child shards, returned only at the end of the current shard after a shard split or merge.
        #[serde(
            rename = "ChildShards",
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "::asyncapi_runtime::__private::non_null",
            borrow
        )]
        pub child_shards: Option<Vec<ChildShard<'a>>>,
        /// Properties the schema does not list, kept so that they survive a round trip.
        #[serde(flatten)]
        pub additional_properties: JsonMap,
    }

    impl<'a> SubscribeToShardEvent<'a> {
        /// The owned value, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::SubscribeToShardEvent {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for SubscribeToShardEvent<'a> {
        type Owned = super::SubscribeToShardEvent;

        fn into_owned(self) -> super::SubscribeToShardEvent {
            super::SubscribeToShardEvent {
                records: ::asyncapi_runtime::IntoOwned::into_owned(self.records),
                continuation_sequence_number: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.continuation_sequence_number,
                ),
                millis_behind_latest: self.millis_behind_latest,
                child_shards: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.child_shards,
                ),
                additional_properties: self.additional_properties,
            }
        }
    }

    impl<'a> ::std::convert::From<SubscribeToShardEvent<'a>>
    for super::SubscribeToShardEvent {
        fn from(value: SubscribeToShardEvent<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Borrowed<'a> for SubscribeToShardEvent<'a> {
        type Owned = super::SubscribeToShardEvent;
    }

    /// Borrowed form of [`super::ChildShard`].
    ///
    /// A child shard resulting from a shard split or merge operation.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[serde(crate = "::asyncapi_runtime::__private::serde")]
    pub struct ChildShard<'a> {
        /// The shard ID of the child shard.
        ///
        /// Constraints: 1 to 128 characters (code points); contains a match of `[a-zA-Z0-9_.-]+` (ECMA-262, unanchored).
        #[serde(rename = "ShardId", borrow)]
        #[validate(pattern = "[a-zA-Z0-9_.-]+", min_length = 1, max_length = 128)]
        pub shard_id: ::std::borrow::Cow<'a, str>,
        /// The list of parent shard IDs.
        #[serde(
            rename = "ParentShards",
            deserialize_with = "::asyncapi_runtime::__private::borrowed::lend",
            borrow
        )]
        pub parent_shards: Vec<::std::borrow::Cow<'a, str>>,
        /// The `HashKeyRange` property.
        #[serde(rename = "HashKeyRange", borrow)]
        pub hash_key_range: HashKeyRange<'a>,
        /// Properties the schema does not list, kept so that they survive a round trip.
        #[serde(flatten)]
        pub additional_properties: JsonMap,
    }

    impl<'a> ChildShard<'a> {
        /// The owned value, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::ChildShard {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for ChildShard<'a> {
        type Owned = super::ChildShard;

        fn into_owned(self) -> super::ChildShard {
            super::ChildShard {
                shard_id: ::asyncapi_runtime::IntoOwned::into_owned(self.shard_id),
                parent_shards: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.parent_shards,
                ),
                hash_key_range: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.hash_key_range,
                ),
                additional_properties: self.additional_properties,
            }
        }
    }

    impl<'a> ::std::convert::From<ChildShard<'a>> for super::ChildShard {
        fn from(value: ChildShard<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Borrowed<'a> for ChildShard<'a> {
        type Owned = super::ChildShard;
    }

    /// Borrowed form of [`super::HashKeyRange`].
    ///
    /// The range of possible hash key values for the shard.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[serde(crate = "::asyncapi_runtime::__private::serde")]
    pub struct HashKeyRange<'a> {
        /// The starting hash key of the hash key range.
        #[serde(rename = "StartingHashKey", borrow)]
        pub starting_hash_key: ::std::borrow::Cow<'a, str>,
        /// The ending hash key of the hash key range.
        #[serde(rename = "EndingHashKey", borrow)]
        pub ending_hash_key: ::std::borrow::Cow<'a, str>,
        /// Properties the schema does not list, kept so that they survive a round trip.
        #[serde(flatten)]
        pub additional_properties: JsonMap,
    }

    impl<'a> HashKeyRange<'a> {
        /// The owned value, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::HashKeyRange {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for HashKeyRange<'a> {
        type Owned = super::HashKeyRange;

        fn into_owned(self) -> super::HashKeyRange {
            super::HashKeyRange {
                starting_hash_key: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.starting_hash_key,
                ),
                ending_hash_key: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.ending_hash_key,
                ),
                additional_properties: self.additional_properties,
            }
        }
    }

    impl<'a> ::std::convert::From<HashKeyRange<'a>> for super::HashKeyRange {
        fn from(value: HashKeyRange<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Borrowed<'a> for HashKeyRange<'a> {
        type Owned = super::HashKeyRange;
    }

    /// Borrowed form of [`super::LambdaKinesisEvent`].
    ///
    /// The event payload delivered to a Lambda function by a Kinesis event source mapping. Contains an array of event records with Kinesis data and metadata.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[serde(crate = "::asyncapi_runtime::__private::serde")]
    pub struct LambdaKinesisEvent<'a> {
        /// An array of Kinesis event records.
        #[serde(rename = "Records", borrow)]
        pub records: Vec<LambdaKinesisEventRecord<'a>>,
        /// Properties the schema does not list, kept so that they survive a round trip.
        #[serde(flatten)]
        pub additional_properties: JsonMap,
    }

    impl<'a> LambdaKinesisEvent<'a> {
        /// The owned value, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::LambdaKinesisEvent {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for LambdaKinesisEvent<'a> {
        type Owned = super::LambdaKinesisEvent;

        fn into_owned(self) -> super::LambdaKinesisEvent {
            super::LambdaKinesisEvent {
                records: ::asyncapi_runtime::IntoOwned::into_owned(self.records),
                additional_properties: self.additional_properties,
            }
        }
    }

    impl<'a> ::std::convert::From<LambdaKinesisEvent<'a>> for super::LambdaKinesisEvent {
        fn from(value: LambdaKinesisEvent<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Borrowed<'a> for LambdaKinesisEvent<'a> {
        type Owned = super::LambdaKinesisEvent;
    }

    /// Borrowed form of [`super::LambdaKinesisEventRecord`].
    ///
    /// A single Kinesis event record within a Lambda invocation payload. Wraps the Kinesis data record with event source metadata.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[serde(crate = "::asyncapi_runtime::__private::serde")]
    pub struct LambdaKinesisEventRecord<'a> {
        /// The `kinesis` property.
        #[serde(borrow)]
        pub kinesis: LambdaKinesisData<'a>,
        /// The AWS service that is the source of the event.
        #[serde(rename = "eventSource")]
        pub event_source: LambdaKinesisEventRecordEventSource,
        /// The ARN of the Kinesis data stream.
        ///
        /// Constraints: contains a match of `arn:aws.*:kinesis:.*:\d{12}:stream/\S+` (ECMA-262, unanchored).
        #[serde(rename = "eventSourceARN", borrow)]
        #[validate(pattern = "arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+")]
        pub event_source_arn: ::std::borrow::Cow<'a, str>,
        /// A unique identifier for the event, composed of the shard ID and sequence number.
        ///
        /// Examples: `"shardId-000000000001:21269319989652663814458848515492872193"`.
        #[serde(rename = "eventID", borrow)]
        pub event_id: ::std::borrow::Cow<'a, str>,
        /// The event type identifier.
        #[serde(rename = "eventName")]
        pub event_name: LambdaKinesisEventRecordEventName,
        /// The version of the event structure.
        ///
        /// Examples: `"1.0"`.
        #[serde(rename = "eventVersion", borrow)]
        pub event_version: ::std::borrow::Cow<'a, str>,
        /// The ARN of the IAM role used to invoke the Lambda function.
        #[serde(rename = "invokeIdentityArn", borrow)]
        pub invoke_identity_arn: ::std::borrow::Cow<'a, str>,
        /// The AWS region where the event originated.
        ///
        /// Examples: `"us-east-1"`.
        #[serde(rename = "awsRegion", borrow)]
        pub aws_region: ::std::borrow::Cow<'a, str>,
        /// Properties the schema does not list, kept so that they survive a round trip.
        #[serde(flatten)]
        pub additional_properties: JsonMap,
    }

    impl<'a> LambdaKinesisEventRecord<'a> {
        /// The owned value, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::LambdaKinesisEventRecord {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for LambdaKinesisEventRecord<'a> {
        type Owned = super::LambdaKinesisEventRecord;

        fn into_owned(self) -> super::LambdaKinesisEventRecord {
            super::LambdaKinesisEventRecord {
                kinesis: ::asyncapi_runtime::IntoOwned::into_owned(self.kinesis),
                event_source: self.event_source,
                event_source_arn: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.event_source_arn,
                ),
                event_id: ::asyncapi_runtime::IntoOwned::into_owned(self.event_id),
                event_name: self.event_name,
                event_version: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.event_version,
                ),
                invoke_identity_arn: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.invoke_identity_arn,
                ),
                aws_region: ::asyncapi_runtime::IntoOwned::into_owned(self.aws_region),
                additional_properties: self.additional_properties,
            }
        }
    }

    impl<'a> ::std::convert::From<LambdaKinesisEventRecord<'a>>
    for super::LambdaKinesisEventRecord {
        fn from(value: LambdaKinesisEventRecord<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Borrowed<'a> for LambdaKinesisEventRecord<'a> {
        type Owned = super::LambdaKinesisEventRecord;
    }

    /// Borrowed form of [`super::LambdaKinesisData`].
    ///
    /// The Kinesis-specific data within a Lambda event record, containing the data blob, partition key, sequence information, and arrival timestamp.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
    #[serde(crate = "::asyncapi_runtime::__private::serde")]
    pub struct LambdaKinesisData<'a> {
        /// The Kinesis schema version for this record.
        ///
        /// Examples: `"1.0"`.
        #[serde(rename = "kinesisSchemaVersion", borrow)]
        pub kinesis_schema_version: ::std::borrow::Cow<'a, str>,
        /// The partition key for the record.
        ///
        /// Constraints: 1 to 256 characters (code points).
        #[serde(rename = "partitionKey", borrow)]
        #[validate(min_length = 1, max_length = 256)]
        pub partition_key: ::std::borrow::Cow<'a, str>,
        /// The unique sequence number for the record within the shard.
        #[serde(rename = "sequenceNumber", borrow)]
        pub sequence_number: ::std::borrow::Cow<'a, str>,
        /// The data blob, Base64-encoded. Your Lambda function must decode this value to access the original data.
        ///
        /// Constraints: format `byte`: standard padded base64, enforced.
        #[serde(borrow)]
        #[validate(format = "byte")]
        pub data: ::asyncapi_runtime::Base64Ref<'a>,
        /// The approximate time that the record was inserted into the stream, as a Unix epoch timestamp.
        ///
        /// Constraints: format `double` (annotation, not enforced).
        #[serde(
            rename = "approximateArrivalTimestamp",
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "::asyncapi_runtime::__private::non_null"
        )]
        #[validate(format = "double")]
        pub approximate_arrival_timestamp: Option<f64>,
        /// Properties the schema does not list, kept so that they survive a round trip.
        #[serde(flatten)]
        pub additional_properties: JsonMap,
    }

    impl<'a> LambdaKinesisData<'a> {
        /// The owned value, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::LambdaKinesisData {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for LambdaKinesisData<'a> {
        type Owned = super::LambdaKinesisData;

        fn into_owned(self) -> super::LambdaKinesisData {
            super::LambdaKinesisData {
                kinesis_schema_version: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.kinesis_schema_version,
                ),
                partition_key: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.partition_key,
                ),
                sequence_number: ::asyncapi_runtime::IntoOwned::into_owned(
                    self.sequence_number,
                ),
                data: ::asyncapi_runtime::IntoOwned::into_owned(self.data),
                approximate_arrival_timestamp: self.approximate_arrival_timestamp,
                additional_properties: self.additional_properties,
            }
        }
    }

    impl<'a> ::std::convert::From<LambdaKinesisData<'a>> for super::LambdaKinesisData {
        fn from(value: LambdaKinesisData<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Borrowed<'a> for LambdaKinesisData<'a> {
        type Owned = super::LambdaKinesisData;
    }

    /// A payload of one of the document's messages, borrowing from the input (see
    /// [`super::MessageName::parse_borrowed`]).
    #[derive(Debug, Clone, PartialEq, Serialize)]
    #[serde(crate = "::asyncapi_runtime::__private::serde", untagged)]
    pub enum Message<'a> {
        /// A `KinesisRecord` payload.
        KinesisRecord(KinesisRecord<'a>),
        /// A `SubscribeToShardEvent` payload.
        SubscribeToShardEvent(SubscribeToShardEvent<'a>),
        /// A `LambdaKinesisEvent` payload.
        LambdaKinesisEvent(LambdaKinesisEvent<'a>),
    }

    impl<'a> Message<'a> {
        /// Which message this is.
        pub fn name(&self) -> super::MessageName {
            match self {
                Message::KinesisRecord(_) => super::MessageName::KinesisRecord,
                Message::SubscribeToShardEvent(_) => {
                    super::MessageName::SubscribeToShardEvent
                }
                Message::LambdaKinesisEvent(_) => super::MessageName::LambdaKinesisEvent,
            }
        }

        /// The owned message, copying only the strings still borrowed.
        pub fn into_owned(self) -> super::Message {
            ::asyncapi_runtime::IntoOwned::into_owned(self)
        }
    }

    impl<'a> ::asyncapi_runtime::IntoOwned for Message<'a> {
        type Owned = super::Message;

        fn into_owned(self) -> super::Message {
            match self {
                Message::KinesisRecord(payload) => {
                    super::Message::KinesisRecord(
                        ::asyncapi_runtime::IntoOwned::into_owned(payload),
                    )
                }
                Message::SubscribeToShardEvent(payload) => {
                    super::Message::SubscribeToShardEvent(
                        ::asyncapi_runtime::IntoOwned::into_owned(payload),
                    )
                }
                Message::LambdaKinesisEvent(payload) => {
                    super::Message::LambdaKinesisEvent(
                        ::asyncapi_runtime::IntoOwned::into_owned(payload),
                    )
                }
            }
        }
    }

    impl<'a> ::std::convert::From<Message<'a>> for super::Message {
        fn from(value: Message<'a>) -> Self {
            value.into_owned()
        }
    }

    impl<'a> ::asyncapi_runtime::Validate for Message<'a> {
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match self {
                Message::KinesisRecord(payload) => payload.validate_at(path, report),
                Message::SubscribeToShardEvent(payload) => {
                    payload.validate_at(path, report)
                }
                Message::LambdaKinesisEvent(payload) => payload.validate_at(path, report),
            }
        }
    }

    impl super::MessageName {
        /// Parses and validates a payload of this message, borrowing its strings from
        /// `bytes` where they need no unescaping. Errors are those of [`Self::parse`].
        pub fn parse_borrowed<'a>(
            self,
            bytes: &'a [u8],
        ) -> Result<Message<'a>, ::asyncapi_runtime::Error> {
            Ok(
                match self {
                    super::MessageName::KinesisRecord => {
                        Message::KinesisRecord(
                            ::asyncapi_runtime::from_slice_borrowed(bytes)?,
                        )
                    }
                    super::MessageName::SubscribeToShardEvent => {
                        Message::SubscribeToShardEvent(
                            ::asyncapi_runtime::from_slice_borrowed(bytes)?,
                        )
                    }
                    super::MessageName::LambdaKinesisEvent => {
                        Message::LambdaKinesisEvent(
                            ::asyncapi_runtime::from_slice_borrowed(bytes)?,
                        )
                    }
                },
            )
        }
    }
}
