//! `tag = "..."`: the tag sits among the variant's fields.

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "type", deny_unknown_fields)]
enum Event {
    Start { #[validate(min_length = 1)] id: String },
    Stop,
    Wrapped(Inner),
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
    impl ::asyncapi_runtime::Validate for Event {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match self {
                Self::Start { id: __f0 } => {
                    let __p0: ::asyncapi_runtime::Path<'_> = path.key("id");
                    let __v0 = __f0;
                    ::asyncapi_runtime::__private::min_length(__v0, 1, &__p0, report);
                    ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                }
                Self::Stop => {}
                Self::Wrapped(__f0) => {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = __f0;
                    ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                }
                Self::Unknown => {}
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Event {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("type") {
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Required,
                                    "missing required property \"type\"",
                                );
                        }
                        ::core::option::Option::Some(__tag) => {
                            match __tag.as_str() {
                                ::core::option::Option::Some("Start") => {
                                    match __obj.get("id").map(|__x| ("id", __x)) {
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
                                                    "missing required property \"id\"",
                                                );
                                        }
                                    }
                                    for __key in __obj.keys() {
                                        if !::core::matches!(__key.as_str(), "type" | "id") {
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
                                ::core::option::Option::Some("Stop") => {}
                                ::core::option::Option::Some("Wrapped") => {
                                    let __rest: ::asyncapi_runtime::Map = __obj
                                        .iter()
                                        .filter(|(__key, _)| __key.as_str() != "type")
                                        .map(|(__key, __item)| (__key.clone(), __item.clone()))
                                        .collect();
                                    let __rest = ::asyncapi_runtime::Value::Object(__rest);
                                    let __content = &__rest;
                                    {
                                        let __p: ::asyncapi_runtime::Path<'_> = *path;
                                        <Inner as ::asyncapi_runtime::ValidateJson>::validate_json(
                                            __content,
                                            &__p,
                                            report,
                                        );
                                    }
                                }
                                ::core::option::Option::Some(_) => {}
                                _ => {
                                    report
                                        .push(
                                            &path.key("type"),
                                            ::asyncapi_runtime::Keyword::Enum,
                                            ::std::format!(
                                                "{} is not one of {}",
                                                ::asyncapi_runtime::__private::describe(__tag),
                                                "\"Start\", \"Stop\", \"Wrapped\""
                                            ),
                                        );
                                }
                            }
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
