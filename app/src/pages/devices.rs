//! The profile's "where you are logged in": each browser with a login, this one first, when it
//! was last used, and "log out everywhere else" for a lost phone or a shared computer. A plain
//! form, so it works without JavaScript.

use leptos::prelude::*;

use crate::api::accounts::{LogOutElsewhere, my_devices};
use crate::components::form::{FormError, FormState, FormSuccess, SubmitButton};
use crate::i18n::{I18n, Key, use_i18n};
use crate::model::DeviceView;
use crate::{t, tr};

#[component]
pub fn DevicesCard() -> impl IntoView {
    let i18n = use_i18n();
    let action = ServerAction::<LogOutElsewhere>::new();
    let state = FormState::of(action);
    let devices = Resource::new(move || action.version().get(), |_| my_devices());
    view! {
        <section class="card" data-testid="devices">
            <h2>{t!(i18n, DevicesTitle)}</h2>
            <p class="muted">{t!(i18n, DevicesHelp)}</p>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let devices = devices.await.unwrap_or_default();
                    let others = devices.iter().filter(|device| !device.current).count();
                    view! {
                        <ul class="group-list">
                            {devices.into_iter().map(|device| view! { <Device device/> }).collect_view()}
                        </ul>
                        {(others > 0).then(|| view! {
                            <ActionForm action attr:class="stack" attr:data-testid="log-out-elsewhere">
                                <FormError state/>
                                <SubmitButton state label=Key::LogOutElsewhereSubmit plain=true/>
                            </ActionForm>
                        })}
                    }
                })}
            </Transition>
            <FormSuccess state message=Key::LoggedOutElsewhere/>
        </section>
    }
}

/// "Firefox on Android", as far as the browser said.
fn device_name(i18n: I18n, device: &DeviceView) -> String {
    let unknown = || i18n.t_now(Key::DeviceUnknown).to_owned();
    match (&device.browser, &device.system) {
        (Some(browser), Some(system)) => {
            tr!(i18n, DeviceLine, browser = *browser, system = *system)
        }
        (Some(browser), None) => browser.clone(),
        (None, Some(system)) => tr!(i18n, DeviceLine, browser = unknown(), system = *system),
        (None, None) => unknown(),
    }
}

#[component]
fn Device(device: DeviceView) -> impl IntoView {
    let i18n = use_i18n();
    let name = device_name(i18n, &device);
    let when = if device.current {
        i18n.t_now(Key::ThisDevice).to_owned()
    } else {
        tr!(
            i18n,
            DeviceLastSeen,
            when = i18n.relative_time(device.last_seen_at)
        )
    };
    view! {
        <li class="list-row" data-testid="device" class:current=device.current>
            <span class="list-title">{name}</span>
            <span class="muted">{when}</span>
        </li>
    }
}
