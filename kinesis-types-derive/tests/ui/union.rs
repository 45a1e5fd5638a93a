use kinesis_types::Validate;

#[derive(Validate)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
