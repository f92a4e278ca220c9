# Diagnostics in English. Every id here is in fr.ftl too (a test checks).
# Arguments: $name, $value, $list… are already formatted (`code` quoted).

summary-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
summary-warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
site-valid = the site is valid
did-you-mean = did you mean `{ $name }`?
severity-error = error
severity-warning = warning
severity-note = note
help-word = help

## YAML
yaml-malformed = this line is not valid YAML
yaml-malformed-help = check the indentation, the `key: value` form and the quotes; a value holding `: ` or starting with a special character needs quotes
yaml-tab = a tab character is used where YAML needs spaces
yaml-tab-label = a tab
yaml-tab-help = YAML indents and separates with spaces only: replace the tab (shown as →) by spaces
yaml-unclosed-quote = this quoted text is never closed: the `{ $quote }` that opens it has no partner
yaml-unclosed-quote-label = opened here
yaml-unclosed-quote-help = end the text with another `{ $quote }` on the same line
yaml-apostrophe = an apostrophe ends this quoted text too early
yaml-apostrophe-label = the text ends here
yaml-apostrophe-help = inside '…' write an apostrophe twice, { $fixed }, or put the text in double quotes
yaml-quote-inside = a quote inside this text ends it too early
yaml-quote-inside-help = write a quote inside "…" as \", like { $fixed }, or put the text in single quotes
yaml-indentation = this line is indented differently from the lines around it
yaml-indentation-label = wrong indentation
yaml-indentation-help = items of one list start in the same column, and fields of one mapping too; indent only under a line that ends with `:`
yaml-unicode-break = a { $code } line separator is in the front matter
yaml-unicode-break-label = an invisible line break
yaml-unicode-break-help = YAML counts it as a line break but editors do not show it: delete it, or replace it by a space
yaml-too-long = this YAML is { $kib } KiB long, more than the { $max } KiB allowed
yaml-too-long-label = the limit is reached here
yaml-too-long-help = fields hold short values: long text belongs in the Markdown body, after the closing `---`
yaml-too-deep = lists and mappings are nested more than { $max } levels deep
yaml-too-deep-label = too deep
yaml-too-deep-help = fields are flat: a value, a list, or a list of short mappings like `documents`
yaml-alias = YAML aliases (`*name`) are not allowed
yaml-alias-label = an alias
yaml-alias-help = write the value out in full where it is needed
yaml-anchor = YAML anchors (`&name`) are not allowed
yaml-anchor-label = an anchor
yaml-anchor-help = remove `&` and its name, and write the value out in full wherever it is needed
yaml-in-field = { " " }in `{ $field }`
yaml-no-fields-here = this place takes no fields
yaml-fields-allowed = the fields allowed here are { $list }
yaml-unknown-field = unknown field `{ $name }`{ $within }
yaml-unknown-field-label = not a field here
yaml-unknown-value = `{ $value }` is not an allowed value{ $within }
yaml-unknown-value-label = not allowed here
yaml-use-one-of = use one of { $list }
yaml-missing-field = missing required field `{ $name }`{ $within }
yaml-missing-field-help = add a line `{ $name }: …`
yaml-wrong-type = wrong type{ $within }: expected { $expected }, found { $found }
yaml-invalid-value = invalid value{ $within }: expected { $expected }, found { $found }
yaml-expected = expected { $expected }
yaml-shape-text = text
yaml-shape-list = a list
yaml-shape-mapping = a mapping of `key: value` lines
yaml-shape-number = a number
yaml-shape-bool = `true` or `false`
yaml-shape-one-of = one of { $list }
yaml-found-text = the text `{ $value }`
yaml-found-number = the number { $value }
yaml-found-bool = `{ $value }`
yaml-found-nothing = nothing
yaml-found-list = a list
yaml-found-mapping = a mapping
yaml-help-list = write a list: `[a, b]` or one `- item` a line
yaml-help-bool = write `true` or `false`
yaml-help-text = write text after the colon; put it in quotes if it starts with a special character
yaml-help-mapping = write a mapping of `key: value` lines
yaml-help-number = write a number, like `2021`

## Front matter
fm-a-kind = a { kind-name }
fm-an-index = a list page's `_index` file
fm-field-of-other-kind = `{ $name }` is not a field of { $here }
fm-field-of-other-kind-help = `{ $name }` belongs to the { $owners } kind; remove it, or move the file to the right folder
fm-fields-of = the fields of { $here } are: { $list }
fm-not-closed = the front matter is not closed
fm-not-closed-label = opened here
fm-not-closed-help = add a line `---` after the last front matter field, before the text
fm-not-closed-before-text = the text starts here but the front matter is not closed
fm-not-closed-before-text-label = text, not a field

## Links and images
link-this-page = this page
link-no-anchor = { $whose } has no heading `#{ $anchor }`
link-anchor-spelled = `#{ $anchor }` is not written as the heading's id on { $whose }
link-anchor-spelled-help = a heading's id is its text in lower case, accents removed, spaces as `-`
link-no-headings = it has no headings
link-headings-are = its headings are { $list }
link-at-without-slash = `{ $address }` is missing the `/` after `@`
link-at-form = write links to entities as `@/<kind folder>/<id>`, like `@/practices/ofii-cameroon`
link-image-elsewhere = an image from another site cannot be shown
link-image-elsewhere-label = on another host
link-image-elsewhere-help = the site's Content-Security-Policy lets pages load images from the site itself only: download the image into the bundle (the entity's folder) or `static/`, and link to it there
link-outside-site = `{ $address }` goes above the site's root
link-no-page = there is no page or file at `{ $path }` on this site
link-no-image = there is no image at `{ $path }` on this site
link-path-help = link to pages of the hub with `@/kind/id`, which checks them and follows renames; a file of the bundle by its name alone
link-image-help = put the image in the entity's bundle folder (then write its name alone, `![…](photo.jpg)`) or in `static/`

## File names
file-unknown-language = `{ $code }` in the file name is not one of the site's languages ({ $list })
file-lower-case-label = language codes are lower case
file-rename = rename the file to `{ $name }`
file-name-with-language = name the file with one of the site's languages: { $names }
file-markdown-misnamed = `{ $name }` looks like a Markdown file, but its name does not end in `.md`, so it is not published
file-not-published = this file is not Markdown and not in a bundle folder, so it is not published
file-not-published-help = put attachments in the entity's bundle folder (`<kind>/<id>/`), or site-wide files in `static/`

## References
ref-unknown = unknown { kind-name } `{ $id }`
ref-lower-case = ids are lower case: `{ $id }`
ref-no-such-id = no { kind-name } has this id
ref-ids-are = { kind-name } ids are the file names in content/{ $folder }/
kind-name = { $kind ->
    [meeting] meeting
    [practice] practice
    [country] country
    [challenge] challenge
    [recommendation] recommendation
   *[page] page
}
fm-placeholder = `{ $field }` still holds the placeholder `rabat-hub new` wrote
fm-placeholder-label = a placeholder
fm-placeholder-help = write the real value, then delete the `# { $mark } …` comment
fm-placeholder-text = the text still begins with the placeholder `rabat-hub new` wrote
fm-placeholder-text-help = write the page's text in place of the lines that begin with `{ $mark }`
fm-url-not-web = `{ $url }` is not a web address
fm-url-not-https = `{ $url }` is not a secure web address
fm-url-expected = expected `https://…`
fm-url-not-web-help = a document's `url` is a web page starting with `https://`; a file of the bundle goes in `file`
fm-url-not-https-help = write it with `https://` (nearly every site answers there); a document fetched over `http://` can be changed on the way
link-not-entity = `@/{ $target }` is not a link to an entity
link-not-a-kind = `{ $folder }` is not a kind of content
link-draft = the { kind-name } `{ $id }` is a draft
link-draft-help = publish it (remove `draft: true`) or remove the link
link-no-entity = there is no { kind-name } `{ $id }`
link-version-no-headings = the { $lang } version of `{ $id }` has no headings
link-no-heading-in-version = the { kind-name } `{ $id }` has no heading `#{ $anchor }` in its { $lang } version
fm-title-empty = the title is empty
fm-bad-slug = `{ $slug }` cannot be a URL segment: { $why }
fm-use = use `{ $value }`
fm-bad-alias = `{ $alias }` cannot be an alias: { $why }
fm-bad-alias-help = an alias is a path of this site, like `/fr/ancienne-adresse/`
fm-alias-slash = it must start with `/`
fm-alias-elsewhere = it must be a path of this site, not an address elsewhere
fm-alias-dots = it must not contain `.` or `..` segments
fm-alias-character = it contains a character a path cannot hold
fm-alias-windows-name = it holds a name Windows reserves for a device (`con`, `aux`, `nul`, `com1`…)
fm-alias-root = it would replace the site's root page
fm-meeting-needs-date = a meeting needs a `date`
fm-meeting-needs-date-help = add a line `date: YYYY-MM-DD`, the day the meeting began
fm-end-before-start = `end_date` { $end } is before `date` { $start }
fm-document-file-or-url = a document needs either `file` or `url`, not both or neither
fm-document-file-or-url-help = `{"{"} title: …, file: annex.pdf {"}"}` for a file in the bundle, `{"{"} title: …, url: https://… {"}"}` for a web page
fm-practice-needs-country = a practice needs at least one country in `countries`
fm-practice-needs-country-help = list where it is implemented: `countries: [cm]`
fm-period-backwards = the period ends before it starts
fm-recommendation-needs-challenge = a recommendation must address at least one challenge
fm-recommendation-needs-challenge-help = list challenge ids: `addresses: [coordination-gaps]`
fm-unknown-taxonomy = unknown { $what ->
    [theme] theme
   *[organisation] organisation
} `{ $id }`
fm-not-in-config = not { $what ->
    [theme] a theme
   *[organisation] an organisation
} of config.yaml
fm-taxonomy-listed = { $field } are listed under `taxonomies.{ $field }` in config.yaml
date-shape = a date written YYYY-MM-DD
location-shape = `online` or `{"{"} city: …, country: … {"}"}`
date-not-a-date = `{ $value }` is not a date
date-not-a-date-help = write dates as YYYY-MM-DD, for example 2021-01-21
date-no-month = `{ $value }` is not a date: there is no month { $month }
date-no-month-help = write dates as YYYY-MM-DD, the month between 01 and 12
date-no-day = `{ $value }` is not a date: month { $month } of { $year } has { $days } days
date-no-day-help = check the day of the month
location-not-a-location = `{ $value }` is not a location
location-not-a-location-help = write `location: online`, or `location: {"{"} city: Yaoundé, country: cm {"}"}`

## check's warnings
check-no-version = the { kind-name } `{ $id }` has no `{ $lang }` version
check-no-version-help = translate it into `{ $file }`
check-challenge-unaddressed = no recommendation addresses the challenge `{ $id }`
check-challenge-unaddressed-help = add `{ $id }` to the `addresses` of the recommendations that answer it
check-recommendation-unbacked = no meeting or practice backs the recommendation `{ $id }`
check-recommendation-unbacked-help = add `{ $id }` to the `recommendations` of the meeting that made it or of a practice that applies it
check-behind = the `{ $lang }` version of the { kind-name } `{ $id }` is behind its `{ $newer }` version by { $commits ->
    [one] { $commits } commit
   *[other] { $commits } commits
} and { $days ->
    [one] { $days } day
   *[other] { $days } days
}
check-behind-help = `{ $file }` was changed by commit { $commit } on { $date }; bring this translation up to date, or add `translation_checked: { $date }` to its front matter once you have checked it

## The site
site-same-path = two pages would be published at `/{ $path }`
site-same-path-help = `{ $other }` is published there too; change one `slug`
site-orphan-file = `{ $name }` is in the folder of `{ $id }`, which has no `index.<lang>.md`; it is not published
site-orphan-file-help = add the entity's `index.<lang>.md` files to the folder
site-not-published = not published
site-draft-reference-help = a published page cannot point to a draft: publish it, or remove this reference
site-wrong-kind = `{ $id }` is a { $other }, not a { kind-name }
site-expected-kind = expected a { kind-name } id
site-field-takes = `{ $field }` takes { kind-name } ids
site-not-in-bundle = `{ $file }` is not a file of this meeting's bundle
site-no-such-file = no such file
site-put-file-in-bundle = put the file in the meeting's folder, beside its index.<lang>.md files
site-make-a-bundle = a meeting with files must be a bundle: move it to `meetings/<id>/index.<lang>.md` and put the file beside it

## Markdown
md-too-deep = the text nests more than { $max } levels deep
md-too-deep-help = block quotes, lists and HTML elements inside one another: flatten them
md-removed-label = removed from the page
md-removed-help = the text may hold simple HTML (tables, emphasis, images, links to web pages); scripts, styles, frames and event handlers are removed
md-scheme-link = `{ $scheme }:` links are not allowed
md-scheme-link-label = not a web address
md-scheme-link-help = link to a web page (`https://…`), an e-mail address (`mailto:…`), a page of the hub (`@/kind/id`) or a file of the bundle
md-tag-removed = the HTML tag `<{ $name }>` is not allowed in the text
md-attribute-removed = the HTML attribute `{ $name }` is not allowed in the text
md-scheme-removed = `{ $scheme }:` addresses are not allowed in the text
fm-lone-cr = a line ends with a carriage return alone (an old Mac line ending)
fm-lone-cr-help = save the file with Unix (LF) or Windows (CRLF) line endings; any editor can convert them
fm-no-front-matter = the file does not start with front matter
fm-no-front-matter-help = begin the file with a line `---`, then `title: …`, then another line `---`, then the text
file-folders-are = the folders of content/ are { $list }
file-directly-in-content = a Markdown file directly in content/ must be the home page's `_index.<lang>.md`
file-move-into-kind-folder = move it into one of the kind folders: { $list }
file-bundle-text = a bundle folder holds its text as `index.<lang>.md`; other Markdown files are not published
file-bundle-text-help = rename it `index.<lang>.md`, or move it into a folder of its own
file-bad-id = `{ $id }` is not a valid id: { $why }
file-id-form = ids use lower-case letters a-z, digits and single hyphens
file-rename-id = rename it to use the id `{ $id }` (lower-case letters a-z, digits and single hyphens)
file-not-country-code = `{ $id }` is not a country code
file-not-country-code-help = a country profile's file is named by its ISO 3166-1 alpha-2 code in lower case, like `tg.fr.md`
file-not-utf8 = `{ $file }` is not valid UTF-8 text (bad byte at offset { $offset })
file-not-utf8-help = save the file as UTF-8 in your editor
file-unknown-term = config.yaml has no { $what ->
    [themes] theme
   *[other] organisation
} `{ $id }`: a file of content/{ $what }/ is the text of the page of a term config.yaml declares
file-unknown-term-help = name the file after one of the ids under `taxonomies: { $what }:` in config.yaml ({ $list }), or add the term there first
file-term-folder = content/{ $folder }/ holds one file per term and language, not folders
file-term-folder-help = write a term's text as `content/{ $folder }/<id>.<lang>.md`, directly in content/{ $folder }/
file-what-term = the text of the { $what ->
    [themes] theme
   *[other] organisation
} `{ $id }`
fm-a-term-text = the text of a theme's or an organisation's page
fm-term-name-in-config = a theme's or organisation's name is its label in config.yaml (`taxonomies:`); its text's front matter has `summary` only
check-no-term-text = the text of the { $what ->
    [themes] theme
   *[other] organisation
} `{ $id }` has no `{ $lang }` version

## config.yaml
config-not-regular = { $file } is not a regular file (a symbolic link, a folder or a special file)
config-not-regular-help = make it a plain file in the site's folder
config-cannot-read = cannot read { $file }: { $why }
config-cannot-read-help = run rabat-hub in the site's folder or give it with --root (looked in { $root })
config-language-twice = language `{ $code }` is listed twice
config-no-languages = `languages` is empty
config-no-languages-help = list the site's languages, for example `languages: [fr, en]`
config-default-language = the default language `{ $code }` is not in `languages`
config-default-language-help = add it to `languages` or choose one of them
config-base-url = `{ $url }` cannot be the site's `base_url`: { $why }
config-base-url-help = write the site's address, like `https://example.org/`, or its path on the host, like `/hub/`
config-theme-name = `{ $name }` is not a valid theme name: { $why }
config-reserved-segment = `{ $segment }` is a URL segment the site uses for its own pages
config-reserved-segment-help = choose another; reserved: { $list }
config-segment-twice = `{ $segment }` is the { $code } URL segment of both { $one } and { $two }
config-unknown-language = `{ $code }` is not one of the site's languages ({ $list })
config-unknown-language-help = add the language to `languages`, or remove this line
config-no-text = `{ $path }` has no text in `{ $lang }`
config-no-text-help = add a line `{ $lang }: "…"` under it
config-identity-bad-file = `{ $file }` is not a file of the site's `static/` folder
config-identity-no-file = the image `{ $file }` is not in the site's `static/` folder
config-identity-file-help = write its path inside `static/`, for example `images/logo.svg` for `static/images/logo.svg`
config-identity-no-page = the footer links to the page `{ $id }`, which does not exist
config-identity-no-page-help = write the page as `content/pages/{ $id }.<language>.md`, or remove it from `identity.links`

## The theme
theme-missing = the theme `{ $name }` does not exist
theme-missing-help = config.yaml names it in `theme:`; it should be the folder `themes/{ $name }/`, or remove `theme:` to use the built-in theme
theme-no-template = the theme has no template `{ $name }`
theme-no-template-help = create { $file }; the generator renders it
theme-not-utf8 = { $file } is not valid UTF-8 text
theme-no-strings = the theme has no UI strings for `{ $lang }`
theme-no-strings-help = create { $file } with the same keys as the other languages' files
file-no-content = there is no `content/` folder
file-no-content-help = create `content/` beside config.yaml and put the site's Markdown files in it
file-symlink = symbolic links in content/ are not followed; this one is ignored
file-symlink-help = copy the file into content/ instead
file-special = this is not a regular file (a pipe, a socket or a device); it is ignored
file-special-help = content/ holds Markdown files, folders and attachments only
file-empty-content = `content/` holds no Markdown file: the site would be empty
file-empty-content-help = add the site's pages, for example `content/_index.<lang>.md` for the home page
kind-plural = { $kind ->
    [meeting] meetings
    [practice] practices
    [country] countries
    [challenge] challenges
    [recommendation] recommendations
   *[page] pages
}

## Ids, names and addresses: the reasons given after `: `
id-empty = an id cannot be empty
id-upper-case = it contains an upper-case letter
id-space = it contains a space
id-underscore = it contains an underscore
id-non-ascii = it contains the non-ASCII character `{ $char }`
id-character = it contains the character `{ $char }`
id-hyphen-ends = it starts or ends with a hyphen
id-double-hyphen = it contains a double hyphen
windows-reserved = `{ $name }` is a name Windows reserves for a device: a clone of the site on Windows could not hold the file
lang-not-a-code = `{ $code }` is not a language code: use two or three lower-case letters, like `fr` or `en`
name-control-character = its name holds a control character
url-control-character = it holds the control character { $code }
url-character = it holds the character `{ $char }`, which an address cannot
url-query = it holds a query or a fragment (`?`, `#`)
url-double-slash-start = it begins with `//`, which names another host: write `https://host/` or a path like `/hub/`
url-scheme = it must begin with `https://`, `http://` or `/`
url-scheme-case = write its scheme in lower case (`https://`)
url-dots = its path holds `.` or `..`
url-double-slash = its path holds `//`
url-user = it holds a user name (`@`)
url-bad-ip = its host is not a valid address
url-no-host = it has no host name after `://`
url-bad-host = `{ $host }` is not a host name
url-bad-port = `{ $port }` is not a port number

## Files and folders
file-cannot-read = cannot read `{ $file }`: { $why }
file-cannot-read-help = check that the file exists and that its permissions let you read it
file-cannot-write = cannot write `{ $file }`: { $why }
io-not-regular = it is not a regular file
io-symlink = it is a symbolic link, which the generator does not follow
io-path-through-link = its path goes through a symbolic link, which the generator does not follow
io-file-swapped = it is no longer the file the build found
folder-symlink = `{ $folder }/` is a symbolic link; the generator does not follow links out of the site's folder
folder-symlink-help = make `{ $folder }/` a real folder inside the site
file-attachment-refused = `{ $name }` cannot be published as an attachment: { $why }
file-attachment-refused-help = a bundle holds documents for readers: { $list }; export it as one of these (a PDF, a PNG…) or remove it
attachment-no-type = a file without a type (no `.pdf`, `.docx`… at the end of its name)
attachment-html = an HTML file would be a page of the site, with its scripts
attachment-script = a script would run as part of the site
attachment-svgz = a compressed SVG cannot be checked for scripts: publish it as `.svg`
attachment-other-type = `.{ $ext }` files are not among the types a bundle may publish
file-what-entity = the { kind-name } `{ $id }`
file-what-list = the list page of { kind-plural }
file-what-home = the home page
file-duplicate-version = two files are the `{ $lang }` version of { $what }
file-duplicate-version-help = `{ $other }` is the other; an id is unique within its kind: rename or remove one
static-control-character = `{ $name }` cannot be published: its name holds a control character
static-control-character-help = rename it with letters, digits, `-`, `_` and `.`
static-not-regular = only regular files of static/ are published; this link or special file is ignored
static-not-regular-help = copy the file into static/ instead
rename-it = rename it

## config.yaml, again
config-cms-backend = `{ $name }` is not a web editor backend
config-cms-backend-help = write `backend: github` or `backend: gitlab`
config-cms-repo = `{ $name }` is not a repository
config-cms-repo-help = write the repository as `owner/name`, for example `rabat-process/hub`
config-control-character = `{ $path }` holds the control character { $code }
config-control-character-help = remove it; write the text on one line
config-bad-term-id = `{ $id }` is not a valid { $what ->
    [themes] theme
   *[organisations] organisation
} id: { $why }
base-url-option = `{ $url }` cannot be the site's address: { $why }
base-url-option-help = give `--base-url` the site's address, like `https://example.org/`, or its path on the host, like `/hub/`

## The theme, again
theme-template-error = template error: { $why }
theme-count-no-other = UI string `{ $key }` has no `{ $other }` in `{ $lang }`
theme-count-no-other-help = add `{ $other }: "…"` to { $file }: a count's form for every number the language's other categories do not take
theme-string-missing = UI string `{ $key }` is missing in `{ $lang }`
theme-string-missing-help = add `{ $key }: "…"` to { $file }; { $other_file } has it for `{ $other }`{ $line ->
    [0] {""}
   *[other] { " " }(line { $line })
}
theme-built-in-file = the built-in theme's static/{ $name }
theme-generated-file = the generated { $name }

## The output
output-refused = cannot build into `{ $folder }`: { $why }
output-refused-help = the build replaces its output folder whole: choose a folder of its own, like `public` (the default)
output-is-root = it is the site's own folder
output-holds-root = it holds the site's own folder, which would be deleted
output-inside-input = it is inside `{ $input }`, one of the site's inputs
publish-output-needs-name = the output folder needs a name
publish-outside-output = refusing to write outside the output folder: `{ $path }`
clash-what-file = `{ $file }`
clash-what-alias = the alias `{ $alias }` of `{ $file }`
clash-what-page = the page of `{ $file }`
clash-what-generated = a generated page
clash-same-path = two files would be published at `/{ $path }`
clash-same-path-help = { $one } takes the place of { $other }; an alias or a static file may not take the place of a page
clash-case = `/{ $path }` and `/{ $other }` differ only by case
clash-case-help = { $one } and { $other } would be one file on Windows and macOS: rename one
clash-long-name = the name `{ $name }…` in `/{ $path }` is { $bytes } bytes long, longer than a filesystem takes ({ $max })
clash-long-path = the path `/{ $path }` is { $bytes } bytes long, too long to write
clash-shorten = shorten it ({ $what })
clash-file-and-folder = `/{ $path }` would be both a file and a folder (it holds `/{ $inner }`)
clash-file-and-folder-help = { $one } and { $other } cannot both be written: rename one
search-index-failed = cannot build the search index for `{ $lang }`: { $why }
generator-fault-help = this is a fault of the generator, not of the content: please report it
search-no-runtime = cannot start the indexing runtime: { $why }
search-panic-no-message = a panic with no message

## Git history
history-missing = dates come from front matter only, and translations are not compared: { $why }
history-no-git = the site is not in a Git checkout (or `git` is not installed)
history-not-checkout = the site is not in a Git checkout
history-shallow = the Git clone is shallow, so its first commit seems to have written every file; fetch the whole history (`git fetch --unshallow`, or `fetch-depth: 0` in CI)
history-log-failed = `git log` failed

## The commands
build-cannot-write = cannot write the site to { $folder }: { $why }
build-cannot-write-help = this file makes the page that could not be written: check the free space and the size limits of the disk it is written to
build-nothing-written = nothing was written: { $folder } is unchanged
build-done = built { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $files ->
    [one] { $files } file
   *[other] { $files } files
}) into { $folder } in { $seconds } s
check-override = { $file } overrides the theme's { $replaces }
init-not-empty = `{ $folder }` is not empty
init-not-empty-help = start the hub in a new or empty folder, or pass --force to write into this one (files of the same name are replaced)
init-done = a new hub is in { $folder }: run `rabat-hub serve --open --root { $folder }` to see it, `rabat-hub check --root { $folder }` before each commit; .github/workflows/hub.yml checks pull requests and publishes main to GitHub Pages
completions-cannot-write = error: cannot write the manual page: { $why }
new-kinds-are = the kinds are { $list }
new-id-form = use lower-case letters a-z, digits and single hyphens, like `{ $id }`
new-country-code-help = a country profile's id is its ISO 3166-1 alpha-2 code in lower case, like `tg`
new-unknown-language = `{ $code }` is not one of the site's languages
new-languages-are = the site's languages are { $list }
new-exists = the { kind-name } `{ $id }` already exists
new-exists-help = `{ $file }` is one of its files; choose another id, or edit it
new-cannot-create = cannot create the { kind-name } `{ $id }`
new-file-exists = `{ $file }` already exists
new-next = run `rabat-hub serve` and open { $url }
serve-cannot-listen = cannot listen on { $address }: { $why }
serve-cannot-listen-help = another program may use this port: try `--port 0` to pick a free one
serve-cannot-watch = warning: cannot watch { $folder } for changes ({ $why }); restart serve to see edits
serve-serving = serving the hub at { $url } (Ctrl+C to stop)
serve-changed = changed: { $names }{ $more ->
    [0] {""}
   *[other] { " " }and { $more } more
}
serve-has-errors = the site has errors: the browser shows them until they are fixed
serve-rebuilt = { $how ->
    [full] built
   *[other] rebuilt
} { $files } files in { $ms } ms{ $how ->
    [patched] { " " }(fast path)
   *[other] {""}
}
serve-cannot-open = warning: cannot open a browser ({ $why }); open { $url } yourself
serve-no-indexer = warning: cannot start the search indexing thread ({ $why }); search stays as first built
serve-editor-cannot-save = note: the web editor at { $url }admin/ cannot save yet: { $why }; run `{ $command }` in { $folder }
editor-not-installed = decap-server is not installed (`npm ci` in tools/)
editor-no-port = no free port: { $why }
editor-no-node = cannot run Node.js (`node`): { $why }
editor-stopped = decap-server stopped at once ({ $status })
editor-slow = decap-server did not start within { $seconds } s

## serve's page of a failed build
serve-errors-title = { $count ->
    [one] The site has { $count } error
   *[other] The site has { $count } errors
}
serve-errors-heading = The site cannot be built
serve-errors-fix = Fix the file named below and save: this page reloads by itself.

## The files `new` writes (their hints, in the file's language)
new-body = The text, in Markdown: paragraphs, `## headings`, lists, tables.
    Links to other content: `[text](@/practices/some-id)`.
new-title-hint = the title, in this file's language
new-summary = One or two sentences.
new-summary-hint = lists, search and the page description use it
new-draft-hint = kept off the site while true
new-meeting-date = first day of the meeting
new-meeting-location = or { "{" } city: Rabat, country: ma { "}" }
new-practice-countries = replace: the countries where it is implemented
new-country-focal-point = the institution, never a person
new-recommendation-addresses = replace: the challenges it addresses
new-no-country = there is no country profile yet: create one first with `rabat-hub new country <code>`
new-no-challenge = a recommendation must address a challenge, and there is none yet: create one first with `rabat-hub new challenge <id>`

## Images and documents
decimal-mark = .
size-kb = { $n } KB
size-mb = { $n } MB
config-media-no-widths = `media.widths` is empty
config-media-width = `{ $width }` cannot be a width of the resized images: it must be between 1 and { $max } pixels
config-media-widths-help = list the widths pages offer, narrowest first, for example `widths: [480, 960, 1600]`
img-unreadable = the image `{ $file }` cannot be read: { $why }
img-unreadable-label = this image
img-unreadable-help = open it in an image editor and save it again as JPEG, PNG or WebP (an SVG must be well-formed XML), or remove it from the text
img-no-alt = this image has no text alternative
img-no-alt-label = nothing between `![` and `]`
img-no-alt-help = describe what the image shows, for readers who cannot see it (screen readers read it aloud): `![Participants of the opening session in Rabat](photo.jpg)`
img-heavy-bytes = the image `{ $file }` weighs { $size }, over the budget of { $max }
img-heavy-width = the image `{ $file }` is { $width } pixels wide, over the budget of { $max }
img-heavy-help = pages show it resized, but a reader who opens it downloads it whole: save it at most { $width } pixels wide, as a JPEG of quality 80 to 85
doc-heavy = the PDF `{ $file }` weighs { $size }, over the budget of { $max }
doc-heavy-help = readers on slow lines wait long for it: export it again with smaller images (a "reduced size" or "web" PDF), or split it
img-no-pixels = the image has no pixels
img-not-made = the resized copies of this image could not be made (please report it)
img-cache-unreadable = the image cache cannot be read: { $why } (delete `.cache/` and build again)
img-no-source = there is no image to resize for `{ $path }`
