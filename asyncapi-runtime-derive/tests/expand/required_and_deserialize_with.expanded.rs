//! `required` on an `Option` read with `deserialize_with`; `with` modules and functions
//! read the typed value the constraints are checked on.

#[derive(serde::Deserialize, Validate)]
#[serde(default)]
struct Nullable {
    #[validate(required, max_length = 3)]
    #[serde(deserialize_with = "asyncapi_runtime::__private::nullable")]
    note: Option<String>,
    #[validate(min_length = 1)]
    #[serde(with = "text")]
    text: String,
    #[validate(maximum = 9)]
    #[serde(deserialize_with = "asyncapi_runtime::__private::non_null")]
    digit: Option<u8>,
    plain: String,
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
    impl ::asyncapi_runtime::Validate for Nullable {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("note");
                let __v0 = &self.note;
                ::asyncapi_runtime::__private::max_length(__v0, 3, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("text");
                let __v0 = &self.text;
                ::asyncapi_runtime::__private::min_length(__v0, 1, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("digit");
                let __v0 = &self.digit;
                ::asyncapi_runtime::__private::maximum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Int(9),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("plain");
                let __v0 = &self.plain;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Nullable {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("note").map(|__x| ("note", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            if !__fv.is_null() {
                                let __typed: ::core::result::Result<
                                    Option<String>,
                                    ::asyncapi_runtime::__private::serde_json::Error,
                                > = ::asyncapi_runtime::__private::read_json_value(
                                    __fv,
                                    |__d| asyncapi_runtime::__private::nullable(__d),
                                );
                                if let ::core::result::Result::Ok(__typed) = __typed {
                                    let __v0 = &__typed;
                                    ::asyncapi_runtime::__private::max_length(
                                        __v0,
                                        3,
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
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"note\"",
                                );
                        }
                    }
                    match __obj.get("text").map(|__x| ("text", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                String,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::read_json_value(
                                __fv,
                                |__d| text::deserialize(__d),
                            );
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::min_length(
                                    __v0,
                                    1,
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
                        ::core::option::Option::None => {}
                    }
                    match __obj.get("digit").map(|__x| ("digit", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                Option<u8>,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::read_json_value(
                                __fv,
                                |__d| asyncapi_runtime::__private::non_null(__d),
                            );
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                ::asyncapi_runtime::__private::maximum(
                                    __v0,
                                    ::asyncapi_runtime::__private::Number::Int(9),
                                    &__p,
                                    report,
                                );
                            }
                            <Option<
                                u8,
                            > as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {}
                    }
                    match __obj.get("plain").map(|__x| ("plain", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            <String as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
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
