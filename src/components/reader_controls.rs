use crate::reading::Reading;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use trimova_core::reading::{reading_messages, Font, ReadingMessages, Scale, Theme};
use trimova_core::Lang;

/// The reading settings: a button in the masthead that opens a panel of sliders (size, width,
/// spacing) and choices (font, theme). Escape or the close button closes it and returns focus to
/// the button. Nothing when the host turned the controls off.
#[component]
pub fn ReaderControls(lang: Lang) -> impl IntoView {
    let reading = Reading::current()?;
    let text = reading_messages(lang);
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_key = move |event: KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.prevent_default();
            close();
        }
    };
    Some(view! {
        <div class="reader-controls" on:keydown=on_key>
            <button
                node_ref=button
                type="button"
                class="reader-button"
                aria-expanded=move || open.get().to_string()
                aria-controls="reader-settings"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                <span aria-hidden="true">"Aa"</span>
                <span class="visually-hidden">{text.settings}</span>
            </button>
            <Show when=move || open.get()>
                <div id="reader-settings" class="reader-panel" role="group" aria-label=text.settings>
                    {Scale::ALL.map(|scale| view! { <ScaleSlider reading scale text /> })}
                    <ChoiceGroup
                        legend=text.font
                        name="tm-font"
                        choices=Font::ALL.map(|f| (f.code(), text.font_name(f))).to_vec()
                        chosen=Signal::derive(move || reading.prefs().font.code())
                        choose=Callback::new(move |code: &'static str| {
                            reading.change(|p| p.font = Font::from_code(code).unwrap_or_default())
                        })
                    />
                    <ChoiceGroup
                        legend=text.theme
                        name="tm-theme"
                        choices=Theme::ALL.map(|t| (t.code(), text.theme_name(t))).to_vec()
                        chosen=Signal::derive(move || reading.prefs().theme.code())
                        choose=Callback::new(move |code: &'static str| {
                            reading.change(|p| p.theme = Theme::from_code(code).unwrap_or_default())
                        })
                    />
                    <div class="reader-actions">
                        <button
                            type="button"
                            class="reader-reset"
                            disabled=move || reading.prefs().is_default()
                            on:click=move |_| reading.change(|p| *p = Default::default())
                        >
                            {text.reset}
                        </button>
                        <button type="button" class="reader-close" on:click=move |_| close()>
                            {text.close}
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    })
}

/// One setting moved in steps, with its position said in words.
#[component]
fn ScaleSlider(reading: Reading, scale: Scale, text: &'static ReadingMessages) -> impl IntoView {
    let id = format!("tm-{}", scale.key());
    let steps = scale.steps();
    let step = move || reading.prefs().step(scale);
    view! {
        <div class="reader-row">
            <label for=id.clone()>{text.scale(scale)}</label>
            <input
                type="range"
                id=id
                min="0"
                max=(steps - 1).to_string()
                step="1"
                prop:value=move || step().to_string()
                aria-valuetext=move || text.step_of(step(), steps)
                on:input=move |event| {
                    if let Ok(value) = event_target_value(&event).parse::<u8>() {
                        reading.change(|p| p.set_step(scale, value));
                    }
                }
            />
        </div>
    }
}

/// One choice among a few, as radio buttons.
#[component]
fn ChoiceGroup(
    legend: &'static str,
    name: &'static str,
    choices: Vec<(&'static str, &'static str)>,
    chosen: Signal<&'static str>,
    choose: Callback<&'static str>,
) -> impl IntoView {
    view! {
        <fieldset class="reader-choices">
            <legend>{legend}</legend>
            {choices
                .into_iter()
                .map(|(code, label)| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name=name
                                value=code
                                prop:checked=move || chosen.get() == code
                                on:change=move |_| choose.run(code)
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
