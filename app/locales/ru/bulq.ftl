# Bulq: русский перевод. Те же сообщения и переменные, что в en/bulq.ftl; обращение на «вы».
# Глоссарий: group — группа; run — закупка; bid — заявка; interested / just interested — интересуется /
# просто интересно; leader — организатор; helper — помощник; shopping — покупки; adjusting —
# корректировка; distributing / handing out — раздача; pick up — забрать; store — магазин;
# product — товар; item (on the shopping list) — позиция; share — доля; price — цена;
# admin — администратор; invite link — ссылка-приглашение; notification — уведомление.

app-name = Bulq
app-tagline = Покупайте оптом вместе с друзьями
skip-to-content = Перейти к содержимому
nav-log-in = Войти
nav-sign-up = Регистрация
nav-profile = Профиль
nav-log-out = Выйти
footer-note = Bulq — свободное ПО (AGPL-3.0). Друзья платят друг другу напрямую; Bulq ведёт счёт.
home-headline = Покупайте оптом вместе и делите честно
home-intro = Bulq помогает компании друзей спланировать поездку в оптовый магазин, собрать, кому что нужно, купить всё это и точно рассчитать, кто сколько должен.
home-step-plan-title = Запланируйте закупку
home-step-plan-body = Кто-то открывает закупку в магазине, и группа сразу её видит.
home-step-bid-title = Скажите, что вам нужно
home-step-bid-body = Каждый указывает количество прямо с телефона — с точностью до 0,5 кг.
home-step-split-title = Расчёт до копейки
home-step-split-body = Всё, что на самом деле куплено и оплачено, делится точно.
home-greeting = Привет, { $name }
your-groups = Ваши группы
no-groups-yet = Вы пока не состоите ни в одной группе. Создайте группу ниже или откройте ссылку-приглашение, которой с вами поделился друг.
login-title = Вход
login-submit = Войти
login-no-account = Впервые в Bulq? Создайте аккаунт
register-title = Создание аккаунта
register-submit = Создать аккаунт
register-have-account = Уже есть аккаунт? Войдите
username-label = Имя пользователя
username-hint = 3–50 символов: буквы, цифры, _ и -. Регистр не важен.
display-name-label = Отображаемое имя
display-name-hint = Так вас видят друзья. До 100 символов.
password-label = Пароль
password-hint = Не менее 8 символов. Хорошо подходят несколько слов подряд.
confirm-password-label = Повторите пароль
current-password-label = Текущий пароль
new-password-label = Новый пароль
profile-title = Ваш профиль
profile-signed-in-as = Вы вошли как @{ $username }
display-name-section = Как вас видят друзья
save-display-name = Сохранить имя
display-name-saved = Имя сохранено.
password-section = Пароль
change-password-submit = Сменить пароль
password-changed = Пароль изменён. На всех остальных устройствах выполнен выход.
api-tokens-title = Токены API
api-tokens-help = Токен позволяет приложению или скрипту работать с Bulq от вашего имени без пароля: мобильному приложению, быстрой команде на телефоне, умному дому. Дайте каждому свой токен и отзовите его, когда он больше не нужен.
api-reference-link = Справочник по API.
api-tokens-profile-link = Управлять токенами API
api-token-create-title = Создать токен
api-token-name = Название
api-token-name-placeholder = Мой телефон
api-token-scope = Что он может
api-token-scope-read = Только чтение
api-token-scope-write = Чтение и изменения
api-token-lifetime = Действует
api-token-lifetime-days = { $days } дн.
api-token-no-expiry = пока не отозван
api-token-create = Создать токен
api-token-new-title = Ваш новый токен «{ $name }»
api-token-new-help = Скопируйте его сейчас в приложение, которое будет им пользоваться: он показывается только один раз. Любой, у кого он есть, может действовать от вашего имени в пределах его прав, поэтому храните его в тайне.
api-token-secret-label = Ваш новый токен
api-token-copy = Скопировать токен
api-tokens-yours = Ваши токены
api-tokens-none = У вас нет токенов.
api-token-made = создан { $when }
api-token-expires = истекает { $when }
api-token-never-used = ещё не использовался
api-token-last-used = использовался { $when }
api-token-revoke = Отозвать
api-token-revoke-question = Отозвать токен «{ $name }»? Приложения, которые им пользуются, сразу перестанут работать.
devices-title = Где выполнен вход
devices-help = Потеряли телефон или заходили с чужого компьютера? Выйдите на всех других устройствах: вход останется только в этом браузере.
device-line = { $browser } на { $system }
device-unknown = Браузер
this-device = это устройство
device-last-seen = последний раз { $when }
log-out-elsewhere-submit = Выйти на всех других устройствах
logged-out-elsewhere = Выход на всех других устройствах выполнен.
language-section = Язык
language-label = Язык приложения
language-follow-browser = Как в браузере
save-language = Сохранить язык
language-saved = Язык сохранён.
working = Подождите…
not-found-title = Страница не найдена
not-found-body = По этому адресу ничего нет. Возможно, страница переехала или в ссылке опечатка.
back-home = На главную
offline-title = Нет подключения к сети
offline-body = Чтобы показать эту страницу, Bulq нужно подключение к сети. Всё, что вы отправили раньше, сохранено; попробуйте снова, когда появится связь.
offline-retry = Попробовать снова
rate-limited-title = Не так быстро
request-refused-title = Запрос отклонён
server-error-title = Что-то пошло не так
error-reference = (Код ошибки: { $reference })
create-group-title = Новая группа
group-name-label = Название группы
group-name-hint = 2–100 символов, например «Кв. 3Б» или «Обед по пятницам».
create-group-submit = Создать группу
member-count =
    { $count ->
        [one] { $count } участник
        [few] { $count } участника
        [many] { $count } участников
       *[other] { $count } участника
    }
admin-badge = Администратор
you-suffix = (вы)
previous-page = Предыдущая
next-page = Следующая
page-of = Страница { $page } из { $pages }
group-members-title = Участники
group-runs-title = Закупки
no-runs-yet = Закупок пока нет.
manage-group-link = Управление группой
back-to-groups = Ваши группы
back-to-group = Назад в группу
manage-group-title = Управление группой «{ $name }»
invite-link-section = Ссылка-приглашение
invite-link-help = Любой, у кого есть эта ссылка, может вступить в группу, пока вступление разрешено.
copy-link = Скопировать ссылку
link-copied = Скопировано
joining-disabled-warning = Сейчас новые участники не могут вступить по ссылке.
allow-joining = Разрешить вступление
cost-estimates-section = Оценка стоимости
own-prices-only-off = Закупки оценивают стоимость по самой свежей цене в магазине, кто бы из любой группы её ни записал.
own-prices-only-on = Закупки оценивают стоимость только по ценам, которые видели участники этой группы.
use-own-prices-only = Только цены наших участников
use-everyones-prices = Цены всех групп
disallow-joining = Закрыть вступление для новых участников
regenerate-link = Создать новую ссылку
regenerate-confirm = Текущая ссылка-приглашение перестанет работать. Создать новую?
rename-section = Переименовать группу
rename-submit = Переименовать
make-admin = Сделать администратором
remove-admin-role = Снять права администратора
remove-member = Удалить
remove-member-confirm = Удалить участника { $name } из группы?
leave-section = Выход из группы
leave-help = Позже вас смогут пригласить снова. Последний администратор может выйти, только когда администратором станет кто-то ещё.
leave-group = Выйти из группы
leave-confirm = Выйти из этой группы?
saved = Сохранено.
join-title = Вступить в группу «{ $name }»
join-intro = Вас пригласили в группу в Bulq.
join-submit = Вступить в группу
join-login-prompt = Чтобы вступить, войдите или создайте аккаунт. После этого вы вернётесь сюда.
already-member-note = Вы состоите в этой группе.
open-group = Открыть группу
invite-invalid-title = Эта ссылка-приглашение не работает
nav-stores = Магазины
nav-products = Товары
nav-groups = Группы
stores-title = Магазины
no-stores-yet = Магазинов пока нет. Добавьте первый ниже.
add-store-title = Добавить магазин
store-name-label = Название
address-label = Адрес
opening-hours-label = Часы работы
opening-hours-hint = Например: «Пн–Сб 8–21, Вс 9–15».
notes-label = Заметки
add-store-submit = Добавить магазин
edit-store-title = Редактирование магазина
save-changes = Сохранить изменения
store-products-title = Цены, замеченные здесь
no-prices-at-store = В этом магазине пока не записано ни одной цены.
products-title = Товары
no-products-yet = Товаров пока нет. Добавьте первый ниже.
add-product-title = Добавить товар
product-name-label = Название
brand-label = Бренд
unit-label = Единица
unit-hint = Как продаётся: кг, л, шт., уп. …
add-product-submit = Добавить товар
similar-products = Такой товар уже есть? Выберите его, чтобы не добавлять дважды:
edit-product-title = Редактирование товара
current-prices-title = Текущие цены
no-prices-yet = Цен пока нет. Добавьте первую ниже.
record-price-title = Записать увиденную цену
store-label = Магазин
price-label = Цена ({ $currency })
price-hint = Цена на ценнике, например 12,99.
price-note-label = Заметка (необязательно)
price-note-hint = Где или почему: «ряд 12», «по акции».
record-price-submit = Сохранить цену
price-recorded = Цена сохранена.
add-store-first = Сначала добавьте магазин, чтобы указать, где вы видели цену.
price-history-title = История цен
price-chart-label = Динамика цены на «{ $product }», отдельная линия для каждого магазина
pack-price-seen = { $price } за { $size }
price-pack-size-label = За упаковку из (необязательно)
price-pack-size-hint = Оставьте пустым для цены одной единицы. Для 6 × 1 л за 11,94 введите 11,94 и 6.
store-column = Магазин
lowest-column = Мин.
average-column = Средняя
highest-column = Макс.
history-date = Дата
history-store = Магазин
history-price = Цена
history-note = Заметка
history-by = Кто заметил
price-by-another-group = участник другой группы
search-title = Поиск
search-label = Поиск товаров, магазинов и ваших групп
search-placeholder = Товары, магазины, группы
search-submit = Найти
search-prompt = Введите название товара, магазина или одной из ваших групп.
search-results-for = Результаты по запросу «{ $query }»
search-no-results = По запросу «{ $query }» ничего не найдено. Попробуйте слово покороче.
search-see-all = Все результаты
search-kind-group = Группа
search-kind-store = Магазин
search-kind-product = Товар
state-planning = Планируется
state-active = Сбор заявок
state-confirmed = Подтверждена
state-shopping = Покупка
state-adjusting = Корректировка
state-distributing = Раздача
state-completed = Завершена
state-cancelled = Отменена
state-planning-help = Закупка только что открыта. Добавляйте товары и оставляйте заявки.
state-active-help = Идёт сбор заявок. Когда ваш заказ будет готов, отметьте это — организатор подтвердит закупку.
state-confirmed-help = Заказы зафиксированы. Организатор скоро начнёт покупки.
state-shopping-help = Покупатель в магазине и отмечает, что куплено.
state-adjusting-help = В магазине оказалось не столько, сколько заказали: заявки корректируются.
state-distributing-help = Идёт раздача товаров.
state-completed-help = Закупка завершена.
state-cancelled-help = Закупка отменена.
led-by = организатор: { $name }
participant-count =
    { $count ->
        [one] { $count } участник
        [few] { $count } участника
        [many] { $count } участников
       *[other] { $count } участника
    }
new-run-title = Новая закупка
add-store-first-for-run = Сначала добавьте магазин, а потом начните закупку в нём.
planned-on-label = День закупки
run-comment-label = Комментарий
run-comment-hint = Необязательно: когда и где встречаемся, что взять с собой.
start-run-submit = Начать закупку
open-runs-title = Открытые закупки
leader-label = Организатор
helpers-label = Помощники
run-products-title = Товары ({ $count })
no-bids-yet = Заявок пока нет. Найдите товар ниже и укажите, сколько вам нужно.
no-products-in-run = В этой закупке нет товаров.
cancelled-leader-left = Отменена: организатор вышел из группы.
cancelled-no-reason = Организатор отменил эту закупку.
cancelled-with-reason = Организатор отменил эту закупку: «{ $reason }»
not-ready-after-all = Мой заказ ещё не готов
you-are-ready = Вы отметили, что ваш заказ готов.
im-ready = Мой заказ готов
ready-help = Закончили с заявками? Сообщите организатору, что ваш заказ готов.
cancel-question-bidding = Отменить эту закупку? Никто не поедет за покупками, а все участники получат уведомление.
cancel-question-confirmed = Отменить эту закупку? Заказы уже подтверждены, но никто не поедет за покупками; все участники получат уведомление.
cancel-question-bought = Отменить закупку сейчас? Всё, что уже куплено, останется у того, у кого оно сейчас, а все участники получат уведомление.
everyone-ready = Все, кто оставил заявки, готовы.
nobody-bid-yet = Больше никто пока не оставил заявку.
confirm-run-submit = Подтвердить закупку
confirm-question = Подтвердить закупку? Заявки будут зафиксированы, пока вы снова не откроете сбор.
waiting-for = Ждём: { $names }
confirm-anyway = Всё равно подтвердить
confirm-anyway-question = Ещё не все готовы: { $names }. Всё равно подтвердить? Заявки нельзя будет менять, пока вы не откроете сбор снова.
reopen-help = Кому-то нужно изменить заявку? Снова откройте сбор заявок.
reopen-submit = Возобновить сбор заявок
reopen-question = Снова открыть сбор заявок? Все смогут изменить свои заявки, а подтвердить закупку нужно будет ещё раз.
confirmation-title = Вы уверены?
go-back = Назад
dismiss-toast = Закрыть
toast-saved = Сохранено
toast-run-confirmed = Закупка подтверждена
toast-run-reopened = Сбор заявок снова открыт
toast-run-cancelled = Закупка отменена
toast-recorded = Отмечено
toast-shopping-done = Покупки завершены
toast-shared-out = Товары распределены
toast-run-completed = Закупка завершена
toast-link-renewed = Новая ссылка-приглашение готова
toast-member-removed = Участник удалён
toast-update-ready = Готова новая версия Bulq.
reload-now = Обновить
theme-section = Оформление
theme-system = Как на устройстве
theme-light = Светлое
theme-dark = Тёмное
save-theme = Сохранить оформление
cancel-run-title = Отмена закупки
edit-run-title = Изменить день или комментарий
save-run-details-submit = Сохранить
cancel-reason-label = Причина (необязательно, её увидят все)
cancel-run-submit = Отменить закупку
leader-panel-title = Панель организатора
leader-badge = Организатор
helper-badge = Помощник
ready-chip = Готово
not-ready-chip = Не готово
total-label = Итого: { $total }
pack-meter-open = { $filled } из { $size } в открытой упаковке — ещё { $more }, и она заполнится
pack-meter-tolerance = Готовы добавить: { $tolerance } — не хватает ещё { $missing }
pack-meter-filled-by-tolerance = { $filled } из { $size } — предложенного хватает, чтобы заполнить упаковку
pack-meter-all-full = Все упаковки заполнены (по { $size })
packs-to-buy =
    { $count ->
        [one] { $count } упаковка к покупке
        [few] { $count } упаковки к покупке
        [many] { $count } упаковок к покупке
       *[other] { $count } упаковки к покупке
    }
pack-sold-by = Продаётся упаковками по { $size }
pack-minimum = минимальный заказ { $minimum }
take-rest-submit = Взять остаток: +{ $quantity }
tolerance-label = Готов взять ещё, чтобы заполнить упаковку
tolerance-hint = Не больше { $cap }. Оставьте пустым, чтобы получить ровно своё количество.
pack-rule-explained = Упаковки: если предложенного хватает на упаковку, лишнее делится пропорционально тому, кто сколько предложил; незаполненная упаковка урезается пропорционально заказанному. Целые единицы не делятся.
packs-title = Упаковки и минимальный заказ
no-packs-yet = Ни про один магазин не известно, что он продаёт это упаковками.
pack-whole-units-short = делится целыми единицами
pack-loose-submit = Продаётся на развес
pack-size-label = Размер упаковки (необязательно)
pack-size-hint = В единицах самого товара: 12 для коробки из 12 банок, 25 для мешка 25 кг.
pack-minimum-label = Минимальный заказ (необязательно)
pack-minimum-hint = Сколько магазин продаёт за раз как минимум, в тех же единицах.
pack-whole-units-label = Делится целыми единицами (банки, консервы, бутылки)
pack-saved = Сохранено.
pack-save-submit = Сохранить, как продаётся
pack-buy = { $packs } × { $size } = { $total }
pack-buy-nothing = ничего
pack-rule-first-come = Упаковки по очереди: когда предложенное заполняет упаковку, излишек берут те, кто предложил раньше; незаполненную упаковку урезают с последних заявок. Штучный товар не делится.
pack-plan-title = Упаковки к покупке
pack-open-question = предложенного не хватает, чтобы заполнить открытую упаковку
pack-round-down = Округлить вниз: купить { $buy }
pack-round-up = Округлить вверх: купить { $buy }
pack-plan-gets = { $name } получает { $gets } (просил { $asked })
pack-plan-holds = { $name } берёт { $quantity }, которые никто не просил
pack-plan-as-asked = каждый получает то, что просил
pack-order-line = Подтверждено: покупаем { $buy }
asked-short = просил
fairness-label = Когда упаковки не делятся ровно
fairness-proportional = Пропорционально: излишек по предложенному, урезание по заявкам
fairness-first-come = По очереди: излишек первым предложившим, урезание с последних заявок
packs-bought-label = Куплено упаковок (по { $size })
pack-price-label = Цена упаковки ({ $currency })
interested-count =
    { $count ->
        [one] { $count } интересуется
        [few] { $count } интересуются
        [many] { $count } интересуются
       *[other] { $count } интересуются
    }
interested-only-short = просто интересно
update-bid-submit = Изменить
place-bid-submit = Оставить заявку
your-quantity-label = Сколько вам нужно
interested-only-label = Просто интересно
bid-comment-label = Комментарий (необязательно)
retract-bid-submit = Удалить мою заявку
add-to-run-title = Добавить товар
find-product-label = Найти товар
find-submit = Найти
nothing-found-for-run = Ничего не найдено.
add-to-catalogue = Добавить в каталог и оставить заявку
already-in-run = Уже есть в этой закупке: оставьте заявку выше
transfer-asked = { $name } просит вас стать организатором этой закупки.
transfer-accept = Согласиться
transfer-decline = Нет, спасибо
helpers-help = Помощники могут отмечать покупки и раздавать товары.
remove-helper = Убрать
make-helper = Сделать помощником
transfer-waiting = Ждём, пока { $name } согласится стать организатором этой закупки.
transfer-withdraw = Отозвать запрос
handover-title = Передать закупку
handover-label = Кого попросить стать организатором
handover-submit = Попросить
add-and-bid-submit = Добавить и оставить заявку
product-runs-title = В закупках ваших групп
add-to-list-submit = Добавить в список
add-to-list-title = Нашли что-то, чего нет в списке?
added-in-store = Добавлено в магазине
adjust-range = Можно выбрать от { $min } до { $max }.
adjusting-done = По всем купленным товарам всё сходится. Можно переходить к раздаче.
already-on-list = Уже в списке
back-to-run = ← Назад к закупке
bought-even = Куплено { $bought } ✓
bought-for = Куплено { $quantity } × { $price } = { $total }
bought-over = Куплено { $bought }: свободно ещё { $extra }
bought-quantity-label = Количество
bought-short = Куплено { $bought }: заявки нужно уменьшить на { $missing }
complete-run-submit = Завершить закупку
complete-shopping-question = Закончить покупки? Закупка перейдёт к следующему этапу с тем, что вы отметили.
complete-shopping-submit = Закончить покупки
complete-with-left =
    { $count ->
        [one] { $count } позиция ещё не отмечена и будет считаться некупленной. Всё равно закончить покупки?
        [few] { $count } позиции ещё не отмечены и будут считаться некупленными. Всё равно закончить покупки?
        [many] { $count } позиций ещё не отмечены и будут считаться некупленными. Всё равно закончить покупки?
       *[other] { $count } позиции ещё не отмечены и будут считаться некупленными. Всё равно закончить покупки?
    }
distribution-paid = Всего оплачено: { $amount }. Стоимость каждой доли точная, а вместе они дают ровно эту сумму.
distribution-title = Кому что достаётся
download-csv = Скачать CSV
download-json = Скачать JSON
edit-purchase = Исправить
estimated-costs-help = По заявкам и последним ценам в магазине; точная стоимость станет известна после покупки.
estimated-costs-title = Примерная стоимость
everything-picked-up = Всё забрали.
exports-title = Печать и экспорт
finish-adjusting-submit = Перейти к раздаче
force-finish-question = Перейти к раздаче сейчас? Там, где заказано больше, чем куплено, доли всех участников уменьшатся пропорционально; всё, на что никто не претендует, достанется вам как организатору.
force-finish-submit = Всё равно перейти к раздаче
last-price-column = Последняя цена
last-seen-price = Последняя цена: { $price } ({ $day })
also-seen-price = также { $price }
note-price-title = Увидели цену на полке
mark-all-picked-up = Всё забрано
mark-picked-up = Забрано
not-bought = Не куплено
nothing-left-to-buy = Покупать больше нечего.
open-shopping-list = Открыть список покупок
out-of-stock = Нет в наличии
out-of-stock-submit = Нет в наличии
pick-ups-left =
    { $count ->
        [one] { $count } участник ещё не забрал свои товары.
        [few] { $count } участника ещё не забрали свои товары.
        [many] { $count } участников ещё не забрали свои товары.
       *[other] { $count } участника ещё не забрали свои товары.
    }
picked-up-chip = Забрано
price-above-last = На { $percent } % выше последней замеченной цены: проверьте ценник.
price-below-last = На { $percent } % ниже последней замеченной цены: проверьте ценник.
print-distribution = Список раздачи
print-shopping-list = Список покупок
print-submit = Распечатать
product-column = Товар
put-back-question = Вернуть эту позицию в список покупок? Всё, что по ней было отмечено, удалится.
put-back-submit = Вернуть в список
quantity-column = Количество
quantity-to-buy-label = Сколько
reason-shortage-cut = Вы заказали { $asked }; в магазине оказалось меньше, чем заказали все, поэтому каждая доля уменьшена пропорционально.
reason-surplus = Включает { $extra } сверх заказанного — эта часть у организатора.
record-bought-submit = Куплено
recorded-by = Кто отметил: { $name }
recorded-title = В корзине ({ $count })
save-correction = Сохранить исправление
shopping-title = Покупки
spent-so-far = Пока потрачено: { $amount }
start-shopping-help = Уже в магазине? Начните покупки: список составлен из заявок всех участников.
start-shopping-submit = Начать покупки
still-unbalanced =
    { $count ->
        [one] По { $count } товару заказанное количество ещё не совпадает с купленным.
        [few] По { $count } товарам заказанное количество ещё не совпадает с купленным.
        [many] По { $count } товарам заказанное количество ещё не совпадает с купленным.
       *[other] По { $count } товарам заказанное количество ещё не совпадает с купленным.
    }
to-buy-title = Нужно купить ({ $count })
total-paid-label = Всего оплачено
undo-pick-up = Отменить отметку
unit-price-label = Цена за единицу ({ $currency })
money-spent-label = Потрачено
run-stats-title = Ваши закупки
runs-joined-label = Участие в закупках
runs-led-label = Организованные закупки
bought-over-shared = Куплено { $bought }: { $extra } сверх заказанного досталось организатору
bought-short-shared = Куплено { $bought } из { $asked }: каждая доля уменьшена пропорционально
mark-all-read = Отметить все как прочитанные
mark-read = Прочитано
no-notifications = Ничего нового. Здесь Bulq сообщит, когда закупка, в которой вы участвуете, перейдёт к следующему этапу.
note-everyone-ready = { $subject }: все, кто оставил заявки, готовы. Можно подтверждать закупку.
note-removed-from-group = Вас удалили из группы «{ $subject }».
note-run-cancelled = { $subject }: закупка отменена.
note-run-cancelled-with-reason = { $subject }: закупка отменена. Причина: { $reason }
note-run-state-changed = { $subject }: статус закупки теперь «{ $state }».
note-something-happened = { $subject }: есть изменения.
note-times =
    { $count ->
        [one] ({ $count } обновление)
        [few] ({ $count } обновления)
        [many] ({ $count } обновлений)
       *[other] ({ $count } обновления)
    }
note-transfer-accepted = { $subject }: ваше предложение приняли — теперь вы не организатор этой закупки.
note-transfer-declined = { $subject }: ваше предложение стать организатором отклонили.
note-transfer-requested = { $subject }: вас просят стать организатором закупки.
notifications-title = Уведомления

## Ориентиры навигации (их зачитывают программы экранного доступа)

nav-account-label = Аккаунт
nav-sections-label = Разделы
nav-pages-label = Страницы
breadcrumb-label = Навигационная цепочка
language-switch-label = Язык

## Часовой пояс и валюта

time-zone-section = Часовой пояс
time-zone-label = Ваш часовой пояс
time-zone-hint = Время показывается в этом часовом поясе.
save-time-zone = Сохранить часовой пояс
time-zone-saved = Часовой пояс сохранён.
group-currency-label = Валюта
group-currency-hint = Цены и стоимость в закупках этой группы указываются в этой валюте.
currency-section = Валюта
save-currency = Изменить валюту
currency-locked = Валюту уже нельзя изменить: в одной из закупок группы уже есть цены.

## Время и дни относительно текущего момента

time-just-now = только что
time-minutes-ago =
    { $count ->
        [one] { $count } минуту назад
        [few] { $count } минуты назад
        [many] { $count } минут назад
       *[other] { $count } минуты назад
    }
time-hours-ago =
    { $count ->
        [one] { $count } час назад
        [few] { $count } часа назад
        [many] { $count } часов назад
       *[other] { $count } часа назад
    }
time-today-at = сегодня в { $time }
time-yesterday-at = вчера в { $time }
day-today = сегодня
day-tomorrow = завтра
day-yesterday = вчера
day-in-days =
    { $count ->
        [one] через { $count } день
        [few] через { $count } дня
        [many] через { $count } дней
       *[other] через { $count } дня
    }
day-days-ago =
    { $count ->
        [one] { $count } день назад
        [few] { $count } дня назад
        [many] { $count } дней назад
       *[other] { $count } дня назад
    }

## Единицы, в которых продаётся товар, если это одна из них (иначе показывается его собственный текст)

unit-kg = кг
unit-g = г
unit-l = л
unit-ml = мл
unit-each = шт.
unit-pack = уп.

## Заголовки столбцов в CSV-файле

csv-product = Товар
csv-unit = Единица
csv-person = Участник
csv-asked = Заказано
csv-interested-only = Просто интересно
csv-gets = Получает
csv-why = Причина
csv-unit-price = Цена за единицу
csv-cost = Стоимость
csv-picked-up = Забрано
csv-list-requested = В списке
csv-bought = Куплено
csv-item-paid = Оплачено за позицию
csv-currency = Валюта
csv-tolerance = Допуск
csv-after-packs = После упаковок
csv-pack-size = Размер упаковки
csv-packs = Упаковок к покупке
csv-date = Дата
csv-entry = Запись
csv-store = Магазин
csv-other-person = Другой участник
csv-paid = Оплачено
csv-goods = Товары
csv-shared-costs = Общие расходы
csv-amount = Сумма
csv-balance-change = Изменение баланса
ledger-entry-run = Закупка
ledger-entry-repaid = Возврат отправлен
ledger-entry-repaid-by = Возврат получен
ledger-entry-waiting = Возврат ждёт подтверждения
ledger-entry-to-pay = Осталось заплатить

## Сообщения об ошибках, по одному на каждый постоянный код (docs/errors.md)

error-invalid-input = Некоторые данные введены неверно. Пожалуйста, проверьте форму.
error-username-invalid = Имя пользователя должно содержать 3–50 символов: буквы, цифры, _ и -.
error-username-taken = Это имя пользователя уже занято. Пожалуйста, выберите другое.
error-display-name-invalid = Пожалуйста, введите имя длиной от 1 до 100 символов.
error-password-too-short = Пароль должен содержать не менее 8 символов.
error-password-too-long = Пароль может содержать не более 128 символов.
error-password-too-common = Этот пароль слишком распространён, его легко угадать. Пожалуйста, выберите другой.
error-password-mismatch = Пароли не совпадают.
error-password-incorrect = Текущий пароль указан неверно.
error-invalid-credentials = Неверное имя пользователя или пароль.
error-group-name-invalid = Название группы должно содержать 2–100 символов: буквы, цифры, пробелы и - _ & ' . , ( ) !
error-group-not-found = Такой группы нет, или вы в ней не состоите.
error-invite-not-found = Эта ссылка-приглашение недействительна. Возможно, её заменили новой — попросите прислать свежую ссылку.
error-not-group-admin = Это могут делать только администраторы группы.
error-group-joining-disabled = Сейчас эта группа не принимает новых участников. Попросите администратора разрешить вступление.
error-already-group-member = Вы уже состоите в этой группе.
error-not-a-group-member = Этот человек не состоит в этой группе.
error-user-max-groups-exceeded = Вы уже состоите в 100 группах — это максимум в Bulq. Чтобы вступить в новую, выйдите из одной из них.
error-group-max-members-exceeded = В этой группе уже 100 участников — это максимум в Bulq.
error-last-group-admin = В группе должен быть хотя бы один администратор. Сначала назначьте администратором кого-то ещё.
error-cannot-remove-group-admin = Администратора нельзя удалить из группы. Сначала снимите с него права администратора.
error-store-name-invalid = Пожалуйста, укажите название магазина (до 200 символов).
error-product-name-invalid = Пожалуйста, укажите название товара (до 200 символов).
error-text-too-long = Текст слишком длинный. Пожалуйста, сократите его.
error-amount-invalid = Пожалуйста, введите цену больше нуля, например 12,99.
error-store-not-found = Такого магазина нет.
error-product-not-found = Такого товара нет.
error-not-allowed-to-edit = Изменить это может только тот, кто это добавил (или администратор сайта).
error-product-used-by-other-groups = Этот товар есть в закупках других групп, поэтому переименовать его может только администратор сайта.
error-token-name-invalid = Дайте токену имя от 1 до 60 символов, чтобы потом знать, какое приложение его использует.
error-token-not-found = Такого токена нет, или он не ваш.
error-too-many-tokens = У вас уже максимальное число токенов (20). Сначала отзовите тот, которым больше не пользуетесь.
error-token-invalid = Токен доступа отсутствует, неверен, истёк или отозван. Создайте новый в профиле.
error-token-scope-forbids = Этот токен только для чтения. Для изменений создайте токен с правом записи.
error-idempotency-key-invalid = Idempotency-Key — от 1 до 255 видимых символов.
error-idempotency-key-reused = Этот Idempotency-Key уже использован для другого запроса. Для нового запроса нужен новый ключ.
error-idempotency-key-in-progress = Запрос с этим Idempotency-Key ещё обрабатывается. Повторите через мгновение.
error-method-not-allowed = Этот адрес не поддерживает такой метод; какие методы где допустимы, сказано в справочнике по API.
error-search-query-invalid = Введите, что вы ищете (до 100 символов).
error-run-not-found = Такой закупки нет, или она не относится к вашим группам.
error-not-run-participant = Это могут делать только участники закупки. Сначала оставьте заявку.
error-not-run-leader = Это может делать только организатор закупки.
error-not-run-leader-or-helper = Это могут делать только организатор закупки или помощник.
error-run-state-forbids = На этом этапе закупки это невозможно.
error-quantity-invalid = Введите количество больше 0 и не более 9999, не больше трёх знаков после запятой (например, 1,5).
error-planned-date-invalid = Пожалуйста, укажите день закупки в виде даты, например 2026-12-24.
error-bid-not-found = У вас нет заявки на этот товар.
error-run-max-products-exceeded = В этой закупке уже 100 товаров. Оставьте заявку на один из них.
error-group-max-active-runs-exceeded = В этой группе уже 100 открытых закупок. Сначала завершите или отмените одну из них.
error-leader-cannot-be-helper = Организатор и так может всё, что может помощник.
error-transfer-to-self = Вы уже организатор этой закупки. Выберите кого-то другого.
error-transfer-target-not-participant = Стать организатором может только участник закупки.
error-transfer-already-pending = Вы уже попросили кого-то стать организатором. Сначала отзовите этот запрос.
error-transfer-not-found = Этот запрос уже неактуален: закупка завершилась или у неё сменился организатор.
error-leader-is-always-ready = Как организатор, вы сами подтверждаете закупку, когда будете готовы.
error-nothing-to-adjust = Этот товар не нужно корректировать: куплено ровно столько, сколько заказано, или ничего не куплено.
error-adjust-only-down = Куплено меньше, чем заказано, поэтому заявки можно только уменьшать.
error-adjust-below-bought = Тогда часть купленного никому не достанется. Уменьшите заявку не так сильно.
error-adjust-only-up = Куплено больше, чем заказано, поэтому заявки можно только увеличивать.
error-adjust-above-bought = Это больше, чем осталось. Увеличьте заявку не так сильно.
error-adjust-new-product = Во время корректировки можно менять только уже оставленные заявки.
error-adjustment-incomplete = По некоторым товарам заказанное количество ещё не совпадает с купленным. Подождите, пока участники скорректируют заявки, или всё равно перейдите к раздаче.
error-shopping-item-not-found = Этой позиции нет в списке покупок закупки.
error-item-already-recorded = Эту позицию уже кто-то отметил. В списке видно, что было введено; если там ошибка, исправьте её.
error-item-already-on-list = Этот товар уже есть в списке. Если купили больше, отметьте это там.
error-price-missing = Укажите цену за единицу или общую сумму, которую вы заплатили.
error-pick-ups-outstanding = Ещё не все товары забрали. Сначала отметьте их как забранные.
error-allocation-not-found = Эта доля не входит в раздачу этой закупки.
error-auth-required = Пожалуйста, сначала войдите.
error-forbidden = У вас нет прав на это действие.
error-not-found = Ничего не найдено, или у вас нет доступа.
error-rate-limited = Слишком много попыток. Пожалуйста, подождите { $seconds } с и попробуйте снова.
error-too-many-streams = Слишком много ваших страниц следят за обновлениями. Закройте несколько вкладок и обновите эту.
error-cross-site-request = Эта форма была отправлена с другого сайта и поэтому отклонена. Пожалуйста, обновите страницу и попробуйте снова.
error-unavailable = Сейчас Bulq сильно загружен. Пожалуйста, попробуйте ещё раз чуть позже.
error-network = Не удалось связаться с Bulq. Проверьте подключение к интернету и попробуйте снова.
error-internal = На нашей стороне что-то пошло не так. Пожалуйста, попробуйте ещё раз.
error-currency-invalid = Выберите валюту из списка.
error-currency-locked = Валюту группы больше нельзя изменить: в одной из её закупок уже есть цены.
error-time-zone-invalid = Выберите часовой пояс из списка.

## Администрирование
nav-admin = Админ
login-forgot-password = Забыли пароль? Попросите того, кто ведёт этот Bulq, сделать ссылку для сброса.
registration-closed-notice = Новые учётные записи сейчас не создаются. Обратитесь к тому, кто ведёт этот Bulq.
registration-invite-only-notice = Новые учётные записи создаются по ссылке-приглашению группы. Попросите её у друга.
admin-title = Администрирование
admin-users-tab = Пользователи
admin-settings-tab = Настройки
admin-audit-tab = Журнал аудита
admin-filter-all = Все
admin-filter-verified = Подтверждённые
admin-filter-unverified = Неподтверждённые
admin-filter-disabled = Отключённые
admin-filter-site-admins = Администраторы сайта
admin-filter-label = Показать
admin-user-search-label = Поиск по имени или логину
admin-search-submit = Показать
admin-user-count =
    { $count ->
        [one] { $count } учётная запись
        [few] { $count } учётные записи
        [many] { $count } учётных записей
       *[other] { $count } учётной записи
    }
admin-reset-link-title = Ссылка для сброса для @{ $username }
admin-reset-link-help = Передайте эту ссылку владельцу: она сработает один раз, до { $time }. Она показывается только сейчас.
site-admin-badge = админ сайта
verified-badge = подтверждён
disabled-badge = отключён
admin-user-joined =
    { $groups ->
        [one] с { $date }, { $groups } группа
        [few] с { $date }, { $groups } группы
        [many] с { $date }, { $groups } групп
       *[other] с { $date }, { $groups } группы
    }
admin-verify = Подтвердить
admin-unverify = Снять подтверждение
admin-make-reset-link = Сделать ссылку для сброса
admin-disable-confirm = Отключить учётную запись { $name }? Пользователь сразу выйдет отовсюду и не сможет войти, пока запись не включат снова. Закупки и история остаются.
admin-revoke-confirm = Снять с { $name } роль администратора сайта? Учётная запись и группы остаются.
admin-enable = Включить
admin-disable = Отключить
admin-revoke-site-admin = Снять администратора
admin-grant-site-admin = Сделать администратором сайта
registration-section = Кто может создать учётную запись
registration-open = Открыто
registration-open-help = Зарегистрироваться может любой, кто найдёт сайт.
registration-invite-only = Только по приглашению
registration-invite-only-help = Зарегистрироваться можно только по ссылке-приглашению группы.
registration-closed = Закрыто
registration-closed-help = Регистрация закрыта. Существующих учётных записей это не касается.
save-settings = Сохранить настройки
audit-filter-label = Фильтр журнала аудита
audit-user-label = Логин
audit-action-label = Действие
audit-any-action = Любое действие
audit-retention =
    { $count ->
        [one] Записи хранятся { $count } день.
        [few] Записи хранятся { $count } дня.
        [many] Записи хранятся { $count } дней.
       *[other] Записи хранятся { $count } дня.
    }
audit-empty = Подходящих записей нет.
audit-when = Когда
audit-action-column = Действие
audit-who = Кто
audit-target = Кого
audit-detail = Подробности
audit-from = Откуда
audit-origin = { $address } · { $request }
reset-title = Новый пароль
reset-for = Для { $name } (@{ $username }). Остальные ваши сеансы завершатся после сохранения.
reset-submit = Сохранить новый пароль
error-not-site-admin = Это могут только администраторы сайта.
error-user-not-found = Такой учётной записи нет.
error-reset-link-invalid = Эта ссылка для сброса не работает: ею уже воспользовались, она истекла (ссылка действует час) или её заменила новая. Попросите новую.
error-registration-closed = Новые учётные записи сейчас не создаются.
error-registration-invite-only = Новые учётные записи создаются только по ссылке-приглашению группы.
error-cannot-change-own-account = С собственной учётной записью так нельзя. Попросите другого администратора сайта.
error-last-site-admin = Это последний администратор сайта. Сначала назначьте другого.
admin-products-tab = Товары
admin-stores-tab = Магазины
catalogue-filter-current = В ходу
catalogue-filter-archived = В архиве
catalogue-search-label = Поиск по названию
catalogue-count =
    { $count ->
        [one] { $count } запись
        [few] { $count } записи
        [many] { $count } записей
       *[other] { $count } записи
    }
catalogue-runs =
    { $count ->
        [one] в { $count } закупке
        [few] в { $count } закупках
        [many] в { $count } закупках
       *[other] в { $count } закупки
    }
archived-badge = в архиве
merged-into-note = объединено с { $name }
admin-archive = В архив
admin-unarchive = Вернуть из архива
archive-confirm = Отправить «{ $name }» в архив? Запись исчезнет из списков, выбора и поиска; закупки и цены её сохранят, и её можно вернуть.
merge-into-link = Объединить с…
duplicates-title = Похожие дубликаты
duplicates-help = Эти названия похожи. Оставьте правильное — второе будет объединено с ним.
keep-this = Оставить «{ $name }»
merge-title = Объединить «{ $name }» с…
merge-search-help = Найдите запись, которая останется. Всё от этой перейдёт к ней.
merge-into-this = Объединить с этой
merge-confirm = Объединить «{ $merged }» с «{ $survivor }»?
merge-products-rule = Заявки на оба товара в одной закупке складываются. Закупки, позиции списка, доли и цены «{ $merged }» переходят к «{ $survivor }». «{ $merged }» уходит в архив, а его страница ведёт к «{ $survivor }». Невозможно, пока оба в списке покупок одной закупки.
merge-stores-rule = Закупки и цены «{ $merged }» переходят к «{ $survivor }». «{ $merged }» уходит в архив, а его страница ведёт к «{ $survivor }».
merge-submit = Объединить
error-cannot-merge-into-itself = Запись можно объединить только с другой, которая ещё в ходу.
error-merge-conflict = Оба товара в списке покупок одной закупки с отдельными покупками. Сначала завершите или отмените эту закупку.
error-hidden-characters = В тексте есть невидимые символы (например, смена направления письма или пробел нулевой ширины). Наберите его заново без них.
error-body-too-large = Это больше, чем Bulq принимает за один раз. Сократите введённый текст.
error-tolerance-invalid = Укажите, сколько ещё вы готовы взять, числом от 0 до одной упаковки (только для товаров, которые продаются упаковками).
error-whole-units-only = Этот товар делится только целыми единицами: введите целое число.
error-pack-invalid = Укажите размер упаковки (до 9999) или минимальный заказ (до 99999): больше 0, не больше трёх знаков после запятой, целым числом для товаров, которые делятся целыми единицами.
error-pack-already-full = Кто-то только что заполнил эту упаковку.
error-pack-changed = Эта упаковка только что изменилась. Посмотрите, как она выглядит сейчас, и попробуйте снова.
admin-groups-tab = Группы
admin-group-facts =
    { $members ->
        [one] { $members } участник
        [few] { $members } участника
        [many] { $members } участников
       *[other] { $members } участника
    }, { $runs ->
        [one] { $runs } открытая закупка
        [few] { $runs } открытые закупки
        [many] { $runs } открытых закупок
       *[other] { $runs } открытой закупки
    }
admin-group-active = активность { $time }
group-archive-confirm = Отправить группу «{ $name }» в архив? Участники не увидят её и её закупки, пока её не вернут из архива; ничего не удаляется.
your-data-section = Ваши данные
your-data-help = Всё, что Bulq хранит о вас: учётная запись, группы, закупки с вашими заявками, что вы получили и заплатили, записанные вами цены, уведомления.
download-my-data = Скачать мои данные (JSON)
delete-account-section = Удалить учётную запись
delete-account-help = Вы выйдете из всех групп; история закупок останется с подписью «бывший участник».
delete-account-link = Удалить мою учётную запись…
delete-account-explain = Это нельзя отменить. Вы выйдете из всех групп: ваши заявки в открытых закупках будут сняты, а закупки, которые вы ведёте, отменены. Купленное и оплаченное останется в истории закупок под именем «Former member», чтобы расходы всех сходились. Ваше имя, логин и пароль удаляются, и вы выходите отовсюду.
delete-account-submit = Удалить учётную запись навсегда
username-section = Логин
change-username-submit = Сменить логин
deleted-badge = удалён
admin-edit-names = Изменить имя и логин
admin-delete = Удалить учётную запись
admin-delete-confirm = Удалить учётную запись { $name }? Пользователь выйдет из всех групп и отовсюду; история закупок останется под именем «Former member». Это нельзя отменить.
merge-users-rule = { $survivor } вступает во все группы { $merged } (администратором там, где был кто-то из них) и получает их закупки, заявки, покупки, цены и уведомления. В закупке, где участвуют оба, заявки на один товар складываются; невозможно, если у такой закупки уже есть список покупок. После этого { $merged } — бывший участник без входа. Это нельзя отменить.

## The audit log's actions
audit-action-login-succeeded = Вход в систему
audit-action-login-failed = Неудачный вход
audit-action-logged-out = Выход из системы
audit-action-password-changed = Пароль изменён
audit-action-password-reset-link-created = Создана ссылка для сброса
audit-action-password-reset = Пароль сброшен
audit-action-user-verified = Аккаунт подтверждён
audit-action-user-unverified = Подтверждение аккаунта снято
audit-action-user-disabled = Аккаунт отключён
audit-action-user-enabled = Аккаунт включён
audit-action-site-admin-granted = Назначен администратором сайта
audit-action-site-admin-revoked = Снят с администраторов сайта
audit-action-registration-mode-changed = Изменена регистрация
audit-action-group-admin-granted = Назначен администратором группы
audit-action-group-admin-revoked = Снят с администраторов группы
audit-action-member-removed = Участник удалён
audit-action-run-cancelled = Закупка отменена
audit-action-product-verified = Товар подтверждён
audit-action-product-unverified = Подтверждение товара снято
audit-action-product-archived = Товар в архиве
audit-action-product-unarchived = Товар возвращён из архива
audit-action-products-merged = Товары объединены
audit-action-store-verified = Магазин подтверждён
audit-action-store-unverified = Подтверждение магазина снято
audit-action-store-archived = Магазин в архиве
audit-action-store-unarchived = Магазин возвращён из архива
audit-action-stores-merged = Магазины объединены
audit-action-group-archived = Группа в архиве
audit-action-group-unarchived = Группа возвращена из архива
audit-action-username-changed = Имя пользователя изменено
audit-action-display-name-changed = Отображаемое имя изменено
audit-action-account-deleted = Аккаунт удалён
audit-action-accounts-merged = Аккаунты объединены

## Семейства товаров
search-kind-family = Семейство товаров
family-badge = Любой вариант
variant-of = Вариант: { $family }
family-label = Семейство
family-hint = Необязательно: семейство, к которому относится этот вариант, чтобы можно было просить «любой» из них.
family-none = Нет
is-family-label = Это семейство вариантов («Рис»): участники просят любой из них, а покупатель выбирает в магазине
family-variants-title = Варианты
family-explained = Заказывайте семейство, если подойдёт любой его вариант. Покупатель выберет в магазине, что купить, и ваш заказ перейдёт на этот вариант.
family-no-variants = Вариантов пока нет. Добавьте товар в это семейство на странице товара.
variant-bought-label = Что именно вы купили?
variant-pick = Выберите вариант
for-family = Для «любой: { $family }»
family-item-no-variants = У этого семейства пока нет вариантов: добавьте вариант на его странице, чтобы купить.
family-item-explained = Подойдёт любой вариант: выберите тот, который покупаете.
error-family-not-found = Такого семейства больше нет. Обновите страницу и выберите другое.
error-family-has-no-price = У семейства нет своей цены или упаковки: укажите их для одного из вариантов.
error-variant-required = Выберите, какой вариант вы купили.
error-not-a-variant = Этот товар не является вариантом этого семейства.
error-family-mismatch = Семейство не может входить в другое семейство.

## Деньги между друзьями
money-title = Деньги
money-link = Деньги
money-page-title = Деньги в группе { $group }
no-money-yet = Пока нечего рассчитывать: балансы появятся, когда закупка группы будет завершена.
pending-repayments-title = Ждут подтверждения
repayments-title = Возвраты
repayment-confirmed = Подтверждено
repayment-withdrawn = Отозвано
repayment-line = { $from } заплатил(а) { $to } { $amount }
you-are-owed = Вам должны { $amount }.
you-owe = Вы должны { $amount }.
you-are-square = Вы в расчёте.
settle-rule-fewest = Как считаем: те, чьи балансы взаимно гасятся, рассчитываются между собой, так что переводов как можно меньше; внутри каждой такой группы больший должник сначала платит тому, кому должны больше. Одни и те же балансы всегда дают одни и те же переводы.
settle-rule-paired = Как считаем: больший должник сначала платит тому, кому должны больше, затем следующий (при стольких участниках поиск самого короткого списка занял бы слишком долго). Одни и те же балансы всегда дают одни и те же переводы.
balances-title = Балансы в { $currency }
balance-detail = Оплачено { $paid } · доля { $goods } · возвращено { $repaid }
transfers-title = Чтобы рассчитаться
all-square = Все в расчёте.
all-paid-waiting = Платить больше нечего: возвраты ниже ждут подтверждения.
transfer-line = { $from } платит { $to } { $amount }
i-paid-submit = Я заплатил(а)
i-received-submit = Я получил(а)
repayment-waiting = ждёт подтверждения
confirm-received-submit = Подтвердить получение
withdraw-repayment-submit = Отозвать
paid-the-store = { $name } заплатил(а) в магазине { $amount }
payers-title = Кто платил в магазине
no-payers-yet = Пока никто ни за что не платил.
change-payers = Изменить, кто платил
payers-must-add-up = Вместе ровно столько, сколько куплено: { $amount }.
payer-amount-label = { $name } заплатил(а) ({ $currency })
save-payers = Сохранить, кто платил
note-payment-sent = Друг сообщает, что заплатил вам в группе { $subject }: подтвердите это на странице денег группы.
note-payment-confirmed = Возврат в группе { $subject } подтверждён.
you-pay = Вы должны { $name } { $amount } ({ $group })
pays-you = { $name } должен вам { $amount } ({ $group })
extra-costs-title = Общие расходы
extra-cost-line = { $label }: { $amount }, заплатил(а) { $name }
split-equally-note = (поровну)
split-by-goods-note = (пропорционально стоимости товаров)
remove-extra-cost-submit = Удалить
extra-cost-parts-later = Разделится, когда товары будут распределены.
add-extra-cost = Добавить общий расход (бензин, доставка…)
statement-link = Выписка
my-statement-link = Моя выписка (для печати)
ledger-download = Скачать журнал (CSV)
run-by-run-title = По закупкам, без упрощения
run-by-run-hint = Что каждая завершённая закупка сама по себе требует заплатить друг другу. Возвраты здесь не вычитаются; переводы выше закрывают всё сразу.
run-no-debts = По этой закупке никто никому не должен.
older-runs-in-ledger = Более ранние закупки — в скачиваемом журнале.
statement-title = Выписка: { $name }
statement-subtitle = { $group } · { $date }
statement-repaid-to = Возврат для { $name }
statement-repaid-by = Возврат от { $name }
statement-balance = Баланс
statement-run-detail = Оплачено { $paid } · товары { $goods } · общие расходы { $shared }
extra-cost-label = За что
extra-cost-amount-label = Сумма ({ $currency })
extra-cost-paid-by = Кто заплатил
extra-cost-split-legend = Как делить
split-equally-label = Поровну между всеми, кто получил товары
split-by-goods-label = Пропорционально стоимости товаров каждого
add-extra-cost-submit = Добавить расход
error-cost-label-invalid = Укажите, за что этот расход, не длиннее 100 символов.
error-extra-cost-not-found = Этого расхода больше нет.
pay-to-line = Куда платить: { $account }
scan-to-pay = Отсканируйте в банковском приложении: перевод заполнится сам.
payment-details-title = Как друзья возвращают вам деньги
payment-details-help = Видно участникам ваших групп, которые вам должны. С IBAN и долгом в евро они также получат QR-код для банковского приложения.
iban-label = IBAN (необязательно)
payee-name-label = Владелец счёта
payment-note-label = Или заметка (необязательно)
payment-note-hint = Ссылка для оплаты или «наличными на следующей закупке».
save-payment-details = Сохранить платёжные данные
error-iban-invalid = Этот IBAN неверен: проверьте, нет ли опечатки.
error-payee-name-missing = Укажите владельца счёта: для банковского перевода нужно его имя.
error-payers-do-not-add-up = Суммы плательщиков должны в точности сложиться в стоимость покупки.
error-settlement-too-large = Это больше, чем долг. Обновите страницу, чтобы увидеть текущие балансы.
error-settlement-not-found = Такого возврата больше нет.
error-settlement-decided = Этот возврат уже подтверждён или отозван.
error-not-your-settlement = Это может сделать только тот, кто платил, или тот, кто получил деньги.
audit-action-run-payers-changed = Изменено, кто платил за закупку
audit-action-other-sessions-ended = Выход на всех других устройствах
audit-action-api-token-created = Создан токен API
audit-action-api-token-revoked = Отозван токен API
