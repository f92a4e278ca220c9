# Diagnostics en français. Chaque identifiant est aussi dans en.ftl (un test le vérifie).
# Les arguments ($name, $value, $list…) arrivent déjà mis en forme.

summary-errors = { $count ->
    [one] { $count } erreur
   *[other] { $count } erreurs
}
summary-warnings = { $count ->
    [one] { $count } avertissement
   *[other] { $count } avertissements
}
site-valid = le site est valide
did-you-mean = vouliez-vous dire `{ $name }` ?
severity-error = erreur
severity-warning = avertissement
severity-note = remarque
help-word = aide

## YAML
yaml-malformed = cette ligne n’est pas du YAML valide
yaml-malformed-help = vérifiez l’indentation, la forme `clé: valeur` et les guillemets ; une valeur qui contient `: ` ou commence par un caractère spécial doit être entre guillemets
yaml-tab = une tabulation est utilisée là où le YAML demande des espaces
yaml-tab-label = une tabulation
yaml-tab-help = le YAML indente et sépare avec des espaces seulement : remplacez la tabulation (montrée →) par des espaces
yaml-unclosed-quote = ce texte entre guillemets n’est jamais fermé : le `{ $quote }` qui l’ouvre n’a pas de partenaire
yaml-unclosed-quote-label = ouvert ici
yaml-unclosed-quote-help = terminez le texte par un autre `{ $quote }` sur la même ligne
yaml-apostrophe = une apostrophe termine ce texte entre guillemets trop tôt
yaml-apostrophe-label = le texte se termine ici
yaml-apostrophe-help = entre '…' écrivez l’apostrophe deux fois, { $fixed }, ou mettez le texte entre guillemets doubles
yaml-quote-inside = un guillemet dans ce texte le termine trop tôt
yaml-quote-inside-help = dans "…" écrivez un guillemet \", comme { $fixed }, ou mettez le texte entre apostrophes
yaml-indentation = cette ligne n’est pas indentée comme les lignes voisines
yaml-indentation-label = mauvaise indentation
yaml-indentation-help = les éléments d’une liste commencent dans la même colonne, et les champs d’un même bloc aussi ; n’indentez que sous une ligne qui finit par `:`
yaml-unicode-break = un séparateur de ligne { $code } est dans l’en-tête
yaml-unicode-break-label = un saut de ligne invisible
yaml-unicode-break-help = le YAML le compte comme un saut de ligne mais les éditeurs ne le montrent pas : supprimez-le, ou remplacez-le par une espace
yaml-too-long = ce YAML fait { $kib } Kio, plus que les { $max } Kio permis
yaml-too-long-label = la limite est atteinte ici
yaml-too-long-help = les champs contiennent des valeurs courtes : un long texte va dans le corps Markdown, après le `---` qui ferme l’en-tête
yaml-too-deep = listes et blocs sont imbriqués sur plus de { $max } niveaux
yaml-too-deep-label = trop profond
yaml-too-deep-help = les champs sont plats : une valeur, une liste, ou une liste de petits blocs comme `documents`
yaml-alias = les alias YAML (`*nom`) ne sont pas permis
yaml-alias-label = un alias
yaml-alias-help = écrivez la valeur en entier là où elle sert
yaml-anchor = les ancres YAML (`&nom`) ne sont pas permises
yaml-anchor-label = une ancre
yaml-anchor-help = retirez `&` et son nom, et écrivez la valeur en entier partout où elle sert
yaml-in-field = { " " }dans `{ $field }`
yaml-no-fields-here = cet endroit ne prend pas de champs
yaml-fields-allowed = les champs permis ici sont { $list }
yaml-unknown-field = champ inconnu `{ $name }`{ $within }
yaml-unknown-field-label = pas un champ ici
yaml-unknown-value = `{ $value }` n’est pas une valeur permise{ $within }
yaml-unknown-value-label = pas permis ici
yaml-use-one-of = utilisez l’une de ces valeurs : { $list }
yaml-missing-field = champ obligatoire `{ $name }` manquant{ $within }
yaml-missing-field-help = ajoutez une ligne `{ $name }: …`
yaml-wrong-type = type incorrect{ $within } : attendu { $expected }, trouvé { $found }
yaml-invalid-value = valeur incorrecte{ $within } : attendu { $expected }, trouvé { $found }
yaml-expected = attendu : { $expected }
yaml-shape-text = du texte
yaml-shape-list = une liste
yaml-shape-mapping = un bloc de lignes `clé: valeur`
yaml-shape-number = un nombre
yaml-shape-bool = `true` ou `false`
yaml-shape-one-of = l’une des valeurs { $list }
yaml-found-text = le texte `{ $value }`
yaml-found-number = le nombre { $value }
yaml-found-bool = `{ $value }`
yaml-found-nothing = rien
yaml-found-list = une liste
yaml-found-mapping = un bloc
yaml-help-list = écrivez une liste : `[a, b]` ou un `- élément` par ligne
yaml-help-bool = écrivez `true` ou `false`
yaml-help-text = écrivez le texte après les deux-points ; mettez-le entre guillemets s’il commence par un caractère spécial
yaml-help-mapping = écrivez un bloc de lignes `clé: valeur`
yaml-help-number = écrivez un nombre, comme `2021`

## En-tête (front matter)
fm-a-kind = un élément de type « { kind-name } »
fm-an-index = le fichier `_index` d’une page de liste
fm-field-of-other-kind = `{ $name }` n’est pas un champ pour { $here }
fm-field-of-other-kind-help = `{ $name }` appartient au type { $owners } ; retirez-le, ou déplacez le fichier dans le bon dossier
fm-fields-of = les champs pour { $here } sont : { $list }
fm-not-closed = l’en-tête n’est pas fermé
fm-not-closed-label = ouvert ici
fm-not-closed-help = ajoutez une ligne `---` après le dernier champ de l’en-tête, avant le texte
fm-not-closed-before-text = le texte commence ici mais l’en-tête n’est pas fermé
fm-not-closed-before-text-label = du texte, pas un champ

## Liens et images
link-this-page = cette page
link-no-anchor = { $whose } n’a pas de titre `#{ $anchor }`
link-anchor-spelled = `#{ $anchor }` n’est pas écrit comme l’identifiant du titre sur { $whose }
link-anchor-spelled-help = l’identifiant d’un titre est son texte en minuscules, sans accents, les espaces remplacées par `-`
link-no-headings = elle n’a pas de titres
link-headings-are = ses titres sont { $list }
link-at-without-slash = il manque le `/` après `@` dans `{ $address }`
link-at-form = écrivez les liens vers les éléments `@/<dossier du type>/<id>`, comme `@/practices/ofii-cameroon`
link-image-elsewhere = une image d’un autre site ne peut pas être affichée
link-image-elsewhere-label = sur un autre site
link-image-elsewhere-help = la politique de sécurité du site (Content-Security-Policy) ne laisse charger que les images du site lui-même : téléchargez l’image dans le dossier de l’élément (bundle) ou dans `static/`, et liez-la là
link-outside-site = `{ $address }` remonte au-dessus de la racine du site
link-no-page = il n’y a pas de page ni de fichier à `{ $path }` sur ce site
link-no-image = il n’y a pas d’image à `{ $path }` sur ce site
link-path-help = liez les pages du hub avec `@/type/id`, qui les vérifie et suit les renommages ; un fichier du bundle par son seul nom
link-image-help = mettez l’image dans le dossier de l’élément (puis écrivez son seul nom, `![…](photo.jpg)`) ou dans `static/`

## Noms de fichiers
file-unknown-language = `{ $code }` dans le nom du fichier n’est pas l’une des langues du site ({ $list })
file-lower-case-label = les codes de langue s’écrivent en minuscules
file-rename = renommez le fichier `{ $name }`
file-name-with-language = nommez le fichier avec l’une des langues du site : { $names }
file-markdown-misnamed = `{ $name }` ressemble à un fichier Markdown, mais son nom ne finit pas par `.md` : il n’est pas publié
file-not-published = ce fichier n’est pas du Markdown et n’est pas dans le dossier d’un élément (bundle) : il n’est pas publié
file-not-published-help = mettez les pièces jointes dans le dossier de l’élément (`<type>/<id>/`), ou les fichiers du site entier dans `static/`

## Références
ref-unknown = { $kind ->
    [meeting] réunion inconnue
    [practice] pratique inconnue
    [country] pays inconnu
    [challenge] défi inconnu
    [recommendation] recommandation inconnue
   *[page] page inconnue
} : `{ $id }`
ref-lower-case = les identifiants s’écrivent en minuscules : `{ $id }`
ref-no-such-id = aucun élément de type « { kind-name } » n’a cet identifiant
ref-ids-are = les identifiants de type « { kind-name } » sont les noms des fichiers de content/{ $folder }/
kind-name = { $kind ->
    [meeting] réunion
    [practice] pratique
    [country] pays
    [challenge] défi
    [recommendation] recommandation
   *[page] page
}
fm-placeholder = `{ $field }` contient encore la valeur provisoire écrite par `rabat-hub new`
fm-placeholder-label = une valeur provisoire
fm-placeholder-help = écrivez la vraie valeur, puis supprimez le commentaire `# { $mark } …`
fm-placeholder-text = le texte commence encore par le texte provisoire écrit par `rabat-hub new`
fm-placeholder-text-help = écrivez le texte de la page à la place des lignes qui commencent par `{ $mark }`
fm-url-not-web = `{ $url }` n’est pas une adresse web
fm-url-not-https = `{ $url }` n’est pas une adresse web sécurisée
fm-url-expected = attendu : `https://…`
fm-url-not-web-help = l’`url` d’un document est une page web qui commence par `https://` ; un fichier du bundle va dans `file`
fm-url-not-https-help = écrivez-la avec `https://` (presque tous les sites y répondent) ; un document chargé en `http://` peut être modifié en chemin
link-not-entity = `@/{ $target }` n’est pas un lien vers un élément
link-not-a-kind = `{ $folder }` n’est pas un type de contenu
link-draft = l’élément de type « { kind-name } » `{ $id }` est un brouillon
link-draft-help = publiez-le (retirez `draft: true`) ou retirez le lien
link-no-entity = il n’y a pas d’élément de type « { kind-name } » `{ $id }`
link-version-no-headings = la version { $lang } de `{ $id }` n’a pas de titres
link-no-heading-in-version = l’élément de type « { kind-name } » `{ $id }` n’a pas de titre `#{ $anchor }` dans sa version { $lang }
fm-title-empty = le titre est vide
fm-bad-slug = `{ $slug }` ne peut pas être un segment d’adresse : { $why }
fm-use = utilisez `{ $value }`
fm-bad-alias = `{ $alias }` ne peut pas être un alias : { $why }
fm-bad-alias-help = un alias est un chemin de ce site, comme `/fr/ancienne-adresse/`
fm-alias-slash = il doit commencer par `/`
fm-alias-elsewhere = il doit être un chemin de ce site, pas une adresse ailleurs
fm-alias-dots = il ne doit pas contenir de segments `.` ou `..`
fm-alias-character = il contient un caractère qu’un chemin ne peut pas contenir
fm-alias-windows-name = il contient un nom que Windows réserve à un périphérique (`con`, `aux`, `nul`, `com1`…)
fm-alias-root = il remplacerait la page racine du site
fm-meeting-needs-date = une réunion a besoin d’une `date`
fm-meeting-needs-date-help = ajoutez une ligne `date: AAAA-MM-JJ`, le premier jour de la réunion
fm-end-before-start = `end_date` { $end } est avant `date` { $start }
fm-document-file-or-url = un document a besoin de `file` ou de `url`, pas des deux ni d’aucun
fm-document-file-or-url-help = `{"{"} title: …, file: annexe.pdf {"}"}` pour un fichier du bundle, `{"{"} title: …, url: https://… {"}"}` pour une page web
fm-practice-needs-country = une pratique a besoin d’au moins un pays dans `countries`
fm-practice-needs-country-help = indiquez où elle est mise en œuvre : `countries: [cm]`
fm-period-backwards = la période finit avant de commencer
fm-recommendation-needs-challenge = une recommandation doit répondre à au moins un défi
fm-recommendation-needs-challenge-help = indiquez des identifiants de défis : `addresses: [coordination-gaps]`
fm-unknown-taxonomy = { $what ->
    [theme] thème inconnu
   *[organisation] organisation inconnue
} : `{ $id }`
fm-not-in-config = { $what ->
    [theme] pas un thème
   *[organisation] pas une organisation
} de config.yaml
fm-taxonomy-listed = les { $field } sont listés sous `taxonomies.{ $field }` dans config.yaml
date-shape = une date écrite AAAA-MM-JJ
location-shape = `online` ou `{"{"} city: …, country: … {"}"}`
date-not-a-date = `{ $value }` n’est pas une date
date-not-a-date-help = écrivez les dates AAAA-MM-JJ, par exemple 2021-01-21
date-no-month = `{ $value }` n’est pas une date : il n’y a pas de mois { $month }
date-no-month-help = écrivez les dates AAAA-MM-JJ, le mois entre 01 et 12
date-no-day = `{ $value }` n’est pas une date : le mois { $month } de { $year } a { $days } jours
date-no-day-help = vérifiez le jour du mois
location-not-a-location = `{ $value }` n’est pas un lieu
location-not-a-location-help = écrivez `location: online`, ou `location: {"{"} city: Yaoundé, country: cm {"}"}`

## Avertissements de check
check-no-version = l’élément de type « { kind-name } » `{ $id }` n’a pas de version `{ $lang }`
check-no-version-help = traduisez-le dans `{ $file }`
check-challenge-unaddressed = aucune recommandation ne répond au défi `{ $id }`
check-challenge-unaddressed-help = ajoutez `{ $id }` aux `addresses` des recommandations qui y répondent
check-recommendation-unbacked = aucune réunion ni pratique n’appuie la recommandation `{ $id }`
check-recommendation-unbacked-help = ajoutez `{ $id }` aux `recommendations` de la réunion qui l’a formulée ou d’une pratique qui l’applique
check-behind = la version `{ $lang }` de l’élément de type « { kind-name } » `{ $id }` est en retard sur sa version `{ $newer }` de { $commits ->
    [one] { $commits } commit
   *[other] { $commits } commits
} et { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}
check-behind-help = `{ $file }` a été modifié par le commit { $commit } le { $date } ; mettez cette traduction à jour, ou ajoutez `translation_checked: { $date }` à son en-tête une fois vérifiée

## Le site
site-same-path = deux pages seraient publiées à `/{ $path }`
site-same-path-help = `{ $other }` y est publié aussi ; changez l’un des `slug`
site-orphan-file = `{ $name }` est dans le dossier de `{ $id }`, qui n’a pas d’`index.<langue>.md` : il n’est pas publié
site-orphan-file-help = ajoutez au dossier les fichiers `index.<langue>.md` de l’élément
site-not-published = pas publié
site-draft-reference-help = une page publiée ne peut pas renvoyer à un brouillon : publiez-le, ou retirez cette référence
site-wrong-kind = `{ $id }` est de type « { $other } », pas « { kind-name } »
site-expected-kind = attendu : un identifiant de type « { kind-name } »
site-field-takes = `{ $field }` prend des identifiants de type « { kind-name } »
site-not-in-bundle = `{ $file }` n’est pas un fichier du dossier de cette réunion
site-no-such-file = pas de tel fichier
site-put-file-in-bundle = mettez le fichier dans le dossier de la réunion, à côté de ses fichiers index.<langue>.md
site-make-a-bundle = une réunion avec des fichiers doit être un dossier : déplacez-la dans `meetings/<id>/index.<langue>.md` et mettez le fichier à côté

## Markdown
md-too-deep = le texte imbrique plus de { $max } niveaux
md-too-deep-help = citations, listes et éléments HTML les uns dans les autres : aplatissez-les
md-removed-label = retiré de la page
md-removed-help = le texte peut contenir du HTML simple (tableaux, emphase, images, liens vers des pages web) ; scripts, styles, cadres et gestionnaires d’événements sont retirés
md-scheme-link = les liens `{ $scheme }:` ne sont pas permis
md-scheme-link-label = pas une adresse web
md-scheme-link-help = liez une page web (`https://…`), une adresse e-mail (`mailto:…`), une page du hub (`@/type/id`) ou un fichier du bundle
md-tag-removed = la balise HTML `<{ $name }>` n’est pas permise dans le texte
md-attribute-removed = l’attribut HTML `{ $name }` n’est pas permis dans le texte
md-scheme-removed = les adresses `{ $scheme }:` ne sont pas permises dans le texte
fm-lone-cr = une ligne finit par un retour chariot seul (une fin de ligne des anciens Mac)
fm-lone-cr-help = enregistrez le fichier avec des fins de ligne Unix (LF) ou Windows (CRLF) ; tout éditeur sait les convertir
fm-no-front-matter = le fichier ne commence pas par un en-tête
fm-no-front-matter-help = commencez le fichier par une ligne `---`, puis `title: …`, puis une autre ligne `---`, puis le texte
file-folders-are = les dossiers de content/ sont { $list }
file-directly-in-content = un fichier Markdown placé directement dans content/ doit être le `_index.<langue>.md` de la page d’accueil
file-move-into-kind-folder = déplacez-le dans l’un des dossiers de types : { $list }
file-bundle-text = un dossier d’élément (bundle) contient son texte dans `index.<langue>.md` ; les autres fichiers Markdown ne sont pas publiés
file-bundle-text-help = renommez-le `index.<langue>.md`, ou déplacez-le dans un dossier à lui
file-bad-id = `{ $id }` n’est pas un identifiant valide : { $why }
file-id-form = les identifiants s’écrivent en lettres minuscules a-z, chiffres et tirets simples
file-rename-id = renommez-le pour utiliser l’identifiant `{ $id }` (lettres minuscules a-z, chiffres et tirets simples)
file-not-country-code = `{ $id }` n’est pas un code de pays
file-not-country-code-help = le fichier d’un profil de pays est nommé par son code ISO 3166-1 alpha-2 en minuscules, comme `tg.fr.md`
file-not-utf8 = `{ $file }` n’est pas du texte UTF-8 valide (octet incorrect à la position { $offset })
file-not-utf8-help = enregistrez le fichier en UTF-8 dans votre éditeur
file-unknown-term = config.yaml n’a pas { $what ->
    [themes] de thème
   *[other] d’organisation
} `{ $id }` : un fichier de content/{ $what }/ est le texte de la page d’un terme que config.yaml déclare
file-unknown-term-help = nommez le fichier d’après l’un des identifiants de `taxonomies: { $what }:` dans config.yaml ({ $list }), ou ajoutez-y d’abord le terme
file-term-folder = content/{ $folder }/ contient un fichier par terme et par langue, pas de dossiers
file-term-folder-help = écrivez le texte d’un terme dans `content/{ $folder }/<id>.<langue>.md`, directement dans content/{ $folder }/
file-what-term = le texte { $what ->
    [themes] du thème
   *[other] de l’organisation
} `{ $id }`
fm-a-term-text = le texte de la page d’un thème ou d’une organisation
fm-term-name-in-config = le nom d’un thème ou d’une organisation est son libellé dans config.yaml (`taxonomies:`) ; l’en-tête de son texte n’a que `summary`
check-no-term-text = le texte { $what ->
    [themes] du thème
   *[other] de l’organisation
} `{ $id }` n’a pas de version `{ $lang }`

## config.yaml
config-not-regular = { $file } n’est pas un fichier ordinaire (un lien symbolique, un dossier ou un fichier spécial)
config-not-regular-help = faites-en un fichier ordinaire dans le dossier du site
config-cannot-read = impossible de lire { $file } : { $why }
config-cannot-read-help = lancez rabat-hub dans le dossier du site ou donnez-le avec --root (cherché dans { $root })
config-language-twice = la langue `{ $code }` est indiquée deux fois
config-no-languages = `languages` est vide
config-no-languages-help = indiquez les langues du site, par exemple `languages: [fr, en]`
config-default-language = la langue par défaut `{ $code }` n’est pas dans `languages`
config-default-language-help = ajoutez-la à `languages` ou choisissez l’une d’elles
config-base-url = `{ $url }` ne peut pas être le `base_url` du site : { $why }
config-base-url-help = écrivez l’adresse du site, comme `https://example.org/`, ou son chemin sur l’hébergeur, comme `/hub/`
config-theme-name = `{ $name }` n’est pas un nom de thème valide : { $why }
config-reserved-segment = `{ $segment }` est un segment d’adresse que le site utilise pour ses propres pages
config-reserved-segment-help = choisissez-en un autre ; réservés : { $list }
config-segment-twice = `{ $segment }` est le segment d’adresse { $code } à la fois de { $one } et de { $two }
config-unknown-language = `{ $code }` n’est pas l’une des langues du site ({ $list })
config-unknown-language-help = ajoutez la langue à `languages`, ou retirez cette ligne
config-no-text = `{ $path }` n’a pas de texte en `{ $lang }`
config-no-text-help = ajoutez une ligne `{ $lang }: "…"` en dessous
config-identity-bad-file = `{ $file }` n’est pas un fichier du dossier `static/` du site
config-identity-no-file = l’image `{ $file }` n’est pas dans le dossier `static/` du site
config-identity-file-help = écrivez son chemin dans `static/`, par exemple `images/logo.svg` pour `static/images/logo.svg`
config-identity-no-page = le pied de page renvoie à la page `{ $id }`, qui n’existe pas
config-identity-no-page-help = écrivez la page dans `content/pages/{ $id }.<langue>.md`, ou retirez-la de `identity.links`

## Le thème
theme-missing = le thème `{ $name }` n’existe pas
theme-missing-help = config.yaml le nomme dans `theme:` ; ce devrait être le dossier `themes/{ $name }/`, ou retirez `theme:` pour utiliser le thème intégré
theme-no-template = le thème n’a pas de gabarit `{ $name }`
theme-no-template-help = créez { $file } ; le générateur s’en sert
theme-not-utf8 = { $file } n’est pas du texte UTF-8 valide
theme-no-strings = le thème n’a pas de textes d’interface pour `{ $lang }`
theme-no-strings-help = créez { $file } avec les mêmes clés que les fichiers des autres langues
file-no-content = il n’y a pas de dossier `content/`
file-no-content-help = créez `content/` à côté de config.yaml et mettez-y les fichiers Markdown du site
file-symlink = les liens symboliques de content/ ne sont pas suivis ; celui-ci est ignoré
file-symlink-help = copiez plutôt le fichier dans content/
file-special = ce n’est pas un fichier ordinaire (un tube, une socket ou un périphérique) ; il est ignoré
file-special-help = content/ contient des fichiers Markdown, des dossiers et des pièces jointes seulement
file-empty-content = `content/` ne contient aucun fichier Markdown : le site serait vide
file-empty-content-help = ajoutez les pages du site, par exemple `content/_index.<langue>.md` pour la page d’accueil
kind-plural = { $kind ->
    [meeting] réunions
    [practice] pratiques
    [country] pays
    [challenge] défis
    [recommendation] recommandations
   *[page] pages
}

## Identifiants, noms et adresses : les raisons données après `: `
id-empty = un identifiant ne peut pas être vide
id-upper-case = il contient une lettre majuscule
id-space = il contient un espace
id-underscore = il contient un tiret bas (`_`)
id-non-ascii = il contient le caractère non ASCII `{ $char }`
id-character = il contient le caractère `{ $char }`
id-hyphen-ends = il commence ou finit par un trait d’union
id-double-hyphen = il contient un double trait d’union
windows-reserved = `{ $name }` est un nom que Windows réserve à un périphérique : une copie du site sous Windows ne pourrait pas contenir ce fichier
lang-not-a-code = `{ $code }` n’est pas un code de langue : utilisez deux ou trois lettres minuscules, comme `fr` ou `en`
name-control-character = son nom contient un caractère de contrôle
url-control-character = elle contient le caractère de contrôle { $code }
url-character = elle contient le caractère `{ $char }`, qu’une adresse ne peut pas contenir
url-query = elle contient une requête ou un fragment (`?`, `#`)
url-double-slash-start = elle commence par `//`, ce qui désigne un autre hôte : écrivez `https://hote/` ou un chemin comme `/hub/`
url-scheme = elle doit commencer par `https://`, `http://` ou `/`
url-scheme-case = écrivez son protocole en minuscules (`https://`)
url-dots = son chemin contient `.` ou `..`
url-double-slash = son chemin contient `//`
url-user = elle contient un nom d’utilisateur (`@`)
url-bad-ip = son hôte n’est pas une adresse valide
url-no-host = elle n’a pas de nom d’hôte après `://`
url-bad-host = `{ $host }` n’est pas un nom d’hôte
url-bad-port = `{ $port }` n’est pas un numéro de port

## Fichiers et dossiers
file-cannot-read = impossible de lire `{ $file }` : { $why }
file-cannot-read-help = vérifiez que le fichier existe et que ses droits vous permettent de le lire
file-cannot-write = impossible d’écrire `{ $file }` : { $why }
io-not-regular = ce n’est pas un fichier ordinaire
io-symlink = c’est un lien symbolique, que le générateur ne suit pas
io-path-through-link = son chemin passe par un lien symbolique, que le générateur ne suit pas
io-file-swapped = ce n’est plus le fichier que la construction avait trouvé
folder-symlink = `{ $folder }/` est un lien symbolique ; le générateur ne suit pas les liens qui sortent du dossier du site
folder-symlink-help = faites de `{ $folder }/` un vrai dossier dans le site
file-attachment-refused = `{ $name }` ne peut pas être publié comme pièce jointe : { $why }
file-attachment-refused-help = le dossier d’un élément contient des documents pour les lecteurs : { $list } ; exportez-le dans l’un de ces formats (un PDF, un PNG…) ou retirez-le
attachment-no-type = un fichier sans type (pas de `.pdf`, `.docx`… à la fin de son nom)
attachment-html = un fichier HTML serait une page du site, avec ses scripts
attachment-script = un script s’exécuterait dans le site
attachment-svgz = un SVG compressé ne peut pas être vérifié : publiez-le en `.svg`
attachment-other-type = les fichiers `.{ $ext }` ne font pas partie des types qu’un dossier d’élément peut publier
file-what-entity = l’élément de type « { kind-name } » `{ $id }`
file-what-list = la page de liste des { kind-plural }
file-what-home = la page d’accueil
file-duplicate-version = deux fichiers sont la version `{ $lang }` de { $what }
file-duplicate-version-help = `{ $other }` est l’autre ; un identifiant est unique dans son type : renommez ou supprimez l’un des deux
static-control-character = `{ $name }` ne peut pas être publié : son nom contient un caractère de contrôle
static-control-character-help = renommez-le avec des lettres, des chiffres, `-`, `_` et `.`
static-not-regular = seuls les fichiers ordinaires de static/ sont publiés ; ce lien ou ce fichier spécial est ignoré
static-not-regular-help = copiez plutôt le fichier dans static/
rename-it = renommez-le

## config.yaml, suite
config-cms-backend = `{ $name }` n’est pas un service d’éditeur web
config-cms-backend-help = écrivez `backend: github` ou `backend: gitlab`
config-cms-repo = `{ $name }` n’est pas un dépôt
config-cms-repo-help = écrivez le dépôt sous la forme `propriétaire/nom`, par exemple `rabat-process/hub`
config-control-character = `{ $path }` contient le caractère de contrôle { $code }
config-control-character-help = retirez-le ; écrivez le texte sur une seule ligne
config-bad-term-id = `{ $id }` n’est pas un identifiant { $what ->
    [themes] de thème
   *[organisations] d’organisation
} valide : { $why }
base-url-option = `{ $url }` ne peut pas être l’adresse du site : { $why }
base-url-option-help = donnez à `--base-url` l’adresse du site, comme `https://example.org/`, ou son chemin sur l’hébergeur, comme `/hub/`

## Le thème, suite
theme-template-error = erreur de gabarit : { $why }
theme-count-no-other = le texte d’interface `{ $key }` n’a pas de `{ $other }` en `{ $lang }`
theme-count-no-other-help = ajoutez `{ $other }: "…"` à { $file } : la forme d’un nombre pour tous ceux que les autres catégories de la langue ne prennent pas
theme-string-missing = le texte d’interface `{ $key }` manque en `{ $lang }`
theme-string-missing-help = ajoutez `{ $key }: "…"` à { $file } ; { $other_file } l’a pour `{ $other }`{ $line ->
    [0] {""}
   *[other] { " " }(ligne { $line })
}
theme-built-in-file = le fichier static/{ $name } du thème intégré
theme-generated-file = le fichier généré { $name }

## La sortie
output-refused = impossible de construire dans `{ $folder }` : { $why }
output-refused-help = la construction remplace son dossier de sortie en entier : choisissez un dossier à part, comme `public` (le dossier par défaut)
output-is-root = c’est le dossier même du site
output-holds-root = il contient le dossier du site, qui serait supprimé
output-inside-input = il est dans `{ $input }`, l’une des sources du site
publish-output-needs-name = le dossier de sortie doit avoir un nom
publish-outside-output = écriture hors du dossier de sortie refusée : `{ $path }`
clash-what-file = `{ $file }`
clash-what-alias = l’alias `{ $alias }` de `{ $file }`
clash-what-page = la page de `{ $file }`
clash-what-generated = une page générée
clash-same-path = deux fichiers seraient publiés à `/{ $path }`
clash-same-path-help = { $one } prend la place déjà prise par { $other } ; un alias ou un fichier statique ne peut pas prendre la place d’une page
clash-case = `/{ $path }` et `/{ $other }` ne diffèrent que par les majuscules
clash-case-help = { $one } et { $other } seraient un seul fichier sous Windows et macOS : renommez l’un des deux
clash-long-name = le nom `{ $name }…` dans `/{ $path }` fait { $bytes } octets, plus qu’un système de fichiers n’en accepte ({ $max })
clash-long-path = le chemin `/{ $path }` fait { $bytes } octets, trop long pour être écrit
clash-shorten = raccourcissez-le ({ $what })
clash-file-and-folder = `/{ $path }` serait à la fois un fichier et un dossier (il contient `/{ $inner }`)
clash-file-and-folder-help = { $one } et { $other } ne peuvent pas être écrits tous les deux : renommez l’un des deux
search-index-failed = impossible de construire l’index de recherche pour `{ $lang }` : { $why }
generator-fault-help = c’est une faute du générateur, pas du contenu : merci de la signaler
search-no-runtime = impossible de lancer le moteur d’indexation : { $why }
search-panic-no-message = une panique sans message

## L’historique Git
history-missing = les dates viennent des en-têtes seulement, et les traductions ne sont pas comparées : { $why }
history-no-git = le site n’est pas dans une copie de travail Git (ou `git` n’est pas installé)
history-not-checkout = le site n’est pas dans une copie de travail Git
history-shallow = le clone Git est superficiel : son premier commit semble avoir écrit tous les fichiers ; récupérez tout l’historique (`git fetch --unshallow`, ou `fetch-depth: 0` en CI)
history-log-failed = `git log` a échoué

## Les commandes
build-cannot-write = impossible d’écrire le site dans { $folder } : { $why }
build-cannot-write-help = ce fichier produit la page qui n’a pas pu être écrite : vérifiez l’espace libre et les limites de taille du disque où elle est écrite
build-nothing-written = rien n’a été écrit : { $folder } est inchangé
build-done = { $pages ->
    [one] { $pages } page construite
   *[other] { $pages } pages construites
} ({ $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}) dans { $folder } en { $seconds } s
check-override = { $file } remplace { $replaces } du thème
init-not-empty = `{ $folder }` n’est pas vide
init-not-empty-help = créez le hub dans un dossier nouveau ou vide, ou ajoutez --force pour écrire dans celui-ci (les fichiers de même nom sont remplacés)
init-done = un nouveau hub est dans { $folder } : lancez `rabat-hub serve --open --root { $folder }` pour le voir, `rabat-hub check --root { $folder }` avant chaque commit ; .github/workflows/hub.yml vérifie les pull requests et publie main sur GitHub Pages
completions-cannot-write = erreur : impossible d’écrire la page de manuel : { $why }
new-kinds-are = les types sont { $list }
new-id-form = utilisez des lettres minuscules a-z, des chiffres et des tirets simples, comme `{ $id }`
new-country-code-help = l’identifiant d’un profil de pays est son code ISO 3166-1 alpha-2 en minuscules, comme `tg`
new-unknown-language = `{ $code }` n’est pas l’une des langues du site
new-languages-are = les langues du site sont { $list }
new-exists = l’élément de type « { kind-name } » `{ $id }` existe déjà
new-exists-help = `{ $file }` est l’un de ses fichiers ; choisissez un autre identifiant, ou modifiez-le
new-cannot-create = impossible de créer l’élément de type « { kind-name } » `{ $id }`
new-file-exists = `{ $file }` existe déjà
new-next = lancez `rabat-hub serve` et ouvrez { $url }
serve-cannot-listen = impossible d’écouter sur { $address } : { $why }
serve-cannot-listen-help = un autre programme utilise peut-être ce port : essayez `--port 0` pour en choisir un libre
serve-cannot-watch = avertissement : impossible de surveiller les changements de { $folder } ({ $why }) ; relancez serve pour voir les modifications
serve-serving = le hub est servi à { $url } (Ctrl+C pour arrêter)
serve-changed = modifié : { $names }{ $more ->
    [0] {""}
   *[other] { " " }et { $more } autres
}
serve-has-errors = le site a des erreurs : le navigateur les montre jusqu’à ce qu’elles soient corrigées
serve-rebuilt = { $files } fichiers { $how ->
    [full] construits
   *[other] reconstruits
} en { $ms } ms{ $how ->
    [patched] { " " }(voie rapide)
   *[other] {""}
}
serve-cannot-open = avertissement : impossible d’ouvrir un navigateur ({ $why }) ; ouvrez { $url } vous-même
serve-no-indexer = avertissement : impossible de lancer l’indexation de la recherche ({ $why }) ; la recherche reste celle de la première construction
serve-editor-cannot-save = remarque : l’éditeur web à { $url }admin/ ne peut pas encore enregistrer : { $why } ; lancez `{ $command }` dans { $folder }
editor-not-installed = decap-server n’est pas installé (`npm ci` dans tools/)
editor-no-port = aucun port libre : { $why }
editor-no-node = impossible de lancer Node.js (`node`) : { $why }
editor-stopped = decap-server s’est arrêté aussitôt ({ $status })
editor-slow = decap-server n’a pas démarré en { $seconds } s

## La page de serve quand le site ne se construit pas
serve-errors-title = { $count ->
    [one] Le site a { $count } erreur
   *[other] Le site a { $count } erreurs
}
serve-errors-heading = Le site ne peut pas être construit
serve-errors-fix = Corrigez le fichier indiqué ci-dessous et enregistrez : cette page se recharge d’elle-même.

## Les fichiers qu’écrit `new` (leurs indications, dans la langue du fichier)
new-body = Le texte, en Markdown : paragraphes, `## intertitres`, listes, tableaux.
    Liens vers d’autres contenus : `[texte](@/practices/un-id)`.
new-title-hint = le titre, dans la langue de ce fichier
new-summary = Une ou deux phrases.
new-summary-hint = listes, recherche et description de la page l’utilisent
new-draft-hint = hors du site tant que c’est vrai
new-meeting-date = premier jour de la réunion
new-meeting-location = ou { "{" } city: Rabat, country: ma { "}" }
new-practice-countries = à remplacer : les pays où elle est mise en œuvre
new-country-focal-point = l’institution, jamais une personne
new-recommendation-addresses = à remplacer : les défis auxquels elle répond
new-no-country = il n’y a encore aucune fiche pays : créez-en une d’abord avec `rabat-hub new country <code>`
new-no-challenge = une recommandation doit répondre à un défi, et il n’y en a encore aucun : créez-en un d’abord avec `rabat-hub new challenge <id>`

## Images et documents
decimal-mark = ,
size-kb = { $n } Ko
size-mb = { $n } Mo
config-media-no-widths = `media.widths` est vide
config-media-width = `{ $width }` ne peut pas être une largeur des images redimensionnées : elle doit être entre 1 et { $max } pixels
config-media-widths-help = donnez les largeurs que les pages proposent, de la plus petite à la plus grande, par exemple `widths: [480, 960, 1600]`
img-unreadable = l'image `{ $file }` ne peut pas être lue : { $why }
img-unreadable-label = cette image
img-unreadable-help = ouvrez-la dans un éditeur d'images et enregistrez-la de nouveau en JPEG, PNG ou WebP (un SVG doit être du XML bien formé), ou retirez-la du texte
img-no-alt = cette image n'a pas de texte de remplacement
img-no-alt-label = rien entre `![` et `]`
img-no-alt-help = décrivez ce que montre l'image, pour les lecteurs qui ne la voient pas (les lecteurs d'écran le lisent à voix haute) : `![Les participants de la séance d'ouverture à Rabat](photo.jpg)`
img-heavy-bytes = l'image `{ $file }` pèse { $size }, au-delà du budget de { $max }
img-heavy-width = l'image `{ $file }` fait { $width } pixels de large, au-delà du budget de { $max }
img-heavy-help = les pages la montrent redimensionnée, mais un lecteur qui l'ouvre la télécharge entière : enregistrez-la en { $width } pixels de large au plus, en JPEG de qualité 80 à 85
doc-heavy = le PDF `{ $file }` pèse { $size }, au-delà du budget de { $max }
doc-heavy-help = les lecteurs aux connexions lentes l'attendent longtemps : exportez-le de nouveau avec des images plus petites (un PDF « taille réduite » ou « web »), ou découpez-le
img-no-pixels = l'image n'a aucun pixel
img-not-made = les copies redimensionnées de cette image n'ont pas pu être faites (merci de le signaler)
img-cache-unreadable = le cache des images ne peut pas être lu : { $why } (supprimez `.cache/` et reconstruisez)
img-no-source = il n'y a pas d'image à redimensionner pour `{ $path }`
