//! `FromJson` on a newtype (its field's `Deserialize`), a `transparent` struct, and an
//! untagged enum: the value buffered exactly, each variant tried in order, a unit
//! variant for `null`.

#[derive(FromJson)]
struct Key(String);

#[doc(hidden)]
#[allow(
    non_upper_case_globals,
    non_camel_case_types,
    unused_qualifications,
    unused_mut,
    clippy::all,
    clippy::pedantic
)]
const _: () = {
    #[automatically_derived]
    impl<'de> ::asyncapi_runtime::__private::serde::Deserialize<'de> for Key {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<
            Self,
            <__D as ::asyncapi_runtime::__private::serde::Deserializer<'de>>::Error,
        >
        where
            __D: ::asyncapi_runtime::__private::serde::Deserializer<'de>,
        {
            let __value: String = <String as ::asyncapi_runtime::__private::serde::Deserialize<
                'de,
            >>::deserialize(__deserializer)?;
            ::core::result::Result::Ok(Key { 0: __value })
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::__private::ReadByFromJson for Key {}
};

#[derive(FromJson)]
#[serde(transparent)]
struct Wrapper {
    items: Vec<u8>,
    #[serde(skip)]
    seen: bool,
}

#[doc(hidden)]
#[allow(
    non_upper_case_globals,
    non_camel_case_types,
    unused_qualifications,
    unused_mut,
    clippy::all,
    clippy::pedantic
)]
const _: () = {
    #[automatically_derived]
    impl<'de> ::asyncapi_runtime::__private::serde::Deserialize<'de> for Wrapper {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<
            Self,
            <__D as ::asyncapi_runtime::__private::serde::Deserializer<'de>>::Error,
        >
        where
            __D: ::asyncapi_runtime::__private::serde::Deserializer<'de>,
        {
            let __value: Vec<u8> = <Vec<
                u8,
            > as ::asyncapi_runtime::__private::serde::Deserialize<
                'de,
            >>::deserialize(__deserializer)?;
            ::core::result::Result::Ok(Wrapper {
                items: __value,
                seen: ::core::default::Default::default(),
            })
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::__private::ReadByFromJson for Wrapper {}
};

#[derive(FromJson)]
#[serde(untagged)]
enum Either<'a> {
    Number(asyncapi_runtime::Number),
    #[serde(deserialize_with = "asyncapi_runtime::__private::borrowed::lend")]
    Text(std::borrow::Cow<'a, str>),
    Nothing,
}

#[doc(hidden)]
#[allow(
    non_upper_case_globals,
    non_camel_case_types,
    unused_qualifications,
    unused_mut,
    clippy::all,
    clippy::pedantic
)]
const _: () = {
    #[automatically_derived]
    impl<'de: 'a, 'a> ::asyncapi_runtime::__private::serde::Deserialize<'de>
    for Either<'a> {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<
            Self,
            <__D as ::asyncapi_runtime::__private::serde::Deserializer<'de>>::Error,
        >
        where
            __D: ::asyncapi_runtime::__private::serde::Deserializer<'de>,
        {
            struct __With1<'de: 'a, 'a> {
                __value: std::borrow::Cow<'a, str>,
                __marker: ::core::marker::PhantomData<Either<'a>>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de: 'a, 'a> ::asyncapi_runtime::__private::serde::Deserialize<'de>
            for __With1<'de, 'a> {
                fn deserialize<__W>(
                    __deserializer: __W,
                ) -> ::core::result::Result<
                    Self,
                    <__W as ::asyncapi_runtime::__private::serde::Deserializer<
                        'de,
                    >>::Error,
                >
                where
                    __W: ::asyncapi_runtime::__private::serde::Deserializer<'de>,
                {
                    ::core::result::Result::Ok(__With1 {
                        __value: asyncapi_runtime::__private::borrowed::lend(
                            __deserializer,
                        )?,
                        __marker: ::core::marker::PhantomData,
                        __lifetime: ::core::marker::PhantomData,
                    })
                }
            }
            let __buffered = <::asyncapi_runtime::__private::Buffered<
                'de,
            > as ::asyncapi_runtime::__private::serde::Deserialize<
                'de,
            >>::deserialize(__deserializer)?;
            let mut __attempts = ::asyncapi_runtime::__private::Attempts::new();
            match __buffered.attempt::<asyncapi_runtime::Number>() {
                ::core::result::Result::Ok(__v) => {
                    return ::core::result::Result::Ok(Either::Number(__v));
                }
                ::core::result::Result::Err(__e) => __attempts.failed("Number", __e),
            }
            match __buffered.attempt::<__With1<'de, 'a>>() {
                ::core::result::Result::Ok(__v) => {
                    return ::core::result::Result::Ok(Either::Text(__v.__value));
                }
                ::core::result::Result::Err(__e) => __attempts.failed("Text", __e),
            }
            if __buffered.is_null() {
                return ::core::result::Result::Ok(Either::Nothing);
            }
            __attempts.not_null("Nothing");
            ::core::result::Result::Err(
                __attempts
                    .into_error::<
                        <__D as ::asyncapi_runtime::__private::serde::Deserializer<
                            'de,
                        >>::Error,
                    >("Either"),
            )
        }
    }
    #[automatically_derived]
    impl<'a> ::asyncapi_runtime::__private::ReadByFromJson for Either<'a> {}
};
