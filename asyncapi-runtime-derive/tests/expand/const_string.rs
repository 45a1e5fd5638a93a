//! A unit-only enum with one variant: its name (`const`).

#[derive(serde::Deserialize, Validate)]
enum Source {
    #[serde(rename = "aws:kinesis")]
    AwsKinesis,
}
