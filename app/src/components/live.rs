//! Live updates for a page: an `EventSource` on the server's event stream for what the page
//! shows. Every event bumps the page's refresh signal (a burst of events is coalesced into one
//! reload of the data, not of the page), and so does every reconnect, to catch up on what was
//! missed while away. A dropped stream is reopened with backoff (1 s, 2 s, … 30 s). A reload
//! waits while someone is typing in a field of the page, so a friend's bid never wipes the
//! quantity you are entering. When the stream says the viewer may no longer see it (`gone`:
//! disabled, deleted, removed from the group), the whole page loads again, so the server shows
//! the log-in page or "not found". Browser-only: on the server this does nothing.

use leptos::prelude::*;

/// Bumped with every live reload of any page: the header's unread count follows it, so a page
/// needs one event stream, not two. `streams` counts the pages' open streams: where there is
/// none (profile, stores …), the header listens itself (`header_stream`).
#[derive(Clone, Copy)]
pub struct LiveTick {
    pub tick: RwSignal<usize>,
    pub streams: RwSignal<usize>,
}

/// Provides the app-wide `LiveTick` (once, in the app shell).
pub fn provide_live_tick() {
    provide_context(LiveTick {
        tick: RwSignal::new(0),
        streams: RwSignal::new(0),
    });
}

/// The app-wide tick, for what follows every page's live events.
pub fn live_tick() -> Option<RwSignal<usize>> {
    use_context::<LiveTick>().map(|live| live.tick)
}

/// Keeps `refresh` (and the app-wide tick) bumped by the live events at `url` while the calling
/// component lives.
pub fn live_refresh(url: String, refresh: RwSignal<usize>) {
    #[cfg(feature = "hydrate")]
    {
        let live = use_context::<LiveTick>();
        if let Some(live) = live {
            live.streams.update(|n| *n += 1);
            on_cleanup(move || {
                live.streams.try_update(|n| *n = n.saturating_sub(1));
            });
        }
        browser::watch(url, refresh, live.map(|live| live.tick));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (url, refresh);
}

/// For the header: while the page has no event stream of its own, listen to the viewer's events
/// (`/events/mine`) and bump the app-wide tick, so the unread count stays live everywhere.
pub fn header_stream() {
    #[cfg(feature = "hydrate")]
    if let Some(live) = use_context::<LiveTick>() {
        Effect::new(move |_| {
            if live.streams.get() == 0 {
                browser::watch("/events/mine".to_owned(), live.tick, None);
            }
        });
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use std::time::Duration;

    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Event, EventSource, MessageEvent};

    /// Events closer together than this become one reload.
    const COALESCE: Duration = Duration::from_millis(150);
    const FIRST_RETRY: Duration = Duration::from_secs(1);
    const LAST_RETRY: Duration = Duration::from_secs(30);
    /// How long a page that may no longer show waits before loading itself again.
    const GONE_GRACE: Duration = Duration::from_secs(1);
    /// How often a reload held back by typing looks again.
    const TYPING_RECHECK: Duration = Duration::from_millis(700);
    /// About 20 s of typing at most.
    const MAX_HOLD_BACKS: u32 = 30;

    /// Whether the person is in the middle of filling in a field.
    fn typing() -> bool {
        document().active_element().is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
    }

    struct Stream {
        url: String,
        refresh: RwSignal<usize>,
        tick: Option<RwSignal<usize>>,
        source: RefCell<Option<EventSource>>,
        retry: Cell<Duration>,
        opened_before: Cell<bool>,
        reload_pending: Cell<bool>,
        held_back: Cell<u32>,
        stopped: Cell<bool>,
    }

    impl Stream {
        fn reload_soon(self: &Rc<Self>) {
            if self.reload_pending.replace(true) {
                return;
            }
            let stream = Rc::clone(self);
            set_timeout(move || stream.reload_when_idle(), COALESCE);
        }

        fn reload_when_idle(self: Rc<Self>) {
            if self.stopped.get() {
                return;
            }
            // A field left focused does not hold the page back for ever.
            if typing() && self.held_back.get() < MAX_HOLD_BACKS {
                self.held_back.set(self.held_back.get() + 1);
                set_timeout(move || self.reload_when_idle(), TYPING_RECHECK);
                return;
            }
            self.held_back.set(0);
            self.reload_pending.set(false);
            self.refresh.try_update(|n| *n += 1);
            if let Some(tick) = self.tick {
                tick.try_update(|n| *n += 1);
            }
        }

        fn open(self: &Rc<Self>) {
            if self.stopped.get() {
                return;
            }
            let Ok(source) = EventSource::new(&self.url) else {
                return;
            };
            let stream = Rc::clone(self);
            let on_open = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                stream.retry.set(FIRST_RETRY);
                if stream.opened_before.replace(true) {
                    stream.reload_soon();
                }
            });
            let stream = Rc::clone(self);
            let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| {
                stream.reload_soon();
            });
            let stream = Rc::clone(self);
            let on_error = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                // Our own backoff instead of the browser's fixed retry.
                if let Some(source) = stream.source.borrow_mut().take() {
                    source.close();
                }
                let delay = stream.retry.get();
                stream.retry.set((delay * 2).min(LAST_RETRY));
                let again = Rc::clone(&stream);
                set_timeout(move || again.open(), delay);
            });
            source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
            source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            // "resync" (this instance fell behind) reloads the data like any event.
            let _ = source
                .add_event_listener_with_callback("resync", on_message.as_ref().unchecked_ref());
            // "gone" (logged out, disabled, removed from the group): the whole page is loaded
            // again, so the server answers with whatever the viewer may now see — the log-in
            // page, or "not found" — instead of the page's data failing in place.
            // A second's grace lets the viewer's own action (leaving, deleting their account)
            // finish its navigation first: that cleans the stream up and nothing reloads.
            let stream = Rc::clone(self);
            let on_gone = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                if let Some(source) = stream.source.borrow_mut().take() {
                    source.close();
                }
                let stream = Rc::clone(&stream);
                set_timeout(
                    move || {
                        if !stream.stopped.get() {
                            let _ = window().location().reload();
                        }
                    },
                    GONE_GRACE,
                );
            });
            let _ =
                source.add_event_listener_with_callback("gone", on_gone.as_ref().unchecked_ref());
            // The handlers live as long as the page: the stream is closed on cleanup.
            on_open.forget();
            on_message.forget();
            on_error.forget();
            on_gone.forget();
            *self.source.borrow_mut() = Some(source);
        }

        fn stop(&self) {
            self.stopped.set(true);
            if let Some(source) = self.source.borrow_mut().take() {
                source.close();
            }
        }
    }

    pub fn watch(url: String, refresh: RwSignal<usize>, tick: Option<RwSignal<usize>>) {
        let stream = Rc::new(Stream {
            url,
            refresh,
            tick,
            source: RefCell::new(None),
            retry: Cell::new(FIRST_RETRY),
            opened_before: Cell::new(false),
            reload_pending: Cell::new(false),
            held_back: Cell::new(0),
            stopped: Cell::new(false),
        });
        stream.open();
        let handle = StoredValue::new_local(stream);
        on_cleanup(move || handle.with_value(|stream| stream.stop()));
    }
}
