//! Lengths, a pattern and numeric bounds on the fields of a struct; wire names from
//! `rename_all`; the optional field is not required.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "PascalCase")]
struct Record {
    #[validate(min_length = 1, max_length = 256)]
    partition_key: String,
    #[validate(pattern = "0|([1-9]\\d{0,128})")]
    explicit_hash_key: Option<String>,
    #[validate(minimum = -1, maximum = 2.5)]
    count: i64,
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
    ::asyncapi_runtime::__private::compile_pattern("0|([1-9]\\d{0,128})"));
    #[automatically_derived]
    impl ::asyncapi_runtime::Validate for Record {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("PartitionKey");
                let __v0 = &self.partition_key;
                ::asyncapi_runtime::__private::min_length(__v0, 1, &__p0, report);
                ::asyncapi_runtime::__private::max_length(__v0, 256, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("ExplicitHashKey");
                let __v0 = &self.explicit_hash_key;
                ::asyncapi_runtime::__private::pattern(__v0, &__KT_RE_0, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("Count");
                let __v0 = &self.count;
                ::asyncapi_runtime::__private::minimum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Int(-1),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::__private::maximum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Float(2.5),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Record {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("PartitionKey").map(|__x| ("PartitionKey", __x)) {
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
                                ::asyncapi_runtime::__private::min_length(
                                    __v0,
                                    1,
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::max_length(
                                    __v0,
                                    256,
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
                                    "missing required property \"PartitionKey\"",
                                );
                        }
                    }
                    match __obj
                        .get("ExplicitHashKey")
                        .map(|__x| ("ExplicitHashKey", __x))
                    {
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
                    match __obj.get("Count").map(|__x| ("Count", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                i64,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                i64,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::minimum(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Int(-1),
                                    &__p,
                                    report,
                                );
                                ::asyncapi_runtime::__private::maximum(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Float(2.5),
                                    &__p,
                                    report,
                                );
                            }
                            <i64 as ::asyncapi_runtime::ValidateJson>::validate_json(
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
                                    "missing required property \"Count\"",
                                );
                        }
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
