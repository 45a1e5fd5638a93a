//! `untagged` (`any_of`, the default): the first alternative that matches settles it.

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
#[validate(any_of)]
enum Limit<T> {
    Count(#[validate(maximum = 100)] u32),
    Named { name: String, value: T },
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
    impl<T> ::asyncapi_runtime::Validate for Limit<T>
    where
        T: ::asyncapi_runtime::Validate,
        T: ::asyncapi_runtime::ValidateJson
            + ::asyncapi_runtime::__private::serde::Serialize,
    {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match ::asyncapi_runtime::__private::to_json_value(self) {
                ::core::result::Result::Ok(__json) => {
                    let value = &__json;
                    let mut __matched = 0usize;
                    if __matched == 0 {
                        let mut __scratch = ::asyncapi_runtime::Report::new();
                        {
                            let report = &mut __scratch;
                            {
                                let __p: ::asyncapi_runtime::Path<'_> = *path;
                                let __typed: ::core::result::Result<
                                    u32,
                                    ::asyncapi_runtime::__private::serde_json::Error,
                                > = ::asyncapi_runtime::__private::from_json_value::<
                                    u32,
                                >(value);
                                if let ::core::result::Result::Ok(__typed) = __typed {
                                    let __v0 = &__typed;
                                    ::asyncapi_runtime::__private::maximum(
                                        __v0,
                                        ::asyncapi_runtime::__private::Number::Int(100),
                                        &__p,
                                        report,
                                    );
                                }
                                <u32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                    value,
                                    &__p,
                                    report,
                                );
                            }
                        }
                        if __scratch.is_empty() {
                            __matched += 1;
                        }
                    }
                    if __matched == 0 {
                        let mut __scratch = ::asyncapi_runtime::Report::new();
                        {
                            let report = &mut __scratch;
                            match value {
                                ::asyncapi_runtime::Value::Object(__obj) => {
                                    match __obj.get("name").map(|__x| ("name", __x)) {
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
                                                    "missing required property \"name\"",
                                                );
                                        }
                                    }
                                    match __obj.get("value").map(|__x| ("value", __x)) {
                                        ::core::option::Option::Some((__key, __fv)) => {
                                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                                            <T as ::asyncapi_runtime::ValidateJson>::validate_json(
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
                                                    "missing required property \"value\"",
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
                        if __scratch.is_empty() {
                            __matched += 1;
                        }
                    }
                    if __matched == 0 {
                        report
                            .push(
                                path,
                                ::asyncapi_runtime::Keyword::AnyOf,
                                "matches none of the 2 alternatives",
                            );
                    }
                }
                ::core::result::Result::Err(_) => {
                    match self {
                        Self::Count(__f0) => {
                            let __p0: ::asyncapi_runtime::Path<'_> = *path;
                            let __v0 = __f0;
                            ::asyncapi_runtime::__private::maximum(
                                __v0,
                                ::asyncapi_runtime::__private::Number::Int(100),
                                &__p0,
                                report,
                            );
                            ::asyncapi_runtime::Validate::validate_at(
                                __v0,
                                &__p0,
                                report,
                            );
                        }
                        Self::Named { name: __f0, value: __f1 } => {
                            {
                                let __p0: ::asyncapi_runtime::Path<'_> = path.key("name");
                                let __v0 = __f0;
                                ::asyncapi_runtime::Validate::validate_at(
                                    __v0,
                                    &__p0,
                                    report,
                                );
                            }
                            {
                                let __p0: ::asyncapi_runtime::Path<'_> = path.key("value");
                                let __v0 = __f1;
                                ::asyncapi_runtime::Validate::validate_at(
                                    __v0,
                                    &__p0,
                                    report,
                                );
                            }
                        }
                    }
                }
            }
        }
    }
    #[automatically_derived]
    impl<T> ::asyncapi_runtime::ValidateJson for Limit<T>
    where
        T: ::asyncapi_runtime::ValidateJson,
    {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            let mut __matched = 0usize;
            if __matched == 0 {
                let mut __scratch = ::asyncapi_runtime::Report::new();
                {
                    let report = &mut __scratch;
                    {
                        let __p: ::asyncapi_runtime::Path<'_> = *path;
                        let __typed: ::core::result::Result<
                            u32,
                            ::asyncapi_runtime::__private::serde_json::Error,
                        > = ::asyncapi_runtime::__private::from_json_value::<u32>(value);
                        if let ::core::result::Result::Ok(__typed) = __typed {
                            let __v0 = &__typed;
                            ::asyncapi_runtime::__private::maximum(
                                __v0,
                                ::asyncapi_runtime::__private::Number::Int(100),
                                &__p,
                                report,
                            );
                        }
                        <u32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                            value,
                            &__p,
                            report,
                        );
                    }
                }
                if __scratch.is_empty() {
                    __matched += 1;
                }
            }
            if __matched == 0 {
                let mut __scratch = ::asyncapi_runtime::Report::new();
                {
                    let report = &mut __scratch;
                    match value {
                        ::asyncapi_runtime::Value::Object(__obj) => {
                            match __obj.get("name").map(|__x| ("name", __x)) {
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
                                            "missing required property \"name\"",
                                        );
                                }
                            }
                            match __obj.get("value").map(|__x| ("value", __x)) {
                                ::core::option::Option::Some((__key, __fv)) => {
                                    let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                                    <T as ::asyncapi_runtime::ValidateJson>::validate_json(
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
                                            "missing required property \"value\"",
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
                if __scratch.is_empty() {
                    __matched += 1;
                }
            }
            if __matched == 0 {
                report
                    .push(
                        path,
                        ::asyncapi_runtime::Keyword::AnyOf,
                        "matches none of the 2 alternatives",
                    );
            }
        }
    }
};
