//! Tuple structs are arrays of exactly their length; a skipped position is not counted.

#[derive(serde::Deserialize, Validate)]
struct Pair(
    #[validate(max_length = 2)]
    String,
    #[serde(skip)]
    u8,
    #[validate(minimum = 0)]
    i32,
);

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
    impl ::asyncapi_runtime::Validate for Pair {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.index(0usize);
                let __v0 = &self.0;
                ::asyncapi_runtime::__private::max_length(__v0, 2, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.index(1usize);
                let __v0 = &self.2;
                ::asyncapi_runtime::__private::minimum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Int(0),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Pair {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Array(__items) => {
                    let __n = __items.len();
                    let __what = if __n == 1 { "item" } else { "items" };
                    if __n < 2usize {
                        report
                            .push(
                                path,
                                ::asyncapi_runtime::Keyword::MinItems,
                                ::std::format!(
                                    "{} {}, {}", __n, __what, "fewer than minItems 2"
                                ),
                            );
                    }
                    if __n > 2usize {
                        report
                            .push(
                                path,
                                ::asyncapi_runtime::Keyword::MaxItems,
                                ::std::format!(
                                    "{} {}, {}", __n, __what, "more than maxItems 2"
                                ),
                            );
                    }
                    if let ::core::option::Option::Some(__item) = __items.get(0usize) {
                        let __p: ::asyncapi_runtime::Path<'_> = path.index(0usize);
                        let __typed: ::core::result::Result<
                            String,
                            ::asyncapi_runtime::__private::serde_json::Error,
                        > = ::asyncapi_runtime::__private::from_json_value::<
                            String,
                        >(__item);
                        if let ::core::result::Result::Ok(__typed) = __typed {
                            let __v0 = &__typed;
                            ::asyncapi_runtime::__private::max_length(
                                __v0,
                                2,
                                &__p,
                                report,
                            );
                        }
                        <String as ::asyncapi_runtime::ValidateJson>::validate_json(
                            __item,
                            &__p,
                            report,
                        );
                    }
                    if let ::core::option::Option::Some(__item) = __items.get(1usize) {
                        let __p: ::asyncapi_runtime::Path<'_> = path.index(1usize);
                        let __typed: ::core::result::Result<
                            i32,
                            ::asyncapi_runtime::__private::serde_json::Error,
                        > = ::asyncapi_runtime::__private::from_json_value::<
                            i32,
                        >(__item);
                        if let ::core::result::Result::Ok(__typed) = __typed {
                            let __v0 = &__typed;
                            ::asyncapi_runtime::__private::minimum(
                                __v0,
                                ::asyncapi_runtime::__private::Number::Int(0),
                                &__p,
                                report,
                            );
                        }
                        <i32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                            __item,
                            &__p,
                            report,
                        );
                    }
                }
                _ => {
                    ::asyncapi_runtime::__private::type_error(
                        value,
                        "array",
                        path,
                        report,
                    )
                }
            }
        }
    }
};
