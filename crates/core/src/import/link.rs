//! Reads a job ad from a web address (`http://` or `https://`).
//!
//! One blocking GET with `ureq` (rustls for https): a time limit for the
//! whole exchange, at most [`MAX_REDIRECTS`] redirects, a body of at most
//! [`MAX_PAGE_BYTES`], a User-Agent naming the app, and only `text/html`,
//! `application/xhtml+xml` or `text/plain` answers in UTF-8. Every refusal
//! is a [`LinkError`] that says what happened in words.

use std::time::Duration;

use thiserror::Error;

/// The largest page read from a link (or a saved page from a file): far
/// more than any job page.
pub const MAX_PAGE_BYTES: u64 = 5 << 20;

/// How many redirects are followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;

/// The time limit of one fetch unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// Why a link could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum LinkError {
    #[error("only http:// and https:// addresses can be read")]
    Scheme,
    #[error("the address is not a valid web address")]
    BadAddress,
    #[error("no answer within {0} s")]
    Timeout(u64),
    #[error("more than {MAX_REDIRECTS} redirects")]
    TooManyRedirects,
    #[error("the page is over {} MiB: that is not a job ad", MAX_PAGE_BYTES >> 20)]
    TooBig,
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the page is {0}, not a web page or text")]
    NotText(String),
    #[error("the page is not UTF-8 text")]
    NotUtf8,
    #[error("cannot reach the server: {0}")]
    Network(String),
}

/// A page read from a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The address read in the end (after redirects).
    pub url: String,
    /// The page as text.
    pub body: String,
    /// Whether the server said it is HTML.
    pub html: bool,
}

/// Whether `s` is meant as a web address (it starts with `http://` or
/// `https://`, any case) rather than a file name.
pub fn is_link(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads the page at `url` within `timeout` (the whole exchange, body
/// included). See the module's doc for what is refused.
pub fn fetch(url: &str, timeout: Duration) -> Result<Fetched, LinkError> {
    if !is_link(url) {
        return Err(LinkError::Scheme);
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .max_redirects_will_error(true)
        .http_status_as_error(false)
        .user_agent(concat!(
            "career-explorer/",
            env!("CARGO_PKG_VERSION"),
            " (job ad import)"
        ))
        .build()
        .into();
    let secs = timeout.as_secs().max(1);
    let mut resp = agent.get(url).call().map_err(|e| error(e, secs))?;
    let status = resp.status();
    if !status.is_success() {
        return Err(LinkError::Status(status.as_u16()));
    }
    let final_url = ureq::ResponseExt::get_uri(&resp).to_string();
    let mime = resp
        .body()
        .mime_type()
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let html = matches!(mime.as_str(), "text/html" | "application/xhtml+xml");
    if !html && !matches!(mime.as_str(), "text/plain" | "") {
        return Err(LinkError::NotText(crate::text::sanitize(&mime)));
    }
    let bytes = resp
        .body_mut()
        .with_config()
        .limit(MAX_PAGE_BYTES)
        .read_to_vec()
        .map_err(|e| error(e, secs))?;
    let body = String::from_utf8(bytes).map_err(|_| LinkError::NotUtf8)?;
    Ok(Fetched {
        url: final_url,
        body,
        html,
    })
}

/// A `ureq` error in the words of [`LinkError`].
fn error(e: ureq::Error, secs: u64) -> LinkError {
    match e {
        ureq::Error::Timeout(_) => LinkError::Timeout(secs),
        ureq::Error::TooManyRedirects => LinkError::TooManyRedirects,
        ureq::Error::BodyExceedsLimit(_) => LinkError::TooBig,
        ureq::Error::StatusCode(s) => LinkError::Status(s),
        ureq::Error::BadUri(_) | ureq::Error::Http(_) => LinkError::BadAddress,
        ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
            LinkError::Timeout(secs)
        }
        other => LinkError::Network(crate::text::sanitize(&other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_link("https://example.com/job/1"));
        assert!(is_link("HTTP://example.com"));
        assert!(!is_link("ftp://example.com"));
        assert!(!is_link("ads/https.html"));
        assert_eq!(
            fetch("file:///etc/passwd", DEFAULT_TIMEOUT),
            Err(LinkError::Scheme)
        );
    }
}
