//! Building values in code, as producers do: `new` with the required properties,
//! `with_*` for optional ones, `validated()` to check the result before sending.

use kinesis_types::{
    Base64Data, Keyword, KinesisRecord, KinesisRecordEncryptionType, LambdaKinesisEvent, Number,
    Validate,
};

#[test]
fn a_record_built_in_code_validates_and_writes_the_wire_names() {
    let record = KinesisRecord::new(
        "49590338271490256608559692538361571095921575989136588898",
        Base64Data::encode(b"hello"),
        "user-42",
    )
    .with_approximate_arrival_timestamp(Number::from(1_545_084_650_u64))
    .with_encryption_type(KinesisRecordEncryptionType::Kms)
    .validated()
    .expect("a valid record");
    assert_eq!(
        kinesis_types::to_string(&record).unwrap(),
        r#"{"SequenceNumber":"49590338271490256608559692538361571095921575989136588898","ApproximateArrivalTimestamp":1545084650,"Data":"aGVsbG8=","PartitionKey":"user-42","EncryptionType":"KMS"}"#
    );
    // Read back, it is the same value.
    let read: KinesisRecord =
        kinesis_types::from_str(&kinesis_types::to_string(&record).unwrap()).unwrap();
    assert_eq!(read, record);
}

#[test]
fn what_breaks_the_document_is_refused_when_built() {
    let violations = KinesisRecord::new("not digits", Base64Data::from_text("S!k="), "")
        .validated()
        .unwrap_err();
    let found: Vec<(&str, Keyword)> = violations
        .iter()
        .map(|v| (v.pointer.as_str(), v.keyword))
        .collect();
    assert_eq!(
        found,
        [
            ("/SequenceNumber", Keyword::Pattern),
            ("/Data", Keyword::Format),
            ("/PartitionKey", Keyword::MinLength),
        ]
    );
}

#[test]
fn an_event_without_records_is_built_and_refused_by_its_own_checks_only() {
    let event = LambdaKinesisEvent::new(Vec::new());
    let checked = event.clone().validated();
    // Whatever the document says about an empty batch, `validated` agrees with the walk
    // of the payload's schema.
    let json = kinesis_types::parse_json(kinesis_types::to_string(&event).unwrap().as_bytes());
    let walked = kinesis_types::validate_json::<LambdaKinesisEvent>(&json.unwrap());
    assert_eq!(checked.is_ok(), walked.is_ok(), "{checked:?} {walked:?}");
}
