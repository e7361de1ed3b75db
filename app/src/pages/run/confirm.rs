//! The run's destructive moves and what each asks first, in the run and shopping pages' dialogs
//! and on `/runs/:id/confirm/:what`, the confirmation page a button leads to without JavaScript.
//! The page asks only what the state machine still offers the viewer; otherwise it says why not.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};
use strum::{EnumString, IntoStaticStr};
use uuid::Uuid;

use crate::api::runs::{CancelRun, ConfirmRun, ReopenRun, get_run};
use crate::api::shopping::{
    CompleteShopping, FinishAdjusting, UnrecordPurchase, get_shopping_list,
};
use crate::components::confirm::{Confirmation, ConfirmationRefused};
use crate::components::page_error::PageError;
use crate::domain::run_state::{RunAction, RunRole, RunState, authorize};
use crate::error::{AppError, ErrorCode};
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::{RunDetail, ShoppingList};
use crate::tr;

use super::pack_choices::PackChoices;

/// A move of a run that is confirmed first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum RunConfirmation {
    Confirm,
    Reopen,
    Cancel,
    ShareOut,
    DoneShopping,
    PutBack,
}

impl RunConfirmation {
    /// The confirmation page of this move.
    pub fn page(self, run_id: Uuid) -> String {
        format!("/runs/{run_id}/confirm/{}", <&str>::from(self))
    }

    fn action(self) -> RunAction {
        match self {
            Self::Confirm => RunAction::Confirm,
            Self::Reopen => RunAction::Reopen,
            Self::Cancel => RunAction::Cancel,
            Self::ShareOut => RunAction::FinishAdjusting,
            Self::DoneShopping => RunAction::CompleteShopping,
            Self::PutBack => RunAction::RecordPurchase,
        }
    }

    fn server_url(self) -> &'static str {
        match self {
            Self::Confirm => ConfirmRun::url(),
            Self::Reopen => ReopenRun::url(),
            Self::Cancel => CancelRun::url(),
            Self::ShareOut => FinishAdjusting::url(),
            Self::DoneShopping => CompleteShopping::url(),
            Self::PutBack => UnrecordPurchase::url(),
        }
    }

    fn on_the_list(self) -> bool {
        matches!(self, Self::DoneShopping | Self::PutBack)
    }

    fn back(self, run_id: Uuid) -> String {
        if self.on_the_list() {
            format!("/runs/{run_id}/shopping")
        } else {
            format!("/runs/{run_id}")
        }
    }

    fn danger(self) -> bool {
        matches!(self, Self::Cancel | Self::ShareOut)
    }
}

/// What confirming says now: a note for the leader's panel, the button and the question.
pub struct ConfirmWording {
    pub note: String,
    pub label: Key,
    pub question: String,
}

pub fn confirm_wording(i18n: I18n, run: &RunDetail) -> ConfirmWording {
    let not_ready: Vec<String> = run
        .not_ready()
        .iter()
        .map(|p| p.display_name.clone())
        .collect();
    if run.everyone_ready() || not_ready.is_empty() {
        let note = if run.everyone_ready() {
            Key::EveryoneReady
        } else {
            Key::NobodyBidYet
        };
        ConfirmWording {
            note: i18n.t_now(note).to_owned(),
            label: Key::ConfirmRunSubmit,
            question: i18n.t_now(Key::ConfirmQuestion).to_owned(),
        }
    } else {
        let names = not_ready.join(", ");
        ConfirmWording {
            note: tr!(i18n, WaitingFor, names = names),
            label: Key::ConfirmAnyway,
            question: tr!(i18n, ConfirmAnywayQuestion, names = names),
        }
    }
}

/// What cancelling means in this state.
pub fn cancel_question(state: RunState) -> Key {
    match state {
        RunState::Planning | RunState::Active => Key::CancelQuestionBidding,
        RunState::Confirmed => Key::CancelQuestionConfirmed,
        _ => Key::CancelQuestionBought,
    }
}

/// What finishing the shopping means with `left` items not yet recorded.
pub fn done_shopping_question(i18n: I18n, left: i64) -> String {
    if left == 0 {
        i18n.t_now(Key::CompleteShoppingQuestion).to_owned()
    } else {
        i18n.count(Key::CompleteWithLeft, left)
    }
}

/// What the page asks about: the run, or its shopping list.
#[derive(Clone, Debug, Serialize, Deserialize)]
enum Subject {
    Run(Box<RunDetail>),
    List(ShoppingList),
}

impl Subject {
    fn state_and_role(&self) -> (RunState, RunRole) {
        match self {
            Subject::Run(run) => (run.state, run.viewer_role),
            Subject::List(list) => (list.state, list.viewer_role),
        }
    }
}

#[component]
pub fn RunConfirmationPage() -> impl IntoView {
    let params = use_params_map();
    let what = params.with_untracked(|p| {
        p.get("what")
            .and_then(|what| what.parse::<RunConfirmation>().ok())
    });
    let run_id = params.with_untracked(|p| p.get("id").and_then(|id| Uuid::parse_str(&id).ok()));
    let (Some(what), Some(run_id)) = (what, run_id) else {
        return view! { <PageError error=AppError::from(ErrorCode::NotFound)/> }.into_any();
    };
    let subject = Resource::new(
        || (),
        move |_| async move {
            if what.on_the_list() {
                get_shopping_list(run_id).await.map(Subject::List)
            } else {
                get_run(run_id).await.map(|run| Subject::Run(Box::new(run)))
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match subject.await {
                    Ok(subject) => view! { <Asking what run_id subject/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
fn Asking(what: RunConfirmation, run_id: Uuid, subject: Subject) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let back = what.back(run_id);
    let (state, role) = subject.state_and_role();
    if let Err(code) = authorize(state, role, what.action()) {
        return view! { <ConfirmationRefused code back/> }.into_any();
    }
    let mut fields = vec![("run_id", run_id.to_string())];
    let mut about = None;
    let mut inside = None;
    let (question, label) = match (&subject, what) {
        (Subject::Run(run), RunConfirmation::Confirm) => {
            let wording = confirm_wording(i18n, run);
            // The choices made on the run page come along in the query.
            let rounded_up: Vec<Uuid> = query
                .get_untracked()
                .into_iter()
                .filter(|(name, _)| name.starts_with("round_up["))
                .filter_map(|(_, value)| Uuid::parse_str(&value).ok())
                .collect();
            let run = Arc::new((**run).clone());
            inside = Some(view! { <PackChoices run rounded_up/> }.into_any());
            (wording.question, wording.label)
        }
        (Subject::Run(_), RunConfirmation::Reopen) => (
            i18n.t_now(Key::ReopenQuestion).to_owned(),
            Key::ReopenSubmit,
        ),
        (Subject::Run(run), RunConfirmation::Cancel) => {
            let reason = query
                .with_untracked(|q| q.get("reason"))
                .unwrap_or_default();
            if !reason.trim().is_empty() {
                about = Some(reason.clone());
            }
            fields.push(("reason", reason));
            (
                i18n.t_now(cancel_question(run.state)).to_owned(),
                Key::CancelRunSubmit,
            )
        }
        (Subject::Run(_), RunConfirmation::ShareOut) => {
            fields.push(("force", "on".to_owned()));
            (
                i18n.t_now(Key::ForceFinishQuestion).to_owned(),
                Key::ForceFinishSubmit,
            )
        }
        (Subject::List(list), RunConfirmation::DoneShopping) => {
            let left = list.items.iter().filter(|i| !i.is_recorded()).count() as i64;
            (
                done_shopping_question(i18n, left),
                Key::CompleteShoppingSubmit,
            )
        }
        (Subject::List(list), RunConfirmation::PutBack) => {
            let product = query
                .with_untracked(|q| q.get("product_id"))
                .and_then(|id| Uuid::parse_str(&id).ok())
                .and_then(|id| list.items.iter().find(|item| item.product_id == id));
            let Some(item) = product.filter(|item| item.is_recorded()) else {
                let code = ErrorCode::ShoppingItemNotFound;
                return view! { <ConfirmationRefused code back/> }.into_any();
            };
            fields.push(("product_id", item.product_id.to_string()));
            about = Some(item.name.clone());
            (
                i18n.t_now(Key::PutBackQuestion).to_owned(),
                Key::PutBackSubmit,
            )
        }
        _ => return view! { <PageError error=AppError::from(ErrorCode::NotFound)/> }.into_any(),
    };
    view! {
        <Confirmation question label=i18n.t_now(label).to_owned() action=what.server_url() fields back
            danger=what.danger() inside>
            {about.map(|about| view! { <p class="confirmation-about"><strong>{about}</strong></p> })}
        </Confirmation>
    }
    .into_any()
}
