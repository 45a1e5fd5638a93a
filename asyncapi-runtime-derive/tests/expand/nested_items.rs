//! `items(...)` nests: each level has its own index and path.

#[derive(serde::Deserialize, Validate)]
struct Grid {
    #[validate(items(max_items = 3, items(minimum = 0)))]
    rows: Vec<Vec<i64>>,
}
