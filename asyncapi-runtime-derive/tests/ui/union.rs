use asyncapi_runtime::Validate;

#[derive(Validate)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
