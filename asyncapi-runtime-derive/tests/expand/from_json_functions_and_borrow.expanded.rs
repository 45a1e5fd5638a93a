//! `FromJson` fields read by functions (`deserialize_with`, `with`) or lent by the
//! input (`borrow` on a `Cow<str>`), each through a wrapper type; a type with a lifetime
//! gets `'de: 'a`, a type parameter `T: Deserialize<'de>`.

#[derive(FromJson)]
struct Functions<'a, T> {
    #[serde(default, deserialize_with = "asyncapi_runtime::__private::non_null")]
    optional: Option<u8>,
    #[serde(with = "text")]
    text: String,
    #[serde(borrow)]
    name: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    note: Option<std::borrow::Cow<'a, str>>,
    value: T,
    #[serde(skip)]
    spare: Option<T>,
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
    impl<'de: 'a, 'a, T> ::asyncapi_runtime::__private::serde::Deserialize<'de>
    for Functions<'a, T>
    where
        T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
        Option<T>: ::core::default::Default,
    {
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
                __other(::std::borrow::Cow<'__k, str>),
            }
            fn __known<'__k>(__name: &str) -> ::core::option::Option<__Field<'__k>> {
                match __name {
                    "optional" => ::core::option::Option::Some(__Field::__f0),
                    "text" => ::core::option::Option::Some(__Field::__f1),
                    "name" => ::core::option::Option::Some(__Field::__f2),
                    "note" => ::core::option::Option::Some(__Field::__f3),
                    "value" => ::core::option::Option::Some(__Field::__f4),
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
            struct __With0<'de: 'a, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
                __value: Option<u8>,
                __marker: ::core::marker::PhantomData<Functions<'a, T>>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de: 'a, 'a, T> ::asyncapi_runtime::__private::serde::Deserialize<'de>
            for __With0<'de, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
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
                    ::core::result::Result::Ok(__With0 {
                        __value: asyncapi_runtime::__private::non_null(__deserializer)?,
                        __marker: ::core::marker::PhantomData,
                        __lifetime: ::core::marker::PhantomData,
                    })
                }
            }
            struct __With1<'de: 'a, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
                __value: String,
                __marker: ::core::marker::PhantomData<Functions<'a, T>>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de: 'a, 'a, T> ::asyncapi_runtime::__private::serde::Deserialize<'de>
            for __With1<'de, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
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
                        __value: text::deserialize(__deserializer)?,
                        __marker: ::core::marker::PhantomData,
                        __lifetime: ::core::marker::PhantomData,
                    })
                }
            }
            struct __With2<'de: 'a, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
                __value: std::borrow::Cow<'a, str>,
                __marker: ::core::marker::PhantomData<Functions<'a, T>>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de: 'a, 'a, T> ::asyncapi_runtime::__private::serde::Deserialize<'de>
            for __With2<'de, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
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
                    ::core::result::Result::Ok(__With2 {
                        __value: ::asyncapi_runtime::__private::borrowed::lend(
                            __deserializer,
                        )?,
                        __marker: ::core::marker::PhantomData,
                        __lifetime: ::core::marker::PhantomData,
                    })
                }
            }
            struct __With3<'de: 'a, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
                __value: std::borrow::Cow<'a, str>,
                __marker: ::core::marker::PhantomData<Functions<'a, T>>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de: 'a, 'a, T> ::asyncapi_runtime::__private::serde::Deserialize<'de>
            for __With3<'de, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
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
                    ::core::result::Result::Ok(__With3 {
                        __value: ::asyncapi_runtime::__private::borrowed::lend(
                            __deserializer,
                        )?,
                        __marker: ::core::marker::PhantomData,
                        __lifetime: ::core::marker::PhantomData,
                    })
                }
            }
            struct __Visitor<'de: 'a, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
                __marker: ::core::marker::PhantomData<Functions<'a, T>>,
                __lifetime: ::core::marker::PhantomData<&'de ()>,
            }
            impl<'de: 'a, 'a, T> ::asyncapi_runtime::__private::serde::de::Visitor<'de>
            for __Visitor<'de, 'a, T>
            where
                T: ::asyncapi_runtime::__private::serde::Deserialize<'de>,
                Option<T>: ::core::default::Default,
            {
                type Value = Functions<'a, T>;
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
                    Functions<'a, T>,
                    <__A as ::asyncapi_runtime::__private::serde::de::MapAccess<
                        'de,
                    >>::Error,
                >
                where
                    __A: ::asyncapi_runtime::__private::serde::de::MapAccess<'de>,
                {
                    let mut __f0: ::core::option::Option<Option<u8>> = ::core::option::Option::None;
                    let mut __f1: ::core::option::Option<String> = ::core::option::Option::None;
                    let mut __f2: ::core::option::Option<std::borrow::Cow<'a, str>> = ::core::option::Option::None;
                    let mut __f3: ::core::option::Option<std::borrow::Cow<'a, str>> = ::core::option::Option::None;
                    let mut __f4: ::core::option::Option<T> = ::core::option::Option::None;
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
                                        ::asyncapi_runtime::__private::duplicate_key("optional"),
                                    );
                                }
                                __f0 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        __With0<'de, 'a, T>,
                                    >(&mut __map)?
                                        .__value,
                                );
                            }
                            __Field::__f1 => {
                                if ::core::option::Option::is_some(&__f1) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("text"),
                                    );
                                }
                                __f1 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        __With1<'de, 'a, T>,
                                    >(&mut __map)?
                                        .__value,
                                );
                            }
                            __Field::__f2 => {
                                if ::core::option::Option::is_some(&__f2) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("name"),
                                    );
                                }
                                __f2 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        __With2<'de, 'a, T>,
                                    >(&mut __map)?
                                        .__value,
                                );
                            }
                            __Field::__f3 => {
                                if ::core::option::Option::is_some(&__f3) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("note"),
                                    );
                                }
                                __f3 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        __With3<'de, 'a, T>,
                                    >(&mut __map)?
                                        .__value,
                                );
                            }
                            __Field::__f4 => {
                                if ::core::option::Option::is_some(&__f4) {
                                    return ::core::result::Result::Err(
                                        ::asyncapi_runtime::__private::duplicate_key("value"),
                                    );
                                }
                                __f4 = ::core::option::Option::Some(
                                    ::asyncapi_runtime::__private::serde::de::MapAccess::next_value::<
                                        T,
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
                            ::core::default::Default::default()
                        }
                    };
                    let __f1 = match __f1 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property("text"),
                            );
                        }
                    };
                    let __f2 = match __f2 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property("name"),
                            );
                        }
                    };
                    let __f4 = match __f4 {
                        ::core::option::Option::Some(__v) => __v,
                        ::core::option::Option::None => {
                            return ::core::result::Result::Err(
                                ::asyncapi_runtime::__private::missing_property("value"),
                            );
                        }
                    };
                    ::core::result::Result::Ok(Functions {
                        optional: __f0,
                        text: __f1,
                        name: __f2,
                        note: __f3,
                        value: __f4,
                        spare: ::core::default::Default::default(),
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
    impl<'a, T> ::asyncapi_runtime::__private::ReadByFromJson for Functions<'a, T> {}
};
