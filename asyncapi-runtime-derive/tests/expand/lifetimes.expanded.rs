//! A type that borrows from its input gets `Validate` only (`ValidateJson` needs
//! `DeserializeOwned`); an untagged one checks the variant it holds.

#[derive(serde::Deserialize, Validate)]
struct Borrowed<'a> {
    #[validate(max_length = 4)]
    #[serde(borrow)]
    key: std::borrow::Cow<'a, str>,
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
    impl<'a> ::asyncapi_runtime::Validate for Borrowed<'a> {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            {
                let __p0: ::asyncapi_runtime::Path<'_> = path.key("key");
                let __v0 = &self.key;
                ::asyncapi_runtime::__private::max_length(__v0, 4, &__p0, report);
                ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
};

#[derive(serde::Deserialize, serde::Serialize, Validate)]
#[serde(untagged)]
enum EitherRef<'a> {
    Text(#[validate(min_length = 1)] &'a str),
    Number(u64),
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
    impl<'a> ::asyncapi_runtime::Validate for EitherRef<'a> {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &::asyncapi_runtime::Path<'_>,
            report: &mut ::asyncapi_runtime::Report,
        ) {
            match self {
                Self::Text(__f0) => {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = __f0;
                    ::asyncapi_runtime::__private::min_length(__v0, 1, &__p0, report);
                    ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                }
                Self::Number(__f0) => {
                    let __p0: ::asyncapi_runtime::Path<'_> = *path;
                    let __v0 = __f0;
                    ::asyncapi_runtime::Validate::validate_at(__v0, &__p0, report);
                }
            }
        }
    }
};
