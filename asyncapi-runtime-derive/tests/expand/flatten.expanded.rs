//! Flattened maps take the properties no field names (`values(...)` checks each);
//! flattened structs read the same object; `Value` takes anything.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "camelCase")]
struct Envelope {
    event_id: String,
    #[serde(alias = "kind")]
    event_type: Option<String>,
    #[serde(flatten)]
    inner: Inner,
    #[serde(flatten)]
    maybe: Option<Inner>,
    #[serde(flatten)]
    #[validate(values(max_length = 10))]
    extra: std::collections::BTreeMap<String, String>,
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
    impl ::asyncapi_runtime::Validate for Envelope {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("eventId");
                let __v0 = &self.event_id;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("eventType");
                let __v0 = &self.event_type;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let path: &_ = path;
                {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = &self.inner;
                    ::asyncapi_runtime::Validate::validate_at(__v0, path, report);
                }
            }
            {
                let path: &_ = path;
                {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = &self.maybe;
                    ::asyncapi_runtime::Validate::validate_at(__v0, path, report);
                }
            }
            {
                let path: &_ = path;
                {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = &self.extra;
                    if let ::core::option::Option::Some(__values1) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                        __v0,
                    ) {
                        for (__k1, __v1) in __values1 {
                            let __p1 = __p0.key(__k1);
                            ::asyncapi_runtime::__private::max_length(
                                __v1,
                                10,
                                &__p1,
                                report,
                            );
                        }
                    }
                    ::asyncapi_runtime::Validate::validate_at(__v0, path, report);
                }
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Envelope {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("eventId").map(|__x| ("eventId", __x)) {
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
                                    "missing required property \"eventId\"",
                                );
                        }
                    }
                    match __obj
                        .get("eventType")
                        .map(|__x| ("eventType", __x))
                        .or_else(|| __obj.get("kind").map(|__x| ("kind", __x)))
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
                    <Inner as ::asyncapi_runtime::ValidateJson>::validate_json(
                        value,
                        path,
                        report,
                    );
                    if ::asyncapi_runtime::__private::from_json_value::<Inner>(value)
                        .is_ok()
                    {
                        <Inner as ::asyncapi_runtime::ValidateJson>::validate_json(
                            value,
                            path,
                            report,
                        );
                    }
                    let mut __extra: ::std::vec::Vec<
                        (&::std::string::String, &::asyncapi_runtime::Value),
                    > = __obj
                        .iter()
                        .filter(|(__key, _)| {
                            !::core::matches!(
                                __key.as_str(), "eventId" | "eventType" | "kind"
                            )
                        })
                        .collect();
                    __extra.sort_by(|a, b| a.0.cmp(b.0));
                    for (__key, __item) in __extra {
                        let __typed: ::core::result::Result<
                            String,
                            ::asyncapi_runtime::__private::serde_json::Error,
                        > = ::asyncapi_runtime::__private::from_json_value::<
                            String,
                        >(__item);
                        if let ::core::result::Result::Ok(__typed) = __typed {
                            let __p1: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __v1 = &__typed;
                            ::asyncapi_runtime::__private::max_length(
                                __v1,
                                10,
                                &__p1,
                                report,
                            );
                        }
                    }
                    for (__key, __item) in __obj {
                        if !::core::matches!(
                            __key.as_str(), "eventId" | "eventType" | "kind"
                        ) {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            <String as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __item,
                                &__p,
                                report,
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

#[derive(serde::Deserialize, Validate)]
struct Open {
    id: u32,
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
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
    impl ::asyncapi_runtime::Validate for Open {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("id");
                let __v0 = &self.id;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let path: &_ = path;
                {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = &self.rest;
                    ::asyncapi_runtime::Validate::validate_at(__v0, path, report);
                }
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Open {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("id").map(|__x| ("id", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            <u32 as ::asyncapi_runtime::ValidateJson>::validate_json(
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

#[derive(serde::Deserialize, Validate)]
struct RuntimeMap {
    id: u32,
    #[serde(flatten)]
    #[validate(values(max_length = 3))]
    rest: asyncapi_runtime::Map<String>,
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
    impl ::asyncapi_runtime::Validate for RuntimeMap {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("id");
                let __v0 = &self.id;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let path: &_ = path;
                {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = &self.rest;
                    if let ::core::option::Option::Some(__values1) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                        __v0,
                    ) {
                        for (__k1, __v1) in __values1 {
                            let __p1 = __p0.key(__k1);
                            ::asyncapi_runtime::__private::max_length(
                                __v1,
                                3,
                                &__p1,
                                report,
                            );
                        }
                    }
                    ::asyncapi_runtime::Validate::validate_at(__v0, path, report);
                }
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for RuntimeMap {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("id").map(|__x| ("id", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            <u32 as ::asyncapi_runtime::ValidateJson>::validate_json(
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
                    let mut __extra: ::std::vec::Vec<
                        (&::std::string::String, &::asyncapi_runtime::Value),
                    > = __obj
                        .iter()
                        .filter(|(__key, _)| !::core::matches!(__key.as_str(), "id"))
                        .collect();
                    __extra.sort_by(|a, b| a.0.cmp(b.0));
                    for (__key, __item) in __extra {
                        let __typed: ::core::result::Result<
                            String,
                            ::asyncapi_runtime::__private::serde_json::Error,
                        > = ::asyncapi_runtime::__private::from_json_value::<
                            String,
                        >(__item);
                        if let ::core::result::Result::Ok(__typed) = __typed {
                            let __p1: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __v1 = &__typed;
                            ::asyncapi_runtime::__private::max_length(
                                __v1,
                                3,
                                &__p1,
                                report,
                            );
                        }
                    }
                    for (__key, __item) in __obj {
                        if !::core::matches!(__key.as_str(), "id") {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            <String as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __item,
                                &__p,
                                report,
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
