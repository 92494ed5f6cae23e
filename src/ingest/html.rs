//! Saved HTML pages reduced to the article, with a real HTML parser (html5ever through
//! `scraper`): the title (`og:title`, the article's `<h1>`, `<title>`), the byline (`author`
//! meta, `rel=author`, an element marked as the byline), the date (`article:published_time`
//! and similar meta, `<time datetime>`), the outlet (`og:site_name`), the URL (`og:url`, the
//! canonical link) and the body paragraphs: the `<p>` elements of the `<article>` (else
//! `<main>`, else the page), leaving out navigation, headers, footers, asides, scripts, styles,
//! forms, figures with their captions and credits, and blocks marked as cookie banners, share
//! bars, newsletters, related links and the like. Entities are decoded by the parser.

use scraper::{ElementRef, Html, Node};
use std::path::Path;

/// What a page says about its article besides the body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The headline.
    pub title: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// The publication date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`).
    pub published: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// The page's own address.
    pub url: Option<String>,
}

/// A page reduced to its article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Title, byline, date, outlet and URL, when the page has them.
    pub meta: PageMeta,
    /// The body paragraphs, in order, whitespace collapsed.
    pub paragraphs: Vec<String>,
}

impl Page {
    /// The body as article text: paragraphs separated by a blank line.
    pub fn body_text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "template",
    "form",
    "button",
    "select",
    "textarea",
    "figure",
    "figcaption",
    "svg",
    "iframe",
    "object",
    "menu",
    "dialog",
];

/// Words of a class or id that mark a block as page furniture rather than article text.
const FURNITURE_WORDS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "share",
    "sharing",
    "social",
    "related",
    "recommended",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "sponsored",
    "comment",
    "comments",
    "breadcrumb",
    "breadcrumbs",
    "caption",
    "credit",
    "credits",
    "byline",
    "author",
    "dateline",
    "timestamp",
    "nav",
    "navigation",
    "menu",
    "footer",
    "header",
    "sidebar",
    "popup",
    "modal",
    "banner",
    "tags",
    "copyright",
];

/// Block elements: their text starts and ends a paragraph when a page has no `<p>`.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// True when the text is an HTML page: it starts (after a byte-order mark, white space,
/// comments or an XML declaration) with `<!doctype html` or `<html`, or the file is named
/// `.html`/`.htm` and has a tag in it.
pub fn is_html(path: Option<&Path>, text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    if (head.starts_with("<!--") || head.starts_with("<?xml")) && head.contains("<html") {
        return true;
    }
    let named_html = path
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    named_html && has_tag(&head)
}

/// True when `text` has something that looks like a tag: `<` then a letter, `/` or `!`.
fn has_tag(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// White space collapsed to single spaces, trimmed; control characters dropped.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// An element's name.
fn name<'a>(element: &ElementRef<'a>) -> &'a str {
    element.value().name()
}

/// True when the element is hidden or marked, by its name, class or id, as page furniture.
fn is_furniture(element: &ElementRef) -> bool {
    let value = element.value();
    if SKIPPED_ELEMENTS.contains(&value.name())
        || value.attr("hidden").is_some()
        || value.attr("aria-hidden") == Some("true")
        || matches!(
            value.attr("role"),
            Some("navigation" | "banner" | "contentinfo" | "complementary" | "dialog")
        )
    {
        return true;
    }
    let marks = [value.attr("class"), value.attr("id")];
    marks.into_iter().flatten().any(|mark| {
        mark.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| FURNITURE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
    })
}

/// True when `element` or an element between it and `root` (not `root` itself) is furniture.
fn inside_furniture(element: &ElementRef, root: &ElementRef) -> bool {
    if element.id() == root.id() {
        return false;
    }
    if is_furniture(element) {
        return true;
    }
    for ancestor in element.ancestors().filter_map(ElementRef::wrap) {
        if ancestor.id() == root.id() {
            return false;
        }
        if is_furniture(&ancestor) {
            return true;
        }
    }
    false
}

/// The text of `element` without that of furniture inside it, whitespace collapsed.
fn own_text(element: &ElementRef) -> String {
    let mut raw = String::new();
    push_text(element, &mut raw);
    collapse(&raw)
}

fn push_text(element: &ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    if name(&child) == "br" {
                        out.push(' ');
                    } else if !is_furniture(&child) {
                        push_text(&child, out);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Every element under `root` (itself included), in document order.
fn elements<'a>(root: &ElementRef<'a>) -> impl Iterator<Item = ElementRef<'a>> {
    root.descendants().filter_map(ElementRef::wrap)
}

/// The `<p>` paragraphs under `root` that are article text.
fn paragraphs(root: &ElementRef) -> Vec<String> {
    elements(root)
        .filter(|e| name(e) == "p" && !inside_furniture(e, root))
        .map(|p| own_text(&p))
        .filter(|text| !text.is_empty())
        .collect()
}

/// The text blocks under `root` for a page without `<p>`: text between block elements.
fn blocks(root: &ElementRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    walk_blocks(root, &mut current, &mut out);
    flush(&mut current, &mut out);
    out
}

fn flush(current: &mut String, out: &mut Vec<String>) {
    let text = collapse(current);
    if !text.is_empty() {
        out.push(text);
    }
    current.clear();
}

fn walk_blocks(element: &ElementRef, current: &mut String, out: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => current.push_str(text),
            Node::Element(_) => {
                let Some(child) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_furniture(&child) || matches!(name(&child), "h1" | "title" | "head") {
                    continue;
                }
                let block = BLOCK_ELEMENTS.contains(&name(&child));
                if block {
                    flush(current, out);
                }
                walk_blocks(&child, current, out);
                if block {
                    flush(current, out);
                }
            }
            _ => {}
        }
    }
}

/// The element that holds the article: the `<article>` with the most paragraph text, else
/// `<main>` (or `role=main`), else `<body>`, else the whole document.
fn content_root<'a>(document: &'a Html) -> ElementRef<'a> {
    let root = document.root_element();
    let text_len = |e: &ElementRef| paragraphs(e).iter().map(String::len).sum::<usize>();
    let best_article = elements(&root)
        .filter(|e| name(e) == "article" && !inside_furniture(e, &root))
        .map(|e| (text_len(&e), e))
        .filter(|(len, _)| *len > 0)
        .max_by_key(|(len, _)| *len)
        .map(|(_, e)| e);
    best_article
        .or_else(|| {
            elements(&root).find(|e| name(e) == "main" || e.value().attr("role") == Some("main"))
        })
        .or_else(|| elements(&root).find(|e| name(e) == "body"))
        .unwrap_or(root)
}

/// The `content` of the first `<meta>` whose `property`, `name` or `itemprop` is one of
/// `keys` (in the order of `keys`), non-empty.
fn meta(document: &ElementRef, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| {
        elements(document)
            .filter(|e| name(e) == "meta")
            .find(|e| {
                ["property", "name", "itemprop"].iter().any(|attr| {
                    e.value()
                        .attr(attr)
                        .is_some_and(|v| v.eq_ignore_ascii_case(key))
                })
            })
            .and_then(|e| e.value().attr("content"))
            .map(collapse)
            .filter(|v| !v.is_empty())
    })
}

/// A date attribute or meta value as `YYYY-MM-DD`: an ISO date at its start
/// (`2021-01-21T10:00:00+09:00`), else any date the text names.
fn date_of(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some(day) = value.get(..10)
        && crate::model::is_valid_published(day)
    {
        return Some(day.to_string());
    }
    if crate::model::is_valid_published(value) {
        return Some(value.to_string());
    }
    super::clean::find_date(value)
}

/// `<title>` without a trailing ` | Outlet` (or ` – Outlet`, ` — Outlet`) of a few words.
fn page_title(document: &ElementRef) -> Option<String> {
    let title = elements(document)
        .find(|e| name(e) == "title")
        .map(|e| own_text(&e))
        .filter(|t| !t.is_empty())?;
    for separator in [" | ", " – ", " — "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.split_whitespace().count() <= 4
            && !head.trim().is_empty()
        {
            return Some(head.trim().to_string());
        }
    }
    Some(title)
}

/// Who wrote the article: the `author` meta, else `rel=author` links, else an element marked
/// as the byline or the author; a leading "By" is dropped.
fn byline(document: &ElementRef) -> Option<String> {
    let found = meta(document, &["author", "article:author", "sailthru.author"])
        .filter(|v| !v.starts_with("http"))
        .or_else(|| {
            let mut names: Vec<String> = Vec::new();
            for link in elements(document).filter(|e| {
                e.value()
                    .attr("rel")
                    .is_some_and(|rel| rel.split_whitespace().any(|r| r == "author"))
                    && name(e) != "link"
            }) {
                let text = own_text(&link);
                if !text.is_empty() && !names.contains(&text) {
                    names.push(text);
                }
            }
            (!names.is_empty()).then(|| names.join(" and "))
        })
        .or_else(|| {
            elements(document)
                .filter(|e| {
                    e.value().attr("itemprop") == Some("author")
                        || e.value()
                            .classes()
                            .any(|c| c.eq_ignore_ascii_case("byline"))
                })
                .map(|e| own_text(&e))
                .find(|t| !t.is_empty() && t.split_whitespace().count() <= 12)
        })?;
    let trimmed = found
        .strip_prefix("By ")
        .or_else(|| found.strip_prefix("by "))
        .or_else(|| found.strip_prefix("BY "))
        .unwrap_or(&found)
        .trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// The publication date: a meta date, else the first `<time datetime>` of the article (or
/// of the page).
fn published(document: &ElementRef, root: &ElementRef) -> Option<String> {
    meta(
        document,
        &[
            "article:published_time",
            "datePublished",
            "og:published_time",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "dcterms.date",
        ],
    )
    .and_then(|v| date_of(&v))
    .or_else(|| {
        [root, document].into_iter().find_map(|scope| {
            elements(scope)
                .filter(|e| name(e) == "time")
                .find_map(|e| e.value().attr("datetime").and_then(date_of))
        })
    })
}

/// The page's own address: `og:url`, else the canonical link.
fn page_url(document: &ElementRef) -> Option<String> {
    meta(document, &["og:url"]).or_else(|| {
        elements(document)
            .filter(|e| name(e) == "link")
            .find(|e| {
                e.value()
                    .attr("rel")
                    .is_some_and(|rel| rel.split_whitespace().any(|r| r == "canonical"))
            })
            .and_then(|e| e.value().attr("href"))
            .map(collapse)
            .filter(|href| href.starts_with("http://") || href.starts_with("https://"))
    })
}

/// Reduce an HTML page to its article (see the module documentation). Never fails: a page
/// with no article text gives no paragraphs.
pub fn parse(html: &str) -> Page {
    let document = Html::parse_document(html);
    let top = document.root_element();
    let root = content_root(&document);
    let mut paragraphs = paragraphs(&root);
    if paragraphs.is_empty() {
        paragraphs = blocks(&root);
    }
    let title = meta(&top, &["og:title", "twitter:title"])
        .or_else(|| {
            elements(&root)
                .chain(elements(&top))
                .find(|e| name(e) == "h1")
                .map(|e| own_text(&e))
                .filter(|t| !t.is_empty())
        })
        .or_else(|| page_title(&top));
    Page {
        meta: PageMeta {
            title,
            byline: byline(&top),
            published: published(&top, &root),
            source: meta(&top, &["og:site_name", "application-name"]),
            url: page_url(&top),
        },
        paragraphs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Seoul seeks closer ties | Example News</title>
<meta property="og:title" content="Seoul seeks closer ties with Tokyo &amp; Washington">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://news.example.org/2021/seoul-ties">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-01-21T10:00:00+09:00">
<style>p { color: red; }</style>
<script>var tracking = "<p>not text</p>";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<header class="site-header"><p>Example News — all the news</p></header>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p></div>
<main>
<article>
<h1>Seoul seeks closer ties</h1>
<p class="byline">By Jane Roe</p>
<p>South Korea&rsquo;s foreign minister said on Thursday that Seoul would work closely with Tokyo.</p>
<figure><img src="x.jpg"><figcaption>The minister in Seoul. Photo: Example/Credit</figcaption></figure>
<p>&ldquo;We will strengthen the alliance,&rdquo; he told reporters &amp; officials.</p>
<div class="share-bar"><p>Share on Facebook</p></div>
<p>The two countries also discussed trade <b>and</b> security.</p>
</article>
<aside><p>Related: five things to know about Seoul</p></aside>
</main>
<footer><p>&copy; 2021 Example News. All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn an_article_page_keeps_its_three_paragraphs_and_nothing_else() {
        let page = parse(ARTICLE);
        assert_eq!(
            page.paragraphs,
            [
                "South Korea’s foreign minister said on Thursday that Seoul would work closely with Tokyo.",
                "“We will strengthen the alliance,” he told reporters & officials.",
                "The two countries also discussed trade and security.",
            ]
        );
        let body = page.body_text();
        for leftover in [
            "<", ">", "&amp;", "&rsquo;", "cookies", "Share", "Related", "©", "Photo",
        ] {
            assert!(!body.contains(leftover), "{leftover} in {body}");
        }
        assert_eq!(
            page.meta,
            PageMeta {
                title: Some("Seoul seeks closer ties with Tokyo & Washington".into()),
                byline: Some("Jane Roe".into()),
                published: Some("2021-01-21".into()),
                source: Some("Example News".into()),
                url: Some("https://news.example.org/2021/seoul-ties".into()),
            }
        );
    }

    #[test]
    fn without_meta_the_title_byline_and_date_come_from_the_page() {
        let html = r#"<html><head><title>Talks in Jakarta – Daily Wire</title></head><body>
<div id="navigation"><a href="/">Home</a> <a href="/about">About</a></div>
<article><h1>Talks in Jakarta</h1>
<a rel="author" href="/staff/ali">Ali Rahman</a>
<time datetime="2023-07-13">13 July</time>
<p>Indonesia said the ASEAN meeting would focus on Myanmar.</p>
<div class="newsletter-signup"><p>Sign up for our newsletter</p></div>
</article>
<div class="comments"><p>First comment!</p></div>
</body></html>"#;
        let page = parse(html);
        assert_eq!(
            page.paragraphs,
            ["Indonesia said the ASEAN meeting would focus on Myanmar."]
        );
        assert_eq!(page.meta.title.as_deref(), Some("Talks in Jakarta"));
        assert_eq!(page.meta.byline.as_deref(), Some("Ali Rahman"));
        assert_eq!(page.meta.published.as_deref(), Some("2023-07-13"));
        assert_eq!(page.meta.url, None);
    }

    #[test]
    fn a_page_without_paragraph_tags_gives_its_text_blocks() {
        let html = "<html><body><nav>Menu</nav><div>Japan said it would talk to China.</div><div>Talks begin<br>next week.</div><footer>Contact us</footer></body></html>";
        assert_eq!(
            parse(html).paragraphs,
            [
                "Japan said it would talk to China.",
                "Talks begin",
                "next week."
            ]
        );
    }

    #[test]
    fn html_is_known_by_its_start_or_its_name() {
        assert!(is_html(None, "\u{feff}  <!DOCTYPE html><p>x"));
        assert!(is_html(None, "<HTML><body>x"));
        assert!(is_html(None, "<!-- saved --><html>"));
        assert!(!is_html(None, "Seoul said <b>no</b>."));
        assert!(is_html(Some(Path::new("a.HTM")), "<p>Seoul said.</p>"));
        assert!(!is_html(Some(Path::new("a.html")), "Seoul said 3 < 4."));
        assert!(!is_html(Some(Path::new("a.txt")), "<p>Seoul said.</p>"));
    }

    #[test]
    fn hostile_pages_give_text_not_panics() {
        for html in [
            "",
            "<",
            "<html",
            "<p>unclosed <b>bold",
            "<article><article><p>nested</p></article></article>",
            "<p>\u{0}\u{1b}[31mred</p>",
            "<meta property=\"article:published_time\" content=\"2021-02-30\">",
        ] {
            let page = parse(html);
            for paragraph in &page.paragraphs {
                assert!(!paragraph.chars().any(char::is_control), "{paragraph:?}");
            }
        }
        assert_eq!(
            parse("<article><article><p>nested</p></article></article>").paragraphs,
            ["nested"]
        );
    }
}
