//! How a machine edition is loaded and drawn, in one place.
//!
//! Most readers open human editions and never need the providers' wire formats, the translation
//! job and the machine view, so those are a wasm module of their own (`src/bin/machine.rs`),
//! loaded the first time a machine edition is shown. Which wasm a file ends up in is its folder:
//! `app/` is the app's, `module/` the machine module's, and `protocol.rs` is the boundary both
//! sides are built with.
//!
//! 1. The start-up module (`src/boot.js`) or `embed.js` hands the app a function that loads the
//!    machine module once a page, checking its integrity (`src/loader.js`); `app::loader` keeps it.
//! 2. `LazyMachineEdition` (`app::lazy`) calls it, and mounts the module's view into a box of its
//!    own through the typed boundary in `protocol`: a [`protocol::MachineEditionRequest`] in, and
//!    the module's calls back to the app (head, events, links, leaving) as one
//!    [`protocol::AppCall`] type.
//! 3. In the module, `MachineEdition` (`module::edition`) runs the core's translation job through
//!    the `module::translation` hook, whose requests `module::client` carries, and draws segments
//!    as they arrive.

pub mod app;
pub mod module;
pub mod protocol;
