//! `FromJson` with a `#[serde(flatten)]` field: the members no field names go to it,
//! read as its `Extras::Value`, without buffering anything.

#[derive(FromJson)]
struct Open {
    a: asyncapi_runtime::Number,
    #[serde(flatten)]
    rest: asyncapi_runtime::Map,
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
    impl<'de> ::asyncapi_runtime::__private::serde::Deserialize<'de> for Open {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<
            Self,
            <__D as ::asyncapi_runtime::__private::serde::Deserializer<'de>>::Error,
        >
        where
            __D: ::asyncapi_runtime::__private::serde::Deserializer<'de>,
        {
            enum __Field<'__k> {
                __f0,
                __other(::std::borrow::Cow<'__k, str>),
            }
            fn __known<'__k>(__name: &str) -> ::core::option::Option<__Field<'__k>> {
                match __name {
                    "a" => ::core::option::Option::Some(__Field::__f0),
                    _ => ::core::option::Option::None,
                }
            }
            struct __FieldVisitor;
            impl<'__k> ::asyncapi_runtime::__private::serde::de::Visitor<'__k>
            for __FieldVisitor {
                type Value = __Field<'__k>;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, "a property name")
                }
                fn visit_str<__E: ::asyncapi_runtime::__private::serde::de::Error>(
                    self,
                    __v: &str,
                ) -> ::core::result::Result<__Field<'__k>, __E> {
                    ::core::result::Result::Ok(
                        match __known(__v) {
                            ::core::option::Option::Some(__f) => __f,
                            ::core::option::Option::None => {
                                __Field::__other(
                                    ::std::borrow::Cow::Owned(
                                        ::std::borrow::ToOwned::to_owned(__v),
                                    ),
                                )
                            }
                        },
                    )
                }
                fn visit_borrowed_str<
                    __E: ::asyncapi_runtime::__private::serde::de::Error,
                >(self, __v: &'__k str) -> ::core::result::Result<__Field<'__k>, __E> {
                    ::core::result::Result::Ok(
                        match __known(__v) {
                            ::core::option::Option::Some(__f) => __f,
                            ::core::option::Option::None => {
                                __Field::__other(::std::borrow::Cow::Borrowed(__v))
                            }
                        },
                    )
                }
                fn visit_string<__E: ::asyncapi_runtime::__private::serde::de::Error>(
                    self,
                    __v: ::std::string::String,
                ) -> ::core::result::Result<__Field<'__k>, __E> {
                    ::core::result::Result::Ok(
                        match __known(&__v) {
                            ::core::option::Option::Some(__f) => __f,
                            ::core::option::Option::None => {
                                __Field::__other(::std::borrow::Cow::Owned(__v))
                            }
                        },
                    )
                }
                fn visit_bytes<__E: ::asyncapi_runtime::__private::serde::de::Error>(
                    self,
                    __v: &[u8],
                ) -> ::core::result::Result<__Field<'__k>, __E> {
                    match ::core::str::from_utf8(__v) {
                        ::core::result::Result::Ok(__s) => self.visit_str(__s),
                        ::core::result::Result::Err(_) => {
                            ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::serde::de::Error::invalid_value(
                                    ::asyncapi_runtime::__private::serde::de::Unexpected::Bytes(
                                        __v,
                                    ),
                                    &self,
                                ),
                            )
                        }
                    }
                }
            }
            impl<'__k> ::asyncapi_runtime::__private::serde::Deserialize<'__k>
            for __Field<'__k> {
                fn deserialize<__K>(
                    __deserializer: __K,
                ) -> ::core::result::Result<
                    Self,
                    <__K as ::asyncapi_runtime::__private::serde::Deserializer<
                        '__k,
                    >>::Error,
                >
                where
                    __K: ::asyncapi_runtime::__private::serde::Deserializer<'__k>,
                {
                    ::asyncapi_runtime::__private::serde::Deserializer::deserialize_identifier(
                        __deserializer,
                        __FieldVisitor,
                    )
                }
            }
            struct __Visitor<'de> {
                __marker: ::core::marker::PhantomData<Open>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de> ::asyncapi_runtime::__private::serde::de::Visitor<'de>
            for __Visitor<'de> {
                type Value = Open;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, "an object")
                }
                fn visit_map<__A>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<
                    Open,
                    <__A as ::asyncapi_runtime::__private::serde::de::MapAccess<
                        'de,
                    >>::Error,
                >
                where
                    __A: ::asyncapi_runtime::__private::serde::de::MapAccess<'de>,
                {
                    let mut __f0: ::core::option::Option<asyncapi_runtime::Number> = ::core::option::Option::None;
                    let mut __extras: asyncapi_runtime::Map = <asyncapi_runtime::Map as ::asyncapi_runtime::__private::Extras>::empty();
                    while let ::core::option::Option::Some(__key) = ::asyncapi_runtime::__private::serde::de::MapAccess::next_key::<
                        __Field<'de>,
                    >(&mut __map)? {
                        match __key {
                            __Field::__f0 => {
                                if ::core::option::Option::is_some(&__f0) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("a"),
                                    );
                                }
                                __f0 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        asyncapi_runtime::Number,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__other(__name) => {
                                ::asyncapi_runtime::__private::next_extra(
                                    &mut __map,
                                    &mut __extras,
                                    __name,
                                )?;
                            }
                        }
                    }
                    let __f0 = match __f0 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property("a"),
                            );
                        }
                    };
                    ::core::result::Result::Ok(Open { a: __f0, rest: __extras })
                }
            }
            ::asyncapi_runtime::__private::serde::Deserializer::deserialize_map(
                __deserializer,
                __Visitor {
                    __marker: ::core::marker::PhantomData,
                    __lifetime: ::core::marker::PhantomData,
                },
            )
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::__private::ReadByFromJson for Open {}
};

#[derive(FromJson)]
struct Closed {
    a: u8,
    #[serde(flatten)]
    forbidden: asyncapi_runtime::Map<asyncapi_runtime::Forbidden>,
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
    impl<'de> ::asyncapi_runtime::__private::serde::Deserialize<'de> for Closed {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<
            Self,
            <__D as ::asyncapi_runtime::__private::serde::Deserializer<'de>>::Error,
        >
        where
            __D: ::asyncapi_runtime::__private::serde::Deserializer<'de>,
        {
            enum __Field<'__k> {
                __f0,
                __other(::std::borrow::Cow<'__k, str>),
            }
            fn __known<'__k>(__name: &str) -> ::core::option::Option<__Field<'__k>> {
                match __name {
                    "a" => ::core::option::Option::Some(__Field::__f0),
                    _ => ::core::option::Option::None,
                }
            }
            struct __FieldVisitor;
            impl<'__k> ::asyncapi_runtime::__private::serde::de::Visitor<'__k>
            for __FieldVisitor {
                type Value = __Field<'__k>;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, "a property name")
                }
                fn visit_str<__E: ::asyncapi_runtime::__private::serde::de::Error>(
                    self,
                    __v: &str,
                ) -> ::core::result::Result<__Field<'__k>, __E> {
                    ::core::result::Result::Ok(
                        match __known(__v) {
                            ::core::option::Option::Some(__f) => __f,
                            ::core::option::Option::None => {
                                __Field::__other(
                                    ::std::borrow::Cow::Owned(
                                        ::std::borrow::ToOwned::to_owned(__v),
                                    ),
                                )
                            }
                        },
                    )
                }
                fn visit_borrowed_str<
                    __E: ::asyncapi_runtime::__private::serde::de::Error,
                >(self, __v: &'__k str) -> ::core::result::Result<__Field<'__k>, __E> {
                    ::core::result::Result::Ok(
                        match __known(__v) {
                            ::core::option::Option::Some(__f) => __f,
                            ::core::option::Option::None => {
                                __Field::__other(::std::borrow::Cow::Borrowed(__v))
                            }
                        },
                    )
                }
                fn visit_string<__E: ::asyncapi_runtime::__private::serde::de::Error>(
                    self,
                    __v: ::std::string::String,
                ) -> ::core::result::Result<__Field<'__k>, __E> {
                    ::core::result::Result::Ok(
                        match __known(&__v) {
                            ::core::option::Option::Some(__f) => __f,
                            ::core::option::Option::None => {
                                __Field::__other(::std::borrow::Cow::Owned(__v))
                            }
                        },
                    )
                }
                fn visit_bytes<__E: ::asyncapi_runtime::__private::serde::de::Error>(
                    self,
                    __v: &[u8],
                ) -> ::core::result::Result<__Field<'__k>, __E> {
                    match ::core::str::from_utf8(__v) {
                        ::core::result::Result::Ok(__s) => self.visit_str(__s),
                        ::core::result::Result::Err(_) => {
                            ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::serde::de::Error::invalid_value(
                                    ::asyncapi_runtime::__private::serde::de::Unexpected::Bytes(
                                        __v,
                                    ),
                                    &self,
                                ),
                            )
                        }
                    }
                }
            }
            impl<'__k> ::asyncapi_runtime::__private::serde::Deserialize<'__k>
            for __Field<'__k> {
                fn deserialize<__K>(
                    __deserializer: __K,
                ) -> ::core::result::Result<
                    Self,
                    <__K as ::asyncapi_runtime::__private::serde::Deserializer<
                        '__k,
                    >>::Error,
                >
                where
                    __K: ::asyncapi_runtime::__private::serde::Deserializer<'__k>,
                {
                    ::asyncapi_runtime::__private::serde::Deserializer::deserialize_identifier(
                        __deserializer,
                        __FieldVisitor,
                    )
                }
            }
            struct __Visitor<'de> {
                __marker: ::core::marker::PhantomData<Closed>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de> ::asyncapi_runtime::__private::serde::de::Visitor<'de>
            for __Visitor<'de> {
                type Value = Closed;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, "an object")
                }
                fn visit_map<__A>(
                    self,
                    mut __map: __A,
                ) -> ::core::result::Result<
                    Closed,
                    <__A as ::asyncapi_runtime::__private::serde::de::MapAccess<
                        'de,
                    >>::Error,
                >
                where
                    __A: ::asyncapi_runtime::__private::serde::de::MapAccess<'de>,
                {
                    let mut __f0: ::core::option::Option<u8> = ::core::option::Option::None;
                    let mut __extras: asyncapi_runtime::Map<
                        asyncapi_runtime::Forbidden,
                    > = <asyncapi_runtime::Map<
                        asyncapi_runtime::Forbidden,
                    > as ::asyncapi_runtime::__private::Extras>::empty();
                    while let ::core::option::Option::Some(__key) = ::asyncapi_runtime::__private::serde::de::MapAccess::next_key::<
                        __Field<'de>,
                    >(&mut __map)? {
                        match __key {
                            __Field::__f0 => {
                                if ::core::option::Option::is_some(&__f0) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("a"),
                                    );
                                }
                                __f0 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        u8,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__other(__name) => {
                                ::asyncapi_runtime::__private::next_extra(
                                    &mut __map,
                                    &mut __extras,
                                    __name,
                                )?;
                            }
                        }
                    }
                    let __f0 = match __f0 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property("a"),
                            );
                        }
                    };
                    ::core::result::Result::Ok(Closed {
                        a: __f0,
                        forbidden: __extras,
                    })
                }
            }
            ::asyncapi_runtime::__private::serde::Deserializer::deserialize_map(
                __deserializer,
                __Visitor {
                    __marker: ::core::marker::PhantomData,
                    __lifetime: ::core::marker::PhantomData,
                },
            )
        }
    }
    #[automatically_derived]
    impl ::asyncapi_runtime::__private::ReadByFromJson for Closed {}
};
