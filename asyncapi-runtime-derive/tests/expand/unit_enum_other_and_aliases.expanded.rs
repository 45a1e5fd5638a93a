//! `rename_all` on variants, aliases, a skipped variant and `#[serde(other)]`.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Level {
    #[serde(alias = "lo")]
    VeryLow,
    High,
    #[serde(skip)]
    Internal,
    #[serde(other)]
    Unknown,
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
    impl ::asyncapi_runtime::Validate for Level {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {}
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Level {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value.as_str() {
                ::core::option::Option::Some("VERY_LOW" | "lo") => {}
                ::core::option::Option::Some("HIGH") => {}
                ::core::option::Option::Some(_) => {}
                _ => {
                    report
                        .push(
                            path,
                            ::asyncapi_runtime::Keyword::Enum,
                            ::std::format!(
                                "{} is not one of {}",
                                ::asyncapi_runtime::__private::describe(value),
                                "\"VERY_LOW\", \"HIGH\""
                            ),
                        );
                }
            }
        }
    }
};
