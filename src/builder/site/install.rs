//! What makes the site installable: its web app manifest (`manifest.<hash>.webmanifest`) and its
//! icons, drawn from the favicon at build time: 192 and 512 px, and a maskable 512 px one whose
//! picture sits in the middle 60 %, on the favicon's colour, so any mask shape keeps it whole.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use resvg::{tiny_skia, usvg};
use serde_json::json;

use super::{hashed_name, write};
use crate::render::share::{SITE_DESCRIPTION, SITE_NAME};

/// The colour behind the maskable icon's picture: the favicon's own.
const ICON_BACKGROUND: [u8; 3] = [0x0b, 0x63, 0xce];
/// The page's background colours (the stylesheet's `--bg`), for the browser's chrome.
pub const THEME_LIGHT: &str = "#ffffff";
pub const THEME_DARK: &str = "#11151c";

/// The files written.
pub struct Installable {
    pub manifest: String,
    pub icons: Vec<String>,
}

/// Draws the icons from `site`'s favicon (the one `favicon.<hash>.svg` trunk wrote) and writes the
/// manifest of a site served under `base`.
pub fn write_installable(site: &Path, base: &str) -> Result<Installable> {
    let favicon = fs::read_dir(site)
        .with_context(|| format!("cannot read {}", site.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .find(|name| name.starts_with("favicon") && name.ends_with(".svg"))
        .with_context(|| format!("{}: no favicon*.svg to draw the icons from", site.display()))?;
    let svg = fs::read(site.join(&favicon)).with_context(|| format!("cannot read {favicon}"))?;
    let tree = usvg::Tree::from_data(&svg, &usvg::Options::default()).context("the favicon is not valid SVG")?;
    let mut icons = Vec::new();
    let mut entries = Vec::new();
    for (size, purpose, share) in [(192, "any", 1.0), (512, "any", 1.0), (512, "maskable", 0.6)] {
        let png = draw(&tree, size, share, purpose == "maskable")?;
        let name = hashed_name(&format!("icon-{size}-{purpose}"), "png", &png);
        write(&site.join(&name), &png)?;
        entries
            .push(json!({ "src": name, "sizes": format!("{size}x{size}"), "type": "image/png", "purpose": purpose }));
        icons.push(name);
    }
    let manifest = json!({
        "name": SITE_NAME,
        "short_name": "KubeCon 要点",
        "description": SITE_DESCRIPTION,
        "lang": "zh-CN",
        "dir": "ltr",
        "start_url": format!("{base}/"),
        "scope": format!("{base}/"),
        "display": "standalone",
        "background_color": THEME_LIGHT,
        "theme_color": THEME_LIGHT,
        "icons": entries,
        "translations": { "en": { "name": "KubeCon takeaways", "short_name": "KubeCon takeaways" } },
    });
    let bytes = serde_json::to_vec_pretty(&manifest).context("cannot write the manifest")?;
    let name = hashed_name("manifest", "webmanifest", &bytes);
    write(&site.join(&name), &bytes)?;
    Ok(Installable { manifest: name, icons })
}

/// The favicon `size` px square, its picture `share` of that, centred; on the favicon's colour if
/// `filled`.
fn draw(tree: &usvg::Tree, size: u32, share: f32, filled: bool) -> Result<Vec<u8>> {
    let Some(mut pixmap) = tiny_skia::Pixmap::new(size, size) else { bail!("cannot make a {size} px icon") };
    if filled {
        let [r, g, b] = ICON_BACKGROUND;
        pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 0xff));
    }
    let picture = size as f32 * share;
    let scale = picture / tree.size().width().max(tree.size().height());
    let offset = (size as f32 - picture) / 2.0;
    resvg::render(tree, tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, offset, offset), &mut pixmap.as_mut());
    pixmap.encode_png().context("cannot encode an icon")
}
