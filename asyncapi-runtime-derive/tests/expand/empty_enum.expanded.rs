//! An enum without variants has no value to check and no JSON it accepts.

#[derive(serde::Deserialize, Validate)]
enum Never {}

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
    impl ::asyncapi_runtime::Validate for Never {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match *self {}
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Never {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value.as_str() {
                _ => {
                    report
                        .push(
                            path,
                            ::asyncapi_runtime::Keyword::Enum,
                            ::std::format!(
                                "{} is not allowed: the enum has no values{}",
                                ::asyncapi_runtime::__private::describe(value), ""
                            ),
                        );
                }
            }
        }
    }
};
