//! `crate = "..."` replaces every path to the runtime; type parameters get bounds.

#[derive(serde::Deserialize, Validate)]
#[validate(crate = "crate::rt")]
struct Page<T> {
    items: Vec<T>,
}
