//! Social cards: the 1200×630 PNG a link preview shows (`og:image`), rasterized with resvg from
//! the SVG `crate::render::card` draws.
//!
//! The SVG renderer does not wrap text, so lines are laid out here: measured with the font's own
//! advances and broken the way Chinese text is broken, then each line becomes one `<text>` that
//! usvg turns into outlines. Only the CJK font is loaded, so what is measured is what is drawn.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::render::card::{self, *};

/// What a card shows.
#[derive(Clone, Copy, Debug, Default)]
pub struct Card<'a> {
    /// The small line above the title, e.g. "KubeCon Europe 2024 · Paris".
    pub kicker: &'a str,
    /// The big text, usually Chinese.
    pub title: &'a str,
    /// A smaller line under the title, e.g. the English title.
    pub subtitle: Option<&'a str>,
    /// Theme names, drawn as pills (those that do not fit on one row are left out).
    pub chips: &'a [&'a str],
    /// The site's name, bottom left.
    pub footer: &'a str,
}

/// Debian's fonts-noto-cjk: both weights, each a collection with one face per region; the cards
/// use the Simplified Chinese one.
const NOTO_DIR: &str = "/usr/share/fonts/opentype/noto";
const NOTO_REGULAR: &str = "NotoSansCJK-Regular.ttc";
const NOTO_BOLD: &str = "NotoSansCJK-Bold.ttc";
const NOTO_SC_INDEX: u32 = 2;
/// Simplified-only characters: a Japanese or Korean font lacks some, a Chinese one has them all.
const CJK_PROBE: &str = "汉字简体这个说们";
const INSTALL_HINT: &str = "install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)";

/// A font file and which face in it to use.
type FontFile = (PathBuf, u32);

/// One face the cards are drawn with, and its bytes for measuring.
struct Face {
    id: fontdb::ID,
    data: Arc<Vec<u8>>,
    index: u32,
}

impl Face {
    fn font(&self) -> FontRef<'_> {
        FontRef::from_index(&self.data, self.index).expect("the face was parsed in Painter::new")
    }
}

/// Draws cards; holds the fonts, so build it once and reuse it.
pub struct Painter {
    fonts: Arc<fontdb::Database>,
    family: String,
    regular: Face,
    bold: Face,
}

/// A line of text with each character's advance at the size it was measured for.
#[derive(Debug, Default)]
struct Line {
    chars: Vec<(char, f32)>,
}

impl Line {
    fn width(&self) -> f32 {
        self.chars.iter().map(|&(_, w)| w).sum()
    }

    fn text(&self) -> String {
        self.chars.iter().map(|&(c, _)| c).collect()
    }
}

impl Painter {
    /// The painter, or why not: an error when no CJK font is installed.
    pub fn new() -> Result<Painter, String> {
        Painter::with_noto_in(Path::new(NOTO_DIR))
    }

    /// The painter with Noto CJK from `dir`, or from wherever the system keeps a Chinese font.
    fn with_noto_in(dir: &Path) -> Result<Painter, String> {
        let (regular_path, bold_path) = if dir.join(NOTO_REGULAR).is_file() {
            let bold = Some(dir.join(NOTO_BOLD)).filter(|path| path.is_file());
            ((dir.join(NOTO_REGULAR), NOTO_SC_INDEX), bold.map(|path| (path, NOTO_SC_INDEX)))
        } else {
            system_cjk_faces().ok_or_else(|| format!("no Chinese font found for the social cards: {INSTALL_HINT}"))?
        };
        let mut db = fontdb::Database::new();
        let regular = load_face(&mut db, &regular_path)?;
        // Without a bold file the titles are drawn in the regular weight.
        let bold = match &bold_path {
            Some(path) => load_face(&mut db, path)?,
            None => Face { id: regular.id, data: Arc::clone(&regular.data), index: regular.index },
        };
        let family = db
            .face(regular.id)
            .and_then(|face| face.families.first())
            .map(|(name, _)| name.clone())
            .ok_or_else(|| format!("{} has no family name: {INSTALL_HINT}", regular_path.0.display()))?;
        for (face, (path, _)) in [(&regular, &regular_path), (&bold, bold_path.as_ref().unwrap_or(&regular_path))] {
            if !CJK_PROBE.chars().all(|c| face.font().charmap().map(c).is_some()) {
                return Err(format!("{} lacks Chinese characters: {INSTALL_HINT}", path.display()));
            }
        }
        Ok(Painter { fonts: Arc::new(db), family, regular, bold })
    }

    /// The card as a PNG.
    pub fn png(&self, card: &Card) -> Result<Vec<u8>, String> {
        self.rasterize(&self.svg(card))
    }

    /// A card's SVG (see [`Painter::svg`]) as a PNG.
    fn rasterize(&self, svg: &str) -> Result<Vec<u8>, String> {
        let options = usvg::Options {
            fontdb: Arc::clone(&self.fonts),
            font_family: self.family.clone(),
            ..usvg::Options::default()
        };
        let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("the card's SVG is invalid: {e}"))?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate the card's pixels")?;
        resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
        encode(&pixmap).map_err(|e| format!("cannot encode the card as PNG: {e}"))
    }

    /// The SVG that [`Painter::png`] rasterizes.
    pub fn svg(&self, card: &Card) -> String {
        card::svg(&self.layout(card)).into_string()
    }

    /// `text` broken into lines no wider than `width` at `size` pixels, in the bold or regular
    /// face. Characters the font lacks are left out.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        self.lines(text, size, bold, width).iter().map(Line::text).collect()
    }

    fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// The characters of `text` the font can draw, each with its advance, spaces collapsed.
    fn measure(&self, text: &str, size: f32, bold: bool) -> Vec<(char, f32)> {
        let font = self.face(bold).font();
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        let mut out: Vec<(char, f32)> = Vec::with_capacity(text.len());
        for c in text.chars() {
            let c = if c.is_whitespace() && c != IDEOGRAPHIC_SPACE { ' ' } else { c };
            if c == ' ' && out.last().is_none_or(|&(last, _)| last == ' ') {
                continue;
            }
            if c.is_control() || is_invisible(c) {
                continue;
            }
            if let Some(advance) = charmap.map(c).and_then(|glyph| metrics.advance_width(glyph)) {
                out.push((c, advance));
            }
        }
        if out.last().is_some_and(|&(c, _)| c == ' ') {
            out.pop();
        }
        out
    }

    fn lines(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<Line> {
        break_lines(&self.measure(text, size, bold), width)
    }

    /// At most `max` lines; when the text needs more, the last one ends with "…".
    fn clamped(&self, text: &str, size: f32, bold: bool, width: f32, max: usize) -> Vec<String> {
        let mut lines = self.lines(text, size, bold, width);
        if lines.len() > max {
            lines.truncate(max);
            let ellipsis = self.measure("…", size, bold);
            if let Some(last) = lines.last_mut() {
                let room = width - ellipsis.iter().map(|&(_, w)| w).sum::<f32>();
                while last.width() > room {
                    last.chars.pop();
                }
                while last.chars.last().is_some_and(|&(c, _)| is_space(c) || no_end(c) || is_pause(c)) {
                    last.chars.pop();
                }
                last.chars.extend(ellipsis);
            }
        }
        lines.iter().map(Line::text).collect()
    }

    /// `text` in `count` lines of even length rather than full lines and a short last one: wrapped
    /// to the narrowest width that still needs no more lines, and splits no word.
    fn balanced(&self, text: &str, size: f32, count: usize, width: f32) -> Vec<String> {
        let chars = self.measure(text, size, true);
        let widest =
            pieces(&chars).into_iter().map(|piece| chars[piece].iter().map(|&(_, w)| w).sum()).fold(0.0, f32::max);
        let (mut narrow, mut wide) = (widest.min(width), width);
        // Halving until the step is below a pixel.
        while wide - narrow > 1.0 {
            let middle = (narrow + wide) / 2.0;
            if break_lines(&chars, middle).len() <= count {
                wide = middle;
            } else {
                narrow = middle;
            }
        }
        break_lines(&chars, wide).iter().map(Line::text).collect()
    }

    fn layout(&self, card: &Card) -> CardLines {
        let width = RIGHT - LEFT;
        let one_line =
            |text: &str, size: f32, bold: bool, width: f32| self.clamped(text, size, bold, width, 1).into_iter().next();
        let subtitle = card
            .subtitle
            .map(|text| self.clamped(text, SUBTITLE_SIZE, false, width, SUBTITLE_MAX_LINES))
            .unwrap_or_default();
        let mut chips = Vec::new();
        let mut row = 0.0;
        for chip in card.chips {
            let Some(label) = one_line(chip, CHIP_SIZE, true, CHIP_MAX_WIDTH) else { continue };
            let label_width = self.measure(&label, CHIP_SIZE, true).iter().map(|&(_, w)| w).sum::<f32>();
            let pill = label_width + 2.0 * CHIP_PAD;
            if row + pill > width {
                break;
            }
            row += pill + CHIP_SPACING;
            chips.push((label, label_width));
        }
        let mut others = KICKER_LINE + KICKER_GAP;
        if !subtitle.is_empty() {
            others += SUBTITLE_GAP + SUBTITLE_LINE * subtitle.len() as f32;
        }
        if !chips.is_empty() {
            others += CHIP_GAP + CHIP_HEIGHT;
        }
        let room = FLOW_BOTTOM - KICKER_TOP - others;
        let max_lines = |size: f32| TITLE_MAX_LINES.min((room / (size * TITLE_LINE)).floor().max(1.0) as usize);
        let smallest = TITLE_SIZES[TITLE_SIZES.len() - 1];
        let (title, title_size) = TITLE_SIZES
            .iter()
            .find_map(|&size| {
                let lines = self.wrap(card.title, size, true, width);
                (lines.len() <= max_lines(size)).then(|| (self.balanced(card.title, size, lines.len(), width), size))
            })
            .unwrap_or_else(|| (self.clamped(card.title, smallest, true, width, max_lines(smallest)), smallest));
        let free = room - title.len() as f32 * title_size * TITLE_LINE;
        CardLines {
            family: self.family.clone(),
            top: KICKER_TOP + free / 2.0,
            kicker: one_line(card.kicker, KICKER_SIZE, false, width),
            title,
            title_size,
            subtitle,
            chips,
            footer: one_line(card.footer, FOOTER_SIZE, true, width),
        }
    }
}

/// Where a card is, under the site's root: named by what it shows, so an unchanged card keeps
/// its file and a changed one gets a new file that no cache has an old copy of.
pub const CARDS_DIR: &str = "cards";

/// Draws `cards` into `site`'s [`CARDS_DIR`], returning each one's path under the site's root.
/// A card drawn by an earlier build (same text, same fonts, same drawing) is taken from `cache`
/// instead of drawn again: the cards are what costs a build most. Cards are drawn on every core.
pub fn draw_all(painter: &Painter, cards: &[Card], site: &Path, cache: &Path) -> Result<Drawn, String> {
    let folder = site.join(CARDS_DIR);
    for dir in [&folder, cache] {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let svgs: Vec<String> = cards.iter().map(|card| painter.svg(card)).collect();
    let names: Vec<String> = svgs.iter().map(|svg| format!("{}.png", super::short_hash(svg.as_bytes()))).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let drawn = std::sync::atomic::AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let draw_next = || -> Result<(), String> {
        loop {
            let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some((svg, name)) = svgs.get(at).zip(names.get(at)) else { return Ok(()) };
            let (cached, target) = (cache.join(name), folder.join(name));
            if target.exists() {
                continue;
            }
            if !cached.exists() {
                let png = painter.rasterize(svg)?;
                // Written beside and renamed, so a build stopped half way leaves no broken card.
                let partial = cache.join(format!("{name}.partial"));
                std::fs::write(&partial, png).map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
                std::fs::rename(&partial, &cached).map_err(|e| format!("cannot write {}: {e}", cached.display()))?;
                drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            std::fs::copy(&cached, &target).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        }
    };
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..workers).map(|_| scope.spawn(draw_next)).collect();
        threads
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|_| Err("a card's drawing failed".to_owned())))
            .collect::<Result<Vec<()>, String>>()
    })?;
    let paths = names.into_iter().map(|name| format!("{CARDS_DIR}/{name}")).collect();
    Ok(Drawn { paths, drawn: drawn.into_inner() })
}

/// The cards a build wrote.
pub struct Drawn {
    /// Each card's path under the site's root, in the order asked.
    pub paths: Vec<String>,
    /// How many were drawn, not taken from the cache.
    pub drawn: usize,
}

/// The pixels as a PNG. A card has few colours (flat fills and their antialiased edges), so it
/// is written with a palette, which is lossless and far smaller than tiny-skia's RGBA; pixels with
/// more colours than a palette holds are written as RGB. Either way without alpha: the background
/// covers the whole card, so every pixel is opaque and its premultiplied colour is its colour.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let pixels = pixmap.data().chunks_exact(4).map(|pixel| [pixel[0], pixel[1], pixel[2]]);
    let mut palette: Vec<[u8; 3]> = Vec::new();
    let mut slots: HashMap<[u8; 3], u8> = HashMap::new();
    let mut indices = Vec::with_capacity(pixmap.data().len() / 4);
    let mut last = None;
    for rgb in pixels.clone() {
        // Most pixels repeat their left neighbour; that skips the lookup.
        let slot = match last {
            Some((previous, slot)) if previous == rgb => slot,
            _ => match slots.get(&rgb) {
                Some(&slot) => slot,
                None if palette.len() < 256 => {
                    let slot = palette.len() as u8;
                    palette.push(rgb);
                    slots.insert(rgb, slot);
                    slot
                }
                None => return write_png(pixmap, png::ColorType::Rgb, None, &pixels.flatten().collect::<Vec<u8>>()),
            },
        };
        last = Some((rgb, slot));
        indices.push(slot);
    }
    write_png(pixmap, png::ColorType::Indexed, Some(palette.concat()), &indices)
}

fn write_png(
    pixmap: &tiny_skia::Pixmap,
    color: png::ColorType,
    palette: Option<Vec<u8>>,
    data: &[u8],
) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(color);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    if let Some(palette) = palette {
        encoder.set_palette(palette);
        // Filters predict smooth gradients; on palette indices they only make the data less regular.
        encoder.set_filter(png::Filter::NoFilter);
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(data)?;
    writer.finish()?;
    Ok(out)
}

/// Loads the font file behind `path` into `db` and returns its face `index`.
fn load_face(db: &mut fontdb::Database, (path, index): &FontFile) -> Result<Face, String> {
    let data =
        Arc::new(std::fs::read(path).map_err(|e| format!("cannot read {}: {e}; {INSTALL_HINT}", path.display()))?);
    let ids = db.load_font_source(fontdb::Source::Binary(data.clone()));
    let id = ids
        .into_iter()
        .find(|&id| db.face(id).is_some_and(|face| face.index == *index))
        .ok_or_else(|| format!("{} has no face {index}: {INSTALL_HINT}", path.display()))?;
    let face = Face { id, data, index: *index };
    FontRef::from_index(&face.data, face.index)
        .map_err(|e| format!("cannot parse {}: {e}; {INSTALL_HINT}", path.display()))?;
    Ok(face)
}

/// A regular face (and a bold one if there is one) among the system's fonts that draws Simplified
/// Chinese, for systems that keep Noto CJK elsewhere or have another CJK font.
fn system_cjk_faces() -> Option<(FontFile, Option<FontFile>)> {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut faces: Vec<(&str, u16, PathBuf, u32)> = db
        .faces()
        .filter(|face| face.style == fontdb::Style::Normal && !face.monospaced)
        .filter_map(|face| {
            let fontdb::Source::File(path) = &face.source else { return None };
            let covers = db.with_face_data(face.id, |data, index| {
                FontRef::from_index(data, index)
                    .is_ok_and(|font| CJK_PROBE.chars().all(|c| font.charmap().map(c).is_some()))
            });
            let family = face.families.first().map(|(name, _)| name.as_str())?;
            covers.unwrap_or(false).then(|| (family, face.weight.0, path.clone(), face.index))
        })
        .collect();
    // The directory scan's order varies; sorting makes the choice the same on every run.
    faces.sort();
    // Pan-CJK fonts cover Simplified Chinese in every regional face, but only the Chinese face
    // draws its characters the mainland way; and sans-serif reads best small.
    let simplified = |family: &str| [" SC", " CN", "GB", "Hans"].iter().any(|tag| family.contains(tag));
    let regular = faces.iter().min_by_key(|(family, weight, ..)| {
        (!simplified(family), !family.contains("Sans"), *family, weight.abs_diff(400))
    })?;
    let bold = faces
        .iter()
        .filter(|(family, weight, ..)| *family == regular.0 && *weight >= 600)
        .min_by_key(|(_, weight, ..)| weight.abs_diff(700))
        .map(|(_, _, path, index)| (path.clone(), *index));
    Some(((regular.2.clone(), regular.3), bold))
}

const IDEOGRAPHIC_SPACE: char = '\u{3000}';

/// Greedy line breaking: each line takes as many pieces (runs with no break allowed inside) as fit;
/// a piece wider than a whole line is split between characters.
fn break_lines(chars: &[(char, f32)], width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut line = Line::default();
    // Spaces after the line's last piece: kept only if another piece follows on the same line.
    let mut spaces: Vec<(char, f32)> = Vec::new();
    for piece in pieces(chars) {
        let piece = &chars[piece];
        if is_space(piece[0].0) {
            if !line.chars.is_empty() {
                spaces.extend_from_slice(piece);
            }
            continue;
        }
        let piece_width: f32 = piece.iter().map(|&(_, w)| w).sum();
        let spaces_width: f32 = spaces.iter().map(|&(_, w)| w).sum();
        if line.chars.is_empty() || line.width() + spaces_width + piece_width <= width {
            line.chars.append(&mut spaces);
            line.chars.extend_from_slice(piece);
        } else {
            spaces.clear();
            lines.push(std::mem::take(&mut line));
            line.chars.extend_from_slice(piece);
        }
        if line.width() > width {
            lines.extend(split_long(&mut line, width));
        }
    }
    if !line.chars.is_empty() {
        lines.push(line);
    }
    lines
}

/// Splits an overlong line between characters, returning the full lines and leaving the rest in
/// `line`; the split still keeps closing punctuation off a line's start where it can.
fn split_long(line: &mut Line, width: f32) -> Vec<Line> {
    let mut done = Vec::new();
    while line.width() > width {
        let mut used = 0.0;
        let mut cut = 0;
        while cut < line.chars.len() && (cut == 0 || used + line.chars[cut].1 <= width) {
            used += line.chars[cut].1;
            cut += 1;
        }
        while cut > 1 && cut < line.chars.len() && !can_split(line.chars[cut - 1].0, line.chars[cut].0) {
            cut -= 1;
        }
        let rest = line.chars.split_off(cut);
        done.push(std::mem::replace(line, Line { chars: rest }));
    }
    done
}

/// The text cut into pieces at every place a line may break: runs of non-space characters with
/// no break allowed inside, and runs of spaces (where a line may end; they are dropped there).
fn pieces(chars: &[(char, f32)]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].0;
        if is_space(c) {
            let end = i + chars[i..].iter().take_while(|&&(c, _)| is_space(c)).count();
            let before = i.checked_sub(1).map(|j| chars[j].0);
            let after = chars.get(end).map(|&(c, _)| c);
            // A space between an opening bracket and its word, or before a comma, joins them.
            if !before.is_some_and(no_end) && !after.is_some_and(no_start) {
                if start < i {
                    out.push(start..i);
                }
                out.push(i..end);
                start = end;
            }
            i = end;
        } else {
            if i > start && !is_space(chars[i - 1].0) && can_break(chars[i - 1].0, c) {
                out.push(start..i);
                start = i;
            }
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(start..chars.len());
    }
    out
}

/// Whether a line may break between `a` and `b` (neither a space): next to Chinese, Japanese or
/// Korean characters it may, between Latin letters, digits and signs it may not (spaces break those).
fn can_break(a: char, b: char) -> bool {
    (is_cjk(a) || is_cjk(b)) && can_split(a, b)
}

/// Whether a word too wide for a line may be split between `a` and `b`.
fn can_split(a: char, b: char) -> bool {
    !no_end(a) && !no_start(b) && !is_quote(a) && !is_quote(b)
}

fn is_space(c: char) -> bool {
    c == ' ' || c == IDEOGRAPHIC_SPACE
}

/// ASCII quotes open and close alike, so they stay with the characters on both sides.
fn is_quote(c: char) -> bool {
    c == '"' || c == '\''
}

/// Closing punctuation: never at a line's start.
fn no_start(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '：'
            | '；'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '〛'
            | '］'
            | '｝'
            | '．'
            | '％'
            | '”'
            | '’'
            | '〞'
            | '·'
            | '・'
            | '々'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Opening punctuation: never at a line's end.
fn no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '「'
            | '『'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '〚'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '〝'
            | '('
            | '['
            | '{'
    )
}

/// Pauses that read badly right before an ellipsis.
fn is_pause(c: char) -> bool {
    matches!(c, '，' | '、' | '：' | '；' | ',' | ':' | ';' | '·' | '-' | '—')
}

/// Characters that draw nothing and would only confuse measuring.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{206f}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}')
        || ('\u{e0000}'..='\u{e0fff}').contains(&c)
}

/// Chinese, Japanese and Korean characters and their full-width punctuation: a line may break
/// before or after any of them.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11ff
        | 0x2e80..=0x2fff
        | 0x3000..=0x33ff
        | 0x3400..=0x4dbf
        | 0x4e00..=0x9fff
        | 0xa960..=0xa97f
        | 0xac00..=0xd7ff
        | 0xf900..=0xfaff
        | 0xfe30..=0xfe4f
        | 0xff00..=0xff60
        | 0xffe0..=0xffe6
        | 0x20000..=0x3ffff)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    /// The font the tests measure with: Noto CJK's ideographs are one em wide.
    const SIZE: f32 = 40.0;
    const EM: f32 = SIZE;

    /// One painter for all tests (it reads two large font files); without the font the tests
    /// fail with the painter's message.
    fn painter() -> &'static Painter {
        static PAINTER: OnceLock<Result<Painter, String>> = OnceLock::new();
        match PAINTER.get_or_init(Painter::new) {
            Ok(painter) => painter,
            Err(message) => panic!("{message}"),
        }
    }

    fn wrap(text: &str, width: f32) -> Vec<String> {
        painter().wrap(text, SIZE, false, width)
    }

    fn width(text: &str) -> f32 {
        painter().measure(text, SIZE, false).iter().map(|&(_, w)| w).sum()
    }

    const LTS: Card = Card {
        kicker: "KubeCon 北美 2023 · 芝加哥",
        title:
            "由社区支持的 Kubernetes LTS: 确保稳定性和兼容性同时推动创新 — Jeremy Rickard，微软 Azure 首席软件工程师",
        subtitle: Some("Community-supported Kubernetes LTS: stability and compatibility while driving innovation"),
        chips: &["Kubernetes 核心", "社区与开源"],
        footer: "KubeCon 要点 · takeaways",
    };

    /// Two hundred characters.
    fn long_title() -> String {
        "云原生平台工程团队在多集群环境中落地服务网格、可观测性与安全策略的实践经验，以及 Kubernetes 升级带来的挑战。"
            .repeat(5)
            .chars()
            .take(200)
            .collect()
    }

    #[test]
    fn chinese_breaks_between_any_two_characters() {
        assert_eq!(wrap("一二三四五六七八九十一二三", 5.5 * EM), ["一二三四五", "六七八九十", "一二三"]);
    }

    #[test]
    fn closing_punctuation_takes_the_character_before_it_to_the_next_line() {
        assert_eq!(wrap("一二三四五，六七", 5.5 * EM), ["一二三四", "五，六七"]);
        assert_eq!(wrap("一二三四五」。六", 5.5 * EM), ["一二三四", "五」。六"]);
    }

    #[test]
    fn opening_punctuation_moves_to_the_next_line() {
        assert_eq!(wrap("一二三四（五六）七", 5.5 * EM), ["一二三四", "（五六）七"]);
        assert_eq!(wrap("一二三四《五》", 5.5 * EM), ["一二三四", "《五》"]);
    }

    #[test]
    fn spaces_at_line_ends_are_dropped() {
        assert_eq!(wrap("一二三四五　六七", 5.5 * EM), ["一二三四五", "六七"]);
        assert_eq!(wrap("一二三四五 六七", 5.5 * EM), ["一二三四五", "六七"]);
        assert_eq!(wrap("　一　二 ", 5.5 * EM), ["一　二"]);
    }

    #[test]
    fn latin_words_stay_whole() {
        let text = "使用 eBPF 和 Cilium 的云原生网络";
        let lines = wrap(text, width("使用 eBPF 和 Cil"));
        assert_eq!(lines[0], "使用 eBPF 和");
        assert!(lines[1].starts_with("Cilium"), "{lines:?}");

        assert_eq!(wrap("使用eBPF的网络", width("使用eB")), ["使用", "eBPF", "的网络"]);

        let lines = wrap("云原生 Kubernetes-native 应用", width("云原生 Kubernetes-"));
        assert_eq!(lines[0], "云原生");
        assert!(lines[1].starts_with("Kubernetes-native"), "{lines:?}");
    }

    #[test]
    fn a_comma_stays_with_its_latin_word() {
        let lines = wrap("云原生网络 Kubernetes, Cilium", width("云原生网络 Kubernetes") + 1.0);
        assert_eq!(lines, ["云原生网络", "Kubernetes, Cilium"]);
    }

    #[test]
    fn a_word_wider_than_a_line_is_split_between_letters() {
        let word = "Supercalifragilisticexpialidocious";
        let line = width("Supercalif");
        let lines = wrap(word, line);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| width(l) <= line), "{lines:?}");
    }

    #[test]
    fn characters_the_font_lacks_are_left_out() {
        assert_eq!(wrap("云原生 🚀 网络\n\t安全", 20.0 * EM), ["云原生 网络 安全"]);
    }

    #[test]
    fn a_card_is_a_1200_by_630_png_with_dark_text() {
        let png = painter().png(&LTS).unwrap();
        let pixmap = tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (WIDTH, HEIGHT));
        let dark = pixmap.pixels().iter().filter(|p| p.red() < 40 && p.green() < 40 && p.blue() < 60).count();
        assert!(dark > 10_000, "only {dark} dark pixels: is the title drawn?");
    }

    /// Every text element of the card's SVG as usvg laid it out.
    fn texts(card: &Card) -> Vec<usvg::Text> {
        fn walk(group: &usvg::Group, out: &mut Vec<usvg::Text>) {
            for node in group.children() {
                match node {
                    usvg::Node::Group(group) => walk(group, out),
                    usvg::Node::Text(text) => out.push((**text).clone()),
                    _ => {}
                }
            }
        }
        let painter = painter();
        let options = usvg::Options {
            fontdb: Arc::clone(&painter.fonts),
            font_family: painter.family.clone(),
            ..Default::default()
        };
        let tree = usvg::Tree::from_str(&painter.svg(card), &options).unwrap();
        let mut out = Vec::new();
        walk(tree.root(), &mut out);
        out
    }

    #[test]
    fn every_character_is_drawn_with_a_real_glyph_inside_the_margins() {
        let long = long_title();
        let hostile = Card { title: "Emoji 🚀🇨🇳 and ✓ ☃ 𝔘 mixed 云原生", ..LTS };
        for card in [LTS, Card { title: &long, ..LTS }, hostile] {
            let faces = [painter().regular.id, painter().bold.id];
            let texts = texts(&card);
            assert!(texts.len() > 5, "{} text elements", texts.len());
            for text in texts {
                for glyph in text.layouted().iter().flat_map(|span| &span.positioned_glyphs) {
                    assert_ne!(glyph.id.0, 0, "{:?} in {:?} has no glyph", glyph.text, text.chunks()[0].text());
                    assert!(faces.contains(&glyph.font), "{:?} drawn with another font", glyph.text);
                }
                let bounds = text.abs_bounding_box();
                assert!(bounds.left() >= LEFT - 4.0 && bounds.right() <= RIGHT + 1.0, "{bounds:?}");
                assert!(bounds.top() >= 0.0 && bounds.bottom() <= HEIGHT as f32, "{bounds:?}");
            }
        }
    }

    #[test]
    fn hostile_text_is_escaped() {
        let title = r#"<script>alert(1)</script> & "x" 'y'"#;
        let card = Card { title, kicker: "a<b>&c", subtitle: Some("</text></svg>"), ..LTS };
        let svg = painter().svg(&card);
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        let drawn: Vec<String> = texts(&card).iter().map(|t| t.chunks()[0].text().to_string()).collect();
        let drawn = drawn.join(" ");
        for part in ["<script>alert(1)</script>", "& \"x\" 'y'", "a<b>&c", "</text></svg>"] {
            assert!(drawn.contains(part), "{part} missing from {drawn}");
        }
        assert!(painter().png(&card).is_ok());
    }

    #[test]
    fn a_title_too_long_for_four_lines_ends_with_an_ellipsis() {
        let long = long_title();
        for card in [Card { title: &long, ..LTS }, Card { title: &long, subtitle: None, chips: &[], ..LTS }] {
            let layout = painter().layout(&card);
            assert!((1..=4).contains(&layout.title.len()), "{:?}", layout.title);
            assert!(layout.title.last().unwrap().ends_with('…'), "{:?}", layout.title);
            let widest = layout
                .title
                .iter()
                .map(|l| painter().measure(l, layout.title_size, true))
                .map(|l| l.iter().map(|&(_, w)| w).sum::<f32>());
            assert!(widest.fold(0.0, f32::max) <= RIGHT - LEFT);
        }
    }

    #[test]
    fn short_titles_are_big_and_long_ones_shrink_to_fit_whole() {
        let short = painter().layout(&Card { title: "安全是大生意", chips: &["安全"], ..Card::default() });
        assert_eq!((short.title.clone(), short.title_size), (vec!["安全是大生意".to_string()], TITLE_SIZES[0]));
        let lts = painter().layout(&LTS);
        assert!(lts.title_size < TITLE_SIZES[0], "{}", lts.title_size);
        assert_eq!(lts.title.concat().replace(' ', ""), LTS.title.replace(' ', ""));
    }

    #[test]
    fn chips_that_do_not_fit_on_the_row_are_left_out() {
        let chips = ["可观测性与监控告警", "平台工程与开发者体验", "安全与合规治理", "网络与服务网格", "存储"];
        let layout = painter().layout(&Card { chips: &chips, ..LTS });
        assert!(!layout.chips.is_empty() && layout.chips.len() < chips.len(), "{:?}", layout.chips);
        let row: f32 = layout.chips.iter().map(|(_, w)| w + 2.0 * CHIP_PAD + CHIP_SPACING).sum();
        assert!(row - CHIP_SPACING <= RIGHT - LEFT);
    }

    /// Decodes `png` and compares it with `pixmap`, pixel by pixel.
    fn assert_same_pixels(png: &[u8], pixmap: &tiny_skia::Pixmap) {
        let decoded = tiny_skia::Pixmap::decode_png(png).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (pixmap.width(), pixmap.height()));
        assert!(decoded.pixels() == pixmap.pixels(), "the PNG's pixels differ from the drawn ones");
    }

    #[test]
    fn the_png_holds_exactly_the_drawn_pixels() {
        let svg = painter().svg(&LTS);
        let options = usvg::Options {
            fontdb: Arc::clone(&painter().fonts),
            font_family: painter().family.clone(),
            ..Default::default()
        };
        let tree = usvg::Tree::from_str(&svg, &options).unwrap();
        let mut card = tiny_skia::Pixmap::new(WIDTH, HEIGHT).unwrap();
        resvg::render(&tree, tiny_skia::Transform::identity(), &mut card.as_mut());
        let png = encode(&card).unwrap();
        assert_eq!(png[25], 3, "a card is written with a palette");
        assert_same_pixels(&png, &card);

        // A gradient has more colours than a palette holds.
        let mut gradient = tiny_skia::Pixmap::new(64, 64).unwrap();
        for (i, pixel) in gradient.pixels_mut().iter_mut().enumerate() {
            *pixel = tiny_skia::ColorU8::from_rgba((i % 64 * 4) as u8, (i / 64 * 4) as u8, 99, 255).premultiply();
        }
        let png = encode(&gradient).unwrap();
        assert_eq!(png[25], 2, "too many colours for a palette: RGB");
        assert_same_pixels(&png, &gradient);
    }

    #[test]
    fn without_debians_path_the_painter_finds_the_font_among_the_systems() {
        let painter = Painter::with_noto_in(Path::new("/nonexistent")).unwrap_or_else(|e| panic!("{e}"));
        assert!(painter.family.ends_with(" SC"), "{}", painter.family);
        assert_eq!(painter.wrap("云原生 Kubernetes", SIZE, true, 20.0 * EM), ["云原生 Kubernetes"]);
    }

    #[test]
    fn the_same_card_gives_the_same_bytes() {
        let first = painter().png(&LTS).unwrap();
        let again = Painter::new().unwrap().png(&LTS).unwrap();
        assert!(first == again, "two renderings of one card differ");
    }
}
