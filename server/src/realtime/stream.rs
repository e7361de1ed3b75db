//! Live events as Server-Sent Events: `GET /events/runs/{id}` (one run), `/events/groups/{id}`
//! (everything in one group: its runs and members) and `/events/mine` (every group of the
//! viewer, for the dashboard). Who may watch is decided when the stream opens (the viewer may see
//! it; the request comes from our own pages); after that a run or group stream ends at once when
//! the viewer leaves the group or their account is disabled, the "mine" stream follows the
//! viewer joining and leaving groups, every stream ends when its own login does (logged out,
//! password changed, "log out everywhere else", expired: checked on `SessionsChanged` and every
//! `LOGIN_CHECK_EVERY`; an API client's stream likewise when its token is revoked or expires),
//! and every stream ends when this instance shuts down (the browser
//! reconnects, through Caddy, to another one). A stream that fell behind is told to `resync`; keep-alives every 15 s keep
//! proxies from closing it. One person holds a bounded number of streams on an instance
//! (`StreamCounts`); past it a new one is refused with `TOO_MANY_STREAMS` (429).

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use app::domain::ids::ApiTokenId;
use app::error::{AppError, ErrorCode};
use app::model::{EventEnvelope, LiveEvent};
use app::server::AppContext;
use app::server::api_tokens;
use app::server::sessions::{self, Viewer};
use app::server::watching::{groups_of, watch_group, watch_run};
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use http::{HeaderMap, StatusCode};
use tokio::sync::{broadcast, watch};
use tower_sessions::session::Id;
use tower_sessions::{Session, SessionStore};
use uuid::Uuid;

use super::hub::Hub;
use crate::metrics::names::LIVE_OPEN_STREAMS;
use crate::middleware::csrf::{CsrfPolicy, from_other_site};

/// How often an open stream checks that its login still holds, besides on `SessionsChanged`.
const LOGIN_CHECK_EVERY: Duration = Duration::from_secs(30);

#[derive(Clone)]
pub struct LiveState {
    pub ctx: AppContext,
    /// Where sessions live, to check a stream's own login while it is open.
    pub sessions: Arc<dyn SessionStore>,
    pub hub: Hub,
    pub csrf: CsrfPolicy,
    pub shutdown: watch::Receiver<bool>,
    /// Open streams per person on this instance.
    pub open_streams: StreamCounts,
}

/// How many streams each person has open here, and how many they may: a person's pages each
/// hold one (a run, the shopping list, the header), and a few phones and laptops never need
/// more than `BULQ_MAX_STREAMS_PER_PERSON` (50) at once; past it, a runaway script cannot hold
/// more of the instance's memory and connections.
#[derive(Clone)]
pub struct StreamCounts {
    open: Arc<Mutex<HashMap<Uuid, usize>>>,
    most: usize,
}

impl StreamCounts {
    pub fn new(most: usize) -> Self {
        StreamCounts {
            open: Arc::default(),
            most,
        }
    }
}

fn refusal(code: ErrorCode) -> Response {
    let status = StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, AppError::new(code).to_json()).into_response()
}

/// One open stream: what it watches and for whom.
struct Watch {
    events: broadcast::Receiver<Arc<EventEnvelope>>,
    shutdown: watch::Receiver<bool>,
    /// The groups whose events pass.
    groups: HashSet<Uuid>,
    /// Only this run's events, when set.
    run_id: Option<Uuid>,
    /// The viewer's own groups ("mine"): joining adds one, leaving drops it instead of ending.
    follows_membership: bool,
    viewer: Uuid,
    /// The session the stream was opened with, checked while it is open.
    login: LoginCheck,
    ended: bool,
    _open: OpenStream,
}

/// Counts an open stream, in all and for its person, while it lives.
struct OpenStream {
    counts: StreamCounts,
    viewer: Uuid,
}

impl OpenStream {
    /// A new stream for `viewer`, unless they already have as many as anyone needs.
    fn new(counts: &StreamCounts, viewer: Uuid) -> Option<Self> {
        let mut open = counts
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let mine = open.entry(viewer).or_default();
        if *mine >= counts.most {
            return None;
        }
        *mine += 1;
        metrics::gauge!(LIVE_OPEN_STREAMS).increment(1.0);
        Some(OpenStream {
            counts: counts.clone(),
            viewer,
        })
    }
}

impl Drop for OpenStream {
    fn drop(&mut self) {
        metrics::gauge!(LIVE_OPEN_STREAMS).decrement(1.0);
        let mut open = self
            .counts
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(mine) = open.get_mut(&self.viewer) {
            *mine = mine.saturating_sub(1);
            if *mine == 0 {
                open.remove(&self.viewer);
            }
        }
    }
}

/// A named event without a payload. Browsers drop an event whose data is empty (the
/// EventSource rules), so it carries its own name as data.
fn signal(name: &'static str) -> Event {
    Event::default().event(name).data(name)
}

/// What opened a stream: a browser's session, or an API client's token.
pub enum Credential {
    Session(Option<Id>),
    Token(ApiTokenId),
}

/// A stream's own login (its session, or its token), looked up again when asked.
struct LoginCheck {
    ctx: AppContext,
    sessions: Arc<dyn SessionStore>,
    credential: Credential,
    every: tokio::time::Interval,
}

impl LoginCheck {
    /// Whether the login still holds. A session store or database that does not answer is an
    /// outage, not a log-out: the stream goes on.
    async fn holds(&self) -> bool {
        let id = match &self.credential {
            Credential::Session(Some(id)) => *id,
            Credential::Session(None) => return false,
            Credential::Token(token) => {
                return api_tokens::still_live(&self.ctx.db, *token)
                    .await
                    .unwrap_or(true);
            }
        };
        match self.sessions.load(&id).await {
            Ok(record) => sessions::still_holds(&self.ctx, record.as_ref().map(|r| &r.data))
                .await
                .unwrap_or(true),
            Err(error) => {
                tracing::warn!(%error, "session store unavailable for a stream's login check");
                true
            }
        }
    }
}

impl Watch {
    /// The next event for this stream, or `None` when it ends.
    async fn next(&mut self) -> Option<Event> {
        if self.ended || *self.shutdown.borrow() {
            return None;
        }
        loop {
            let received = tokio::select! {
                _ = self.shutdown.changed() => return None,
                _ = self.login.every.tick() => {
                    if self.login.holds().await {
                        continue;
                    }
                    self.ended = true;
                    return Some(signal("gone"));
                }
                received = self.events.recv() => received,
            };
            let envelope = match received {
                Ok(envelope) => envelope,
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    return Some(signal("resync"));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            };
            match envelope.event {
                LiveEvent::AccountEnded { user_id } if user_id == self.viewer => {
                    self.ended = true;
                    return Some(signal("gone"));
                }
                LiveEvent::SessionsChanged { user_id } if user_id == self.viewer => {
                    if self.login.holds().await {
                        continue;
                    }
                    self.ended = true;
                    return Some(signal("gone"));
                }
                LiveEvent::MemberJoined { user_id }
                    if user_id == self.viewer && self.follows_membership =>
                {
                    self.groups.insert(envelope.group_id);
                }
                LiveEvent::MemberLeft { user_id }
                    if user_id == self.viewer && self.groups.contains(&envelope.group_id) =>
                {
                    if !self.follows_membership {
                        self.ended = true;
                        return Some(signal("gone"));
                    }
                    // The viewer's own stream goes on for their other groups: the page only
                    // reloads its data.
                    self.groups.remove(&envelope.group_id);
                    return Some(signal("resync"));
                }
                _ => {}
            }
            if !self.groups.contains(&envelope.group_id) {
                continue;
            }
            if self.run_id.is_some() && envelope.run_id != self.run_id {
                continue;
            }
            let data = serde_json::to_string(&envelope.event).unwrap_or_default();
            return Some(Event::default().id(envelope.id.to_string()).data(data));
        }
    }
}

fn events_of(watch: Watch) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(watch, |mut watch| async move {
        let event = watch.next().await?;
        Some((Ok(event), watch))
    })
}

/// What a stream is asked to watch.
pub enum Scope {
    Run(String),
    Group(String),
    Mine,
}

/// Checks who asks from a page and whether they may, then streams.
async fn open(
    live: LiveState,
    viewer: Option<Extension<Viewer>>,
    session: Option<Extension<Session>>,
    headers: HeaderMap,
    scope: Scope,
) -> Response {
    if from_other_site(&headers, &live.csrf) {
        return refusal(ErrorCode::CrossSiteRequest);
    }
    let Some(Extension(Viewer(account))) = viewer else {
        return refusal(ErrorCode::AuthRequired);
    };
    let credential = Credential::Session(session.and_then(|Extension(session)| session.id()));
    watch(live, account.id, credential, scope)
        .await
        .unwrap_or_else(refusal)
}

/// Streams what `scope` lets `viewer` see, if they may see it.
pub async fn watch(
    live: LiveState,
    viewer: Uuid,
    credential: Credential,
    scope: Scope,
) -> Result<Response, ErrorCode> {
    let Some(open_stream) = OpenStream::new(&live.open_streams, viewer) else {
        tracing::warn!(user_id = %viewer, "too many live streams");
        return Err(ErrorCode::TooManyStreams);
    };
    // Subscribe before checking, so nothing that happens meanwhile is missed.
    let events = live.hub.subscribe();
    let db = &live.ctx.db;
    let allowed = match scope {
        Scope::Run(id) => match Uuid::parse_str(&id) {
            Ok(run_id) => watch_run(db, viewer, run_id)
                .await
                .map(|group_id| (HashSet::from([group_id]), Some(run_id), false)),
            Err(_) => Err(ErrorCode::RunNotFound.into()),
        },
        Scope::Group(id) => match Uuid::parse_str(&id) {
            Ok(group_id) => watch_group(db, viewer, group_id)
                .await
                .map(|()| (HashSet::from([group_id]), None, false)),
            Err(_) => Err(ErrorCode::GroupNotFound.into()),
        },
        Scope::Mine => groups_of(db, viewer)
            .await
            .map(|groups| (groups.into_iter().collect(), None, true)),
    };
    let (groups, run_id, follows_membership) = match allowed {
        Ok(allowed) => allowed,
        Err(error) => return Err(error.code),
    };
    let mut every = tokio::time::interval_at(
        tokio::time::Instant::now() + LOGIN_CHECK_EVERY,
        LOGIN_CHECK_EVERY,
    );
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let watch = Watch {
        events,
        shutdown: live.shutdown.clone(),
        groups,
        run_id,
        follows_membership,
        viewer,
        login: LoginCheck {
            ctx: live.ctx.clone(),
            sessions: live.sessions.clone(),
            credential,
            every,
        },
        ended: false,
        _open: open_stream,
    };
    Ok(Sse::new(events_of(watch))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response())
}

pub async fn run_events(
    State(live): State<LiveState>,
    viewer: Option<Extension<Viewer>>,
    session: Option<Extension<Session>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    open(live, viewer, session, headers, Scope::Run(id)).await
}

pub async fn group_events(
    State(live): State<LiveState>,
    viewer: Option<Extension<Viewer>>,
    session: Option<Extension<Session>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    open(live, viewer, session, headers, Scope::Group(id)).await
}

pub async fn my_events(
    State(live): State<LiveState>,
    viewer: Option<Extension<Viewer>>,
    session: Option<Extension<Session>>,
    headers: HeaderMap,
) -> Response {
    open(live, viewer, session, headers, Scope::Mine).await
}
