//! The smallest app that does what a reader needs at all: route, fetch a JSON file, show it.
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_params_map;
use leptos_router::path;

#[component]
fn Article() -> impl IntoView {
    let params = use_params_map();
    let text = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move {
            let body = Request::get(&format!("/articles/{id}.json"))
                .send()
                .await
                .ok()?
                .text()
                .await
                .ok()?;
            let value: serde_json::Value = serde_json::from_str(&body).ok()?;
            Some(value["editions"]["en"]["title"].as_str()?.to_string())
        }
    });
    view! { <h1>{move || text.get().flatten().unwrap_or_default()}</h1> }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <Routes fallback=|| "not found">
                    <Route path=path!("/:lang/:id") view=Article />
                </Routes>
            </Router>
        }
    })
}
