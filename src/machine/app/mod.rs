//! The app's side of machine editions, compiled into the app's wasm: knowing which editions a
//! service can make (`pairs`), loading the machine module once (`loader`) and giving its view a
//! box of its own (`lazy`).

pub mod lazy;
pub mod loader;
pub mod pairs;
