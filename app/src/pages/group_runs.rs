//! The runs part of a group page: the group's runs (open ones first, a page at a time) and the
//! form to start a new one at a store.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

use crate::api::catalogue::store_choices;
use crate::api::runs::{CreateRun, list_group_runs};
use crate::components::form::{Field, FormError, FormState, SubmitButton};
use crate::components::pager::Pager;
use crate::components::run_list::RunList;
use crate::components::store_select::StoreSelect;
use crate::domain::run::COMMENT_MAX;
use crate::i18n::{Key, use_i18n};
use crate::t;

/// `refresh` is the group page's live reload signal.
#[component]
pub fn GroupRuns(group_id: Uuid, refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let runs = Resource::new(
        move || {
            (
                query.read().get("runs").and_then(|p| p.parse::<u32>().ok()),
                refresh.get(),
            )
        },
        move |(page, _)| list_group_runs(group_id, page),
    );
    view! {
        <section class="card">
            <h2>{t!(i18n, GroupRunsTitle)}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match runs.await {
                        Ok(page) if page.items.is_empty() => {
                            view! { <p class="empty">{t!(i18n, NoRunsYet)}</p> }.into_any()
                        }
                        Ok(page) => view! {
                            <RunList runs=page.items.clone()/>
                            <Pager page href_for=move |n| format!("/groups/{group_id}?runs={n}")/>
                        }.into_any(),
                        Err(error) => view! {
                            <p class="form-error" role="alert">{i18n.error(&error)}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <NewRunForm group_id/>
    }
    .into_any()
}

#[component]
fn NewRunForm(group_id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateRun>::new();
    let state = FormState::of(action);
    let stores = Resource::new(|| (), |_| store_choices());
    view! {
        <section class="card" id="new-run">
            <h2>{t!(i18n, NewRunTitle)}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let stores = stores.await.unwrap_or_default();
                    if stores.is_empty() {
                        return view! {
                            <p class="empty"><a href="/stores">{t!(i18n, AddStoreFirstForRun)}</a></p>
                        }.into_any();
                    }
                    view! {
                        <ActionForm action attr:class="stack" attr:data-testid="new-run-form">
                            <input type="hidden" name="group_id" value=group_id.to_string()/>
                            <FormError state/>
                            <StoreSelect id="new-run-store" stores/>
                            <Field id="new-run-day" label=Key::PlannedOnLabel>
                                <input id="new-run-day" name="planned_on" type="date"/>
                            </Field>
                            <Field id="new-run-comment" label=Key::RunCommentLabel hint=Key::RunCommentHint>
                                <textarea id="new-run-comment" name="comment" maxlength=COMMENT_MAX rows="2"
                                    aria-describedby="new-run-comment-hint"></textarea>
                            </Field>
                            <SubmitButton state label=Key::StartRunSubmit/>
                        </ActionForm>
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
    .into_any()
}
