//! A record's data (base64 in the JSON) decoded and parsed as a message type generated
//! from another AsyncAPI document, with errors located in the record.

use std::fmt;

use kinesis_types::{
    borrowed, Base64Error, Error, Keyword, KinesisRecord, LambdaKinesisData, LambdaKinesisEvent,
    LambdaKinesisEventRecord, SubscribeToShardEvent, ValidateJson, Violation,
};

/// Why a record's data is not a valid `T`.
///
/// [`DataError::pointer`] is where the data is in the value it was taken from
/// (`/Records/3/kinesis/data`); [`DataError::violations`] continue that pointer into
/// the data (`/Records/3/kinesis/data/amount`).
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    pointer: String,
    type_name: &'static str,
    kind: DataErrorKind,
}

/// What is wrong with the data.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum DataErrorKind {
    /// The text is not standard, padded base64 (a record that validated cannot have
    /// this; records built in Rust can).
    NotBase64(Base64Error),
    /// The decoded bytes are not JSON, do not have the type's shape, or break its
    /// constraints; pointers are relative to the data.
    Parse(Error),
}

impl DataError {
    /// Where the data is (an RFC 6901 pointer, wire names).
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// What is wrong.
    pub fn kind(&self) -> &DataErrorKind {
        &self.kind
    }

    /// Every problem, each pointer continuing [`DataError::pointer`] into the data;
    /// data that is not base64 or not JSON is one violation at the data itself.
    pub fn violations(&self) -> Vec<Violation> {
        match &self.kind {
            DataErrorKind::NotBase64(error) => vec![Violation {
                pointer: self.pointer.clone(),
                keyword: Keyword::Format,
                message: format!("not valid base64 (format byte): {error}"),
            }],
            DataErrorKind::Parse(error @ Error::Syntax { .. }) => vec![Violation {
                pointer: self.pointer.clone(),
                keyword: Keyword::Syntax,
                message: format!("decoded data is {error}"),
            }],
            DataErrorKind::Parse(error) => error
                .violations()
                .into_iter()
                .map(|v| Violation {
                    pointer: format!("{}{}", self.pointer, v.pointer),
                    ..v
                })
                .collect(),
        }
    }

    /// The same error, with the data's pointer prefixed by `prefix` (the pointer of
    /// the value the data was read from, inside a larger document).
    pub fn within(mut self, prefix: &str) -> Self {
        self.pointer.insert_str(0, prefix);
        self
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            DataErrorKind::NotBase64(error) => {
                write!(f, "{}: data is not valid base64: {error}", self.pointer)
            }
            DataErrorKind::Parse(Error::Syntax {
                line,
                column,
                message,
            }) => write!(
                f,
                "{}: decoded data is not valid JSON at line {line} column {column}: {message}",
                self.pointer
            ),
            DataErrorKind::Parse(_) => {
                let violations = self.violations();
                write!(
                    f,
                    "{}: data is not a valid {}: {} violation{}",
                    self.pointer,
                    self.type_name,
                    violations.len(),
                    if violations.len() == 1 { "" } else { "s" }
                )?;
                for v in &violations {
                    write!(f, "; {v}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for DataError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            DataErrorKind::NotBase64(error) => Some(error),
            DataErrorKind::Parse(error) => Some(error),
        }
    }
}

/// The last segment of a type's path, to name it in messages (`OrderPlaced`).
fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    // Generic arguments (`Foo<'a>` is shown without them) would contain `::` too.
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base)
}

/// Decodes base64 `text` and parses the bytes as a `T` (validated), errors located at
/// `pointer`.
///
/// ```
/// use kinesis_lambda::parse_data;
///
/// // "NDI=" is the base64 of the JSON text `42`.
/// assert_eq!(parse_data::<f64>("NDI=", "/Data")?, 42.0);
/// let error = parse_data::<String>("NDI=", "/Records/0/Data").unwrap_err();
/// assert_eq!(error.violations()[0].pointer, "/Records/0/Data");
/// assert_eq!(error.violations()[0].keyword.as_str(), "type");
/// # Ok::<(), kinesis_lambda::DataError>(())
/// ```
pub fn parse_data<T: ValidateJson>(text: &str, pointer: &str) -> Result<T, DataError> {
    let error = |kind| DataError {
        pointer: pointer.to_string(),
        type_name: short_type_name::<T>(),
        kind,
    };
    let bytes = kinesis_types::Base64Ref::from_text(text)
        .decode()
        .map_err(|e| error(DataErrorKind::NotBase64(e)))?;
    kinesis_types::from_slice::<T>(&bytes).map_err(|e| error(DataErrorKind::Parse(e)))
}

/// A value that carries one record's data: the generated record types of the Kinesis
/// document, owned and borrowed.
pub trait RecordData {
    /// Where the data is in the value: `/Data` in a `KinesisRecord`, `/kinesis/data`
    /// in a Lambda event record, `/data` in its `kinesis` object.
    const DATA_POINTER: &'static str;

    /// The data as base64 text, as received.
    fn data_text(&self) -> &str;

    /// The data decoded and parsed as a `T`, validated; errors point into the value
    /// (`/Data/amount`).
    fn data_as<T: ValidateJson>(&self) -> Result<T, DataError> {
        parse_data(self.data_text(), Self::DATA_POINTER)
    }
}

macro_rules! record_data {
    ($pointer:literal: $($ty:ty => |$r:ident| $text:expr),* $(,)?) => {$(
        impl RecordData for $ty {
            const DATA_POINTER: &'static str = $pointer;
            fn data_text(&self) -> &str {
                let $r = self;
                $text
            }
        }
    )*};
}

record_data!("/Data":
    KinesisRecord => |r| r.data.as_str(),
    borrowed::KinesisRecord<'_> => |r| r.data.as_str(),
);
record_data!("/kinesis/data":
    LambdaKinesisEventRecord => |r| r.kinesis.data.as_str(),
    borrowed::LambdaKinesisEventRecord<'_> => |r| r.kinesis.data.as_str(),
);
record_data!("/data":
    LambdaKinesisData => |r| r.data.as_str(),
    borrowed::LambdaKinesisData<'_> => |r| r.data.as_str(),
);

/// A value that carries a list of records under `Records`: a `SubscribeToShardEvent`
/// (enhanced fan-out) or a Lambda event.
pub trait RecordsData {
    /// The type of its records.
    type Record: RecordData;

    /// The records.
    fn records(&self) -> &[Self::Record];

    /// Each record's data as a `T`, in order; errors point into the value
    /// (`/Records/3/kinesis/data/amount`).
    fn records_data_as<T: ValidateJson>(&self) -> Vec<Result<T, DataError>> {
        self.records()
            .iter()
            .enumerate()
            .map(|(i, record)| {
                record
                    .data_as::<T>()
                    .map_err(|e| e.within(&format!("/Records/{i}")))
            })
            .collect()
    }
}

macro_rules! records_data {
    ($($ty:ty => $record:ty),* $(,)?) => {$(
        impl RecordsData for $ty {
            type Record = $record;
            fn records(&self) -> &[$record] {
                &self.records
            }
        }
    )*};
}

records_data!(
    SubscribeToShardEvent => KinesisRecord,
    LambdaKinesisEvent => LambdaKinesisEventRecord,
);

impl<'a> RecordsData for borrowed::SubscribeToShardEvent<'a> {
    type Record = borrowed::KinesisRecord<'a>;
    fn records(&self) -> &[Self::Record] {
        &self.records
    }
}

impl<'a> RecordsData for borrowed::LambdaKinesisEvent<'a> {
    type Record = borrowed::LambdaKinesisEventRecord<'a>;
    fn records(&self) -> &[Self::Record] {
        &self.records
    }
}
