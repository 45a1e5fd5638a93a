//! Every field-level constraint, in the order written; a pattern used twice is compiled
//! once; `format` other than `byte` and `unique_items = false` check nothing.

#[derive(serde::Deserialize, Validate)]
struct Everything {
    #[validate(max_length = 8, min_length = 2, pattern = "^a")]
    #[validate(format = "byte")]
    text: String,
    #[validate(exclusive_minimum = -2, exclusive_maximum = 3, multiple_of = 0.5)]
    ratio: f64,
    #[validate(minimum = -170141183460469231731687303715884105728, maximum = 1e300)]
    wide: f64,
    #[validate(min_items = 1, max_items = 3, unique_items)]
    list: Vec<String>,
    #[validate(min_properties = 1, max_properties = 2)]
    map: std::collections::BTreeMap<String, String>,
    #[validate(format = "date-time", unique_items = false, pattern = "^a")]
    stamp: Option<String>,
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
    static __KT_RE_0: ::std::sync::LazyLock<::asyncapi_runtime::__private::Pattern> = ::std::sync::LazyLock::new(||
    ::asyncapi_runtime::__private::compile_pattern("^a"));
    #[automatically_derived]
    impl ::asyncapi_runtime::Validate for Everything {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("text");
                let __v0 = &self.text;
                ::asyncapi_runtime::__private::max_length(__v0, 8, &__p0, report);
                ::asyncapi_runtime::__private::min_length(__v0, 2, &__p0, report);
                ::asyncapi_runtime::__private::pattern(__v0, &__KT_RE_0, &__p0, report);
                ::asyncapi_runtime::__private::format_byte(__v0, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("ratio");
                let __v0 = &self.ratio;
                ::asyncapi_runtime::__private::exclusive_minimum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Int(-2),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::__private::exclusive_maximum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Int(3),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::__private::multiple_of(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Float(0.5),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("wide");
                let __v0 = &self.wide;
                ::asyncapi_runtime::__private::minimum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Int(
                        -170141183460469231731687303715884105728,
                    ),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::__private::maximum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Float(
                        1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0,
                    ),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("list");
                let __v0 = &self.list;
                ::asyncapi_runtime::__private::min_items(__v0, 1, &__p0, report);
                ::asyncapi_runtime::__private::max_items(__v0, 3, &__p0, report);
                ::asyncapi_runtime::__private::unique_items(__v0, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("map");
                let __v0 = &self.map;
                ::asyncapi_runtime::__private::min_properties(__v0, 1, &__p0, report);
                ::asyncapi_runtime::__private::max_properties(__v0, 2, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("stamp");
                let __v0 = &self.stamp;
                ::asyncapi_runtime::__private::pattern(__v0, &__KT_RE_0, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Everything {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("text").map(|__x| ("text", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                String,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                String,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::max_length(
                                    __v0,
                                    8,
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::min_length(
                                    __v0,
                                    2,
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::pattern(
                                    __v0,
                                    &__KT_RE_0,
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::format_byte(
                                    __v0,
                                    &__p,
                                    report,
                                );
                            }
                            <String as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"text\"",
                                );
                        }
                    }
                    match __obj.get("ratio").map(|__x| ("ratio", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                f64,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                f64,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::exclusive_minimum(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Int(-2),
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::exclusive_maximum(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Int(3),
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::multiple_of(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Float(0.5),
                                    &__p,
                                    report,
                                );
                            }
                            <f64 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"ratio\"",
                                );
                        }
                    }
                    match __obj.get("wide").map(|__x| ("wide", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                f64,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                f64,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::minimum(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Int(
                                        -170141183460469231731687303715884105728,
                                    ),
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::maximum(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Float(
                                        1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0,
                                    ),
                                    &__p,
                                    report,
                                );
                            }
                            <f64 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"wide\"",
                                );
                        }
                    }
                    match __obj.get("list").map(|__x| ("list", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                Vec<String>,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                Vec<String>,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::min_items(
                                    __v0,
                                    1,
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::max_items(
                                    __v0,
                                    3,
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::unique_items(
                                    __v0,
                                    &__p,
                                    report,
                                );
                            }
                            <Vec<
                                String,
                            > as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"list\"",
                                );
                        }
                    }
                    match __obj.get("map").map(|__x| ("map", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                std::collections::BTreeMap<String, String>,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                std::collections::BTreeMap<String, String>,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::min_properties(
                                    __v0,
                                    1,
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::max_properties(
                                    __v0,
                                    2,
                                    &__p,
                                    report,
                                );
                            }
                            <std::collections::BTreeMap<
                                String,
                                String,
                            > as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"map\"",
                                );
                        }
                    }
                    match __obj.get("stamp").map(|__x| ("stamp", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __null_is_none = {
                                #[allow(unused_imports)]
                                use ::asyncapi_runtime::__private::{
                                    ProbeFromJson as _, ProbeSerde as _,
                                };
                                (&&::asyncapi_runtime::__private::Probe::<Self>::new())
                                    .option_null_is_none()
                            };
                            if !(__fv.is_null() && __null_is_none) {
                                let __typed: ::core::result::Result<
                                    Option<String>,
                                    ::asyncapi_runtime::__private::serde_json::Error,
                                > = ::asyncapi_runtime::__private::from_json_value::<
                                    Option<String>,
                                >(__fv);
                                if let ::core::result::Result::Ok(__typed) = __typed {
                                    let __v0 = &__typed;
                                    ::asyncapi_runtime::__private::pattern(
                                        __v0,
                                        &__KT_RE_0,
                                        &__p,
                                        report,
                                    );
                                }
                                <Option<
                                    String,
                                > as ::asyncapi_runtime::ValidateJson>::validate_json(
                                    __fv,
                                    &__p,
                                    report,
                                );
                            }
                        }
                        ::core::option::Option::None => {}
                    }
                }
                _ => {
                    ::asyncapi_runtime::__private::type_error(
                        value,
                        "object",
                        path,
                        report,
                    )
                }
            }
        }
    }
};
