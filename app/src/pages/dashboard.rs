//! The logged-in start page: the viewer's groups (paginated), whom they owe and who owes them,
//! the open runs of their groups and a form to start a group. Money and runs follow the viewer's
//! live events (one stream for both).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::groups::{CreateGroup, list_my_groups};
use crate::api::money::my_money;
use crate::api::runs::open_runs;
use crate::components::currency_select::CurrencySelect;
use crate::components::form::{Concern, Field, FieldCheck, FormError, FormState, SubmitButton};
use crate::components::live::live_refresh;
use crate::components::pager::Pager;
use crate::components::run_list::RunList;
use crate::domain::group::{GROUP_NAME_MAX, suggested_currency};
use crate::i18n::{Key, use_i18n};
use crate::model::{GroupSummary, UserView};
use crate::t;
use crate::tr;

#[component]
pub fn Dashboard(user: UserView) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let groups = Resource::new(
        move || {
            query
                .read()
                .get("page")
                .and_then(|page| page.parse::<u32>().ok())
        },
        list_my_groups,
    );
    let name = user.display_name;
    let refresh = RwSignal::new(0_usize);
    live_refresh("/events/mine".to_owned(), refresh);
    view! {
        <h1 data-testid="greeting">
            {move || tr!(i18n, HomeGreeting, name = name)}
        </h1>
        <section class="card">
            <h2>{t!(i18n, YourGroups)}</h2>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match groups.await {
                        Ok(page) if page.items.is_empty() && page.page == 1 => {
                            view! { <p class="empty">{t!(i18n, NoGroupsYet)}</p> }.into_any()
                        }
                        Ok(page) => view! {
                            <ul class="group-list">
                                {page.items.iter().cloned().map(|group| view! { <GroupItem group/> }).collect_view()}
                            </ul>
                            <Pager page href_for=|n| format!("/?page={n}")/>
                        }.into_any(),
                        Err(error) => view! { <p class="form-error" role="alert">{i18n.error(&error)}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <OwnMoney refresh/>
        <OpenRuns refresh/>
        <CreateGroupForm/>
    }
}

/// The runs that have not ended in all of the viewer's groups: where to bid next.
#[component]
fn OpenRuns(refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("runs")
            .and_then(|page| page.parse::<u32>().ok())
    };
    let runs = Resource::new(move || (page(), refresh.get()), |(page, _)| open_runs(page));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let runs = runs.await.ok()?;
                let groups_page = query
                    .read_untracked()
                    .get("page")
                    .and_then(|page| page.parse::<u32>().ok());
                let href_for = move |n: u32| match groups_page {
                    Some(groups) => format!("/?page={groups}&runs={n}#open-runs"),
                    None => format!("/?runs={n}#open-runs"),
                };
                (!runs.items.is_empty() || runs.page > 1).then(|| view! {
                    <section class="card" id="open-runs">
                        <h2>{t!(i18n, OpenRunsTitle)}</h2>
                        <RunList runs=runs.items.clone() show_group=true/>
                        <Pager page=runs href_for/>
                    </section>
                })
            })}
        </Suspense>
    }
}

#[component]
fn GroupItem(group: GroupSummary) -> impl IntoView {
    let i18n = use_i18n();
    let count = group.member_count;
    view! {
        <li>
            <a class="list-row" href=format!("/groups/{}", group.id)>
                <span class="list-title">{group.name}</span>
                <span class="muted">{move || i18n.count(Key::MemberCount, count)}</span>
                {group.viewer_is_admin.then(|| view! { <span class="badge">{t!(i18n, AdminBadge)}</span> })}
            </a>
        </li>
    }
}

#[component]
fn CreateGroupForm() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<CreateGroup>::new();
    let state = FormState::of(action);
    let suggested = suggested_currency(i18n.language_untracked());
    let name = FieldCheck::new(state, Concern::Name, "group-name").with_hint();
    view! {
        <section class="card">
            <h2>{t!(i18n, CreateGroupTitle)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="create-group-form">
                <FormError state/>
                <Field id="group-name" label=Key::GroupNameLabel hint=Key::GroupNameHint check=name.clone()>
                    <input id="group-name" name="name" aria-describedby=name.described_by()
                        aria-invalid=name.invalid()
                        minlength="2" maxlength=GROUP_NAME_MAX required/>
                </Field>
                <Field id="group-currency" label=Key::GroupCurrencyLabel hint=Key::GroupCurrencyHint>
                    <CurrencySelect id="group-currency" hint_id="group-currency-hint"
                        selected=suggested.to_owned()/>
                </Field>
                <SubmitButton state label=Key::CreateGroupSubmit/>
            </ActionForm>
        </section>
    }
}

/// Whom the viewer pays and who pays them, across their groups; nothing when all is square.
#[component]
fn OwnMoney(refresh: RwSignal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let money = Resource::new(move || refresh.get(), |_| my_money());
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let own = money.await.unwrap_or_default();
                (!own.is_empty()).then(|| view! {
                    <section class="card" data-testid="own-money">
                        <h2>{t!(i18n, MoneyTitle)}</h2>
                        <ul class="group-list">
                            {own.into_iter().map(|transfer| {
                                let amount = i18n.money(transfer.amount_minor, &transfer.currency);
                                let line = if transfer.viewer_pays {
                                    tr!(i18n, YouPay, name = transfer.other, amount = amount, group = transfer.group_name)
                                } else {
                                    tr!(i18n, PaysYou, name = transfer.other, amount = amount, group = transfer.group_name)
                                };
                                view! {
                                    <li><a class="list-row" href=format!("/groups/{}/money", transfer.group_id)>
                                        <span class="list-title">{line}</span>
                                    </a></li>
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Transition>
    }
}
