//! A social card's picture: the 1200×630 SVG a link preview shows (`og:image`) once the build
//! has rasterized it. The build lays the lines out with the font's own widths (SVG does not wrap
//! text) and hands them here; this draws them.

use maud::{html, Markup};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

const BACKGROUND: &str = "#ffffff";
const ACCENT: &str = "#2563eb";
const CHIP_FILL: &str = "#dbeafe";
const CHIP_TEXT: &str = "#1d4ed8";
const TEXT: &str = "#111827";
const MUTED: &str = "#6b7280";
const RULE: &str = "#e5e7eb";

pub const LEFT: f32 = 88.0;
pub const RIGHT: f32 = WIDTH as f32 - 72.0;
const BAR: f32 = 16.0;

pub const KICKER_SIZE: f32 = 30.0;
/// The highest the kicker goes: blocks shorter than the room are centred between here and
/// [`FLOW_BOTTOM`].
pub const KICKER_TOP: f32 = 56.0;
pub const KICKER_LINE: f32 = 44.0;
pub const KICKER_GAP: f32 = 24.0;
/// Largest first: the first size whose lines fit wins.
pub const TITLE_SIZES: [f32; 6] = [64.0, 60.0, 56.0, 52.0, 48.0, 44.0];
pub const TITLE_LINE: f32 = 1.22;
pub const TITLE_MAX_LINES: usize = 4;
pub const SUBTITLE_SIZE: f32 = 30.0;
pub const SUBTITLE_LINE: f32 = 40.0;
pub const SUBTITLE_GAP: f32 = 16.0;
pub const SUBTITLE_MAX_LINES: usize = 2;
pub const CHIP_SIZE: f32 = 26.0;
pub const CHIP_HEIGHT: f32 = 48.0;
pub const CHIP_PAD: f32 = 20.0;
pub const CHIP_SPACING: f32 = 14.0;
pub const CHIP_GAP: f32 = 28.0;
pub const CHIP_MAX_WIDTH: f32 = 420.0;
pub const FOOTER_SIZE: f32 = 26.0;
const FOOTER_CENTER: f32 = 570.0;
/// The rule between the blocks and the footer.
const DIVIDER: f32 = 528.0;
/// Where the blocks (kicker, title, subtitle, chips) must end, clear of the footer.
pub const FLOW_BOTTOM: f32 = 518.0;

/// How far above the baseline the middle of an ideograph's em box sits, as a share of the size
/// (Noto CJK's ideographic em box reaches a little below the baseline).
const EM_CENTER: f32 = 0.38;

/// A card's lines, laid out: what [`svg`] draws.
#[derive(Debug)]
pub struct CardLines {
    /// The font family the lines were measured in.
    pub family: String,
    /// Where the kicker's line starts; the other blocks follow it.
    pub top: f32,
    pub kicker: Option<String>,
    pub title: Vec<String>,
    pub title_size: f32,
    pub subtitle: Vec<String>,
    /// Each pill's text and width.
    pub chips: Vec<(String, f32)>,
    pub footer: Option<String>,
}

/// The card's SVG.
pub fn svg(lines: &CardLines) -> Markup {
    let title_line = lines.title_size * TITLE_LINE;
    let title_top = lines.top + KICKER_LINE + KICKER_GAP;
    let subtitle_top =
        title_top + lines.title.len() as f32 * title_line + if lines.subtitle.is_empty() { 0.0 } else { SUBTITLE_GAP };
    let chips_top = subtitle_top + lines.subtitle.len() as f32 * SUBTITLE_LINE + CHIP_GAP;
    let mut x = LEFT;
    let pills: Vec<(f32, f32, &str)> = lines
        .chips
        .iter()
        .map(|(label, width)| {
            let pill = (x, width + 2.0 * CHIP_PAD, label.as_str());
            x += pill.1 + CHIP_SPACING;
            pill
        })
        .collect();
    let square = FOOTER_SIZE * 0.7;
    html! {
        svg xmlns="http://www.w3.org/2000/svg" width=(WIDTH) height=(HEIGHT) viewBox={ "0 0 " (WIDTH) " " (HEIGHT) }
            font-family={ "'" (lines.family) "'" } {
            rect width=(WIDTH) height=(HEIGHT) fill=(BACKGROUND) {}
            rect width=(BAR) height=(HEIGHT) fill=(ACCENT) {}
            @if let Some(kicker) = &lines.kicker {
                (text(LEFT, baseline(lines.top, KICKER_LINE, KICKER_SIZE), KICKER_SIZE, false, MUTED, kicker))
            }
            @for (i, line) in lines.title.iter().enumerate() {
                @let top = title_top + i as f32 * title_line;
                (text(LEFT, baseline(top, title_line, lines.title_size), lines.title_size, true, TEXT, line))
            }
            @for (i, line) in lines.subtitle.iter().enumerate() {
                @let top = subtitle_top + i as f32 * SUBTITLE_LINE;
                (text(LEFT, baseline(top, SUBTITLE_LINE, SUBTITLE_SIZE), SUBTITLE_SIZE, false, MUTED, line))
            }
            @for (x, width, label) in pills {
                rect x=(one(x)) y=(one(chips_top)) width=(one(width)) height=(CHIP_HEIGHT) rx=(CHIP_HEIGHT / 2.0) fill=(CHIP_FILL) {}
                (text(x + CHIP_PAD, baseline(chips_top, CHIP_HEIGHT, CHIP_SIZE), CHIP_SIZE, true, CHIP_TEXT, label))
            }
            rect x=(LEFT) y=(DIVIDER) width=(RIGHT - LEFT) height="2" fill=(RULE) {}
            @if let Some(footer) = &lines.footer {
                rect x=(LEFT) y=(one(FOOTER_CENTER - square / 2.0)) width=(one(square)) height=(one(square)) rx="4" fill=(ACCENT) {}
                (text(LEFT + square + 14.0, FOOTER_CENTER + EM_CENTER * FOOTER_SIZE, FOOTER_SIZE, true, TEXT, footer))
            }
        }
    }
}

/// One line of text; `x` is where it starts and `y` its baseline.
fn text(x: f32, y: f32, size: f32, bold: bool, fill: &str, content: &str) -> Markup {
    html! {
        text x=(one(x)) y=(one(y)) font-size=(size) font-weight=(if bold { 700 } else { 400 }) fill=(fill) { (content) }
    }
}

/// `x` with one decimal.
fn one(x: f32) -> String {
    format!("{x:.1}")
}

/// The baseline that centres an ideograph of `size` in a line box from `top`, `height` tall.
fn baseline(top: f32, height: f32, size: f32) -> f32 {
    top + height / 2.0 + EM_CENTER * size
}
