//! `FromJson` on a struct with named fields: an object read member by member, by wire
//! name (`rename`, `rename_all`, `alias`); `Option`s absent are `None`, `default`s take
//! their default, the rest are required; other members are skipped (a repeated one is
//! refused) or refused (`deny_unknown_fields`).

#[derive(FromJson)]
#[serde(rename_all = "camelCase")]
struct Record {
    partition_key: String,
    #[serde(rename = "SequenceNumber", alias = "seq")]
    sequence_number: String,
    approximate_arrival_timestamp: Option<f64>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default = "one")]
    weight: u32,
    #[serde(skip)]
    cached: Option<usize>,
    r#type: u8,
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
    impl<'de> ::asyncapi_runtime::__private::serde::Deserialize<'de> for Record {
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
                __f1,
                __f2,
                __f3,
                __f4,
                __f6,
                __other(::std::borrow::Cow<'__k, str>),
            }
            fn __known<'__k>(__name: &str) -> ::core::option::Option<__Field<'__k>> {
                match __name {
                    "partitionKey" => ::core::option::Option::Some(__Field::__f0),
                    "SequenceNumber" | "seq" => {
                        ::core::option::Option::Some(__Field::__f1)
                    }
                    "approximateArrivalTimestamp" => {
                        ::core::option::Option::Some(__Field::__f2)
                    }
                    "tags" => ::core::option::Option::Some(__Field::__f3),
                    "weight" => ::core::option::Option::Some(__Field::__f4),
                    "type" => ::core::option::Option::Some(__Field::__f6),
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
                __marker: ::core::marker::PhantomData<Record>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de> ::asyncapi_runtime::__private::serde::de::Visitor<'de>
            for __Visitor<'de> {
                type Value = Record;
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
                    Record,
                    <__A as ::asyncapi_runtime::__private::serde::de::MapAccess<
                        'de,
                    >>::Error,
                >
                where
                    __A: ::asyncapi_runtime::__private::serde::de::MapAccess<'de>,
                {
                    let mut __f0: ::core::option::Option<String> = ::core::option::Option::None;
                    let mut __f1: ::core::option::Option<String> = ::core::option::Option::None;
                    let mut __f2: ::core::option::Option<f64> = ::core::option::Option::None;
                    let mut __f3: ::core::option::Option<Vec<String>> = ::core::option::Option::None;
                    let mut __f4: ::core::option::Option<u32> = ::core::option::Option::None;
                    let mut __f6: ::core::option::Option<u8> = ::core::option::Option::None;
                    let mut __unknown = ::asyncapi_runtime::__private::UnknownKeys::<
                        'de,
                    >::new();
                    while let ::core::option::Option::Some(__key) = ::asyncapi_runtime::__private::serde::de::MapAccess::next_key::<
                        __Field<'de>,
                    >(&mut __map)? {
                        match __key {
                            __Field::__f0 => {
                                if ::core::option::Option::is_some(&__f0) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("partitionKey"),
                                    );
                                }
                                __f0 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        String,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__f1 => {
                                if ::core::option::Option::is_some(&__f1) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key(
                                            "SequenceNumber",
                                        ),
                                    );
                                }
                                __f1 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        String,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__f2 => {
                                if ::core::option::Option::is_some(&__f2) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key(
                                            "approximateArrivalTimestamp",
                                        ),
                                    );
                                }
                                __f2 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        f64,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__f3 => {
                                if ::core::option::Option::is_some(&__f3) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("tags"),
                                    );
                                }
                                __f3 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        Vec<String>,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__f4 => {
                                if ::core::option::Option::is_some(&__f4) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("weight"),
                                    );
                                }
                                __f4 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        u32,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__f6 => {
                                if ::core::option::Option::is_some(&__f6) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("type"),
                                    );
                                }
                                __f6 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        u8,
                                    >(&mut __map)?,
                                );
                            }
                            __Field::__other(__name) => {
                                __unknown
                                    .insert::<
                                        <__A as ::asyncapi_runtime::__private::serde::de::MapAccess<
                                            'de,
                                        >>::Error,
                                    >(__name)?;
                                let _ = ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                    ::asyncapi_runtime::__private::serde::de::IgnoredAny,
                                >(&mut __map)?;
                            }
                        }
                    }
                    let __f0 = match __f0 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property(
                                    "partitionKey",
                                ),
                            );
                        }
                    };
                    let __f1 = match __f1 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property(
                                    "SequenceNumber",
                                ),
                            );
                        }
                    };
                    let __f3 = match __f3 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            ::core::default::Default::default()
                        }
                    };
                    let __f4 = match __f4 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => one(),
                    };
                    let __f6 = match __f6 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property("type"),
                            );
                        }
                    };
                    ::core::result::Result::Ok(Record {
                        partition_key: __f0,
                        sequence_number: __f1,
                        approximate_arrival_timestamp: __f2,
                        tags: __f3,
                        weight: __f4,
                        cached: ::core::default::Default::default(),
                        r#type: __f6,
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
    impl ::asyncapi_runtime::__private::ReadByFromJson for Record {}
};

#[derive(FromJson)]
#[serde(deny_unknown_fields, default)]
struct Strict {
    a: u8,
    #[serde(skip_deserializing)]
    b: u8,
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
    impl<'de> ::asyncapi_runtime::__private::serde::Deserialize<'de> for Strict {
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
                __marker: ::core::marker::PhantomData<Strict>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de> ::asyncapi_runtime::__private::serde::de::Visitor<'de>
            for __Visitor<'de> {
                type Value = Strict;
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
                    Strict,
                    <__A as ::asyncapi_runtime::__private::serde::de::MapAccess<
                        'de,
                    >>::Error,
                >
                where
                    __A: ::asyncapi_runtime::__private::serde::de::MapAccess<'de>,
                {
                    let mut __f0: ::core::option::Option<u8> = ::core::option::Option::None;
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
                                return ::core::result::Result::Err(
                                    ::asyncapi_runtime::__private::unknown_property(&__name),
                                );
                            }
                        }
                    }
                    let __default: Strict = ::core::default::Default::default();
                    let __f0 = match __f0 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => __default.a,
                    };
                    ::core::result::Result::Ok(Strict { a: __f0, b: __default.b })
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
    impl ::asyncapi_runtime::__private::ReadByFromJson for Strict {}
};
