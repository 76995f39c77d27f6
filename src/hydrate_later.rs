//! A part of a pre-rendered page that is hydrated in a task of its own, after the rest.
//!
//! Hydrating a page runs most of the app's code for the first time, and the browser compiles each
//! wasm function the first time it runs: on a slow phone the whole page is one long task that
//! keeps input waiting (Lighthouse's Total Blocking Time). The parts wrapped in this (the
//! masthead's header, the main area of an article or a list) are hydrated each in a task of its
//! own, in the page's order, so that no task blocks for long. Their nodes are the pre-rendered
//! ones all along; only their listeners and reactivity arrive a task or two later.
//!
//! What it wraps must draw exactly one element. Drawn in the browser (not hydrated) or rendered to
//! HTML, it is the view it wraps, at once. Before its turn, the part is its pre-rendered element:
//! moved or removed as it stands, and drawn afresh in its place if the page changes it.

use leptos::prelude::Owner;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::renderer::types::{Element, Node};
use leptos::tachys::ssr::StreamBuilder;
use leptos::tachys::view::add_attr::AddAnyAttr;
use leptos::tachys::view::{Mountable, Position, PositionState, Render, RenderHtml};
use std::cell::RefCell;
use std::rc::Rc;

/// The view `make` draws, hydrated after the rest of the page (see the module). `part` names it
/// in the page's performance measures ("trimova: hydrate <part>").
pub fn hydrate_later<F, V>(part: &'static str, make: F) -> HydrateLater<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    HydrateLater { part, make }
}

/// A view drawn by a function, hydrated in a task of its own.
pub struct HydrateLater<F> {
    part: &'static str,
    make: F,
}

/// Where the wrapped view is: waiting for its task (its pre-rendered element in the page, and
/// how to hydrate it), or live.
enum Stage<S> {
    Waiting {
        element: Element,
        hydrate: Box<dyn FnOnce(Element) -> S>,
    },
    Live(S),
    /// Only while the state is out of the cell (`with`).
    Moving,
}

/// The state of a [`HydrateLater`] view.
pub struct HydrateLaterState<S>(Rc<RefCell<Stage<S>>>);

impl<S: Mountable> HydrateLaterState<S> {
    fn live(state: S) -> Self {
        Self(Rc::new(RefCell::new(Stage::Live(state))))
    }

    /// Its turn: hydrates the view if it is still waiting.
    fn hydrate_now(&self) {
        let waiting = std::mem::replace(&mut *self.0.borrow_mut(), Stage::Moving);
        let stage = match waiting {
            Stage::Waiting { element, hydrate } => Stage::Live(hydrate(element)),
            other => other,
        };
        *self.0.borrow_mut() = stage;
    }

    /// Works on the stage, out of the cell meanwhile, so that whatever `work` sets off may come
    /// back to this view without a double borrow.
    fn with<T>(&self, work: impl FnOnce(&mut Stage<S>) -> T) -> T {
        let mut stage = std::mem::replace(&mut *self.0.borrow_mut(), Stage::Moving);
        let done = work(&mut stage);
        *self.0.borrow_mut() = stage;
        done
    }
}

impl<F, V> Render for HydrateLater<F>
where
    F: FnOnce() -> V,
    V: Render,
{
    type State = HydrateLaterState<V::State>;

    fn build(self) -> Self::State {
        HydrateLaterState::live((self.make)().build())
    }

    fn rebuild(self, state: &mut Self::State) {
        state.with(|stage| match stage {
            Stage::Live(state) => (self.make)().rebuild(state),
            // Changed before its turn (`/` moving to the reader's language, say): the waiting
            // view is never hydrated, since what it would read may be gone with the view that
            // changed; the new one is drawn in its place.
            Stage::Waiting { element, .. } => {
                let mut state = (self.make)().build();
                if let Some(parent) = element.parent_element() {
                    state.mount(&parent, Some(element.as_ref()));
                    element.remove();
                }
                *stage = Stage::Live(state);
            }
            Stage::Moving => {}
        });
    }
}

impl<F, V> AddAnyAttr for HydrateLater<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    // Spread attributes go on the view itself, which then hydrates with the rest.
    type Output<SomeNewAttr: Attribute> = V::Output<SomeNewAttr>;

    fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        (self.make)().add_any_attr(attr)
    }
}

impl<F, V> RenderHtml for HydrateLater<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml + 'static,
{
    type AsyncOutput = V::AsyncOutput;
    type Owned = Self;

    const MIN_LENGTH: usize = V::MIN_LENGTH;

    // Nothing to resolve before the view is drawn: what it shows comes with the page, not from
    // resources awaited while rendering.
    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self::AsyncOutput {
        (self.make)().resolve().await
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        (self.make)().to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
    }

    fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
        self,
        buf: &mut StreamBuilder,
        position: &mut Position,
        escape: bool,
        mark_branches: bool,
        extra_attrs: Vec<AnyAttribute>,
    ) {
        (self.make)().to_html_async_with_buf::<OUT_OF_ORDER>(
            buf,
            position,
            escape,
            mark_branches,
            extra_attrs,
        )
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        cursor: &Cursor,
        position: &PositionState,
    ) -> Self::State {
        // Step onto the view's element as an element of the page would, and leave the cursor
        // there for whatever follows it.
        match position.get() {
            Position::FirstChild => cursor.child(),
            Position::Current => {}
            _ => cursor.sibling(),
        }
        let Some(element) = element(cursor.current()) else {
            // Not the one element expected: hydrate here, where the mismatch is reported.
            position.set(Position::Current);
            return HydrateLaterState::live((self.make)().hydrate::<FROM_SERVER>(cursor, position));
        };
        position.set(Position::NextChild);
        let owner = Owner::current();
        let HydrateLater { part, make } = self;
        let hydrate = move |element: Element| {
            let cursor = Cursor::new(element);
            let position = PositionState::new(Position::Current);
            let hydrate = || make().hydrate::<FROM_SERVER>(&cursor, &position);
            match owner {
                Some(owner) => owner.with(hydrate),
                None => hydrate(),
            }
        };
        let state = HydrateLaterState(Rc::new(RefCell::new(Stage::Waiting {
            element,
            hydrate: Box::new(hydrate),
        })));
        // Its turn: a task of its own, unless something needed it before (or it is gone).
        let waiting = Rc::downgrade(&state.0);
        leptos::prelude::set_timeout(
            move || {
                if let Some(stage) = waiting.upgrade() {
                    crate::browser::measured(&format!("trimova: hydrate {part}"), || {
                        HydrateLaterState(stage).hydrate_now()
                    });
                }
            },
            std::time::Duration::ZERO,
        );
        state
    }

    fn into_owned(self) -> Self::Owned {
        self
    }
}

fn element(node: Node) -> Option<Element> {
    use wasm_bindgen::JsCast;
    node.dyn_into().ok()
}

// Before its turn the view is its one pre-rendered element, which is moved as it stands.
impl<S: Mountable> Mountable for HydrateLaterState<S> {
    fn unmount(&mut self) {
        self.with(|stage| match stage {
            Stage::Live(state) => state.unmount(),
            Stage::Waiting { element, .. } => element.remove(),
            Stage::Moving => {}
        });
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        self.with(|stage| match stage {
            Stage::Live(state) => state.mount(parent, marker),
            Stage::Waiting { element, .. } => {
                let _ = parent.insert_before(element, marker);
            }
            Stage::Moving => {}
        });
    }

    fn try_mount(&mut self, parent: &Element, marker: Option<&Node>) -> bool {
        self.with(|stage| match stage {
            Stage::Live(state) => state.try_mount(parent, marker),
            Stage::Waiting { element, .. } => parent.insert_before(element, marker).is_ok(),
            Stage::Moving => false,
        })
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        self.with(|stage| match stage {
            Stage::Live(state) => state.insert_before_this(child),
            Stage::Waiting { element, .. } => match element.parent_element() {
                Some(parent) => {
                    child.mount(&parent, Some(element.as_ref()));
                    true
                }
                None => false,
            },
            Stage::Moving => false,
        })
    }

    fn elements(&self) -> Vec<Element> {
        self.with(|stage| match stage {
            Stage::Live(state) => state.elements(),
            Stage::Waiting { element, .. } => vec![element.clone()],
            Stage::Moving => Vec::new(),
        })
    }
}
