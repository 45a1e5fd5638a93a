//! The default enum representation: a name, or an object with one property.

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "lowercase", rename_all_fields = "camelCase")]
enum Shape {
    Empty,
    Circle {
        #[validate(minimum = 0)]
        radius_mm: f64,
    },
    Label(#[validate(max_length = 5)] String),
    Point(i32, #[validate(maximum = 10)] i32),
    #[serde(rename_all = "PascalCase")]
    Boxed {
        #[validate(skip)]
        inner_box: Option<Box<Shape>>,
        side_len: u32,
    },
}
