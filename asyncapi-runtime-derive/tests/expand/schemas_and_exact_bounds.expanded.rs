//! `json_schema` makes `ValidateJson` a schema's entry; `extra_schema` adds a schema's
//! checks to `validate()` and to the walk; bounds written as JSON number text are exact
//! `Number` constants.

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[validate(json_schema(SCHEMAS, 3), extra_schema(crate::SCHEMAS, 4))]
struct Reading {
    #[validate(extra_schema(SCHEMAS, 5))]
    id: Option<String>,
    #[validate(minimum = "972783798187987123879878123.18878137", multiple_of = "0.01")]
    amount: asyncapi_runtime::Number,
    #[validate(exclusive_maximum = 1e300, maximum = 7)]
    scale: f64,
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
    impl ::asyncapi_runtime::Validate for Reading {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("id");
                let __v0 = &self.id;
                if let ::core::option::Option::Some(__present) = ::core::option::Option::as_ref(
                    __v0,
                ) {
                    ::asyncapi_runtime::__private::extra_schema(
                        &SCHEMAS,
                        5usize,
                        __present,
                        &__p0,
                        report,
                    );
                }
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("amount");
                let __v0 = &self.amount;
                ::asyncapi_runtime::__private::minimum(
                    __v0,
                    {
                        const __BOUND: ::asyncapi_runtime::Number = ::asyncapi_runtime::Number::from_static(
                            "972783798187987123879878123.18878137",
                        );
                        __BOUND
                    },
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::__private::multiple_of(
                    __v0,
                    {
                        const __BOUND: ::asyncapi_runtime::Number = ::asyncapi_runtime::Number::from_static(
                            "0.01",
                        );
                        __BOUND
                    },
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("scale");
                let __v0 = &self.scale;
                ::asyncapi_runtime::__private::exclusive_maximum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Float(
                        1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0,
                    ),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::__private::maximum(
                    __v0,
                    ::asyncapi_runtime::__private::Number::Int(7),
                    &__p0,
                    report,
                );
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
            ::asyncapi_runtime::__private::extra_schema(
                &crate::SCHEMAS,
                4usize,
                self,
                path,
                report,
            );
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Reading {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            ::asyncapi_runtime::LazySchema::validate_at(
                &SCHEMAS,
                3usize,
                value,
                path,
                report,
            );
        }
    }
};
