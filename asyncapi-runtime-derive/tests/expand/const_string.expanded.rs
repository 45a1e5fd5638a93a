//! A unit-only enum with one variant: its name (`const`).

#[derive(serde::Deserialize, Validate)]
enum Source {
    #[serde(rename = "aws:kinesis")]
    AwsKinesis,
}

#[doc(hidden)]
#[allow(
    non_upper_case_globals,
    unused_qualifications,
    unreachable_code,
    clippy::all,
    clippy::pedantic
)]
const _: () = {
    #[automatically_derived]
    impl ::asyncapi_runtime::Validate for Source {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {}
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Source {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value.as_str() {
                ::core::option::Option::Some("aws:kinesis") => {}
                _ => {
                    report
                        .push(
                            path,
                            ::asyncapi_runtime::Keyword::Const,
                            ::std::format!(
                                "{} is not {}",
                                ::asyncapi_runtime::__private::describe(value),
                                "\"aws:kinesis\""
                            ),
                        );
                }
            }
        }
    }
};
