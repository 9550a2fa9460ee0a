//! The template every written page is filled into: `<dist>/404.html`, the built page without a
//! body of its own.

use mali_timeline::domain::Lang;

/// Where the written body starts and ends in a page, so that it can be told apart.
const BODY_START: &str = "<!-- page written at build time -->";
const BODY_END: &str = "<!-- /page written at build time -->";

/// The base path of the template's `<base href>`: "" at the root, "/mali-timeline" below it.
pub fn base_of(template: &str) -> Result<String, String> {
    let start = template
        .find("<base href=\"")
        .ok_or("the template has no <base href>")?
        + "<base href=\"".len();
    let end = template[start..]
        .find('"')
        .ok_or("the template's <base href> is not closed")?;
    Ok(template[start..start + end]
        .trim_end_matches('/')
        .to_string())
}

/// The body without its `data-testid` attributes: those name the app's live controls, which
/// take the written page's place.
pub fn without_test_ids(html: &str) -> String {
    const ATTRIBUTE: &str = " data-testid=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(ATTRIBUTE) {
        out.push_str(&rest[..start]);
        let value = &rest[start + ATTRIBUTE.len()..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// The template with the page's language, head and body.
pub fn fill(template: &str, lang: Lang, head: &str, body: &str) -> Result<String, String> {
    let mut html = template.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{}\">", lang.code()),
        1,
    );
    let title_start = html.find("<title>").ok_or("the template has no <title>")?;
    let title_end = html[title_start..]
        .find("</title>")
        .ok_or("the template's <title> is not closed")?
        + title_start
        + "</title>".len();
    html.replace_range(title_start..title_end, head);
    // The template's own description gives way to the page's.
    if let Some(start) = html.find("<meta name=\"description\"") {
        let end = html[start..].find('>').ok_or("an unclosed <meta>")? + start + 1;
        html.replace_range(start..end, "");
    }
    let body_at = html.find("<body>").ok_or("the template has no <body>")? + "<body>".len();
    html.insert_str(body_at, &format!("\n{BODY_START}{body}{BODY_END}\n"));
    Ok(html)
}

/// The template without the app: its head's scripts (the one that starts the app and the
/// written-page check), the preloads of the app's code and of the events file, and the comments
/// about them. A page filled into it is text and links only, for an address the app has no
/// route for.
pub fn without_app(template: &str) -> Result<String, String> {
    let head_end = template
        .find("</head>")
        .ok_or("the template has no </head>")?;
    let (head, rest) = template.split_at(head_end);
    // ASCII lower case keeps every byte where it is.
    let lower = head.to_ascii_lowercase();
    // Each thing to leave out: how it starts and what ends it.
    const LEFT_OUT: [(&str, &str); 4] = [
        ("<script", "</script>"),
        ("<link rel=\"modulepreload\"", ">"),
        ("<link rel=\"preload\"", ">"),
        ("<!--", "-->"),
    ];
    let mut out = String::with_capacity(template.len());
    let mut at = 0;
    while let Some((start, end)) = LEFT_OUT
        .iter()
        .filter_map(|(open, close)| {
            let start = lower[at..].find(open)? + at;
            Some((start, close))
        })
        .min_by_key(|(start, _)| *start)
        .map(|(start, close)| {
            let end = lower[start..].find(close).map(|i| start + i + close.len());
            (start, end)
        })
    {
        let end = end.ok_or("an unclosed <script>, <link> or comment in the template")?;
        out.push_str(head[at..start].trim_end());
        at = end;
    }
    out.push_str(&head[at..]);
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A template as trunk and scripts/post_build.py leave it, cut short.
    const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="description" content="The site." />
    <title>Mali's partnerships and ruptures</title>
    <base href="/mali-timeline/" />
    <script>(function () { document.documentElement.setAttribute('data-written-page', 'hidden'); })();</script>
<script type="module" src="/mali-timeline/boot-2d18.js"></script>
    <link rel="icon" href="/mali-timeline/favicon.svg"/>
    <style>body { margin: 0; }</style>
  <link rel="modulepreload" href="/mali-timeline/app.js" crossorigin="anonymous"><link rel="preload" href="/mali-timeline/app_bg.wasm" as="fetch" type="application/wasm"><!-- The events file downloads while the app's code compiles. -->
    <link rel="preload" href="data/events.json" as="fetch" crossorigin="anonymous" />
  </head>
  <body>
  </body>
</html>
"#;

    #[test]
    fn a_page_without_the_app_keeps_the_head_but_no_script_nor_preload() {
        let page = without_app(TEMPLATE).unwrap();
        let lower = page.to_ascii_lowercase();
        for gone in [
            "<script",
            "modulepreload",
            "preload",
            "<!--",
            "boot-2d18.js",
            "wasm",
        ] {
            assert!(!lower.contains(gone), "{gone} in {page}");
        }
        for kept in [
            "<meta charset=\"utf-8\" />",
            "<title>Mali's partnerships and ruptures</title>",
            "<base href=\"/mali-timeline/\" />",
            "<link rel=\"icon\" href=\"/mali-timeline/favicon.svg\"/>",
            "<style>body { margin: 0; }</style>",
            "</head>\n  <body>\n  </body>\n</html>\n",
        ] {
            assert!(page.contains(kept), "{kept} left out of {page}");
        }
        let filled = fill(
            &page,
            Lang::Fr,
            "<title>Modifications</title>",
            "<main>x</main>",
        )
        .unwrap();
        assert!(filled.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
        assert!(filled.contains(&format!("<body>\n{BODY_START}<main>x</main>{BODY_END}\n")));
        assert!(
            !filled.contains("The site."),
            "the template's description gives way"
        );
        assert_eq!(base_of(&filled).unwrap(), "/mali-timeline");
        assert!(without_app("<html><head><script>x").is_err());
    }

    #[test]
    fn test_ids_are_left_out_of_a_written_body() {
        assert_eq!(
            without_test_ids(r#"<p data-testid="a" class="b">x</p><i data-testid="c">y</i>"#),
            r#"<p class="b">x</p><i>y</i>"#
        );
    }
}
