//! A binary cache of a large `--data` catalog, so that a repeated run skips
//! the YAML (28 MB of it take ~1.6 s to parse at 100k items).
//!
//! After a `--data DIR` folder loaded from YAML, its parsed files are written
//! (postcard, behind a CRC-32) to `$XDG_CACHE_HOME/career-explorer/`, one file
//! per data folder, under a key: the folder's canonical path; each data file's
//! size, modification time (ns), inode, device and change time; the running
//! binary's own stamp (so a rebuilt binary, whose parser or types may differ,
//! never reads what another build wrote); the crate version and [`FORMAT`].
//! The next load with the same key decodes that file instead of the YAML and
//! then runs the very validation a YAML load runs: a cache can neither make the
//! app panic nor show a catalog that would not validate. Text is sanitised
//! again as it is decoded.
//!
//! A `search` also keeps the search index it built beside the catalog
//! (`.idx`, same key), so a repeated search skips building it; the cached
//! tables are checked against the catalog (every offset, id and field count)
//! before use.
//!
//! The cache only ever speeds things up: any failure (no cache folder, a
//! read-only or full disk, a truncated, corrupt or stale file) falls back to
//! the YAML without a word. `CAREER_EXPLORER_CACHE_DEBUG=1` reports on stderr
//! what happened. Catalogs under [`MIN_BYTES`] of YAML and the bundled catalog
//! are never cached; `--no-cache` or `CAREER_EXPLORER_NO_CACHE=1` turn it off.

use std::fs::Metadata;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::error::DataError;
use crate::loader::{self, FILES, Parsed};
use crate::model::{
    Boundary, Catalog, Category, NotesFile, Posting, PostingsFile, Role, RolesFile, Skill,
    SkillsFile,
};

/// Bump when the layout of a cache file or of the cached types changes.
pub const FORMAT: u32 = 2;

/// Catalogs with less YAML than this (in total) are never cached: they load
/// fast enough, and the bundled-size ones should not leave files behind.
pub const MIN_BYTES: u64 = 1 << 20;

/// Set (and not `0`) to turn the cache off, like `--no-cache`.
pub const NO_CACHE_ENV: &str = "CAREER_EXPLORER_NO_CACHE";

/// Set (and not `0`) to have every load say on stderr what the cache did.
pub const DEBUG_ENV: &str = "CAREER_EXPLORER_CACHE_DEBUG";

const MAGIC: &[u8; 8] = b"CECACHE\n";
const INDEX_MAGIC: &[u8; 8] = b"CEINDEX\n";
/// Magic, CRC-32 of the body, length of the body.
const HEADER: usize = 8 + 4 + 8;

/// A file modified this recently is not cached: on a file system with coarse
/// time stamps a second change within the same tick would keep size and
/// modification time, and the cache would serve the old content.
const RACY: Duration = Duration::from_secs(2);

/// What a load does with the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Read it when it matches, write it after a load from YAML.
    Use,
    /// Always read the YAML, then write the cache (for `validate`, which is
    /// asked to check the files themselves).
    Refresh,
    /// Neither read nor write.
    Off,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub mode: Mode,
    /// The cache folder; `None` is the XDG cache folder ([`default_dir`]).
    pub dir: Option<PathBuf>,
    /// Catalogs with less YAML than this are not cached.
    pub min_bytes: u64,
    /// Report what the cache did on stderr.
    pub debug: bool,
}

impl Options {
    /// The defaults, with `--no-cache` and the environment variables applied.
    pub fn from_env(no_cache: bool) -> Options {
        let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty() && v != "0");
        Options {
            mode: if no_cache || set(NO_CACHE_ENV) {
                Mode::Off
            } else {
                Mode::Use
            },
            dir: None,
            min_bytes: MIN_BYTES,
            debug: set(DEBUG_ENV),
        }
    }

    /// No cache at all.
    pub fn off() -> Options {
        Options {
            mode: Mode::Off,
            dir: None,
            min_bytes: MIN_BYTES,
            debug: false,
        }
    }
}

/// `$XDG_CACHE_HOME/career-explorer` (usually `~/.cache/career-explorer`).
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "career-explorer").map(|d| d.cache_dir().to_path_buf())
}

/// Loads the folder `dir` through the cache: the cached catalog when one
/// matches, else `yaml(dir)` (which must refuse files over `max_file_bytes`,
/// as the cache does), writing the cache after it succeeded.
pub fn load_dir(
    dir: &Path,
    opts: &Options,
    max_file_bytes: u64,
    yaml: impl FnOnce(&Path) -> Result<Catalog, DataError>,
) -> Result<Catalog, DataError> {
    let note = |msg: String| {
        if opts.debug {
            eprintln!("cache: {}", crate::text::sanitize(&msg));
        }
    };
    if opts.mode == Mode::Off {
        note("off".into());
        return yaml(dir);
    }
    let plan = match Plan::new(dir, opts, max_file_bytes) {
        Ok(p) => p,
        Err(why) => {
            note(format!("not used ({why})"));
            return yaml(dir);
        }
    };
    if opts.mode == Mode::Use {
        match plan.read() {
            Ok((c, t)) => {
                note(format!(
                    "hit {} (read {:.1} ms, decode {:.1} ms, validate {:.1} ms)",
                    plan.path.display(),
                    ms(t.read),
                    ms(t.decode),
                    ms(t.validate)
                ));
                return Ok(c);
            }
            Err(why) => note(format!("miss ({why}) {}", plan.path.display())),
        }
    }
    let catalog = yaml(dir)?;
    match plan.write(&catalog) {
        Ok(()) => note(format!("wrote {}", plan.path.display())),
        Err(why) => note(format!("not written ({why})")),
    }
    Ok(catalog)
}

/// Where a cache hit spent its time (for `CAREER_EXPLORER_CACHE_DEBUG`).
struct Timings {
    /// Reading the file and checking its checksum.
    read: Duration,
    decode: Duration,
    validate: Duration,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Everything that must be equal for a cache file to stand for the YAML.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Key {
    format: u32,
    version: String,
    exe: Stamp,
    /// The data folder's canonical path, as the platform's bytes.
    dir: Vec<u8>,
    /// The five files, in `FILES` order.
    files: Vec<Stamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    mtime_ns: i128,
    ino: u64,
    dev: u64,
    ctime_ns: i128,
}

fn ns(t: SystemTime) -> i128 {
    match t.duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn stamp(meta: &Metadata) -> Stamp {
    let mtime_ns = meta.modified().map_or(0, ns);
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Stamp {
            len: meta.len(),
            mtime_ns,
            ino: meta.ino(),
            dev: meta.dev(),
            ctime_ns: i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
        }
    }
    #[cfg(not(unix))]
    {
        Stamp {
            len: meta.len(),
            mtime_ns,
            ino: 0,
            dev: 0,
            ctime_ns: 0,
        }
    }
}

/// The five data files' stamps, or why the folder is not for the cache.
fn stamp_files(dir: &Path, max_file_bytes: u64) -> Result<Vec<Stamp>, String> {
    FILES
        .iter()
        .map(|name| {
            let meta = std::fs::metadata(dir.join(name)).map_err(|e| format!("{name}: {e}"))?;
            if !meta.is_file() {
                return Err(format!("{name} is not a file"));
            }
            // The YAML load refuses it, and says why.
            if meta.len() > max_file_bytes {
                return Err(format!("{name} is over the size limit"));
            }
            Ok(stamp(&meta))
        })
        .collect()
}

/// The catalog's file structs except the skills (the derived indices are
/// skipped by serde and rebuilt by validation), as written...
#[derive(Serialize)]
struct HeadRef<'a> {
    boundary: &'a Boundary,
    roles: &'a [Role],
    categories: &'a [Category],
    postings: &'a [Posting],
    notes: &'a NotesFile,
}

/// ...and as read back.
#[derive(Deserialize)]
struct Head {
    boundary: Boundary,
    roles: Vec<Role>,
    categories: Vec<Category>,
    postings: Vec<Posting>,
    notes: NotesFile,
}

/// The skills (nine tenths of a large catalog) are cut into this many runs,
/// so that decoding spreads over the cores.
const SKILL_RUNS: usize = 8;

/// The catalog as sections that decode independently: the lengths of the
/// others (postcard), the head, then runs of skills (each a `Vec<Skill>`).
fn encode(c: &Catalog) -> Result<Vec<Vec<u8>>, String> {
    let head = HeadRef {
        boundary: &c.boundary,
        roles: &c.roles,
        categories: &c.categories,
        postings: &c.postings,
        notes: &c.notes,
    };
    let mut sections = vec![postcard::to_stdvec(&head).map_err(|e| e.to_string())?];
    let run = c.skills.len().div_ceil(SKILL_RUNS).max(1);
    for skills in c.skills.chunks(run) {
        sections.push(postcard::to_stdvec(skills).map_err(|e| e.to_string())?);
    }
    let lens: Vec<u64> = sections.iter().map(|s| s.len() as u64).collect();
    sections.insert(0, postcard::to_stdvec(&lens).map_err(|e| e.to_string())?);
    Ok(sections)
}

/// What [`encode`] wrote, back as the five files' structs. Sections are
/// decoded on as many threads as there are cores (at most one each).
fn decode(data: &[u8]) -> Result<Parsed, String> {
    let (lens, mut rest) =
        postcard::take_from_bytes::<Vec<u64>>(data).map_err(|e| format!("sections: {e}"))?;
    let mut sections = Vec::with_capacity(lens.len());
    for len in lens {
        let len = usize::try_from(len)
            .ok()
            .filter(|&l| l <= rest.len())
            .ok_or("a section runs past the end")?;
        let (section, after) = rest.split_at(len);
        sections.push(section);
        rest = after;
    }
    if !rest.is_empty() || sections.is_empty() {
        return Err("sections do not fill the file".into());
    }
    fn whole<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, String> {
        match postcard::take_from_bytes::<T>(bytes) {
            Ok((v, [])) => Ok(v),
            Ok(_) => Err("a section has trailing bytes".into()),
            Err(e) => Err(e.to_string()),
        }
    }
    enum Part {
        Head(Box<Head>),
        Skills(Vec<Skill>),
    }
    let parts = in_parallel(sections.len(), |i| {
        if i == 0 {
            whole::<Head>(sections[0]).map(|h| Part::Head(Box::new(h)))
        } else {
            whole::<Vec<Skill>>(sections[i]).map(Part::Skills)
        }
    })?;
    let mut head = None;
    let mut skills = Vec::new();
    for part in parts {
        match part? {
            Part::Head(h) => head = Some(*h),
            Part::Skills(run) if skills.is_empty() => skills = run,
            Part::Skills(run) => skills.extend(run),
        }
    }
    let head = head.ok_or("no head section")?;
    Ok(Parsed {
        boundary: head.boundary,
        roles: RolesFile { roles: head.roles },
        skills: SkillsFile {
            categories: head.categories,
            skills,
        },
        postings: PostingsFile {
            postings: head.postings,
        },
        notes: head.notes,
    })
}

/// `f(0)`, ..., `f(n - 1)` in order, computed on up to one thread per core
/// (each takes the next job when it is done). A job that panics makes it an
/// error, not a crash.
fn in_parallel<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Result<Vec<T>, String> {
    let threads = std::thread::available_parallelism().map_or(1, |c| c.get());
    let threads = threads.min(n).max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if i >= n {
                return done;
            }
            done.push((i, f(i)));
        }
    };
    let mut all = std::thread::scope(|s| {
        let others: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for t in others {
            all.extend(t.join().map_err(|_| "a decoding thread panicked")?);
        }
        Ok::<_, String>(all)
    })?;
    all.sort_unstable_by_key(|(i, _)| *i);
    Ok(all.into_iter().map(|(_, v)| v).collect())
}

/// FNV-1a, 64 bits: a stable name for a folder's cache file (the key inside
/// tells two folders with the same name apart).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// One load's view of the cache: where its file is and the key it must hold.
struct Plan {
    dir: PathBuf,
    cache_dir: PathBuf,
    path: PathBuf,
    key: Key,
    /// The YAML's total size, and the time just before the files were stamped.
    total: u64,
    stamped_at: SystemTime,
    max_file_bytes: u64,
}

impl Plan {
    fn new(dir: &Path, opts: &Options, max_file_bytes: u64) -> Result<Plan, String> {
        let stamped_at = SystemTime::now();
        let canonical = std::fs::canonicalize(dir).map_err(|e| format!("data folder: {e}"))?;
        let files = stamp_files(dir, max_file_bytes)?;
        let total = files.iter().map(|s| s.len).sum::<u64>();
        if total < opts.min_bytes {
            return Err(format!(
                "{total} bytes of YAML, under the {} byte threshold",
                opts.min_bytes
            ));
        }
        let exe = std::env::current_exe()
            .and_then(std::fs::metadata)
            .map_err(|e| format!("cannot stamp the binary: {e}"))?;
        let cache_dir = opts
            .dir
            .clone()
            .or_else(default_dir)
            .ok_or("no cache folder (no home directory)")?;
        let dir_bytes = canonical.as_os_str().as_encoded_bytes().to_vec();
        let path = cache_dir.join(format!("catalog-{:016x}.bin", fnv1a(&dir_bytes)));
        Ok(Plan {
            dir: dir.to_path_buf(),
            cache_dir,
            path,
            key: Key {
                format: FORMAT,
                version: env!("CARGO_PKG_VERSION").to_string(),
                exe: stamp(&exe),
                dir: dir_bytes,
                files,
            },
            total,
            stamped_at,
            max_file_bytes,
        })
    }

    /// The cached catalog, validated, and what it took; or why there is none.
    fn read(&self) -> Result<(Catalog, Timings), String> {
        let start = Instant::now();
        let mut file = std::fs::File::open(&self.path).map_err(|e| e.to_string())?;
        let len = file.metadata().map_err(|e| e.to_string())?.len();
        // The encoding is smaller than the YAML; a file much larger is not ours.
        if len > self.total.saturating_mul(2).saturating_add(1 << 20) {
            return Err(format!("{len} bytes, too large for this catalog"));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let body = check_frame(&bytes, MAGIC)?;
        let read = start.elapsed();
        let (key, rest) =
            postcard::take_from_bytes::<Key>(body).map_err(|e| format!("key: {e}"))?;
        if key != self.key {
            return Err("stale: the data files, the binary or the format changed".into());
        }
        let parsed = decode(rest)?;
        let decode = start.elapsed() - read;
        let names = FILES.map(|name| self.dir.join(name).display().to_string());
        let catalog = loader::validate_parsed(parsed, names)
            .map_err(|e| format!("does not validate ({} problems)", e.problems.len()))?;
        let validate = start.elapsed() - read - decode;
        Ok((
            catalog,
            Timings {
                read,
                decode,
                validate,
            },
        ))
    }

    /// Writes `catalog` (just loaded from the YAML stamped in `self.key`)
    /// atomically: a temporary file in the cache folder, then a rename.
    fn write(&self, catalog: &Catalog) -> Result<(), String> {
        // A file that changed while it was read may not match what was parsed.
        self.check_unchanged()?;
        let data = encode(catalog)?;
        self.write_frame(&self.path, MAGIC, &data)
    }

    /// The files still carry the stamps taken before they were read, and none
    /// was modified so recently that a same-tick edit could hide.
    fn check_unchanged(&self) -> Result<(), String> {
        if stamp_files(&self.dir, self.max_file_bytes)? != self.key.files {
            return Err("the data files changed while they were read".into());
        }
        for s in &self.key.files {
            let age = self
                .stamped_at
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()) as i128
                - s.mtime_ns;
            if age < RACY.as_nanos() as i128 {
                return Err(format!(
                    "a data file was modified less than {} s ago",
                    RACY.as_secs()
                ));
            }
        }
        Ok(())
    }

    /// Writes `magic`, a checksum, the key and `data` to `path` atomically: a
    /// temporary file in the cache folder, then a rename.
    fn write_frame(&self, path: &Path, magic: &[u8; 8], data: &[Vec<u8>]) -> Result<(), String> {
        let key = postcard::to_stdvec(&self.key).map_err(|e| e.to_string())?;
        let mut crc = crc32fast::Hasher::new();
        crc.update(&key);
        let mut len = key.len();
        for section in data {
            crc.update(section);
            len += section.len();
        }
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(magic);
        header.extend_from_slice(&crc.finalize().to_le_bytes());
        header.extend_from_slice(&(len as u64).to_le_bytes());

        let io = |e: std::io::Error| e.to_string();
        std::fs::create_dir_all(&self.cache_dir).map_err(io)?;
        let mut tmp = tempfile::Builder::new()
            .prefix(".catalog-")
            .suffix(".tmp")
            .tempfile_in(&self.cache_dir)
            .map_err(io)?;
        // No fsync: a file torn by a crash fails its checksum and is ignored.
        for part in [&header, &key].into_iter().chain(data) {
            tmp.write_all(part).map_err(io)?;
        }
        tmp.persist(path).map_err(|e| e.error.to_string())?;
        Ok(())
    }

    /// The body after the key of the frame at `path`, if its magic, checksum
    /// and key match.
    fn read_frame(&self, path: &Path, magic: &[u8; 8], max_len: u64) -> Result<Vec<u8>, String> {
        let mut file = std::fs::File::open(path).map_err(|e| e.to_string())?;
        let len = file.metadata().map_err(|e| e.to_string())?.len();
        if len > max_len {
            return Err(format!("{len} bytes, too large for this catalog"));
        }
        let mut bytes = Vec::with_capacity(len as usize);
        file.read_to_end(&mut bytes).map_err(|e| e.to_string())?;
        let body = check_frame(&bytes, magic)?;
        let (key, rest) =
            postcard::take_from_bytes::<Key>(body).map_err(|e| format!("key: {e}"))?;
        if key != self.key {
            return Err("stale: the data files, the binary or the format changed".into());
        }
        Ok(rest.to_vec())
    }
}

/// The search index of a cached catalog, kept beside it: a repeated
/// `search` skips building it. Stamped before the catalog loads, so what is
/// stored is known to come from the files under its key.
pub struct IndexCache {
    plan: Plan,
    debug: bool,
}

impl IndexCache {
    /// `None` when the cache is off or the folder is not one it keeps.
    pub fn new(dir: &Path, opts: &Options, max_file_bytes: u64) -> Option<IndexCache> {
        if opts.mode == Mode::Off {
            return None;
        }
        let plan = Plan::new(dir, opts, max_file_bytes).ok()?;
        Some(IndexCache {
            plan,
            debug: opts.debug,
        })
    }

    fn path(&self) -> PathBuf {
        self.plan.path.with_extension("idx")
    }

    fn note(&self, msg: String) {
        if self.debug {
            eprintln!("cache: {}", crate::text::sanitize(&msg));
        }
    }

    /// The cached index, if it matches the files and fits `catalog`.
    pub fn load(&self, catalog: &Catalog) -> Option<crate::search::Index> {
        let path = self.path();
        let limit = self.plan.total.saturating_mul(2).saturating_add(1 << 20);
        let got = self
            .plan
            .read_frame(&path, INDEX_MAGIC, limit)
            .and_then(|body| {
                postcard::from_bytes::<crate::search::IndexParts>(&body)
                    .map_err(|e| format!("index: {e}"))
            })
            .and_then(|parts| {
                crate::search::Index::from_parts(parts, catalog)
                    .ok_or_else(|| "index does not fit the catalog".to_string())
            });
        match got {
            Ok(index) => {
                self.note(format!("index hit {}", path.display()));
                Some(index)
            }
            Err(why) => {
                self.note(format!("index miss ({why})"));
                None
            }
        }
    }

    /// Keeps `index` (built from the catalog loaded after `new`) for next time.
    pub fn store(&self, index: &crate::search::Index) {
        let result = self.plan.check_unchanged().and_then(|()| {
            let body = postcard::to_stdvec(&index.to_parts()).map_err(|e| e.to_string())?;
            self.plan.write_frame(&self.path(), INDEX_MAGIC, &[body])
        });
        match result {
            Ok(()) => self.note(format!("index wrote {}", self.path().display())),
            Err(why) => self.note(format!("index not written ({why})")),
        }
    }
}

/// The body of a cache file whose header is intact and whose checksum holds.
fn check_frame<'a>(bytes: &'a [u8], magic: &[u8; 8]) -> Result<&'a [u8], String> {
    if bytes.len() < HEADER || &bytes[..8] != magic {
        return Err("not a cache file".into());
    }
    let crc = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
    let len = u64::from_le_bytes(bytes[12..20].try_into().expect("8 bytes"));
    let body = &bytes[HEADER..];
    if body.len() as u64 != len {
        return Err(format!("truncated: {} of {len} bytes", body.len()));
    }
    if crc32fast::hash(body) != crc {
        return Err("checksum mismatch".into());
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(c: &Catalog) -> Catalog {
        let bytes = encode(c).unwrap().concat();
        let parsed = decode(&bytes).unwrap();
        loader::validate_parsed(parsed, FILES.map(String::from)).unwrap()
    }

    #[test]
    fn the_bundled_catalog_round_trips() {
        let c = loader::load_bundled().unwrap();
        assert_eq!(format!("{c:?}"), format!("{:?}", round_trip(&c)));
    }

    #[test]
    fn skills_in_many_runs_come_back_in_order() {
        let mut c = loader::load_bundled().unwrap();
        // 42 skills x 300: runs of 1,575, decoded on every core.
        let skills = c.skills.clone();
        c.skills = (0..300)
            .flat_map(|k| {
                skills.iter().map(move |s| {
                    let mut s = s.clone();
                    if k > 0 {
                        // The first copy keeps the ids postings name.
                        s.id = format!("{}_{k}", s.id);
                    }
                    s
                })
            })
            .collect();
        let again = round_trip(&c);
        assert_eq!(again.skills.len(), 42 * 300);
        for (a, b) in c.skills.iter().zip(&again.skills) {
            assert_eq!((&a.id, &a.name, &a.tools), (&b.id, &b.name, &b.tools));
        }
    }

    #[test]
    fn sections_that_do_not_add_up_are_refused() {
        let c = loader::load_bundled().unwrap();
        let bytes = encode(&c).unwrap().concat();
        assert!(decode(&bytes[..bytes.len() - 1]).is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
        assert!(decode(&[]).is_err());
        assert!(decode(&[0]).is_err());
    }

    #[test]
    fn frames_are_checked() {
        let body = b"hello";
        let mut f = MAGIC.to_vec();
        f.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
        f.extend_from_slice(&(body.len() as u64).to_le_bytes());
        f.extend_from_slice(body);
        assert_eq!(check_frame(&f, MAGIC).unwrap(), body);
        assert!(check_frame(&f[..f.len() - 1], MAGIC).is_err());
        let mut bad = f.clone();
        *bad.last_mut().unwrap() ^= 1;
        assert!(check_frame(&bad, MAGIC).is_err());
        assert!(check_frame(b"", MAGIC).is_err());
        assert!(check_frame(&[0; 64], MAGIC).is_err());
    }

    #[test]
    fn garbage_never_decodes_into_a_panic() {
        // Bodies that pass the frame check but hold nonsense: decoding fails
        // or validation refuses; it never panics.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in [0usize, 1, 7, 64, 512, 4096] {
            let bytes: Vec<u8> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect();
            let _ = postcard::take_from_bytes::<Key>(&bytes);
            assert!(decode(&bytes).is_err());
        }
    }
}
