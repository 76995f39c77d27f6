//! The machine module's side, compiled into its own wasm (`src/bin/machine.rs`) and never into the
//! app's: the machine edition's view (`edition`, `block`, `status`), the hook that runs the core's
//! translation job for it (`translation`) and the transport that carries the job's requests
//! (`client`).

pub mod block;
pub mod client;
pub mod edition;
pub mod status;
pub mod translation;
