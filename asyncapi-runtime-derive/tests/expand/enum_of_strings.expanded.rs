//! A unit-only enum: one of its names (`enum`).

#[derive(serde::Deserialize, Validate)]
enum Encryption {
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "KMS")]
    Kms,
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
    impl ::asyncapi_runtime::Validate for Encryption {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {}
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Encryption {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value.as_str() {
                ::core::option::Option::Some("NONE") => {}
                ::core::option::Option::Some("KMS") => {}
                _ => {
                    report
                        .push(
                            path,
                            ::asyncapi_runtime::Keyword::Enum,
                            ::std::format!(
                                "{} is not one of {}",
                                ::asyncapi_runtime::__private::describe(value),
                                "\"NONE\", \"KMS\""
                            ),
                        );
                }
            }
        }
    }
};
