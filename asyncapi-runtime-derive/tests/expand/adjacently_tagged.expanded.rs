//! `tag` + `content`: the content sits under its own key.

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum Message {
    Ping,
    Text(#[validate(max_length = 140)] String),
    Move { x: i32, y: i32 },
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
    impl ::asyncapi_runtime::Validate for Message {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match self {
                Self::Ping => {}
                Self::Text(__f0) => {
                    let __base: ::asyncapi_runtime::Path<'_> = path.key("c");
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = *(&__base);
                        let __v0 = __f0;
                        ::asyncapi_runtime::__private::max_length(
                            __v0,
                            140,
                            &__p0,
                            report,
                        );
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                }
                Self::Move { x: __f0, y: __f1 } => {
                    let __base: ::asyncapi_runtime::Path<'_> = path.key("c");
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = (&__base).key("x");
                        let __v0 = __f0;
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = (&__base).key("y");
                        let __v0 = __f1;
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                }
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Message {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("t") {
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"t\"",
                                );
                        }
                        ::core::option::Option::Some(__tag) => {
                            match __tag.as_str() {
                                ::core::option::Option::Some("Ping") => {
                                    if let ::core::option::Option::Some(__content) = __obj
                                        .get("c")
                                    {
                                        if !__content.is_null() {
                                            ::asyncapi_runtime::__private::type_error(
                                                __content,
                                                "null",
                                                &path.key("c"),
                                                report,
                                            );
                                        }
                                    }
                                }
                                ::core::option::Option::Some("Text") => {
                                    match __obj.get("c") {
                                        ::core::option::Option::None => {
                                            report
                                                .push(
                                                    path,
                                                    ::asyncapi_runtime::Keyword::Required,
                                                    "missing required property \"c\"",
                                                );
                                        }
                                        ::core::option::Option::Some(__content) => {
                                            let __base: ::asyncapi_runtime::Path<'_> = path.key("c");
                                            {
                                                let __p: ::asyncapi_runtime::Path<'_> = *(&__base);
                                                let __typed: ::core::result::Result<
                                                    String,
                                                    ::asyncapi_runtime::__private::serde_json::Error,
                                                > = ::asyncapi_runtime::__private::from_json_value::<
                                                    String,
                                                >(__content);
                                                if let ::core::result::Result::Ok(__typed) = __typed {
                                                    let __v0 = &__typed;
                                                    ::asyncapi_runtime::__private::max_length(
                                                        __v0,
                                                        140,
                                                        &__p,
                                                        report,
                                                    );
                                                }
                                                <String as ::asyncapi_runtime::ValidateJson>::validate_json(
                                                    __content,
                                                    &__p,
                                                    report,
                                                );
                                            }
                                        }
                                    }
                                }
                                ::core::option::Option::Some("Move") => {
                                    match __obj.get("c") {
                                        ::core::option::Option::None => {
                                            report
                                                .push(
                                                    path,
                                                    ::asyncapi_runtime::Keyword::Required,
                                                    "missing required property \"c\"",
                                                );
                                        }
                                        ::core::option::Option::Some(__content) => {
                                            let __base: ::asyncapi_runtime::Path<'_> = path.key("c");
                                            match __content {
                                                ::asyncapi_runtime::Value::Object(__obj) => {
                                                    match __obj.get("x").map(|__x| ("x", __x)) {
                                                        ::core::option::Option::Some((__key, __fv)) => {
                                                            let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                                .key(__key);
                                                            <i32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                                                __fv,
                                                                &__p,
                                                                report,
                                                            );
                                                        }
                                                        ::core::option::Option::None => {
                                                            report
                                                                .push(
                                                                    (&__base),
                                                                    ::asyncapi_runtime::Keyword::Required,
                                                                    "missing required property \"x\"",
                                                                );
                                                        }
                                                    }
                                                    match __obj.get("y").map(|__x| ("y", __x)) {
                                                        ::core::option::Option::Some((__key, __fv)) => {
                                                            let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                                .key(__key);
                                                            <i32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                                                __fv,
                                                                &__p,
                                                                report,
                                                            );
                                                        }
                                                        ::core::option::Option::None => {
                                                            report
                                                                .push(
                                                                    (&__base),
                                                                    ::asyncapi_runtime::Keyword::Required,
                                                                    "missing required property \"y\"",
                                                                );
                                                        }
                                                    }
                                                    for __key in __obj.keys() {
                                                        if !::core::matches!(__key.as_str(), "x" | "y") {
                                                            let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                                .key(__key);
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
                                                        __content,
                                                        "object",
                                                        (&__base),
                                                        report,
                                                    )
                                                }
                                            }
                                        }
                                    }
                                }
                                _ => {
                                    report
                                        .push(
                                            &path.key("t"),
                                            ::asyncapi_runtime::Keyword::Enum,
                                            ::std::format!(
                                                "{} is not one of {}",
                                                ::asyncapi_runtime::__private::describe(__tag),
                                                "\"Ping\", \"Text\", \"Move\""
                                            ),
                                        );
                                }
                            }
                        }
                    }
                    for __key in __obj.keys() {
                        if !::core::matches!(__key.as_str(), "t" | "c") {
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
