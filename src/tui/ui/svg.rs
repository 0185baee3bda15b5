//! Writes a rendered buffer as SVG: one text run per styled span on a
//! monospace cell grid. Used for the screenshots in `screenshots/`.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const FG: &str = "#d4d4d4";
const BG: &str = "#1e1e1e";

fn hex(c: Color, default: &'static str) -> String {
    let named = match c {
        Color::Reset => default,
        Color::Black => "#000000",
        Color::Red => "#f14c4c",
        Color::Green => "#23d18b",
        Color::Yellow => "#f5f543",
        Color::Blue => "#3b8eea",
        Color::Magenta => "#d670d6",
        Color::Cyan => "#29b8db",
        Color::Gray => "#cccccc",
        Color::DarkGray => "#808080",
        Color::LightRed => "#f14c4c",
        Color::LightGreen => "#23d18b",
        Color::LightYellow => "#f5f543",
        Color::LightBlue => "#3b8eea",
        Color::LightMagenta => "#d670d6",
        Color::LightCyan => "#29b8db",
        Color::White => "#ffffff",
        Color::Rgb(r, g, b) => return format!("#{r:02x}{g:02x}{b:02x}"),
        Color::Indexed(_) => default,
    };
    named.to_string()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The whole buffer as an SVG document.
pub fn buffer_to_svg(buf: &Buffer) -> String {
    let area = buf.area;
    let w = f32::from(area.width) * CELL_W;
    let h = f32::from(area.height) * CELL_H;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.1} {h:.1}\">\n\
         <rect width=\"100%\" height=\"100%\" fill=\"{BG}\"/>\n\
         <g font-family=\"'DejaVu Sans Mono','Noto Sans Mono CJK SC',monospace\" font-size=\"14\" xml:space=\"preserve\">\n"
    );
    for y in 0..area.height {
        let mut x = 0;
        while x < area.width {
            let cell = &buf[(area.x + x, area.y + y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (hex(cell.fg, FG), hex(cell.bg, BG));
            if reversed {
                std::mem::swap(&mut fg, &mut bg);
            }
            // Gather a run of cells with the same style, as segments of
            // non-blank cells: (first column, columns spanned, glyphs).
            let start = x;
            let mut segments: Vec<(u16, u16, String)> = Vec::new();
            let mut open = false;
            while x < area.width {
                let c = &buf[(area.x + x, area.y + y)];
                if c.fg != cell.fg || c.bg != cell.bg || c.modifier != cell.modifier {
                    break;
                }
                let sym = c.symbol();
                let cw = UnicodeWidthStr::width(sym).max(1) as u16;
                if sym.trim().is_empty() {
                    open = false;
                } else if cw > 1 {
                    // A wide glyph is an element of its own, at its cell:
                    // renderers (rsvg) ignore textLength for CJK runs, so a
                    // run of them would drift off the grid and leave a gap.
                    segments.push((x, cw, sym.to_string()));
                    open = false;
                } else {
                    match segments.last_mut() {
                        Some(seg) if open => {
                            seg.1 += cw;
                            seg.2.push_str(sym);
                        }
                        _ => segments.push((x, cw, sym.to_string())),
                    }
                    open = true;
                }
                x += cw;
            }
            let y_top = f32::from(y) * CELL_H;
            if bg != BG {
                out.push_str(&format!(
                    "<rect x=\"{:.1}\" y=\"{y_top:.1}\" width=\"{:.1}\" height=\"{CELL_H}\" fill=\"{bg}\"/>\n",
                    f32::from(start) * CELL_W,
                    f32::from(x - start) * CELL_W
                ));
            }
            let mut attrs = format!("fill=\"{fg}\"");
            if cell.modifier.contains(Modifier::BOLD) {
                attrs.push_str(" font-weight=\"bold\"");
            }
            if cell.modifier.contains(Modifier::UNDERLINED) {
                attrs.push_str(" text-decoration=\"underline\"");
            }
            // textLength pins each segment to its cells whatever the font's advance.
            for (col, cols, glyphs) in segments {
                out.push_str(&format!(
                    "<text x=\"{:.1}\" y=\"{:.1}\" textLength=\"{:.1}\" lengthAdjust=\"spacingAndGlyphs\" {attrs}>{}</text>\n",
                    f32::from(col) * CELL_W,
                    y_top + CELL_H * 0.75,
                    f32::from(cols) * CELL_W,
                    escape(&glyphs)
                ));
            }
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn svg_places_wide_chars_on_the_grid_and_escapes() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        buf.set_string(0, 0, "中<a b", Style::new().fg(Color::Red));
        let svg = buffer_to_svg(&buf);
        // The wide glyph on its own two cells, the narrow run after it on its own.
        assert!(
            svg.contains("x=\"0.0\" y=\"13.5\" textLength=\"16.8\""),
            "{svg}"
        );
        assert!(svg.contains(">中</text>"), "{svg}");
        assert!(
            svg.contains("x=\"16.8\" y=\"13.5\" textLength=\"16.8\""),
            "{svg}"
        );
        assert!(svg.contains(">&lt;a</text>"), "{svg}");
        assert!(
            svg.contains("x=\"42.0\""),
            "the word after the space keeps its cell: {svg}"
        );
        assert!(svg.contains("#f14c4c"));
    }
}
