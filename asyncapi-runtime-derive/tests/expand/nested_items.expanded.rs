//! `items(...)` nests: each level has its own index and path.

#[derive(serde::Deserialize, Validate)]
struct Grid {
    #[validate(items(max_items = 3, items(minimum = 0)))]
    rows: Vec<Vec<i64>>,
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
    impl ::asyncapi_runtime::Validate for Grid {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("rows");
                let __v0 = &self.rows;
                if let ::core::option::Option::Some(__items1) = ::asyncapi_runtime::__private::MaybeItems::as_items(
                    __v0,
                ) {
                    for (__i1, __v1) in __items1.iter().enumerate() {
                        let __p1 = __p0.index(__i1);
                        ::asyncapi_runtime::__private::max_items(__v1, 3, &__p1, report);
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
                    }
                }
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Grid {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match value {
                ::asyncapi_runtime::Value::Object(__obj) => {
                    match __obj.get("rows").map(|__x| ("rows", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: ::asyncapi_runtime::Path<'_> = path.key(__key);
                            let __typed: ::core::result::Result<
                                Vec<Vec<i64>>,
                                ::asyncapi_runtime::__private::serde_json::Error,
                            > = ::asyncapi_runtime::__private::from_json_value::<
                                Vec<Vec<i64>>,
                            >(__fv);
                            if let ::core::result::Result::Ok(__typed) = __typed {
                                let __v0 = &__typed;
                                if let ::core::option::Option::Some(__items1) = ::asyncapi_runtime::__private::MaybeItems::as_items(
                                    __v0,
                                ) {
                                    for (__i1, __v1) in __items1.iter().enumerate() {
                                        let __p1 = __p.index(__i1);
                                        ::asyncapi_runtime::__private::max_items(
                                            __v1,
                                            3,
                                            &__p1,
                                            report,
                                        );
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
                                    }
                                }
                            }
                            <Vec<
                                Vec<i64>,
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
