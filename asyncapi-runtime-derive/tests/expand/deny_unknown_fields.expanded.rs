//! `deny_unknown_fields`: every property no field (or alias) names is reported.

#[derive(serde::Deserialize, Validate)]
#[serde(deny_unknown_fields)]
struct Strict {
    #[serde(rename = "a-b", alias = "ab", alias = "AB")]
    a: String,
    #[serde(default)]
    b: u32,
    #[serde(skip)]
    c: u32,
    #[serde(rename(serialize = "ser", deserialize = "de"))]
    d: Option<u8>,
    r#type: String,
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
    impl ::asyncapi_runtime::Validate for Strict {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("a-b");
                let __v0 = &self.a;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("b");
                let __v0 = &self.b;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("de");
                let __v0 = &self.d;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("type");
                let __v0 = &self.r#type;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Strict {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj
                        .get("a-b")
                        .map(|__x| ("a-b", __x))
                        .or_else(|| __obj.get("ab").map(|__x| ("ab", __x)))
                        .or_else(|| __obj.get("AB").map(|__x| ("AB", __x)))
                    {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
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
                                    "missing required property \"a-b\"",
                                );
                        }
                    }
                    match __obj.get("b").map(|__x| ("b", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            <u32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {}
                    }
                    match __obj.get("de").map(|__x| ("de", __x)) {
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
                                <Option<
                                    u8,
                                > as ::asyncapi_runtime::ValidateJson>::validate_json(
                                    __fv,
                                    &__p,
                                    report,
                                );
                            }
                        }
                        ::core::option::Option::None => {}
                    }
                    match __obj.get("type").map(|__x| ("type", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
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
                                    "missing required property \"type\"",
                                );
                        }
                    }
                    for __key in __obj.keys() {
                        if !::core::matches!(
                            __key.as_str(), "a-b" | "ab" | "AB" | "b" | "de" | "type"
                        ) {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            report
                                .push(
                                    &__p,
                                    ::asyncapi_runtime::Keyword::AdditionalProperties,
                                    ::std::format!("property {:?} is not allowed", __key),
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
