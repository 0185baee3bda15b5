//! Feeds arbitrary bytes to the catalog loader in place of one data file
//! (the first byte picks which); loading must return Ok or Err, never panic,
//! never abort, never run out of memory.
#![no_main]

use career_core::store::loader::{bundled_texts, load_texts};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    // The loader reads bytes and refuses invalid UTF-8 itself; here we give it text.
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let mut texts = bundled_texts();
    texts[usize::from(which) % texts.len()] = text;
    let _ = load_texts(texts);
});
