//! `crate = "..."` replaces every path to the runtime; type parameters get bounds.

#[derive(serde::Deserialize, Validate)]
#[validate(crate = "crate::rt")]
struct Page<T> {
    items: Vec<T>,
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
    impl<T> crate::rt::Validate for Page<T>
    where
        T: crate::rt::Validate,
    {
        #[allow(unused_variables)]
        fn validate_at(
            &self,
            path: &crate::rt::Path<'_>,
            report: &mut crate::rt::Report,
        ) {
            {
                let __p0: crate::rt::Path<'_> = path.key("items");
                let __v0 = &self.items;
                crate::rt::Validate::validate_at(__v0, &__p0, report);
            }
        }
    }
    #[automatically_derived]
    impl<T> crate::rt::ValidateJson for Page<T>
    where
        T: crate::rt::ValidateJson,
    {
        #[allow(unused_variables)]
        fn validate_json(
            value: &crate::rt::Value,
            path: &crate::rt::Path<'_>,
            report: &mut crate::rt::Report,
        ) {
            match value {
                crate::rt::Value::Object(__obj) => {
                    match __obj.get("items").map(|__x| ("items", __x)) {
                        ::core::option::Option::Some((__key, __fv)) => {
                            let __p: crate::rt::Path<'_> = path.key(__key);
                            <Vec<
                                T,
                            > as crate::rt::ValidateJson>::validate_json(
                                __fv,
                                &__p,
                                report,
                            );
                        }
                        ::core::option::Option::None => {
                            report
                                .push(
                                    path,
                                    crate::rt::Keyword::Required,
                                    "missing required property \"items\"",
                                );
                        }
                    }
                }
                _ => crate::rt::__private::type_error(value, "object", path, report),
            }
        }
    }
};
