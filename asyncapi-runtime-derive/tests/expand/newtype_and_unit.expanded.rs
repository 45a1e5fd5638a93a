//! A newtype is its field at the same path; `transparent` makes a named struct one; a
//! unit struct is `null`.

#[derive(serde::Deserialize, Validate)]
struct Key(#[validate(min_length = 1)] String);

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
    impl ::asyncapi_runtime::Validate for Key {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = *path;
                let __v0 = &self.0;
                ::asyncapi_runtime::__private::min_length(__v0, 1, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Key {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p: ::asyncapi_runtime::Path<'_> = *path;
                let __typed: ::core::result::Result<
                    String,
                    ::asyncapi_runtime::__private::serde_json::Error,
                > = ::asyncapi_runtime::__private::from_json_value::<String>(value);
                if let ::core::result::Result::Ok(__typed) = __typed {
                    let __v0 = &__typed;
                    ::asyncapi_runtime::__private::min_length(__v0, 1, &__p, report);
                }
                <String as ::asyncapi_runtime::ValidateJson>::validate_json(
                    value,
                    &__p,
                    report,
                );
            }
        }
    }
};

#[derive(serde::Deserialize, Validate)]
#[serde(transparent)]
struct Wrapper {
    #[validate(max_items = 2)]
    items: Vec<u8>,
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
    impl ::asyncapi_runtime::Validate for Wrapper {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = *path;
                let __v0 = &self.items;
                ::asyncapi_runtime::__private::max_items(__v0, 2, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Wrapper {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p: ::asyncapi_runtime::Path<'_> = *path;
                let __typed: ::core::result::Result<
                    Vec<u8>,
                    ::asyncapi_runtime::__private::serde_json::Error,
                > = ::asyncapi_runtime::__private::from_json_value::<Vec<u8>>(value);
                if let ::core::result::Result::Ok(__typed) = __typed {
                    let __v0 = &__typed;
                    ::asyncapi_runtime::__private::max_items(__v0, 2, &__p, report);
                }
                <Vec<
                    u8,
                > as ::asyncapi_runtime::ValidateJson>::validate_json(
                    value,
                    &__p,
                    report,
                );
            }
        }
    }
};

#[derive(serde::Deserialize, Validate)]
struct Nothing;

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
    impl ::asyncapi_runtime::Validate for Nothing {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {}
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::ValidateJson for Nothing {
        #[allow(unused_variables)]
        fn validate_json(
            value: &::asyncapi_runtime::Value,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            if !value.is_null() {
                ::asyncapi_runtime::__private::type_error(value, "null", path, report);
            }
        }
    }
};
