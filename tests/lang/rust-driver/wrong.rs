// A wrong Rust solution of missing-number: off by one.
pub fn missing_number(nums: &mut Vec<i32>) -> i32 {
    nums.len() as i32 + 1
}
