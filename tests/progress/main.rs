//! The progress file under stress (persistence) and the app's state under
//! random input and hostile text (robust).

#[path = "../common/mod.rs"]
mod common;

mod persistence;
mod robust;
