//! Container `min_properties`/`max_properties`: fields present plus flattened extras.

#[derive(serde::Deserialize, Validate)]
#[validate(min_properties = 1, max_properties = 3)]
struct Sparse {
    a: Option<String>,
    b: String,
    #[serde(skip)]
    c: u8,
    #[serde(flatten)]
    extra: std::collections::BTreeMap<String, u32>,
    #[serde(flatten)]
    inner: Inner,
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
    impl ::asyncapi_runtime::Validate for Sparse {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("a");
                let __v0 = &self.a;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("b");
                let __v0 = &self.b;
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let path: &_ = path;
                {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = &self.extra;
                    ::asyncapi_runtime::Validate::validate_at(__v0, path, report);
                }
            }
            {
                let path: &_ = path;
                {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = &self.inner;
                    ::asyncapi_runtime::Validate::validate_at(__v0, path, report);
                }
            }
            let __count = ::asyncapi_runtime::__private::PropertyCount(
                0 + usize::from(self.a.is_some()) + 1
                    + ::asyncapi_runtime::__private::FlattenedCount::flattened_count(
                        &self.extra,
                    ) + 0,
            );
            ::asyncapi_runtime::__private::min_properties(&__count, 1, path, report);
            ::asyncapi_runtime::__private::max_properties(&__count, 3, path, report);
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Sparse {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("a").map(|__x| ("a", __x)) {
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
                    match __obj.get("b").map(|__x| ("b", __x)) {
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
                                    "missing required property \"b\"",
                                );
                        }
                    }
                    for (__key, __item) in __obj {
                        if !::core::matches!(__key.as_str(), "a" | "b") {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            <u32 as ::asyncapi_runtime::ValidateJson>::validate_json(
                                __item,
                                &__p,
                                report,
                            );
                        }
                    }
                    <Inner as ::asyncapi_runtime::ValidateJson>::validate_json(
                        value,
                        path,
                        report,
                    );
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
            if let ::asyncapi_runtime::Value::Object(__counted) = value {
                ::asyncapi_runtime::__private::min_properties(
                    __counted,
                    1,
                    path,
                    report,
                );
                ::asyncapi_runtime::__private::max_properties(
                    __counted,
                    3,
                    path,
                    report,
                );
            }
        }
    }
};
