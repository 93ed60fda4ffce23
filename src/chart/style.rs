//! The look shared by every chart: the Okabe–Ito palette, greys, font sizes, text styles.
//!
//! In: nothing. Out: constants and small value types. Colours were chosen to survive the common
//! colour-vision deficiencies and greyscale print; text colours keep at least 4.5:1 contrast on
//! white.

use plotters::prelude::RGBColor;

/// A colour of the Okabe–Ito palette (safe for the common colour-vision deficiencies), or a grey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Colour(pub(super) u8, pub(super) u8, pub(super) u8);

impl Colour {
    /// `#RRGGBB`.
    pub(super) fn hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// The same colour for plotters.
    pub(super) fn rgb(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }
}

/// Okabe–Ito blue: the main series.
pub(super) const BLUE: Colour = Colour(0, 114, 178);
/// Okabe–Ito vermillion: the second series, or what falls short.
pub(super) const VERMILLION: Colour = Colour(213, 94, 0);
/// Okabe–Ito sky blue: light fills.
pub(super) const SKY: Colour = Colour(86, 180, 233);
/// The composition palette, in order: Okabe–Ito without black.
pub(super) const PALETTE: [Colour; 7] = [
    BLUE,
    Colour(230, 159, 0),
    SKY,
    Colour(0, 158, 115),
    VERMILLION,
    Colour(204, 121, 167),
    Colour(240, 228, 66),
];
/// Body text: near black.
pub(super) const INK: Colour = Colour(34, 34, 34);
/// Secondary text: dark grey, still readable in print.
pub(super) const MUTED: Colour = Colour(85, 85, 85);
/// Axis lines and reference lines.
pub(super) const AXIS: Colour = Colour(102, 102, 102);
/// Grid lines.
pub(super) const GRID: Colour = Colour(221, 221, 221);
/// Light fill for the comparison bar (满分, 上年) and what was not met.
pub(super) const PALE: Colour = Colour(242, 242, 242);
/// Page background.
pub(super) const WHITE: Colour = Colour(255, 255, 255);

/// Body font size in pixels.
pub(super) const FONT: f64 = 12.0;
/// Font size of value labels and ticks: no text of a chart is under 12 px at its natural size
/// (issue 19; a phone shows a chart at that size, scrolling it sideways in its box).
pub(super) const SMALL: f64 = 12.0;

/// Horizontal anchoring of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// `x` is where the text starts.
    Start,
    /// `x` is the text's middle.
    Middle,
    /// `x` is where the text ends.
    End,
}

/// How a text is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Font {
    pub(super) size: f64,
    pub(super) anchor: Anchor,
    pub(super) bold: bool,
    pub(super) colour: Colour,
    /// Draw a white outline behind the text so it stays legible over lines and grid.
    pub(super) halo: bool,
}

impl Font {
    /// Regular ink text of `size`, starting at `x`.
    pub(super) const fn new(size: f64) -> Font {
        Font {
            size,
            anchor: Anchor::Start,
            bold: false,
            colour: INK,
            halo: false,
        }
    }
    pub(super) const fn anchor(self, anchor: Anchor) -> Font {
        Font { anchor, ..self }
    }
    pub(super) const fn bold(self, bold: bool) -> Font {
        Font { bold, ..self }
    }
    pub(super) const fn colour(self, colour: Colour) -> Font {
        Font { colour, ..self }
    }
    pub(super) const fn halo(self) -> Font {
        Font { halo: true, ..self }
    }
}
