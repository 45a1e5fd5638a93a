//! `values(...)` on maps, nested with itself and with `items(...)`, located by key.

#[derive(serde::Deserialize, Validate)]
struct Tags {
    #[validate(max_properties = 4, values(max_length = 3))]
    labels: std::collections::BTreeMap<String, String>,
    #[validate(values(items(minimum = 0), values(max_items = 2)))]
    nested: std::collections::HashMap<
        String,
        std::collections::BTreeMap<String, Vec<i64>>,
    >,
    #[validate(items(values(pattern = "^x")))]
    rows: Vec<std::collections::BTreeMap<String, String>>,
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
    ::asyncapi_runtime::__private::compile_pattern("^x"));
    #[automatically_derived]
    impl ::asyncapi_runtime::Validate for Tags {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("labels");
                let __v0 = &self.labels;
                ::asyncapi_runtime::__private::max_properties(__v0, 4, &__p0, report);
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
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("nested");
                let __v0 = &self.nested;
                if let ::core::option::Option::Some(__values1) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                    __v0,
                ) {
                    for (__k1, __v1) in __values1 {
                        let __p1 = __p0.key(__k1);
                        if let ::core::option::Option::Some(__items2) = ::asyncapi_runtime::__private::MaybeItems::as_items(
                            __v1,
                        ) {
                            for (__i2, __v2) in __items2.iter().enumerate() {
                                let __p2 = __p1.index(__i2);
                                ::asyncapi_runtime::__private::minimum(
                                    __v2,
                                    ::asyncapi_runtime::__private::Number::Int(0),
                                    &__p2,
                                    report,
                                );
                            }
                        }
                        if let ::core::option::Option::Some(__values2) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                            __v1,
                        ) {
                            for (__k2, __v2) in __values2 {
                                let __p2 = __p1.key(__k2);
                                ::asyncapi_runtime::__private::max_items(
                                    __v2,
                                    2,
                                    &__p2,
                                    report,
                                );
                            }
                        }
                    }
                }
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("rows");
                let __v0 = &self.rows;
                if let ::core::option::Option::Some(__items1) = ::asyncapi_runtime::__private::MaybeItems::as_items(
                    __v0,
                ) {
                    for (__i1, __v1) in __items1.iter().enumerate() {
                        let __p1 = __p0.index(__i1);
                        if let ::core::option::Option::Some(__values2) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                            __v1,
                        ) {
                            for (__k2, __v2) in __values2 {
                                let __p2 = __p1.key(__k2);
                                ::asyncapi_runtime::__private::pattern(
                                    __v2,
                                    &__KT_RE_0,
                                    &__p2,
                                    report,
                                );
                            }
                        }
                    }
                }
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Tags {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("labels").map(|__x| ("labels", __x)) {
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
                                ::asyncapi_runtime::__private::max_properties(
                                    __v0,
                                    4,
                                    &__p,
                                    report,
                                );
                                if let ::core::option::Option::Some(__values1) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                                    __v0,
                                ) {
                                    for (__k1, __v1) in __values1 {
                                        let __p1 = __p.key(__k1);
                                        ::asyncapi_runtime::__private::max_length(
                                            __v1,
                                            3,
                                            &__p1,
                                            report,
                                        );
                                    }
                                }
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
                                    "missing required property \"labels\"",
                                );
                        }
                    }
                    match __obj.get("nested").map(|__x| ("nested", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                std::collections::HashMap<
                                    String,
                                    std::collections::BTreeMap<String, Vec<i64>>,
                                >,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                std::collections::HashMap<
                                    String,
                                    std::collections::BTreeMap<String, Vec<i64>>,
                                >,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                if let ::core::option::Option::Some(__values1) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                                    __v0,
                                ) {
                                    for (__k1, __v1) in __values1 {
                                        let __p1 = __p.key(__k1);
                                        if let ::core::option::Option::Some(__items2) = ::asyncapi_runtime::__private::MaybeItems::as_items(
                                            __v1,
                                        ) {
                                            for (__i2, __v2) in __items2.iter().enumerate() {
                                                let __p2 = __p1.index(__i2);
                                                ::asyncapi_runtime::__private::minimum(
                                                    __v2,
                                                    ::asyncapi_runtime::__private::Number::Int(0),
                                                    &__p2,
                                                    report,
                                                );
                                            }
                                        }
                                        if let ::core::option::Option::Some(__values2) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                                            __v1,
                                        ) {
                                            for (__k2, __v2) in __values2 {
                                                let __p2 = __p1.key(__k2);
                                                ::asyncapi_runtime::__private::max_items(
                                                    __v2,
                                                    2,
                                                    &__p2,
                                                    report,
                                                );
                                            }
                                        }
                                    }
                                }
                            }
                            <std::collections::HashMap<
                                String,
                                std::collections::BTreeMap<String, Vec<i64>>,
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
                                    "missing required property \"nested\"",
                                );
                        }
                    }
                    match __obj.get("rows").map(|__x| ("rows", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                Vec<std::collections::BTreeMap<String, String>>,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                Vec<std::collections::BTreeMap<String, String>>,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                if let ::core::option::Option::Some(__items1) = ::asyncapi_runtime::__private::MaybeItems::as_items(
                                    __v0,
                                ) {
                                    for (__i1, __v1) in __items1.iter().enumerate() {
                                        let __p1 = __p.index(__i1);
                                        if let ::core::option::Option::Some(__values2) = ::asyncapi_runtime::__private::MaybeMap::map_values(
                                            __v1,
                                        ) {
                                            for (__k2, __v2) in __values2 {
                                                let __p2 = __p1.key(__k2);
                                                ::asyncapi_runtime::__private::pattern(
                                                    __v2,
                                                    &__KT_RE_0,
                                                    &__p2,
                                                    report,
                                                );
                                            }
                                        }
                                    }
                                }
                            }
                            <Vec<
                                std::collections::BTreeMap<String, String>,
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
                                    "missing required property \"rows\"",
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
