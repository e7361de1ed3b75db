//! `/groups/:id/manage`: the invite link for every member; renaming, the currency, joining on/off,
//! a new link, which prices estimate costs, and admin roles and removals for admins; leaving for
//! everyone.

use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

use crate::api::groups::{
    LeaveGroup, RegenerateInvite, RemoveMember, RenameGroup, SetGroupCurrency, SetJoiningAllowed,
    SetMemberAdmin, SetOwnPricesOnly,
};
use crate::components::confirm::ConfirmSubmit;
use crate::components::copy_link::{CopyLink, site_url};
use crate::components::currency_select::CurrencySelect;
use crate::components::form::{
    Concern, Field, FieldCheck, FormError, FormState, FormSuccess, SubmitButton, with_state,
};
use crate::components::page_error::PageError;
use crate::components::pager::Pager;
use crate::components::toast::toast_after;
use crate::domain::group::GROUP_NAME_MAX;
use crate::i18n::{Key, use_i18n};
use crate::model::{GroupDetail, MemberView};
use crate::pages::group::group_resource;
use crate::pages::group_confirm::GroupConfirmation;
use crate::t;
use crate::tr;

/// The page's actions and their states live above the data, so a refetch after a change does not
/// re-create them and each form keeps showing its result.
#[derive(Clone, Copy)]
struct ManageActions {
    rename: (ServerAction<RenameGroup>, FormState),
    currency: (ServerAction<SetGroupCurrency>, FormState),
    joining: (ServerAction<SetJoiningAllowed>, FormState),
    own_prices: (ServerAction<SetOwnPricesOnly>, FormState),
    regenerate: (ServerAction<RegenerateInvite>, FormState),
    admin_role: (ServerAction<SetMemberAdmin>, FormState),
    remove: (ServerAction<RemoveMember>, FormState),
    leave: (ServerAction<LeaveGroup>, FormState),
}

#[component]
pub fn GroupManagePage() -> impl IntoView {
    let actions = ManageActions {
        rename: with_state(ServerAction::new()),
        currency: with_state(ServerAction::new()),
        joining: with_state(ServerAction::new()),
        own_prices: with_state(ServerAction::new()),
        regenerate: with_state(ServerAction::new()),
        admin_role: with_state(ServerAction::new()),
        remove: with_state(ServerAction::new()),
        leave: with_state(ServerAction::new()),
    };
    toast_after(actions.rename.0, Key::ToastSaved);
    toast_after(actions.currency.0, Key::ToastSaved);
    toast_after(actions.joining.0, Key::ToastSaved);
    toast_after(actions.own_prices.0, Key::ToastSaved);
    toast_after(actions.regenerate.0, Key::ToastLinkRenewed);
    toast_after(actions.admin_role.0, Key::ToastSaved);
    toast_after(actions.remove.0, Key::ToastMemberRemoved);
    let group = group_resource(move || {
        actions.rename.0.version().get()
            + actions.currency.0.version().get()
            + actions.joining.0.version().get()
            + actions.own_prices.0.version().get()
            + actions.regenerate.0.version().get()
            + actions.admin_role.0.version().get()
            + actions.remove.0.version().get()
    });
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match group.await {
                    Ok(group) => view! { <Manage group actions/> }.into_any(),
                    Err(error) => view! { <PageError error/> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Manage(group: GroupDetail, actions: ManageActions) -> impl IntoView {
    let i18n = use_i18n();
    let group_id = group.id;
    let name = group.name.clone();
    let title = tr!(i18n, ManageGroupTitle, name = name);
    let admin = group.viewer_is_admin;
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <p class="aside-left"><a href=format!("/groups/{group_id}")>{t!(i18n, BackToGroup)}</a></p>
        <InviteSection group=group.clone() actions/>
        {admin.then(|| view! { <RenameSection group_id name=name.clone() actions/> })}
        {admin.then(|| view! {
            <CurrencySection group_id currency=group.currency.clone() locked=group.currency_locked actions/>
        })}
        {admin.then(|| view! { <OwnPricesSection group_id own=group.own_prices_only actions/> })}
        <section class="card">
            <h2>{t!(i18n, GroupMembersTitle)}</h2>
            <FormError state=actions.admin_role.1/>
            <FormError state=actions.remove.1/>
            <ul class="member-list" data-testid="manage-members">
                {group.members.items.iter().cloned().map(|member| view! {
                    <ManagedMember group_id member viewer=group.viewer_id viewer_is_admin=admin actions/>
                }).collect_view()}
            </ul>
            <Pager page=group.members href_for=move |n| format!("/groups/{group_id}/manage?members={n}")/>
        </section>
        <section class="card">
            <h2>{t!(i18n, LeaveSection)}</h2>
            <p class="muted">{t!(i18n, LeaveHelp)}</p>
            <ActionForm action=actions.leave.0 attr:class="stack" attr:data-testid="leave-form">
                <input type="hidden" name="group_id" value=group_id.to_string()/>
                <FormError state=actions.leave.1/>
                <ConfirmSubmit state=actions.leave.1 danger=true page=GroupConfirmation::Leave.page(group_id)
                    label=Signal::derive(move || i18n.t(Key::LeaveGroup).to_owned())
                    question=Signal::derive(move || i18n.t(Key::LeaveConfirm).to_owned())/>
            </ActionForm>
        </section>
    }
}

/// Which prices estimate the group's costs: anyone's newest at the store, or only its members'.
#[component]
fn OwnPricesSection(group_id: Uuid, own: bool, actions: ManageActions) -> impl IntoView {
    let i18n = use_i18n();
    let (now, switch) = if own {
        (Key::OwnPricesOnlyOn, Key::UseEveryonesPrices)
    } else {
        (Key::OwnPricesOnlyOff, Key::UseOwnPricesOnly)
    };
    view! {
        <section class="card" data-testid="own-prices">
            <h2>{t!(i18n, CostEstimatesSection)}</h2>
            <p class="muted">{move || i18n.t(now)}</p>
            <ActionForm action=actions.own_prices.0 attr:class="inline-form">
                <input type="hidden" name="group_id" value=group_id.to_string()/>
                <input type="hidden" name="only" value=(!own).to_string()/>
                <SubmitButton state=actions.own_prices.1 label=switch plain=true/>
            </ActionForm>
            <FormError state=actions.own_prices.1/>
        </section>
    }
}

#[component]
fn InviteSection(group: GroupDetail, actions: ManageActions) -> impl IntoView {
    let i18n = use_i18n();
    let group_id = group.id;
    let path = format!("/join/{}", group.invite_token);
    let url = Signal::derive(move || site_url(&path));
    let joining_allowed = group.joining_allowed;
    view! {
        <section class="card">
            <h2>{t!(i18n, InviteLinkSection)}</h2>
            <p class="muted">{t!(i18n, InviteLinkHelp)}</p>
            <CopyLink url id="invite-link"/>
            {(!joining_allowed).then(|| view! { <p class="form-error" role="status">{t!(i18n, JoiningDisabledWarning)}</p> })}
            {group.viewer_is_admin.then(move || view! {
                <div class="actions">
                    <ActionForm action=actions.joining.0 attr:class="inline-form">
                        <input type="hidden" name="group_id" value=group_id.to_string()/>
                        <input type="hidden" name="allowed" value=(!joining_allowed).to_string()/>
                        <SubmitButton state=actions.joining.1
                            label=if joining_allowed { Key::DisallowJoining } else { Key::AllowJoining }/>
                    </ActionForm>
                    <ActionForm action=actions.regenerate.0 attr:class="inline-form">
                        <input type="hidden" name="group_id" value=group_id.to_string()/>
                        <ConfirmSubmit state=actions.regenerate.1 page=GroupConfirmation::NewInviteLink.page(group_id)
                            label=Signal::derive(move || i18n.t(Key::RegenerateLink).to_owned())
                            question=Signal::derive(move || i18n.t(Key::RegenerateConfirm).to_owned())/>
                    </ActionForm>
                </div>
                <FormError state=actions.joining.1/>
                <FormError state=actions.regenerate.1/>
            })}
        </section>
    }
}

#[component]
fn RenameSection(group_id: Uuid, name: String, actions: ManageActions) -> impl IntoView {
    let i18n = use_i18n();
    let (action, state) = actions.rename;
    let check = FieldCheck::new(state, Concern::Name, "rename-group").with_hint();
    view! {
        <section class="card">
            <h2>{t!(i18n, RenameSection)}</h2>
            <ActionForm action attr:class="stack" attr:data-testid="rename-form">
                <input type="hidden" name="group_id" value=group_id.to_string()/>
                <FormError state/>
                <Field id="rename-group" label=Key::GroupNameLabel hint=Key::GroupNameHint check=check.clone()>
                    <input id="rename-group" name="name" value=name aria-describedby=check.described_by()
                        aria-invalid=check.invalid()
                        minlength="2" maxlength=GROUP_NAME_MAX required/>
                </Field>
                <FormSuccess state message=Key::Saved/>
                <SubmitButton state label=Key::RenameSubmit/>
            </ActionForm>
        </section>
    }
}

/// The currency can change until a run has prices; after that the section only says why not.
#[component]
fn CurrencySection(
    group_id: Uuid,
    currency: String,
    locked: bool,
    actions: ManageActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let (action, state) = actions.currency;
    let current = currency.clone();
    let form = (!locked).then(move || view! {
        <ActionForm action attr:class="stack" attr:data-testid="currency-form">
            <input type="hidden" name="group_id" value=group_id.to_string()/>
            <FormError state/>
            <Field id="change-currency" label=Key::GroupCurrencyLabel hint=Key::GroupCurrencyHint>
                <CurrencySelect id="change-currency" hint_id="change-currency-hint" selected=currency/>
            </Field>
            <FormSuccess state message=Key::Saved/>
            <SubmitButton state label=Key::SaveCurrency/>
        </ActionForm>
    });
    view! {
        <section class="card" data-testid="currency-section">
            <h2>{t!(i18n, CurrencySection)}</h2>
            {locked.then(|| view! {
                <p><strong>{current}</strong></p>
                <p class="muted" data-testid="currency-locked">{t!(i18n, CurrencyLocked)}</p>
            })}
            {form}
        </section>
    }
}

#[component]
fn ManagedMember(
    group_id: Uuid,
    member: MemberView,
    viewer: Uuid,
    viewer_is_admin: bool,
    actions: ManageActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let is_self = member.user_id == viewer;
    let member_id = member.user_id;
    let display_name = member.display_name.clone();
    let can_manage = viewer_is_admin && !is_self;
    // The confirmation page without JavaScript finds the member on the same page of members.
    let members_page = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("members"));
    view! {
        <li class="list-row member-row" data-testid=format!("member-{}", member.username)>
            <span class="list-title">
                {member.display_name.clone()}
                {is_self.then(|| view! { " " <span class="muted">{t!(i18n, YouSuffix)}</span> })}
            </span>
            <span class="muted">"@"{member.username.clone()}</span>
            {member.is_admin.then(|| view! { <span class="badge">{t!(i18n, AdminBadge)}</span> })}
            {can_manage.then(move || view! {
                <div class="row-actions">
                    <ActionForm action=actions.admin_role.0 attr:class="inline-form">
                        <input type="hidden" name="group_id" value=group_id.to_string()/>
                        <input type="hidden" name="member_id" value=member_id.to_string()/>
                        <input type="hidden" name="admin" value=(!member.is_admin).to_string()/>
                        <SubmitButton state=actions.admin_role.1
                            label=if member.is_admin { Key::RemoveAdminRole } else { Key::MakeAdmin }/>
                    </ActionForm>
                    {(!member.is_admin).then(move || view! {
                        <ActionForm action=actions.remove.0 attr:class="inline-form">
                            <input type="hidden" name="group_id" value=group_id.to_string()/>
                            <input type="hidden" name="member_id" value=member_id.to_string()/>
                            {members_page.clone().map(|page| view! { <input type="hidden" name="members" value=page/> })}
                            <ConfirmSubmit state=actions.remove.1 danger=true key=member_id.to_string()
                                page=GroupConfirmation::RemoveMember.page(group_id)
                                label=Signal::derive(move || i18n.t(Key::RemoveMember).to_owned())
                                question=Signal::derive({
                                    let display_name = display_name.clone();
                                    move || tr!(i18n, RemoveMemberConfirm, name = display_name)
                                })/>
                        </ActionForm>
                    })}
                </div>
            })}
        </li>
    }
}
