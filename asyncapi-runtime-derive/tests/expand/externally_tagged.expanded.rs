//! The default enum representation: a name, or an object with one property.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "lowercase", rename_all_fields = "camelCase")]
enum Shape {
    Empty,
    Circle { #[validate(minimum = 0)] radius_mm: f64 },
    Label(#[validate(max_length = 5)] String),
    Point(i32, #[validate(maximum = 10)] i32),
    #[serde(rename_all = "PascalCase")]
    Boxed { #[validate(skip)] inner_box: Option<Box<Shape>>, side_len: u32 },
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
    impl ::asyncapi_runtime::Validate for Shape {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match self {
                Self::Empty => {}
                Self::Circle { radius_mm: __f0 } => {
                    let __base: ::asyncapi_runtime::Path<'_> = path.key("circle");
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = (&__base)
                            .key("radiusMm");
                        let __v0 = __f0;
                        ::asyncapi_runtime::__private::minimum(
                            __v0,
                            ::asyncapi_runtime::__private::Number::Int(0),
                            &__p0,
                            report,
                        );
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                }
                Self::Label(__f0) => {
                    let __base: ::asyncapi_runtime::Path<'_> = path.key("label");
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = *(&__base);
                        let __v0 = __f0;
                        ::asyncapi_runtime::__private::max_length(
                            __v0,
                            5,
                            &__p0,
                            report,
                        );
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                }
                Self::Point(__f0, __f1) => {
                    let __base: ::asyncapi_runtime::Path<'_> = path.key("point");
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = (&__base).index(0usize);
                        let __v0 = __f0;
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = (&__base).index(1usize);
                        let __v0 = __f1;
                        ::asyncapi_runtime::__private::maximum(
                            __v0,
                            ::asyncapi_runtime::__private::Number::Int(10),
                            &__p0,
                            report,
                        );
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                }
                Self::Boxed { inner_box: _, side_len: __f1 } => {
                    let __base: ::asyncapi_runtime::Path<'_> = path.key("boxed");
                    {
                        let __p0: ::asyncapi_runtime::Path<'_> = (&__base)
                            .key("SideLen");
                        let __v0 = __f1;
                        ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                    }
                }
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Shape {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::String(__s) => {
                    match ::core::option::Option::Some(__s.as_str()) {
                        ::core::option::Option::Some("empty") => {}
                        _ => {
                            report
                                .push(
                                    path,
                                    ::asyncapi_runtime::Keyword::Const,
                                    ::std::format!(
                                        "{} is not {}",
                                        ::asyncapi_runtime::__private::describe(value), "\"empty\""
                                    ),
                                );
                        }
                    }
                }
                ::asyncapi_runtime::Value::Object(__obj) if __obj.len() == 1 => {
                    for (__key, __content) in __obj {
                        let __base: ::asyncapi_runtime::Path<'_> = path.key(__key);
                        match __key.as_str() {
                            "empty" => {
                                if !__content.is_null() {
                                    ::asyncapi_runtime::__private::type_error(
                                        __content,
                                        "null",
                                        &__base,
                                        report,
                                    );
                                }
                            }
                            "circle" => {
                                match __content {
                                    ::asyncapi_runtime::Value::Object(__obj) => {
                                        match __obj.get("radiusMm").map(|__x| ("radiusMm", __x)) {
                                            ::core::option::Option::Some((__key, __fv)) => {
                                                let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                    .key(__key);
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
                                                        ::asyncapi_runtime::__private::Number::Int(0),
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
                                                        (&__base),
                                                        ::asyncapi_runtime::Keyword::Required,
                                                        "missing required property \"radiusMm\"",
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
                            "label" => {
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
                                        5,
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
                            "point" => {
                                match __content {
                                    ::asyncapi_runtime::Value::Array(__items) => {
                                        let __n = __items.len();
                                        let __what = if __n == 1 { "item" } else { "items" };
                                        if __n < 2usize {
                                            report
                                                .push(
                                                    (&__base),
                                                    ::asyncapi_runtime::Keyword::MinItems,
                                                    ::std::format!(
                                                        "{} {}, {}", __n, __what, "fewer than minItems 2"
                                                    ),
                                                );
                                        }
                                        if __n > 2usize {
                                            report
                                                .push(
                                                    (&__base),
                                                    ::asyncapi_runtime::Keyword::MaxItems,
                                                    ::std::format!(
                                                        "{} {}, {}", __n, __what, "more than maxItems 2"
                                                    ),
                                                );
                                        }
                                        if let ::core::option::Option::Some(__item) = __items
                                            .get(0usize)
                                        {
                                            let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                .index(0usize);
                                            <i32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                                __item,
                                                &__p,
                                                report,
                                            );
                                        }
                                        if let ::core::option::Option::Some(__item) = __items
                                            .get(1usize)
                                        {
                                            let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                .index(1usize);
                                            let __typed: ::core::result::Result<
                                                i32,
                                                ::asyncapi_runtime::__private::serde_json::Error,
                                            > = ::asyncapi_runtime::__private::from_json_value::<
                                                i32,
                                            >(__item);
                                            if let ::core::result::Result::Ok(__typed) = __typed {
                                                let __v0 = &__typed;
                                                ::asyncapi_runtime::__private::maximum(
                                                    __v0,
                                                    ::asyncapi_runtime::__private::Number::Int(10),
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
                                            __content,
                                            "array",
                                            (&__base),
                                            report,
                                        )
                                    }
                                }
                            }
                            "boxed" => {
                                match __content {
                                    ::asyncapi_runtime::Value::Object(__obj) => {
                                        match __obj.get("InnerBox").map(|__x| ("InnerBox", __x)) {
                                            ::core::option::Option::Some((__key, __fv)) => {
                                                let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                    .key(__key);
                                            }
                                            ::core::option::Option::None => {}
                                        }
                                        match __obj.get("SideLen").map(|__x| ("SideLen", __x)) {
                                            ::core::option::Option::Some((__key, __fv)) => {
                                                let __p: ::asyncapi_runtime::Path<'_> = (&__base)
                                                    .key(__key);
                                                <u32 as ::asyncapi_runtime::ValidateJson>::validate_json(
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
                                                        "missing required property \"SideLen\"",
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
                            _ => {
                                report
                                    .push(
                                        &__base,
                                        ::asyncapi_runtime::Keyword::AdditionalProperties,
                                        ::std::format!(
                                            "property {:?} is not allowed: expected one of {}", __key,
                                            "\"empty\", \"circle\", \"label\", \"point\", \"boxed\""
                                        ),
                                    )
                            }
                        }
                    }
                }
                ::asyncapi_runtime::Value::Object(__obj) if __obj.is_empty() => {
                    report
                        .push(
                            path,
                            ::asyncapi_runtime::Keyword::Required,
                            "missing the variant property, one of \"empty\", \"circle\", \"label\", \"point\", \"boxed\"",
                        );
                }
                ::asyncapi_runtime::Value::Object(__obj) => {
                    report
                        .push(
                            path,
                            ::asyncapi_runtime::Keyword::MaxProperties,
                            ::std::format!(
                                "{} {} {}", __obj.len(),
                                "properties; a variant is an object with exactly one property, one of",
                                "\"empty\", \"circle\", \"label\", \"point\", \"boxed\""
                            ),
                        );
                }
                _ => {
                    ::asyncapi_runtime::__private::type_error(
                        value,
                        "string or object",
                        path,
                        report,
                    )
                }
            }
        }
    }
};
