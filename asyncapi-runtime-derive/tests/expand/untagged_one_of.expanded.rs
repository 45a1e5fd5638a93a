//! `untagged` with `one_of`: exactly one alternative; `validate()` counts them on the
//! value's JSON.

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
#[validate(one_of)]
enum Id {
    Number(#[validate(minimum = 0)] i64),
    Text(#[validate(pattern = "^[a-z]+$")] String),
    Unit,
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
    ::asyncapi_runtime::__private::compile_pattern("^[a-z]+$"));
    #[automatically_derived]
    impl ::asyncapi_runtime::Validate for Id {
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
                    {
                        let mut __scratch = ::asyncapi_runtime::Report::new();
                        {
                            let report = &mut __scratch;
                            {
                                let __p: ::asyncapi_runtime::Path<'_> = *path;
                                let __typed: ::core::result::Result<
                                    i64,
                                    ::asyncapi_runtime::__private::serde_json::Error,
                                > = ::asyncapi_runtime::__private::from_json_value::<
                                    i64,
                                >(value);
                                if let ::core::result::Result::Ok(__typed) = __typed {
                                    let __v0 = &__typed;
                                    ::asyncapi_runtime::__private::minimum(
                                        __v0,
                                        ::asyncapi_runtime::__private::Number::Int(0),
                                        &__p,
                                        report,
                                    );
                                }
                                <i64 as ::asyncapi_runtime::ValidateJson>::validate_json(
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
                    {
                        let mut __scratch = ::asyncapi_runtime::Report::new();
                        {
                            let report = &mut __scratch;
                            {
                                let __p: ::asyncapi_runtime::Path<'_> = *path;
                                let __typed: ::core::result::Result<
                                    String,
                                    ::asyncapi_runtime::__private::serde_json::Error,
                                > = ::asyncapi_runtime::__private::from_json_value::<
                                    String,
                                >(value);
                                if let ::core::result::Result::Ok(__typed) = __typed {
                                    let __v0 = &__typed;
                                    ::asyncapi_runtime::__private::pattern(
                                        __v0,
                                        &__KT_RE_0,
                                        &__p,
                                        report,
                                    );
                                }
                                <String as ::asyncapi_runtime::ValidateJson>::validate_json(
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
                    {
                        let mut __scratch = ::asyncapi_runtime::Report::new();
                        {
                            let report = &mut __scratch;
                            if !value.is_null() {
                                ::asyncapi_runtime::__private::type_error(
                                    value,
                                    "null",
                                    path,
                                    report,
                                );
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
                                ::asyncapi_runtime::Keyword::OneOf,
                                "matches none of the 3 alternatives",
                            );
                    }
                    if __matched > 1 {
                        report
                            .push(
                                path,
                                ::asyncapi_runtime::Keyword::OneOf,
                                ::std::format!(
                                    "matches {} alternatives, oneOf requires exactly one",
                                    __matched
                                ),
                            );
                    }
                }
                ::core::result::Result::Err(_) => {
                    match self {
                        Self::Number(__f0) => {
                            let __p0: ::asyncapi_runtime::Path<'_> = *path;
                            let __v0 = __f0;
                            ::asyncapi_runtime::__private::minimum(
                                __v0,
                                ::asyncapi_runtime::__private::Number::Int(0),
                                &__p0,
                                report,
                            );
                            ::asyncapi_runtime::Validate::validate_at(
                                __v0,
                                &__p0,
                                report,
                            );
                        }
                        Self::Text(__f0) => {
                            let __p0: ::asyncapi_runtime::Path<'_> = *path;
                            let __v0 = __f0;
                            ::asyncapi_runtime::__private::pattern(
                                __v0,
                                &__KT_RE_0,
                                &__p0,
                                report,
                            );
                            ::asyncapi_runtime::Validate::validate_at(
                                __v0,
                                &__p0,
                                report,
                            );
                        }
                        Self::Unit => {}
                    }
                }
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Id {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            let mut __matched = 0usize;
            {
                let mut __scratch = ::asyncapi_runtime::Report::new();
                {
                    let report = &mut __scratch;
                    {
                        let __p: ::asyncapi_runtime::Path<'_> = *path;
                        let __typed: ::core::result::Result<
                            i64,
                            ::asyncapi_runtime::__private::serde_json::Error,
                        > = ::asyncapi_runtime::__private::from_json_value::<i64>(value);
                        if let ::core::result::Result::Ok(__typed) = __typed {
                            let __v0 = &__typed;
                            ::asyncapi_runtime::__private::minimum(
                                __v0,
                                ::asyncapi_runtime::__private::Number::Int(0),
                                &__p,
                                report,
                            );
                        }
                        <i64 as ::asyncapi_runtime::ValidateJson>::validate_json(
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
            {
                let mut __scratch = ::asyncapi_runtime::Report::new();
                {
                    let report = &mut __scratch;
                    {
                        let __p: ::asyncapi_runtime::Path<'_> = *path;
                        let __typed: ::core::result::Result<
                            String,
                            ::asyncapi_runtime::__private::serde_json::Error,
                        > = ::asyncapi_runtime::__private::from_json_value::<
                            String,
                        >(value);
                        if let ::core::result::Result::Ok(__typed) = __typed {
                            let __v0 = &__typed;
                            ::asyncapi_runtime::__private::pattern(
                                __v0,
                                &__KT_RE_0,
                                &__p,
                                report,
                            );
                        }
                        <String as ::asyncapi_runtime::ValidateJson>::validate_json(
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
            {
                let mut __scratch = ::asyncapi_runtime::Report::new();
                {
                    let report = &mut __scratch;
                    if !value.is_null() {
                        ::asyncapi_runtime::__private::type_error(
                            value,
                            "null",
                            path,
                            report,
                        );
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
                        ::asyncapi_runtime::Keyword::OneOf,
                        "matches none of the 3 alternatives",
                    );
            }
            if __matched > 1 {
                report
                    .push(
                        path,
                        ::asyncapi_runtime::Keyword::OneOf,
                        ::std::format!(
                            "matches {} alternatives, oneOf requires exactly one",
                            __matched
                        ),
                    );
            }
        }
    }
};
