//! Copying through the terminal: OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`) asks
//! the terminal to put text on the system clipboard. It works over ssh and
//! inside tmux (with `set-clipboard on`), and needs no clipboard tool. A
//! terminal that does not know the sequence ignores it.

use std::io::Write;

use base64::Engine;

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

/// Whether `y` may copy: not on a dumb terminal (`TERM=dumb`), nor when the
/// config file turned it off. `NO_COLOR` is about colour and plays no part.
pub fn wanted(term: Option<&str>, config_allows: bool) -> bool {
    config_allows && term != Some("dumb")
}

/// Writes the sequence for `text` to `out` (the terminal backend) and
/// flushes it, so it goes out between two frames.
pub fn send<W: Write>(out: &mut W, text: &str) -> std::io::Result<()> {
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("S01 提示"), "\x1b]52;c;UzAxIOaPkOekug==\x07");
        let mut out = Vec::new();
        send(&mut out, "hi").unwrap();
        assert_eq!(out, b"\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn dumb_terminals_and_the_config_switch_turn_it_off() {
        assert!(wanted(Some("xterm-256color"), true));
        assert!(wanted(None, true));
        assert!(!wanted(Some("dumb"), true));
        assert!(!wanted(Some("xterm"), false));
    }
}
