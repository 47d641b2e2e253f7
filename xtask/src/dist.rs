//! Finishing Trunk's release build for deployment.
//!
//! Trunk writes an inline `<script type="module">` that starts the app; a
//! Content-Security-Policy without `'unsafe-inline'` refuses it. This moves
//! start-up into `web/boot.js` (saved content-hashed beside `index.html`),
//! adds the fallback for browsers without modules, writes the service worker
//! `sw.js` with the list of shell files to precache, and stores `.br` and
//! `.gz` copies of the content-hashed files for precompressed serving. The
//! member's records page gets a boot script from the same template, and its
//! files enter the shell list; the coordinators' workbench page gets its
//! own boot script the same way, and none of its files enter the shell
//! list.

use crate::process::run;
use std::path::Path;
use std::process::Command;

/// Turns Trunk's `dist/` into the deployable one. `web` holds the templates.
pub fn finish(dist: &Path, web: &Path) -> Result<(), String> {
    let nomodule = read_text(&web.join("nomodule.js"))?;
    let nomodule_name = hashed_name("nomodule", "js", nomodule.as_bytes());
    write(&dist.join(&nomodule_name), nomodule.as_bytes())?;
    let boot = read_text(&web.join("boot.js"))?;
    let quiz_markers = ("__QUIZ_JS__", "__QUIZ_WASM__");
    let (boot_name, html) = finish_page(
        dist,
        "index.html",
        &boot,
        quiz_markers,
        "boot",
        &nomodule_name,
    )?;
    // The member's records page, when the build has it: the app's boot
    // script with its own WebAssembly's names.
    let records_boot = if dist.join(RECORDS_PAGE).is_file() {
        let page = finish_page(
            dist,
            RECORDS_PAGE,
            &boot,
            quiz_markers,
            "records-boot",
            &nomodule_name,
        )?;
        Some(page.0)
    } else {
        None
    };
    // The coordinators' workbench, when the build has it: its own boot
    // script, the same checks, and none of its files in the app's shell.
    let workbench_boot = if dist.join(WORKBENCH_PAGE).is_file() {
        let page = finish_page(
            dist,
            WORKBENCH_PAGE,
            &read_text(&web.join("workbench-boot.js"))?,
            ("__WORKBENCH_JS__", "__WORKBENCH_WASM__"),
            "workbench-boot",
            &nomodule_name,
        )?;
        Some(page.0)
    } else {
        None
    };

    let mut shell = vec!["./".to_string()];
    if records_boot.is_some() {
        shell.push(RECORDS_PAGE.to_string());
    }
    let mut hashed = Vec::new();
    for entry in std::fs::read_dir(dist).map_err(|e| format!("cannot list dist/: {e}"))? {
        let name = entry
            .map_err(|e| format!("cannot list dist/: {e}"))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if is_hashed(&name) {
            hashed.push(name);
        }
    }
    hashed.sort();
    shell.extend(
        hashed
            .iter()
            .filter(|name| !is_workbench(name) && !is_records_bundle(name))
            .cloned(),
    );
    for file in [
        "manifest.webmanifest",
        "icon.svg",
        "check.html",
        "check.js",
        "check.css",
    ] {
        if dist.join(file).is_file() {
            shell.push(file.to_string());
        }
    }
    let mut version = Fnv::default();
    version.write(html.as_bytes());
    for file in shell.iter().skip(1) {
        version.write(file.as_bytes());
        version.write(
            &std::fs::read(dist.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?,
        );
    }
    let sw = service_worker(&read_text(&web.join("sw.js"))?, &shell, version.hex());
    write(&dist.join("sw.js"), sw.as_bytes())?;

    for name in &hashed {
        compress(&dist.join(name))?;
    }
    println!(
        "xtask: dist/ finished: {boot_name}, sw.js ({} shell files), .br/.gz for {} hashed files{}",
        shell.len(),
        hashed.len(),
        [
            records_boot.map(|boot| format!(", {RECORDS_PAGE} with {boot}")),
            workbench_boot.map(|boot| format!(", {WORKBENCH_PAGE} with {boot}")),
        ]
        .into_iter()
        .flatten()
        .collect::<String>()
    );
    Ok(())
}

/// The member's records page (我的学习 and 备份), built beside the app with
/// its own WebAssembly (see `Trunk.records.toml`). The page is in the
/// service worker's shell; its files are not (see [`is_records_bundle`]).
pub const RECORDS_PAGE: &str = "records.html";

/// True for the records page's own files (`records-<hash>.js`, `…_bg.wasm`,
/// `records-boot-<hash>.js`). The service worker caches them when a member
/// first opens 我的学习 or 备份, not when it installs: precaching would
/// download 150 KB in the background on every member's first visit to a
/// release, which most never need.
pub fn is_records_bundle(name: &str) -> bool {
    name.starts_with("records-")
}

/// The coordinators' workbench page, built beside the app (see
/// `Trunk.workbench.toml`).
pub const WORKBENCH_PAGE: &str = "workbench.html";

/// True for the workbench's own files: its page and the files Trunk and
/// `finish` name after it (`workbench-<hash>.js`, `…_bg.wasm`, `.css`,
/// `workbench-boot-<hash>.js`). Members never load them, so they stay out
/// of the service worker's shell and of the app's size.
pub fn is_workbench(name: &str) -> bool {
    name == WORKBENCH_PAGE || name.starts_with("workbench-")
}

/// The file names in Trunk's start-up script.
#[derive(Debug, PartialEq)]
struct TrunkStart {
    /// The whole inline `<script>` element.
    script: String,
    /// The wasm-bindgen JavaScript glue.
    js: String,
    /// The WASM binary.
    wasm: String,
}

/// Finds Trunk's inline module script and the two names it loads.
fn trunk_start(html: &str) -> Result<TrunkStart, String> {
    let begin = html
        .find("<script type=\"module\">")
        .ok_or("dist/index.html has no inline start-up script from Trunk (already finished?)")?;
    let end = html[begin..]
        .find("</script>")
        .map(|end| begin + end + "</script>".len())
        .ok_or("Trunk's start-up script is not closed")?;
    let script = &html[begin..end];
    let between = |before: &str| -> Result<String, String> {
        let from = script
            .find(before)
            .map(|at| at + before.len())
            .ok_or_else(|| format!("Trunk's start-up script has no {before:?}"))?;
        let to = script[from..]
            .find('\'')
            .ok_or("unterminated name in the start-up script")?;
        Ok(script[from..from + to].to_string())
    };
    Ok(TrunkStart {
        script: script.to_string(),
        js: between("from './")?,
        wasm: between("module_or_path: './")?,
    })
}

/// Finishes one page Trunk built: short import names for its WebAssembly,
/// its boot script from `template` (comment lines dropped, the glue's and
/// the WebAssembly's names put in place of `markers`) saved as
/// `<boot_stem>-<hash>.js`, and the page loading it instead of Trunk's
/// inline script. Returns the boot script's name and the page.
fn finish_page(
    dist: &Path,
    page: &str,
    template: &str,
    markers: (&str, &str),
    boot_stem: &str,
    nomodule_name: &str,
) -> Result<(String, String), String> {
    let path = dist.join(page);
    let html = read_text(&path)?;
    let start = trunk_start(&html)?;
    shorten_imports(dist, &start)?;
    let boot = strip_comment_lines(template)?
        .replace(markers.0, &start.js)
        .replace(markers.1, &start.wasm);
    let boot_name = hashed_name(boot_stem, "js", boot.as_bytes());
    write(&dist.join(&boot_name), boot.as_bytes())?;
    let html = rewrite_html(&html, &start, &boot_name, nomodule_name)?;
    write(&path, html.as_bytes())?;
    Ok((boot_name, html))
}

/// Gives the imports of a page's WebAssembly short names, in it and in its
/// glue (see [`crate::imports`]).
fn shorten_imports(dist: &Path, start: &TrunkStart) -> Result<(), String> {
    let wasm_path = dist.join(&start.wasm);
    let glue_path = dist.join(&start.js);
    let wasm = std::fs::read(&wasm_path).map_err(|e| format!("cannot read {}: {e}", start.wasm))?;
    let (wasm, glue) = crate::imports::shorten(&wasm, &read_text(&glue_path)?)
        .map_err(|e| format!("{}: {e}", start.wasm))?;
    write(&wasm_path, &wasm)?;
    write(&glue_path, glue.as_bytes())
}

/// A boot script as shipped: its comments are for us, not for a phone's
/// download, so lines that are only a comment go, and so do blank lines
/// and indentation (about 1.4 KB of brotli off every first visit). The
/// scripts have no template literals or block comments, whose lines this
/// would change; one that gets either is refused here, not broken.
fn strip_comment_lines(script: &str) -> Result<String, String> {
    let mut out = String::with_capacity(script.len() / 2);
    for line in script.lines() {
        let code = line.trim();
        if code.is_empty() || code.starts_with("//") {
            continue;
        }
        if code.contains('`') || code.contains("/*") {
            return Err(format!(
                "a boot script has a template literal or a block comment, \
                 which xtask's comment stripping would change: {code}"
            ));
        }
        out.push_str(code);
        out.push('\n');
    }
    Ok(out)
}

/// Replaces the inline script with the external boot scripts and drops
/// `integrity` attributes (the names carry content hashes already; a
/// mismatching `integrity` would make the preloads unusable).
fn rewrite_html(
    html: &str,
    start: &TrunkStart,
    boot: &str,
    nomodule: &str,
) -> Result<String, String> {
    let mut html = html.replacen(&start.script, "", 1);
    while let Some(at) = html.find(" integrity=\"") {
        let value_end = html[at + 12..]
            .find('"')
            .ok_or("unterminated integrity attribute")?;
        html.replace_range(at..at + 12 + value_end + 1, "");
    }
    let scripts = format!(
        "<script type=\"module\" src=\"./{boot}\"></script>\n<script nomodule defer src=\"./{nomodule}\"></script>\n"
    );
    let head_end = html.find("</head>").ok_or("index.html has no </head>")?;
    html.insert_str(head_end, &scripts);
    // No inline script may remain: the CSP would refuse it.
    let mut rest = html.as_str();
    while let Some(at) = rest.find("<script") {
        let tag_end = rest[at..].find('>').map_or(rest.len(), |end| at + end);
        if !rest[at..tag_end].contains(" src=") {
            return Err("dist/index.html still has an inline script".into());
        }
        rest = &rest[tag_end..];
    }
    Ok(html)
}

/// True for Trunk's and our content-hashed names: `name-<16 hex>.js`,
/// `name-<16 hex>_bg.wasm`, `name-<16 hex>.css`.
pub fn is_hashed(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    if !matches!(ext, "js" | "wasm" | "css") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    // Trunk writes its 64-bit hash in hex without leading zeros: one name in
    // sixteen has 15 digits, one in 256 has 14. Ten or more cannot be a
    // word of a file name here.
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (10..=16).contains(&hash.len())
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// `stem-<hash>.ext` for `bytes`.
fn hashed_name(stem: &str, ext: &str, bytes: &[u8]) -> String {
    let mut hash = Fnv::default();
    hash.write(bytes);
    format!("{stem}-{}.{ext}", hash.hex())
}

/// Fills the service worker template.
fn service_worker(template: &str, shell: &[String], version: String) -> String {
    let list = shell
        .iter()
        .map(|file| format!("\"{file}\""))
        .collect::<Vec<_>>()
        .join(", ");
    template
        .replace("__QUIZ_VERSION__", &version)
        .replace("__QUIZ_SHELL__", &format!("[{list}]"))
}

/// Writes `file.br` (brotli, quality 11) and `file.gz` (gzip -9) beside it.
fn compress(file: &Path) -> Result<(), String> {
    let br = file.with_file_name(format!(
        "{}.br",
        file.file_name().unwrap_or_default().to_string_lossy()
    ));
    run(Command::new("brotli")
        .args(["-q", "11", "-f", "-o"])
        .arg(&br)
        .arg(file))
    .map_err(|e| format!("{e} (install brotli: apt-get install brotli)"))?;
    run(Command::new("gzip")
        .args(["-9", "-k", "-f", "-n"])
        .arg(file))
}

/// FNV-1a, 64 bits: enough to tell builds apart in file names; the files
/// are not secrets and no attacker chooses them.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r#"<head>
  <link rel="stylesheet" href="./style-746e2d6555cf4b15.css" integrity="sha384-Sjc1"/>
<script type="module">
import init, * as bindings from './quiz-app-3aefacd0e826e24a.js';
const wasm = await init({ module_or_path: './quiz-app-3aefacd0e826e24a_bg.wasm' });
</script>
<link rel="modulepreload" href="./quiz-app-3aefacd0e826e24a.js" crossorigin="anonymous" integrity="sha384-NZ"><link rel="preload" href="./quiz-app-3aefacd0e826e24a_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
<body></body>"#;

    #[test]
    fn the_inline_start_up_script_becomes_external_and_preloads_stay() {
        let start = trunk_start(TRUNK).unwrap();
        assert_eq!(start.js, "quiz-app-3aefacd0e826e24a.js");
        assert_eq!(start.wasm, "quiz-app-3aefacd0e826e24a_bg.wasm");
        let html = rewrite_html(TRUNK, &start, "boot-0123456789abcdef.js", "n.js").unwrap();
        assert!(!html.contains("await init"), "{html}");
        assert!(!html.contains("integrity"), "{html}");
        assert!(html.contains("<script type=\"module\" src=\"./boot-0123456789abcdef.js\">"));
        assert!(html.contains("rel=\"modulepreload\""));
        assert!(html.contains("rel=\"preload\""));
        assert!(html.find("boot-").unwrap() < html.find("</head>").unwrap());
        assert!(trunk_start(&html).is_err(), "a finished page is refused");
    }

    #[test]
    fn hashed_names_are_recognised() {
        assert!(is_hashed("quiz-app-3aefacd0e826e24a.js"));
        assert!(is_hashed("quiz-app-3aefacd0e826e24a_bg.wasm"));
        assert!(is_hashed("style-746e2d6555cf4b15.css"));
        // A hash that began with zeros, as Trunk writes it.
        assert!(is_hashed("style-2d34b7607389234.css"));
        assert!(is_hashed("quiz-app-683655b28670252_bg.wasm"));
        assert!(is_hashed(&hashed_name("boot", "js", b"x")));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("check.js"));
        assert!(!is_hashed("index.json"));
        assert!(!is_hashed("x-3AEFACD0E826E24A.js"));
    }

    #[test]
    fn the_workbench_files_are_told_apart() {
        assert!(is_workbench("workbench.html"));
        assert!(is_workbench("workbench-3aefacd0e826e24a_bg.wasm"));
        assert!(is_workbench("workbench-boot-0123456789abcdef.js"));
        assert!(!is_workbench("quiz-app-3aefacd0e826e24a.js"));
        assert!(!is_workbench("style-746e2d6555cf4b15.css"));
        assert!(!is_workbench("boot-0123456789abcdef.js"));
    }

    #[test]
    fn boot_scripts_ship_without_their_comments() {
        let script = "// Why this exists.\nconst A = 1; // kept\n\n  function f() {\n    // inside\n    return \"//\";\n  }\n";
        assert_eq!(
            strip_comment_lines(script).unwrap(),
            "const A = 1; // kept\nfunction f() {\nreturn \"//\";\n}\n"
        );
        assert!(strip_comment_lines("const a = `x\n  y`;").is_err());
        assert!(strip_comment_lines("/* a\n b */").is_err());
        // The shipped scripts pass.
        for script in ["boot.js", "workbench-boot.js", "nomodule.js"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../web")
                .join(script);
            strip_comment_lines(&std::fs::read_to_string(path).unwrap()).unwrap();
        }
    }

    #[test]
    fn the_records_pages_files_are_told_apart() {
        assert!(is_records_bundle("records-3aefacd0e826e24a_bg.wasm"));
        assert!(is_records_bundle("records-3aefacd0e826e24a.js"));
        assert!(is_records_bundle("records-boot-0123456789abcdef.js"));
        // The page itself is in the shell, as are the app's files.
        assert!(!is_records_bundle(RECORDS_PAGE));
        assert!(!is_records_bundle("quiz-app-3aefacd0e826e24a.js"));
        assert!(!is_records_bundle("style-746e2d6555cf4b15.css"));
    }

    #[test]
    fn the_service_worker_lists_the_shell() {
        let sw = service_worker(
            "const VERSION = \"__QUIZ_VERSION__\"; const SHELL = __QUIZ_SHELL__;",
            &["./".into(), "a-0123456789abcdef.js".into()],
            "abc".into(),
        );
        assert_eq!(
            sw,
            "const VERSION = \"abc\"; const SHELL = [\"./\", \"a-0123456789abcdef.js\"];"
        );
    }
}
