pub mod article;
pub mod list;
pub mod not_found;

use leptos_router::NavigateOptions;

/// How a view moves to the URL that names its language (`/` to `/<lang>/`, `/<id>` to
/// `/<lang>/<id>`): in place of the current history entry, and taken as it is, because the path
/// already includes the site's base (resolving it would add the base a second time).
pub fn redirect() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        resolve: false,
        ..Default::default()
    }
}
