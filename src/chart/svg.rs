//! The SVG document every chart is written into: accessible root, plotters drawing, text layer.
//!
//! In: a size, a title and a description, shapes drawn by plotters, and text placed by the
//! chart. Out: one well-formed, deterministic SVG string with `role="img"`, `<title>`, `<desc>`,
//! a `viewBox` and ids derived from the content (so two charts on one page never share an id
//! and the same input always gives the same bytes). Never writes files.
//!
//! All text is written here rather than by plotters: plotters prints font sizes as
//! `size / 1.24` floats, cannot attach a `<title>` tooltip to a shortened label, and lays text
//! out with byte-based width estimates that are wrong for Chinese.

use std::fmt::Write as _;

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};
use sha2::{Digest, Sha256};

use super::style::{Anchor, Colour, FONT, Font, MUTED};
use super::text::{self, FONT_FAMILY, Wrapped};

/// A drawing failure inside plotters (it writes to a String, so this should not happen); the
/// chart then falls back to a placeholder.
#[derive(Debug)]
pub(super) struct PlotError(pub(super) String);

impl<E: std::error::Error + Send + Sync> From<plotters::drawing::DrawingAreaErrorKind<E>>
    for PlotError
{
    fn from(e: plotters::drawing::DrawingAreaErrorKind<E>) -> PlotError {
        PlotError(e.to_string())
    }
}

/// The root area plotters draws on.
pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A coordinate in pixels, rounded to 0.1 so output never depends on float noise; non-finite
/// values become 0 so `NaN` and `inf` never reach the file.
pub(super) fn px(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let r = (v * 10.0).round() / 10.0;
    let s = format!("{r:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s);
    if s == "-0" {
        "0".to_owned()
    } else {
        s.to_owned()
    }
}

/// The accessible name of a chart whose title is empty.
const UNTITLED: &str = "图表";

/// An SVG being built.
pub(super) struct Doc {
    width: u32,
    height: u32,
    title: String,
    desc: String,
    /// Fixed pixel size (sparklines in a table cell) instead of scaling to the container.
    inline: bool,
    body: String,
}

impl Doc {
    /// A `width × height` chart titled `title`, with `desc` summarising its data in words.
    pub(super) fn new(width: u32, height: u32, title: &str, desc: &str) -> Doc {
        // A screen reader needs a name even when the caller's title is empty.
        let title = if text::clean(title).is_empty() {
            UNTITLED
        } else {
            title
        };
        Doc {
            width,
            height,
            title: title.to_owned(),
            desc: desc.to_owned(),
            inline: false,
            body: String::new(),
        }
    }

    /// Keeps the chart at its pixel size instead of filling the container's width.
    pub(super) fn inline(mut self) -> Doc {
        self.inline = true;
        self
    }

    /// Lets plotters draw shapes on the whole canvas; what it draws goes into the body in order.
    pub(super) fn plot<R>(
        &mut self,
        draw: impl FnOnce(&Area<'_>) -> Result<R, PlotError>,
    ) -> Result<R, PlotError> {
        let mut buf = String::new();
        let out = {
            let root =
                SVGBackend::with_string(&mut buf, (self.width, self.height)).into_drawing_area();
            let out = draw(&root)?;
            root.present()?;
            out
        };
        // plotters writes a whole document: keep only what is between its root tags.
        let inner = buf.split_once('\n').map_or("", |(_, rest)| rest);
        let inner = inner.trim_end().strip_suffix("</svg>").unwrap_or(inner);
        self.body.push_str(inner);
        Ok(out)
    }

    /// Like [`Doc::plot`], inside a group that dashes every stroke with the SVG dash array
    /// `dash` (such as `"6 4"`). plotters' own dashed series cut a line into one element per
    /// dash; an inherited `stroke-dasharray` keeps one path and prints evenly.
    pub(super) fn plot_dashed<R>(
        &mut self,
        dash: &str,
        draw: impl FnOnce(&Area<'_>) -> Result<R, PlotError>,
    ) -> Result<R, PlotError> {
        let _ = writeln!(self.body, r#"<g stroke-dasharray="{dash}">"#);
        let out = self.plot(draw);
        self.body.push_str("</g>\n");
        out
    }

    /// One line of text with its baseline at `y`.
    pub(super) fn text(&mut self, x: f64, y: f64, content: &str, font: Font) {
        let anchor = match font.anchor {
            Anchor::Start => "",
            Anchor::Middle => r#" text-anchor="middle""#,
            Anchor::End => r#" text-anchor="end""#,
        };
        let weight = if font.bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let (x, y, size, content) = (px(x), px(y), px(font.size), text::escape(content));
        if font.halo {
            // A white copy underneath rather than `paint-order`, which not every renderer has.
            let _ = writeln!(
                self.body,
                r##"<text x="{x}" y="{y}" font-size="{size}"{anchor}{weight} fill="#FFFFFF" stroke="#FFFFFF" stroke-width="3" stroke-linejoin="round">{content}</text>"##
            );
        }
        let _ = writeln!(
            self.body,
            r#"<text x="{x}" y="{y}" font-size="{size}"{anchor}{weight} fill="{}">{content}</text>"#,
            font.colour.hex()
        );
    }

    /// A wrapped label, first baseline at `y`, lines `line_height` apart. A shortened label
    /// carries its full text in a `<title>` tooltip.
    pub(super) fn label(
        &mut self,
        x: f64,
        y: f64,
        label: &Wrapped,
        full: &str,
        font: Font,
        line_height: f64,
    ) {
        if label.cut {
            self.begin_group(full);
        }
        for (i, line) in label.lines.iter().enumerate() {
            self.text(x, y + i as f64 * line_height, line, font);
        }
        if label.cut {
            self.end_group();
        }
    }

    /// Starts a group whose `<title>` tooltip is `tip`; close it with [`Doc::end_group`].
    pub(super) fn begin_group(&mut self, tip: &str) {
        let _ = writeln!(self.body, "<g><title>{}</title>", text::escape(tip));
    }

    /// Closes the group [`Doc::begin_group`] opened.
    pub(super) fn end_group(&mut self) {
        self.body.push_str("</g>\n");
    }

    /// A rectangle; `stroke` outlines it.
    pub(super) fn rect(
        &mut self,
        x: f64,
        y: f64,
        w: f64,
        h: f64,
        fill: Colour,
        stroke: Option<Colour>,
    ) {
        let stroke = stroke.map_or(String::new(), |c| {
            format!(r#" stroke="{}" stroke-width="1""#, c.hex())
        });
        let _ = writeln!(
            self.body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"{stroke}/>"#,
            px(x),
            px(y),
            px(w.max(0.0)),
            px(h.max(0.0)),
            fill.hex()
        );
    }

    /// A straight line; `dash` is an SVG dash array such as `"6 4"`.
    pub(super) fn line(
        &mut self,
        from: (f64, f64),
        to: (f64, f64),
        colour: Colour,
        width: f64,
        dash: Option<&str>,
    ) {
        self.polyline(&[from, to], colour, width, dash);
    }

    /// An open path through `points`.
    pub(super) fn polyline(
        &mut self,
        points: &[(f64, f64)],
        colour: Colour,
        width: f64,
        dash: Option<&str>,
    ) {
        let pts: Vec<String> = points
            .iter()
            .map(|(x, y)| format!("{},{}", px(*x), px(*y)))
            .collect();
        let dash = dash.map_or(String::new(), |d| format!(r#" stroke-dasharray="{d}""#));
        let _ = writeln!(
            self.body,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"{dash}/>"#,
            pts.join(" "),
            colour.hex(),
            px(width)
        );
    }

    /// A filled circle.
    pub(super) fn circle(
        &mut self,
        centre: (f64, f64),
        r: f64,
        fill: Colour,
        stroke: Option<Colour>,
    ) {
        let stroke = stroke.map_or(String::new(), |c| {
            format!(r#" stroke="{}" stroke-width="1.5""#, c.hex())
        });
        let _ = writeln!(
            self.body,
            r#"<circle cx="{}" cy="{}" r="{}" fill="{}"{stroke}/>"#,
            px(centre.0),
            px(centre.1),
            px(r),
            fill.hex()
        );
    }

    /// The finished SVG.
    pub(super) fn finish(self) -> String {
        let (w, h) = (self.width, self.height);
        let title = text::escape(&self.title);
        let desc = text::escape(&self.desc);
        let mut hasher = Sha256::new();
        for part in [title.as_str(), desc.as_str(), self.body.as_str()] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        let id: String = hasher.finalize()[..4]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let size = if self.inline {
            format!(r#"width="{w}" height="{h}""#)
        } else {
            // `--w`: the natural width, below which a narrow screen scrolls the chart rather
            // than shrink its labels under 12 px (the theme's style.css).
            format!(r#"width="100%" style="max-width:{w}px;height:auto;--w:{w}px""#)
        };
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" {size} role=\"img\" \
             aria-labelledby=\"gk{id}-t gk{id}-d\" font-family='{FONT_FAMILY}'>\n\
             <title id=\"gk{id}-t\">{title}</title>\n<desc id=\"gk{id}-d\">{desc}</desc>\n\
             <rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n{}</svg>\n",
            self.body
        )
    }
}

/// A chart-sized frame with a centred note instead of data: for empty input, a single year, or
/// a drawing failure. `details` are extra lines (such as the one value there is).
pub(super) fn placeholder(
    width: u32,
    height: u32,
    title: &str,
    note: &str,
    details: &[String],
) -> String {
    let mut desc = note.to_owned();
    for d in details {
        desc.push_str(&format!("；{}", text::clean(d)));
    }
    let mut doc = Doc::new(width, height, title, &desc);
    let (w, h) = (f64::from(width), f64::from(height));
    let _ = writeln!(
        doc.body,
        r##"<rect x="4" y="4" width="{}" height="{}" fill="#FAFAFA" stroke="#BBBBBB" stroke-dasharray="6 4"/>"##,
        px(w - 8.0),
        px(h - 8.0)
    );
    let lines = 1 + details.len();
    let top = h / 2.0 - (lines as f64 - 1.0) * 10.0 + 5.0;
    doc.text(
        w / 2.0,
        top,
        note,
        Font::new(14.0).anchor(Anchor::Middle).colour(MUTED),
    );
    for (i, d) in details.iter().enumerate() {
        let line = text::truncate(d, w - 32.0, FONT);
        let y = top + 22.0 * (i as f64 + 1.0);
        doc.label(
            w / 2.0,
            y,
            &line,
            d,
            Font::new(FONT).anchor(Anchor::Middle),
            0.0,
        );
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::super::style::WHITE;
    use super::{Doc, PlotError, px};

    #[test]
    fn pixels_round_to_one_decimal_and_never_print_nan() {
        assert_eq!(px(12.345), "12.3");
        assert_eq!(px(40.0), "40");
        assert_eq!(px(-0.01), "0");
        assert_eq!(px(f64::NAN), "0");
        assert_eq!(px(f64::INFINITY), "0");
    }

    #[test]
    fn the_root_is_accessible_and_ids_follow_the_content() {
        let a = Doc::new(100, 50, "甲", "说明").finish();
        let b = Doc::new(100, 50, "乙", "说明").finish();
        assert!(a.contains(r#"role="img""#) && a.contains("<title id=") && a.contains("<desc id="));
        assert!(a.contains(r#"viewBox="0 0 100 50""#));
        assert_ne!(a.lines().next(), b.lines().next());
        assert_eq!(a, Doc::new(100, 50, "甲", "说明").finish());
    }

    #[test]
    fn plotters_output_is_embedded_without_its_own_root() -> Result<(), PlotError> {
        let mut doc = Doc::new(100, 50, "t", "d");
        doc.plot(|root| Ok(root.fill(&WHITE.rgb())?))?;
        let svg = doc.finish();
        assert_eq!(svg.matches("<svg").count(), 1);
        assert_eq!(svg.matches("</svg>").count(), 1);
        Ok(())
    }
}
