# Bulq: српски (ћирилица, екавица). Исте поруке и исте променљиве као у енглеском фајлу.
# Латиница се добија пресловљавањем овог фајла, зато овде нема латиничних слова осим Bulq, AGPL-3.0, CSV и JSON.
# Корисник се ословљава са „ви“ (малим словом); дугмад су у облику „Сачувај“, „Откажи“.
# Појмовник: group = група; run = набавка; bid = поруџбина; just interested = само ме занима / само интересовање;
# leader = организатор; helper = помоћник; shopping = куповина; adjusting = усклађивање; handing out = подела;
# pick up = преузети; store = продавница; product = производ; price = цена; admin = администратор;
# invite link = позивни линк; notification = обавештење; participant = учесник; shopping list = списак за куповину.

app-name = Bulq
app-tagline = Купујте на велико са пријатељима
skip-to-content = Пређи на садржај
nav-log-in = Пријави се
nav-sign-up = Региструј се
nav-profile = Профил
nav-log-out = Одјави се
footer-note = Bulq је слободан софтвер (AGPL-3.0). Пријатељи плаћају једни другима директно; Bulq води рачун.
home-headline = Купујте на велико заједно, делите поштено
home-intro = Bulq помаже друштву да испланира одлазак у велепродају, прикупи ко шта жели, купи то и тачно израчуна колико ко дугује.
home-step-plan-title = Испланирајте набавку
home-step-plan-body = Неко отвори набавку у продавници и група је одмах види.
home-step-bid-title = Реците шта вам треба
home-step-bid-body = Свако уписује количине са свог телефона, чак и по 0,5 кг.
home-step-split-title = Подела до последње паре
home-step-split-body = Оно што је стварно купљено и плаћено дели се тачно.
home-greeting = Здраво, { $name }
your-groups = Ваше групе
no-groups-yet = Још нисте ни у једној групи. Направите је испод или отворите позивни линк који вам је пријатељ послао.
login-title = Пријава
login-submit = Пријави се
login-no-account = Први пут сте овде? Направите налог
register-title = Направите налог
register-submit = Направи налог
register-have-account = Већ имате налог? Пријавите се
username-label = Корисничко име
username-hint = 3–50 знакова: слова, цифре, _ и -. Велика и мала слова се не разликују.
display-name-label = Име за приказ
display-name-hint = Тако вас виде пријатељи. Највише 100 знакова.
password-label = Лозинка
password-hint = Најмање 8 знакова. Неколико повезаних речи је добар избор.
confirm-password-label = Поновите лозинку
current-password-label = Тренутна лозинка
new-password-label = Нова лозинка
profile-title = Ваш профил
profile-signed-in-as = Пријављени сте као @{ $username }
display-name-section = Како вас виде пријатељи
save-display-name = Сачувај име
display-name-saved = Име је сачувано.
password-section = Лозинка
change-password-submit = Промени лозинку
password-changed = Лозинка је промењена. Одјављени сте на свим осталим уређајима.
api-tokens-title = API токени
api-tokens-help = Токен омогућава апликацији или скрипти да користи Bulq у ваше име, без лозинке: мобилној апликацији, пречици на телефону, паметној кући. Дајте свакој свој токен и опозовите га када престанете да је користите.
api-reference-link = Прочитајте упутство за API.
api-tokens-profile-link = Управљајте API токенима
api-token-create-title = Направите токен
api-token-name = Назив
api-token-name-placeholder = Мој телефон
api-token-scope = Шта сме да ради
api-token-scope-read = Само читање
api-token-scope-write = Читање и измене
api-token-lifetime = Важи
api-token-lifetime-days = { $days } дана
api-token-no-expiry = док се не опозове
api-token-create = Направи токен
api-token-new-title = Ваш нови токен „{ $name }”
api-token-new-help = Копирајте га сада у апликацију која ће га користити: приказује се само овај пут. Свако ко га има може да делује у ваше име у оквиру његових права, зато га чувајте у тајности.
api-token-secret-label = Ваш нови токен
api-token-copy = Копирај токен
api-tokens-yours = Ваши токени
api-tokens-none = Немате токене.
api-token-made = направљен { $when }
api-token-expires = истиче { $when }
api-token-never-used = није коришћен
api-token-last-used = коришћен { $when }
api-token-revoke = Опозови
api-token-revoke-question = Опозвати токен „{ $name }”? Апликације које га користе одмах престају да раде.
devices-title = Где сте пријављени
devices-help = Изгубили сте телефон или сте користили туђи рачунар? Одјавите се са свих других уређаја: пријављен остаје само овај прегледач.
device-line = { $browser } на { $system }
device-unknown = Прегледач
this-device = овај уређај
device-last-seen = последњи пут { $when }
log-out-elsewhere-submit = Одјави се са свих других уређаја
logged-out-elsewhere = Одјављени сте са свих других уређаја.
language-section = Језик
language-label = Језик апликације
language-follow-browser = Као у прегледачу
save-language = Сачувај језик
language-saved = Језик је сачуван.
working = Обрада…
not-found-title = Страница није пронађена
not-found-body = На овој адреси нема ничега. Страница је можда премештена или линк није добро унет.
back-home = Назад на почетну страницу
offline-title = Нисте повезани на мрежу
offline-body = Bulq-у је потребна веза да би приказао ову страницу. Све што сте раније послали је сачувано; покушајте поново када се веза врати.
offline-retry = Покушај поново
rate-limited-title = Мало успорите
request-refused-title = Захтев је одбијен
server-error-title = Нешто није у реду
error-reference = (Ознака грешке: { $reference })
create-group-title = Направите групу
group-name-label = Назив групе
group-name-hint = 2–100 знакова, на пример „Стан 3Б“ или „Ручак петком“.
create-group-submit = Направи групу
member-count =
    { $count ->
        [one] { $count } члан
        [few] { $count } члана
       *[other] { $count } чланова
    }
admin-badge = Администратор
you-suffix = (ви)
previous-page = Претходна
next-page = Следећа
page-of = Страница { $page } од { $pages }
group-members-title = Чланови
group-runs-title = Набавке
no-runs-yet = Још нема набавки.
manage-group-link = Управљај групом
back-to-groups = Ваше групе
back-to-group = Назад на групу
manage-group-title = Управљање групом „{ $name }“
invite-link-section = Позивни линк
invite-link-help = Свако ко има овај линк може да се придружи док је придруживање дозвољено.
copy-link = Копирај линк
link-copied = Копирано
joining-disabled-warning = Нови чланови тренутно не могу да се придруже преко линка.
allow-joining = Дозволи придруживање
cost-estimates-section = Процена трошкова
own-prices-only-off = Куповине процењују трошкове по најновијој цени у продавници, ко год да ју је забележио, из било које групе.
own-prices-only-on = Куповине процењују трошкове само по ценама које су видели чланови ове групе.
use-own-prices-only = Само цене наших чланова
use-everyones-prices = Цене свих група
disallow-joining = Обустави придруживање нових чланова
regenerate-link = Направи нови линк
regenerate-confirm = Тренутни позивни линк ће престати да ради. Желите ли да направите нови?
rename-section = Преименовање групе
rename-submit = Преименуј
make-admin = Постави за администратора
remove-admin-role = Уклони улогу администратора
remove-member = Уклони
remove-member-confirm = Желите ли да уклоните члана { $name } из групе?
leave-section = Напуштање групе
leave-help = Касније вас могу поново позвати. Последњи администратор може да напусти групу тек када неко други постане администратор.
leave-group = Напусти групу
leave-confirm = Желите ли да напустите ову групу?
saved = Сачувано.
join-title = Придруживање групи „{ $name }“
join-intro = Позвани сте у групу у апликацији Bulq.
join-submit = Придружи се групи
join-login-prompt = Пријавите се или направите налог да бисте се придружили. Након тога вратићете се овде.
already-member-note = Члан сте ове групе.
open-group = Отвори групу
invite-invalid-title = Овај позивни линк не ради
nav-stores = Продавнице
nav-products = Производи
nav-groups = Групе
stores-title = Продавнице
no-stores-yet = Још нема продавница. Додајте прву испод.
add-store-title = Нова продавница
store-name-label = Назив
address-label = Адреса
opening-hours-label = Радно време
opening-hours-hint = На пример „пон–суб 8–21, нед 9–15“.
notes-label = Напомене
add-store-submit = Додај продавницу
edit-store-title = Измена продавнице
save-changes = Сачувај измене
store-products-title = Цене забележене овде
no-prices-at-store = У овој продавници још нису забележене цене.
products-title = Производи
no-products-yet = Још нема производа. Додајте први испод.
add-product-title = Нови производ
product-name-label = Назив
brand-label = Бренд
unit-label = Јединица
unit-hint = Како се продаје: кг, л, комад, пакет …
add-product-submit = Додај производ
similar-products = Већ постоји? Изаберите га уместо да га додајете поново:
edit-product-title = Измена производа
current-prices-title = Тренутне цене
no-prices-yet = Још нема забележених цена. Додајте прву испод.
record-price-title = Забележите цену коју сте видели
store-label = Продавница
price-label = Цена ({ $currency })
price-hint = Цена на полици, на пример 12,99.
price-note-label = Напомена (није обавезно)
price-note-hint = Где или зашто: „пролаз 12“, „на акцији“.
record-price-submit = Сачувај цену
price-recorded = Цена је сачувана.
add-store-first = Прво додајте продавницу да бисте забележили где сте видели цену.
price-history-title = Историја цена
price-chart-label = Кретање цене: { $product }, по једна линија за сваку продавницу
pack-price-seen = { $price } за { $size }
price-pack-size-label = За паковање од (није обавезно)
price-pack-size-hint = Оставите празно за цену једне јединице. За 6 × 1 л по 11,94 унесите 11,94 и 6.
store-column = Продавница
lowest-column = Најнижа
average-column = Просечна
highest-column = Највиша
history-date = Датум
history-store = Продавница
history-price = Цена
history-note = Напомена
history-by = Ко је видео
price-by-another-group = неко из друге групе
search-title = Претрага
search-label = Претражите производе, продавнице и своје групе
search-placeholder = Производи, продавнице, групе
search-submit = Тражи
search-prompt = Унесите назив производа, продавнице или неке од својих група.
search-results-for = Резултати за „{ $query }“
search-no-results = Нема резултата за „{ $query }“. Покушајте са краћом речју.
search-see-all = Прикажи све резултате
search-kind-group = Група
search-kind-store = Продавница
search-kind-product = Производ
state-planning = Планирање
state-active = Прикупљање поруџбина
state-confirmed = Потврђена
state-shopping = Куповина
state-adjusting = Усклађивање
state-distributing = Подела
state-completed = Завршена
state-cancelled = Отказана
state-planning-help = Тек је отворена. Додајте производе и упишите своје поруџбине.
state-active-help = Прикупљају се поруџбине. Јавите када је ваша поруџбина готова; организатор потврђује набавку.
state-confirmed-help = Поруџбине су закључане. Организатор ће кренути у куповину.
state-shopping-help = У продавници се купује и бележи шта је купљено.
state-adjusting-help = Продавница је имала другачију количину од тражене: поруџбине се усклађују.
state-distributing-help = Роба се дели.
state-completed-help = Ова набавка је завршена.
state-cancelled-help = Ова набавка је отказана.
led-by = организује { $name }
participant-count =
    { $count ->
        [one] { $count } учесник
        [few] { $count } учесника
       *[other] { $count } учесника
    }
new-run-title = Нова набавка
add-store-first-for-run = Прво додајте продавницу, па у њој покрените набавку.
planned-on-label = Дан куповине
run-comment-label = Коментар
run-comment-hint = Није обавезно: када, где се налазите, шта да понесете.
start-run-submit = Покрени набавку
open-runs-title = Отворене набавке
leader-label = Организатор
helpers-label = Помоћници
run-products-title = Производи ({ $count })
no-bids-yet = Још нема поруџбина. Пронађите производ испод и упишите колико желите.
no-products-in-run = У овој набавци нема производа.
cancelled-leader-left = Отказана: организатор је напустио групу.
cancelled-no-reason = Организатор је отказао ову набавку.
cancelled-with-reason = Организатор је отказао ову набавку: „{ $reason }“
not-ready-after-all = Ипак још мењам поруџбину
you-are-ready = Означили сте да је ваша поруџбина готова.
im-ready = Моја поруџбина је готова
ready-help = Завршили сте? Јавите организатору да је ваша поруџбина готова.
cancel-question-bidding = Желите ли да откажете ову набавку? Нико неће ићи у куповину, а сви учесници ће бити обавештени.
cancel-question-confirmed = Желите ли да откажете ову набавку? Поруџбине су потврђене, али их нико неће купити; сви учесници ће бити обавештени.
cancel-question-bought = Желите ли да сада откажете ову набавку? Оно што је већ купљено остаје код онога код кога се налази, а сви ће бити обавештени.
everyone-ready = Сви који су поручили су спремни.
nobody-bid-yet = Још нико други није поручио.
confirm-run-submit = Потврди набавку
confirm-question = Желите ли да потврдите набавку? Поруџбине ће бити закључане док је поново не отворите.
waiting-for = Чека се: { $names }
confirm-anyway = Ипак потврди
confirm-anyway-question = Нису сви спремни: { $names }. Желите ли ипак да потврдите? Поруџбине се не могу мењати док поново не отворите куповину.
reopen-help = Неко треба да промени поруџбину? Поново отворите набавку за поручивање.
reopen-submit = Поново отвори поручивање
reopen-question = Поново отворити поручивање? Сви ће моћи поново да мењају поруџбине, а набавку ћете морати поново да потврдите.
confirmation-title = Да ли сте сигурни?
go-back = Назад
dismiss-toast = Затвори
toast-saved = Сачувано
toast-run-confirmed = Набавка је потврђена
toast-run-reopened = Поручивање је поново отворено
toast-run-cancelled = Набавка је отказана
toast-recorded = Забележено
toast-shopping-done = Куповина је завршена
toast-shared-out = Роба је подељена
toast-run-completed = Набавка је завршена
toast-link-renewed = Нова позивница је спремна
toast-member-removed = Члан је уклоњен
toast-update-ready = Нова верзија апликације Bulq је спремна.
reload-now = Освежи
theme-section = Изглед
theme-system = Као на уређају
theme-light = Светла
theme-dark = Тамна
save-theme = Сачувај изглед
cancel-run-title = Отказивање набавке
edit-run-title = Промени дан или коментар
save-run-details-submit = Сачувај
cancel-reason-label = Разлог (није обавезно, сви ће га видети)
cancel-run-submit = Откажи набавку
leader-panel-title = Организатор
leader-badge = Организатор
helper-badge = Помоћник
ready-chip = Готово
not-ready-chip = Није готово
total-label = Укупно: { $total }
pack-meter-open = { $filled } од { $size } у отвореном паковању — још { $more } и паковање је пуно
pack-meter-tolerance = Понуђено за допуну: { $tolerance } — недостаје још { $missing }
pack-meter-filled-by-tolerance = { $filled } од { $size } — понуђено попуњава паковање
pack-meter-all-full = Сва паковања су пуна (по { $size })
packs-to-buy =
    { $count ->
        [one] { $count } паковање за куповину
        [few] { $count } паковања за куповину
       *[other] { $count } паковања за куповину
    }
pack-sold-by = Продаје се у паковањима од { $size }
pack-minimum = најмања поруџбина { $minimum }
take-rest-submit = Узми остатак: +{ $quantity }
tolerance-label = Узео бих још толико, да се попуни паковање
tolerance-hint = Највише { $cap }. Оставите празно да добијете тачно своју количину.
pack-rule-explained = Паковања: када понуђено попуни паковање, вишак се дели сразмерно ономе што је ко понудио; паковање које остане непопуњено умањује се сразмерно ономе што је ко тражио. Цели комади остају цели.
packs-title = Паковања и најмања поруџбина
no-packs-yet = Ни за једну продавницу се не зна да ово продаје у паковањима.
pack-whole-units-short = дели се на целе комаде
pack-loose-submit = Продаје се на меру
pack-size-label = Величина паковања (необавезно)
pack-size-hint = У јединици самог производа: 12 за гајбу од 12 тегли, 25 за џак од 25 kg.
pack-minimum-label = Најмања поруџбина (необавезно)
pack-minimum-hint = Најмање што продавница продаје одједном, у истој јединици.
pack-whole-units-label = Дели се на целе комаде (тегле, конзерве, флаше)
pack-saved = Сачувано.
pack-save-submit = Сачувај како се продаје
pack-buy = { $packs } × { $size } = { $total }
pack-buy-nothing = ништа
pack-rule-first-come = Паковања редом: када понуђено попуни паковање, вишак узимају они који су понудили први; паковање које остане непопуњено умањује се од последњих понуда. Комадна роба се не дели.
pack-plan-title = Паковања за куповину
pack-open-question = понуђено не попуњава отворено паковање
pack-round-down = Заокружи наниже: купи { $buy }
pack-round-up = Заокружи навише: купи { $buy }
pack-plan-gets = { $name } добија { $gets } (тражио/ла { $asked })
pack-plan-holds = { $name } задржава { $quantity } које нико није тражио
pack-plan-as-asked = сви добијају оно што су тражили
pack-order-line = Потврђено: купујемо { $buy }
asked-short = тражено
fairness-label = Када паковања не испадну равно
fairness-proportional = Сразмерно: вишак по понуђеном, умањење по траженом
fairness-first-come = Редом: вишак првим понудама, умањење од последњих понуда
packs-bought-label = Купљено паковања (по { $size })
pack-price-label = Цена паковања ({ $currency })
interested-count =
    { $count ->
        [one] { $count } заинтересован
        [few] { $count } заинтересована
       *[other] { $count } заинтересованих
    }
interested-only-short = само интересовање
update-bid-submit = Измени
place-bid-submit = Поручи
your-quantity-label = Ваша количина
interested-only-label = Само ме занима
bid-comment-label = Коментар (није обавезно)
retract-bid-submit = Уклони моју поруџбину
add-to-run-title = Додајте производ
find-product-label = Пронађите производ
find-submit = Пронађи
nothing-found-for-run = Ништа није пронађено.
add-to-catalogue = Додај у каталог и поручи
already-in-run = Већ је у овој набавци: поручите изнад
transfer-asked = { $name } вас моли да преузмете организацију ове набавке.
transfer-accept = Преузми
transfer-decline = Не, хвала
helpers-help = Помоћници могу да бележе куповину и деле робу.
remove-helper = Уклони
make-helper = Постави за помоћника
transfer-waiting = Чека се да { $name } прихвати организацију ове набавке.
transfer-withdraw = Повуци молбу
handover-title = Предаја организације
handover-label = Ко да преузме
handover-submit = Пошаљи молбу
add-and-bid-submit = Додај и поручи
product-runs-title = У набавкама ваших група
add-to-list-submit = Додај на списак
add-to-list-title = Нашли сте нешто што није на списку?
added-in-store = Додато у продавници
adjust-range = Можете изабрати од { $min } до { $max }.
adjusting-done = Све купљене количине се поклапају. Поделите робу.
already-on-list = Већ је на списку
back-to-run = ← Назад на набавку
bought-even = Купљено { $bought } ✓
bought-for = Купљено { $quantity } × { $price } = { $total }
bought-over = Купљено { $bought }: вишак од { $extra } је на располагању
bought-quantity-label = Количина
bought-short = Купљено { $bought }: поруџбине треба смањити за { $missing }
complete-run-submit = Заврши набавку
complete-shopping-question = Завршили сте куповину? Набавка иде даље са оним што сте забележили.
complete-shopping-submit = Заврши куповину
complete-with-left =
    { $count ->
        [one] { $count } ставка још није забележена и рачунаће се као некупљена. Желите ли ипак да завршите куповину?
        [few] { $count } ставке још нису забележене и рачунаће се као некупљене. Желите ли ипак да завршите куповину?
       *[other] { $count } ставки још није забележено и рачунаће се као некупљене. Желите ли ипак да завршите куповину?
    }
distribution-paid = Укупно плаћено: { $amount }. Цена сваког дела је тачна, а заједно дају тачно овај износ.
distribution-title = Ко шта добија
download-csv = Преузми CSV
download-json = Преузми JSON
edit-purchase = Исправи
estimated-costs-help = На основу поруџбина и најновијих цена забележених у продавници; стварни трошкови зависе од тога шта се купи.
estimated-costs-title = Процењени трошкови
everything-picked-up = Све је преузето.
exports-title = Штампа и извоз
finish-adjusting-submit = Подели робу
force-finish-question = Желите ли сада да поделите робу? Где се и даље тражи превише, свачији део се сразмерно смањује; оно што нико није тражио припада вама као организатору.
force-finish-submit = Ипак подели
last-price-column = Последња цена
last-seen-price = Последња виђена цена: { $price } ({ $day })
also-seen-price = такође { $price }
note-price-title = Видели сте цену на полици
mark-all-picked-up = Означи све као преузето
mark-picked-up = Преузето
not-bought = Није купљено
nothing-left-to-buy = Ништа више не треба купити.
open-shopping-list = Отвори списак за куповину
out-of-stock = Нема на стању
out-of-stock-submit = Нема на стању
pick-ups-left =
    { $count ->
        [one] { $count } особа још треба да преузме робу.
        [few] { $count } особе још треба да преузму робу.
       *[other] { $count } особа још треба да преузме робу.
    }
picked-up-chip = Преузето
price-above-last = { $percent } % изнад последње виђене цене: проверите цену на полици.
price-below-last = { $percent } % испод последње виђене цене: проверите цену на полици.
print-distribution = Списак за поделу
print-shopping-list = Списак за куповину
print-submit = Штампај
product-column = Производ
put-back-question = Желите ли да вратите ову ставку на списак за куповину? Оно што је за њу забележено биће уклоњено.
put-back-submit = Врати
quantity-column = Количина
quantity-to-buy-label = Колико
reason-shortage-cut = Тражили сте { $asked }; продавница је имала мање него што су сви тражили, па је сваки део сразмерно смањен.
reason-surplus = Укључује вишак од { $extra } изнад траженог: он је код организатора.
record-bought-submit = Купљено
recorded-by = Аутор уноса: { $name }
recorded-title = У корпи ({ $count })
save-correction = Сачувај исправку
shopping-title = Куповина
spent-so-far = Досад потрошено: { $amount }
start-shopping-help = Стигли сте у продавницу? Почните куповину: списак се прави од свих поруџбина.
start-shopping-submit = Почни куповину
still-unbalanced =
    { $count ->
        [one] { $count } производ још има тражену количину различиту од купљене.
        [few] { $count } производа још имају тражену количину различиту од купљене.
       *[other] { $count } производа још има тражену количину различиту од купљене.
    }
to-buy-title = За куповину ({ $count })
total-paid-label = Укупно плаћено
undo-pick-up = Поништи преузимање
unit-price-label = Цена по јединици ({ $currency })
money-spent-label = Потрошено
run-stats-title = Ваше набавке
runs-joined-label = Учешћа у набавкама
runs-led-label = Организоване набавке
bought-over-shared = Купљено { $bought }: вишак од { $extra } изнад траженог припао је организатору
bought-short-shared = Купљено { $bought } од { $asked }: сваки део је сразмерно смањен
mark-all-read = Означи све као прочитано
mark-read = Означи као прочитано
no-notifications = Нема ништа ново. Овде ће вас Bulq обавестити када набавка у којој учествујете пређе у следећу фазу.
note-everyone-ready = { $subject }: сви који су поручили су спремни. Можете да потврдите набавку.
note-removed-from-group = Уклоњени сте из групе { $subject }.
note-run-cancelled = { $subject }: набавка је отказана.
note-run-cancelled-with-reason = { $subject }: набавка је отказана: { $reason }
note-run-state-changed = { $subject }: статус набавке је сада „{ $state }“.
note-something-happened = { $subject }: нешто се променило.
note-times =
    { $count ->
        [one] ({ $count } промена)
        [few] ({ $count } промене)
       *[other] ({ $count } промена)
    }
note-transfer-accepted = { $subject }: ваша молба за предају је прихваћена; више нисте организатор набавке.
note-transfer-declined = { $subject }: ваша молба за предају је одбијена.
note-transfer-requested = { $subject }: замољени сте да преузмете организацију набавке.
notifications-title = Обавештења

## Оријентири за навигацију (читају их читачи екрана)

nav-account-label = Налог
nav-sections-label = Одељци
nav-pages-label = Странице
breadcrumb-label = Путања
language-switch-label = Језик

## Временска зона и валута

time-zone-section = Временска зона
time-zone-label = Ваша временска зона
time-zone-hint = Времена се приказују у овој зони.
save-time-zone = Сачувај временску зону
time-zone-saved = Временска зона је сачувана.
group-currency-label = Валута
group-currency-hint = Цене и трошкови набавки ове групе исказују се у овој валути.
currency-section = Валута
save-currency = Промени валуту
currency-locked = Валута је сада закључана: једна од набавки ове групе већ има цене.

## Време и дани у односу на сада

time-just-now = управо сада
time-minutes-ago =
    { $count ->
        [one] пре { $count } минута
        [few] пре { $count } минута
       *[other] пре { $count } минута
    }
time-hours-ago =
    { $count ->
        [one] пре { $count } сата
        [few] пре { $count } сата
       *[other] пре { $count } сати
    }
time-today-at = данас у { $time }
time-yesterday-at = јуче у { $time }
day-today = данас
day-tomorrow = сутра
day-yesterday = јуче
day-in-days =
    { $count ->
        [one] за { $count } дан
        [few] за { $count } дана
       *[other] за { $count } дана
    }
day-days-ago =
    { $count ->
        [one] пре { $count } дана
        [few] пре { $count } дана
       *[other] пре { $count } дана
    }

## Јединице у којима се производ продаје, када користи једну од ових (иначе се приказује његов текст)

unit-kg = кг
unit-g = г
unit-l = л
unit-ml = мл
unit-each = ком.
unit-pack = пак.

## Наслови колона у CSV преузимању

csv-product = Производ
csv-unit = Јединица
csv-person = Особа
csv-asked = Тражено
csv-interested-only = Само интересовање
csv-gets = Добија
csv-why = Разлог
csv-unit-price = Јединична цена
csv-cost = Трошак
csv-picked-up = Преузето
csv-list-requested = На списку
csv-bought = Купљено
csv-item-paid = Плаћено за ставку
csv-currency = Валута
csv-tolerance = Толеранција
csv-after-packs = После паковања
csv-pack-size = Величина паковања
csv-packs = Паковања за куповину
csv-date = Датум
csv-entry = Ставка
csv-store = Продавница
csv-other-person = Друга особа
csv-paid = Плаћено
csv-goods = Роба
csv-shared-costs = Заједнички трошкови
csv-amount = Износ
csv-balance-change = Промена стања
ledger-entry-run = Куповина
ledger-entry-repaid = Повраћај послат
ledger-entry-repaid-by = Повраћај примљен
ledger-entry-waiting = Повраћај чека потврду
ledger-entry-to-pay = Остаје за плаћање

## Поруке о грешкама, по једна за сваки стални код (docs/errors.md)

error-invalid-input = Неки од унетих података нису исправни. Проверите образац.
error-username-invalid = Корисничко име може да има 3–50 знакова: слова, цифре, _ и -.
error-username-taken = То корисничко име је заузето. Изаберите неко друго.
error-display-name-invalid = Унесите име од 1 до 100 знакова.
error-password-too-short = Лозинка мора да има најмање 8 знакова.
error-password-too-long = Лозинка може да има највише 128 знакова.
error-password-too-common = Та лозинка је превише честа и лако се погађа. Изаберите другу.
error-password-mismatch = Лозинке се не поклапају.
error-password-incorrect = Тренутна лозинка није тачна.
error-invalid-credentials = Погрешно корисничко име или лозинка.
error-group-name-invalid = Назив групе може да има 2–100 знакова: слова, цифре, размаке и - _ & ' . , ( ) !
error-group-not-found = Та група не постоји или нисте њен члан.
error-invite-not-found = Овај позивни линк није важећи. Можда је замењен новим; затражите нови линк.
error-not-group-admin = То могу да ураде само администратори групе.
error-group-joining-disabled = Ова група тренутно не прима нове чланове. Замолите администратора да дозволи придруживање.
error-already-group-member = Већ сте члан ове групе.
error-not-a-group-member = Та особа није члан ове групе.
error-user-max-groups-exceeded = Већ сте у 100 група, колико Bulq највише дозвољава. Напустите неку да бисте се придружили другој.
error-group-max-members-exceeded = Ова група има 100 чланова, колико Bulq највише дозвољава.
error-last-group-admin = Група мора да има бар једног администратора. Прво поставите неког другог за администратора.
error-cannot-remove-group-admin = Администратори не могу бити уклоњени. Прво им уклоните улогу администратора.
error-store-name-invalid = Унесите назив продавнице (највише 200 знакова).
error-product-name-invalid = Унесите назив производа (највише 200 знакова).
error-text-too-long = Текст је предугачак. Скратите га.
error-amount-invalid = Унесите цену већу од нуле, на пример 12,99.
error-store-not-found = Та продавница не постоји.
error-product-not-found = Тај производ не постоји.
error-not-allowed-to-edit = Ово може да измени само онај ко га је додао (или администратор сајта).
error-product-used-by-other-groups = Овај производ је у куповинама других група, па може да га преименује само администратор сајта.
error-token-name-invalid = Дајте токену име од 1 до 60 знакова, да бисте касније знали која апликација га користи.
error-token-not-found = Тај токен не постоји или није ваш.
error-too-many-tokens = Имате највише токена колико налог може да има (20). Прво опозовите неки који више не користите.
error-token-invalid = Токен за приступ недостаје, погрешан је, истекао или је опозван. Направите нови у профилу.
error-token-scope-forbids = Овај токен може само да чита. За измене направите токен са правом писања.
error-idempotency-key-invalid = Idempotency-Key има од 1 до 255 видљивих знакова.
error-idempotency-key-reused = Овај Idempotency-Key је већ искоришћен за други захтев. За нови захтев употребите нови кључ.
error-idempotency-key-in-progress = Захтев са овим Idempotency-Key се још обрађује. Покушајте поново за тренутак.
error-method-not-allowed = Ова адреса не прихвата тај метод; упутство за API наводи шта која прихвата.
error-search-query-invalid = Унесите шта тражите (највише 100 знакова).
error-run-not-found = Та набавка не постоји или није у некој од ваших група.
error-not-run-participant = То могу само учесници ове набавке. Прво поручите нешто.
error-not-run-leader = То може само организатор набавке.
error-not-run-leader-or-helper = То може само организатор набавке или помоћник.
error-run-state-forbids = То није могуће у овој фази набавке.
error-quantity-invalid = Унесите количину већу од 0, а највише 9999, са највише три децимале (на пример 1,5).
error-planned-date-invalid = Унесите дан куповине као датум, на пример 2026-12-24.
error-bid-not-found = Немате поруџбину за тај производ.
error-run-max-products-exceeded = Ова набавка већ има 100 производа. Поручите неки од њих.
error-group-max-active-runs-exceeded = Ова група већ има 100 отворених набавки. Прво завршите или откажите неку.
error-leader-cannot-be-helper = Организатор већ може све што може и помоћник.
error-transfer-to-self = Ви већ организујете ову набавку. Изаберите неког другог.
error-transfer-target-not-participant = Организацију може да преузме само неко ко учествује у набавци.
error-transfer-already-pending = Већ сте замолили некога да преузме организацију. Прво повуците ту молбу.
error-transfer-not-found = Та молба више није актуелна: набавка је завршена или је промењен организатор.
error-leader-is-always-ready = Као организатор, ви потврђујете набавку када будете спремни.
error-nothing-to-adjust = Овај производ не треба усклађивати: купљена и тражена количина се већ поклапају или ништа није купљено.
error-adjust-only-down = Купљено је мање него што је тражено, па поруџбине могу само да се смање.
error-adjust-below-bought = Тако би део купљене робе остао без власника. Смањите поруџбину за мање.
error-adjust-only-up = Купљено је више него што је тражено, па поруџбине могу само да се повећају.
error-adjust-above-bought = То је више од преосталог вишка. Повећајте поруџбину за мање.
error-adjust-new-product = Током усклађивања можете да мењате само поруџбину коју сте већ уписали.
error-adjustment-incomplete = Код неких производа тражена количина се још не поклапа са купљеном. Сачекајте да учесници ускладе поруџбине или ипак завршите.
error-shopping-item-not-found = Та ставка није на списку за куповину ове набавке.
error-item-already-recorded = Неко је већ забележио ову ставку. На списку пише шта је унето; исправите ако није тачно.
error-item-already-on-list = Тај производ је већ на списку. Тамо забележите да сте купили још.
error-price-missing = Унесите цену по јединици или укупан износ који сте платили.
error-pick-ups-outstanding = Део робе још није преузет. Прво га означите као преузет.
error-allocation-not-found = Тај део није у подели ове набавке.
error-auth-required = Прво се пријавите.
error-forbidden = Немате дозволу за то.
error-not-found = То не постоји или немате приступ.
error-rate-limited = Превише покушаја. Сачекајте { $seconds } с и покушајте поново.
error-too-many-streams = Превише ваших страница прати измене уживо. Затворите неке картице и поново учитајте ову.
error-cross-site-request = Овај образац је послат са другог сајта и зато је одбијен. Освежите страницу и покушајте поново.
error-unavailable = Bulq је тренутно преоптерећен. Покушајте поново за тренутак.
error-network = Повезивање са апликацијом Bulq није успело. Проверите интернет везу и покушајте поново.
error-internal = Дошло је до грешке код нас. Покушајте поново.
error-currency-invalid = Изаберите валуту са списка.
error-currency-locked = Валута групе више не може да се мења: једна од њених набавки већ има цене.
error-time-zone-invalid = Изаберите временску зону са списка.

## Администрација
nav-admin = Админ
login-forgot-password = Заборавили сте лозинку? Затражите линк за ресетовање од особе која води овај Bulq.
registration-closed-notice = Нови налози се тренутно не праве. Обратите се особи која води овај Bulq.
registration-invite-only-notice = Нови налози се праве преко линка за позив у групу. Затражите га од пријатеља.
admin-title = Администрација
admin-users-tab = Корисници
admin-settings-tab = Подешавања
admin-audit-tab = Дневник ревизије
admin-filter-all = Сви
admin-filter-verified = Потврђени
admin-filter-unverified = Непотврђени
admin-filter-disabled = Искључени
admin-filter-site-admins = Администратори сајта
admin-filter-label = Прикажи
admin-user-search-label = Претрага по имену или корисничком имену
admin-search-submit = Прикажи
admin-user-count =
    { $count ->
        [one] { $count } налог
        [few] { $count } налога
       *[other] { $count } налога
    }
admin-reset-link-title = Линк за ресетовање за @{ $username }
admin-reset-link-help = Предајте овај линк власнику налога: ради једном, до { $time }. Приказује се само сада.
site-admin-badge = админ сајта
verified-badge = потврђен
disabled-badge = искључен
admin-user-joined =
    { $groups ->
        [one] од { $date }, { $groups } група
        [few] од { $date }, { $groups } групе
       *[other] од { $date }, { $groups } група
    }
admin-verify = Потврди
admin-unverify = Скини потврду
admin-make-reset-link = Направи линк за ресетовање
admin-disable-confirm = Искључити налог корисника { $name }? Одмах ће бити одјављен свуда и неће моћи да се пријави док се налог поново не укључи. Куповине и историја остају.
admin-revoke-confirm = Одузети кориснику { $name } улогу администратора сајта? Налог и групе остају.
admin-enable = Укључи
admin-disable = Искључи
admin-revoke-site-admin = Одузми администратора
admin-grant-site-admin = Постави за администратора сајта
registration-section = Ко може да направи налог
registration-open = Отворено
registration-open-help = Свако ко пронађе сајт може да се региструје.
registration-invite-only = Само уз позив
registration-invite-only-help = Регистровати се може само онај ко дође са линком за позив у групу.
registration-closed = Затворено
registration-closed-help = Нико не може да се региструје. Постојећи налози нису погођени.
save-settings = Сачувај подешавања
audit-filter-label = Филтер дневника ревизије
audit-user-label = Корисничко име
audit-action-label = Радња
audit-any-action = Било која радња
audit-retention =
    { $count ->
        [one] Записи се чувају { $count } дан.
        [few] Записи се чувају { $count } дана.
       *[other] Записи се чувају { $count } дана.
    }
audit-empty = Нема одговарајућих записа.
audit-when = Када
audit-action-column = Радња
audit-who = Ко
audit-target = Кога
audit-detail = Детаљ
audit-from = Одакле
audit-origin = { $address } · { $request }
reset-title = Нова лозинка
reset-for = За { $name } (@{ $username }). Остале ваше сесије се завршавају када сачувате.
reset-submit = Сачувај нову лозинку
error-not-site-admin = То могу само администратори сајта.
error-user-not-found = Тај налог не постоји.
error-reset-link-invalid = Овај линк за ресетовање не ради: већ је искоришћен, истекао је (линк важи сат времена) или га је заменио нови. Затражите нови.
error-registration-closed = Нови налози се тренутно не праве.
error-registration-invite-only = Нови налози се праве само преко линка за позив у групу.
error-cannot-change-own-account = То не можете да урадите сопственом налогу. Замолите другог администратора сајта.
error-last-site-admin = Ово је последњи администратор сајта. Прво поставите неког другог.
admin-products-tab = Производи
admin-stores-tab = Продавнице
catalogue-filter-current = У употреби
catalogue-filter-archived = Архивирани
catalogue-search-label = Претрага по називу
catalogue-count =
    { $count ->
        [one] { $count } ставка
        [few] { $count } ставке
       *[other] { $count } ставки
    }
catalogue-runs =
    { $count ->
        [one] у { $count } набавци
        [few] у { $count } набавке
       *[other] у { $count } набавки
    }
archived-badge = архивирано
merged-into-note = спојено у { $name }
admin-archive = Архивирај
admin-unarchive = Врати из архиве
archive-confirm = Архивирати „{ $name }“? Нестаје са спискова, избора и претраге; набавке и цене га чувају и може се вратити.
merge-into-link = Споји у…
duplicates-title = Вероватни дупликати
duplicates-help = Ови називи личе. Задржите прави, а други ће бити спојен у њега.
keep-this = Задржи „{ $name }“
merge-title = Споји „{ $name }“ у…
merge-search-help = Нађите ставку која остаје. Све од ове прелази на њу.
merge-into-this = Споји у ову
merge-confirm = Спојити „{ $merged }“ у „{ $survivor }“?
merge-products-rule = Понуде за оба у истој набавци се сабирају. Набавке, ставке списка, расподеле и цене „{ $merged }“ прелазе на „{ $survivor }“. „{ $merged }“ се архивира, а његова страница води на „{ $survivor }“. Није могуће док су оба на списку за куповину исте набавке.
merge-stores-rule = Набавке и цене „{ $merged }“ прелазе на „{ $survivor }“. „{ $merged }“ се архивира, а његова страница води на „{ $survivor }“.
merge-submit = Споји
error-cannot-merge-into-itself = Ставка може да се споји само у другу која је још у употреби.
error-merge-conflict = Оба су на списку за куповину исте набавке са одвојеним куповинама. Прво завршите или откажите ту набавку.
error-hidden-characters = Текст садржи невидљиве знакове (на пример промену смера писања или размак нулте ширине). Откуцајте га поново без њих.
error-body-too-large = То је више него што Bulq прима одједном. Скратите оно што сте унели.
error-tolerance-invalid = Унесите колико још бисте узели, бројем од 0 до једног паковања (само за производе који се продају у паковањима).
error-whole-units-only = Овај производ се дели само у целим комадима: унесите цео број.
error-pack-invalid = Унесите величину паковања (до 9999) или најмању поруџбину (до 99999): већу од 0, са највише три децимале, у целим бројевима за робу која се дели на целе комаде.
error-pack-already-full = Неко је управо попунио ово паковање.
error-pack-changed = Ово паковање се управо променило. Погледајте како сада стоји и покушајте поново.
admin-groups-tab = Групе
admin-group-facts =
    { $members ->
        [one] { $members } члан
        [few] { $members } члана
       *[other] { $members } чланова
    }, { $runs ->
        [one] { $runs } отворена набавка
        [few] { $runs } отворене набавке
       *[other] { $runs } отворених набавки
    }
admin-group-active = активна { $time }
group-archive-confirm = Архивирати групу „{ $name }“? Чланови је више не виде, ни њене набавке, док се не врати из архиве; ништа се не брише.
your-data-section = Ваши подаци
your-data-help = Све што Bulq чува о вама: налог, групе, набавке са вашим понудама, шта сте добили и платили, цене које сте унели, обавештења.
download-my-data = Преузми моје податке (JSON)
delete-account-section = Брисање налога
delete-account-help = Напуштате све групе; историја набавки остаје, са ознаком „бивши члан“.
delete-account-link = Обриши мој налог…
delete-account-explain = Ово не може да се опозове. Напуштате све групе: ваше понуде у отвореним набавкама се повлаче, а набавке које водите се отказују. Оно што сте купили и платили остаје у историји набавки под именом „Former member“, да би трошкови свих остали тачни. Ваше име, корисничко име и лозинка се уклањају и одјављујете се свуда.
delete-account-submit = Трајно обриши мој налог
username-section = Корисничко име
change-username-submit = Промени корисничко име
deleted-badge = обрисан
admin-edit-names = Измени име и корисничко име
admin-delete = Обриши налог
admin-delete-confirm = Обрисати налог корисника { $name }? Напушта све групе и одјављује се свуда; историја набавки остаје под именом „Former member“. Ово не може да се опозове.
merge-users-rule = { $survivor } улази у све групе корисника { $merged } (као администратор где је то био било ко од њих) и преузима набавке, понуде, куповине, цене и обавештења. У набавци у којој учествују оба, понуде за исти производ се сабирају; није могуће ако таква набавка већ има списак за куповину. { $merged } затим постаје бивши члан без пријаве. Ово не може да се опозове.

## The audit log's actions
audit-action-login-succeeded = Пријава
audit-action-login-failed = Неуспела пријава
audit-action-logged-out = Одјава
audit-action-password-changed = Лозинка промењена
audit-action-password-reset-link-created = Направљен линк за ресетовање
audit-action-password-reset = Лозинка ресетована
audit-action-user-verified = Налог потврђен
audit-action-user-unverified = Потврда налога уклоњена
audit-action-user-disabled = Налог онемогућен
audit-action-user-enabled = Налог омогућен
audit-action-site-admin-granted = Постављен за администратора сајта
audit-action-site-admin-revoked = Више није администратор сајта
audit-action-registration-mode-changed = Промењена регистрација
audit-action-group-admin-granted = Постављен за администратора групе
audit-action-group-admin-revoked = Више није администратор групе
audit-action-member-removed = Члан уклоњен
audit-action-run-cancelled = Набавка отказана
audit-action-product-verified = Производ потврђен
audit-action-product-unverified = Потврда производа уклоњена
audit-action-product-archived = Производ архивиран
audit-action-product-unarchived = Производ враћен из архиве
audit-action-products-merged = Производи спојени
audit-action-store-verified = Продавница потврђена
audit-action-store-unverified = Потврда продавнице уклоњена
audit-action-store-archived = Продавница архивирана
audit-action-store-unarchived = Продавница враћена из архиве
audit-action-stores-merged = Продавнице спојене
audit-action-group-archived = Група архивирана
audit-action-group-unarchived = Група враћена из архиве
audit-action-username-changed = Корисничко име промењено
audit-action-display-name-changed = Име за приказ промењено
audit-action-account-deleted = Налог обрисан
audit-action-accounts-merged = Налози спојени

## Породице производа
search-kind-family = Породица производа
family-badge = Било која варијанта
variant-of = Варијанта: { $family }
family-label = Породица
family-hint = Није обавезно: породица чија је ово варијанта, да би људи могли да траже „било коју“ од њих.
family-none = Ниједна
is-family-label = Ово је породица варијанти („Пиринач“): људи траже било коју, а купац бира једну у продавници
family-variants-title = Варијанте
family-explained = Тражите породицу када вам одговара било која њена варијанта. Купац у продавници бира шта ће купити, а ваш захтев прелази на ту варијанту.
family-no-variants = Још нема варијанти. Ставите производ у ову породицу на страници тог производа.
variant-bought-label = Шта сте тачно купили?
variant-pick = Изаберите варијанту
for-family = За „било који: { $family }“
family-item-no-variants = Ова породица још нема варијанти: додајте једну на њеној страници да бисте је купили.
family-item-explained = Одговара било која варијанта: изаберите ону коју купујете.
error-family-not-found = Та породица више не постоји. Освежите страницу и изаберите другу.
error-family-has-no-price = Породица нема своју цену ни паковање: унесите их за једну од варијанти.
error-variant-required = Изаберите коју сте варијанту купили.
error-not-a-variant = Тај производ није варијанта ове породице.
error-family-mismatch = Породица не може бити део друге породице.

## Новац међу пријатељима
money-title = Новац
money-link = Новац
money-page-title = Новац у групи { $group }
no-money-yet = Још нема шта да се поравна: стања се појављују када се куповина групе заврши.
pending-repayments-title = Чекају потврду
repayments-title = Враћања
repayment-confirmed = Потврђено
repayment-withdrawn = Повучено
repayment-line = { $from } је платио/ла { $to } { $amount }
you-are-owed = Пријатељи вам дугују { $amount }.
you-owe = Дугујете { $amount }.
you-are-square = Нико никоме не дугује.
settle-rule-fewest = Како: они чија се стања међусобно поништавају поравнавају се међу собом, па је уплата што мање; у свакој таквој групи највећи дужник прво плаћа ономе коме се највише дугује. Иста стања увек дају исте уплате.
settle-rule-paired = Како: највећи дужник прво плаћа ономе коме се највише дугује, па следећи (са толико људи тражење најмањег броја уплата трајало би предуго). Иста стања увек дају исте уплате.
balances-title = Стања у { $currency }
balance-detail = Плаћено { $paid } · удео { $goods } · враћено { $repaid }
transfers-title = Да се поравнате
all-square = Сви су поравнати.
all-paid-waiting = Нема више шта да се плати: враћања испод чекају потврду.
transfer-line = { $from } плаћа { $to } { $amount }
i-paid-submit = Платио/ла сам
i-received-submit = Примио/ла сам
repayment-waiting = чека потврду
confirm-received-submit = Потврди да сам примио/ла
withdraw-repayment-submit = Повуци
paid-the-store = { $name } је платио/ла у продавници { $amount }
payers-title = Ко је платио у продавници
no-payers-yet = Још нико ништа није платио.
change-payers = Промени ко је платио
payers-must-add-up = Заједно тачно колико је купљено: { $amount }.
payer-amount-label = { $name } је платио/ла ({ $currency })
save-payers = Сачувај ко је платио
note-payment-sent = Пријатељ каже да вам је платио у групи { $subject }: потврдите то на страници новца групе.
note-payment-confirmed = Враћање у групи { $subject } је потврђено.
you-pay = Дугујете { $name } { $amount } ({ $group })
pays-you = { $name } вам дугује { $amount } ({ $group })
extra-costs-title = Заједнички трошкови
extra-cost-line = { $label }: { $amount }, платио/ла { $name }
split-equally-note = (подједнако)
split-by-goods-note = (сразмерно цени робе)
remove-extra-cost-submit = Уклони
extra-cost-parts-later = Дели се када се роба подели.
add-extra-cost = Додај заједнички трошак (гориво, достава…)
statement-link = Извод
my-statement-link = Мој извод (за штампу)
ledger-download = Преузми књигу (CSV)
run-by-run-title = По куповинама, без поједностављења
run-by-run-hint = Шта свака завршена куповина сама за себе тражи да људи плате једни другима. Повраћаји се овде не одузимају; уплате изнад све поравнавају одједном.
run-no-debts = За ову куповину нико никоме не дугује.
older-runs-in-ledger = Старије куповине су у преузетој књизи.
statement-title = Извод: { $name }
statement-subtitle = { $group } · { $date }
statement-repaid-to = Повраћај за { $name }
statement-repaid-by = Повраћај од { $name }
statement-balance = Стање
statement-run-detail = Плаћено { $paid } · роба { $goods } · заједнички трошкови { $shared }
extra-cost-label = За шта
extra-cost-amount-label = Износ ({ $currency })
extra-cost-paid-by = Ко је платио
extra-cost-split-legend = Подела
split-equally-label = Подједнако међу свима који су добили робу
split-by-goods-label = Сразмерно цени робе сваког
add-extra-cost-submit = Додај трошак
error-cost-label-invalid = Наведите за шта је трошак, у највише 100 знакова.
error-extra-cost-not-found = Тог трошка више нема.
pay-to-line = Уплатити на: { $account }
scan-to-pay = Скенирајте у апликацији банке: уплата се сама попуни.
payment-details-title = Како вам пријатељи враћају новац
payment-details-help = Видљиво људима из ваших група који вам дугују. Са IBAN-ом и дугом у еврима добијају и QR код за апликацију банке.
iban-label = IBAN (није обавезно)
payee-name-label = Власник рачуна
payment-note-label = Или напомена (није обавезно)
payment-note-hint = Линк за плаћање или „готовином на следећој куповини“.
save-payment-details = Сачувај податке за плаћање
error-iban-invalid = Тај IBAN није исправан: проверите да нема грешке у куцању.
error-payee-name-missing = Наведите власника рачуна: за банковни пренос потребно је његово име.
error-payers-do-not-add-up = Износи платилаца морају тачно да се саберу у оно што је купљено.
error-settlement-too-large = То је више од дуга. Освежите страницу да видите тренутна стања.
error-settlement-not-found = То враћање више не постоји.
error-settlement-decided = То враћање је већ потврђено или повучено.
error-not-your-settlement = То може само онај ко је платио или онај ко је примио новац.
audit-action-run-payers-changed = Промењено ко је платио за куповину
audit-action-other-sessions-ended = Одјава са свих других уређаја
audit-action-api-token-created = Направљен API токен
audit-action-api-token-revoked = Опозван API токен
